#include "db/link_index.h"

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <utility>

#include "db/link_text.h"

namespace claimex {

const char* KeyKindName(KeyKind k) {
  switch (k) {
    case KeyKind::kVerbatim:
      return "verbatim";
    case KeyKind::kBoilerplate:
      return "boilerplate";
    case KeyKind::kShingle:
      return "shingle";
    case KeyKind::kAnchor:
      return "anchor";
    case KeyKind::kFigure:
      return "figure";
  }
  return "?";
}

int64_t IndexKey(KeyKind k, uint64_t h) {
  // Boilerplate and verbatim caps are both about a sentence hash: one key for both.
  const uint64_t tag = k == KeyKind::kBoilerplate ? static_cast<uint64_t>(KeyKind::kVerbatim)
                                                  : static_cast<uint64_t>(k);
  return static_cast<int64_t>(MixHash(0x4c494e4bull /* "LINK" */ + tag, h));
}

Result<LinkIndex> LinkIndex::Create(sqlite3* db, int64_t recent_from, int64_t merge_postings) {
  LinkIndex ix;
  ix.db_ = db;
  ix.recent_from_ = recent_from;
  ix.merge_postings_ = std::max<int64_t>(1, merge_postings);
  struct {
    Stmt* stmt;
    const char* sql;
  } const kSql[] = {
      {&ix.cap_, "INSERT OR REPLACE INTO link_key_counts (key, kind, n) VALUES (?1, ?2, ?3)"},
      {&ix.drop_postings_, "DELETE FROM link_keys WHERE key = ?1"},
      {&ix.drop_recent_postings_, "DELETE FROM link_keys_recent WHERE key = ?1"},
      {&ix.lookup_, "SELECT sentence FROM link_keys WHERE key = ?1"},
      {&ix.lookup_recent_, "SELECT sentence FROM link_keys_recent WHERE key = ?1"},
      {&ix.merge_,
       "INSERT OR IGNORE INTO link_keys (key, sentence) SELECT key, sentence "
       "FROM link_keys_recent ORDER BY key, sentence"},
      {&ix.clear_recent_, "DELETE FROM link_keys_recent"},
      {&ix.recent_keys_stmt_, "SELECT key FROM link_keys_recent"},
      {&ix.set_word_,
       "INSERT INTO link_words (word, n) VALUES (?1, ?2) "
       "ON CONFLICT (word) DO UPDATE SET n = excluded.n"},
      {&ix.word_freq_, "SELECT n FROM link_words WHERE word = ?1"},
      {&ix.same_hash_, "SELECT id, article FROM sentences WHERE hash = ?1 LIMIT ?2"},
      {&ix.unlink_hash_,
       "DELETE FROM links WHERE kind = 'verbatim' AND a_sentence IN "
       "(SELECT id FROM sentences WHERE hash = ?1)"},
      {&ix.add_statement_,
       "INSERT OR REPLACE INTO link_statements (sentence, article, hash, sig) "
       "VALUES (?1, ?2, ?3, ?4)"},
      {&ix.statement_, "SELECT article, hash, sig FROM link_statements WHERE sentence = ?1"},
      {&ix.article_,
       "SELECT coalesce(published, ''), ingest_seq, coalesce(source, '') FROM articles "
       "WHERE id = ?1"},
      {&ix.insert_link_,
       "INSERT OR IGNORE INTO links (a_article, a_sentence, b_article, b_sentence, kind, score) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
  };
  for (const auto& [stmt, sql] : kSql) {
    auto p = Stmt::Prepare(db, sql);
    if (!p.ok()) return p.status();
    *stmt = std::move(p.value());
  }
  // Postings go in one row at a time or kInsertRows at a time, into either level.
  for (int level = 0; level < 2; ++level) {
    for (Stmt* st : {&ix.add_posting_[level], &ix.add_postings_[level]}) {
      const int rows = st == &ix.add_posting_[level] ? 1 : kInsertRows;
      std::string insert = std::string("INSERT OR IGNORE INTO ") +
                           (level == 0 ? "link_keys" : "link_keys_recent") +
                           " (key, sentence) VALUES ";
      for (int i = 0; i < rows; ++i) {
        insert += (i ? ", (?" : "(?") + std::to_string(2 * i + 1) + ", ?" +
                  std::to_string(2 * i + 2) + ")";
      }
      auto p = Stmt::Prepare(db, insert);
      if (!p.ok()) return p.status();
      *st = std::move(p.value());
    }
  }
  CLAIMEX_RETURN_IF_ERROR(ix.LoadCaps());
  return ix;
}

Status LinkIndex::LoadCaps() {
  auto capped = Stmt::Prepare(db_, "SELECT key FROM link_key_counts");
  if (!capped.ok()) return capped.status();
  capped_.clear();
  for (;;) {
    Result<bool> r = capped->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    capped_.insert(capped->Int(0));
  }
  recent_keys_.clear();
  recent_keys_stmt_.Reset();
  for (;;) {
    Result<bool> r = recent_keys_stmt_.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    recent_keys_.push_back(recent_keys_stmt_.Int(0));  // in key order
  }
  recent_keys_stmt_.Reset();
  recent_rows_ = static_cast<int64_t>(recent_keys_.size());
  recent_keys_.erase(std::unique(recent_keys_.begin(), recent_keys_.end()), recent_keys_.end());
  return Status::Ok();
}

Status LinkIndex::ReadSettings(sqlite3* db, std::map<std::string, double>* values) {
  auto st = Stmt::Prepare(db, "SELECT name, value FROM link_settings");
  if (!st.ok()) return Status::Ok();  // no table: defaults
  for (;;) {
    Result<bool> r = st->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    (*values)[st->Text(0)] = st->Double(1);
  }
  return Status::Ok();
}

Status LinkIndex::Cap(int64_t key, KeyKind kind, int64_t n) {
  capped_.insert(key);
  pending_last_.erase(key);
  CLAIMEX_RETURN_IF_ERROR(drop_postings_.Reset().BindInt(1, key).Run());
  CLAIMEX_RETURN_IF_ERROR(drop_recent_postings_.Reset().BindInt(1, key).Run());
  return cap_.Reset().BindInt(1, key).BindText(2, KeyKindName(kind)).BindInt(3, n).Run();
}

Status LinkIndex::LookupStored(const std::vector<int64_t>& keys,
                               std::vector<std::pair<int64_t, int64_t>>* out) {
  // One key per statement: `key IN (?, ?, ...)` made SQLite build a temporary B-tree of the
  // list at every execution, which cost more than the probes themselves.
  // link_keys_recent is read only for the keys it holds (recent_keys_, in memory).
  for (int64_t key : keys) {
    const bool recent = std::binary_search(recent_keys_.begin(), recent_keys_.end(), key);
    for (Stmt* st : {&lookup_, recent ? &lookup_recent_ : nullptr}) {
      if (st == nullptr) continue;
      st->Reset().BindInt(1, key);
      for (;;) {
        Result<bool> r = st->Step();
        if (!r.ok()) return r.status();
        if (!*r) break;
        out->push_back({key, st->Int(0)});
      }
    }
  }
  lookup_.Reset();
  lookup_recent_.Reset();
  return Status::Ok();
}

void LinkIndex::AddPosting(int64_t key, int64_t sentence) {
  auto [it, added] = pending_last_.try_emplace(key, -1);
  pending_rows_.push_back({sentence, it->second});
  it->second = static_cast<int32_t>(pending_rows_.size() - 1);
}

Status LinkIndex::FlushPostings() {
  std::vector<std::pair<int64_t, int64_t>> rows;
  rows.reserve(pending_rows_.size());
  for (const auto& [key, last] : pending_last_) {
    for (int32_t r = last; r >= 0; r = pending_rows_[static_cast<size_t>(r)].previous) {
      rows.push_back({key, pending_rows_[static_cast<size_t>(r)].sentence});
    }
  }
  DropPendingPostings();
  std::sort(rows.begin(), rows.end());  // B-tree order
  // A small archive's link_keys stays in the page cache: the postings go straight there.
  const bool to_recent = recent_rows_ > 0 || stored_articles_ >= recent_from_;
  Stmt& many = add_postings_[to_recent ? 1 : 0];
  Stmt& one = add_posting_[to_recent ? 1 : 0];
  size_t i = 0;
  for (; i + kInsertRows <= rows.size(); i += kInsertRows) {
    many.Reset();
    for (int r = 0; r < kInsertRows; ++r) {
      many.BindInt(2 * r + 1, rows[i + static_cast<size_t>(r)].first)
          .BindInt(2 * r + 2, rows[i + static_cast<size_t>(r)].second);
    }
    CLAIMEX_RETURN_IF_ERROR(many.Run());
  }
  for (; i < rows.size(); ++i) {
    CLAIMEX_RETURN_IF_ERROR(one.Reset().BindInt(1, rows[i].first).BindInt(2, rows[i].second).Run());
  }
  if (!to_recent) return Status::Ok();
  recent_rows_ += static_cast<int64_t>(rows.size());
  std::vector<int64_t> added;
  added.reserve(rows.size());
  for (const auto& [key, sentence] : rows) {
    if (added.empty() || added.back() != key) added.push_back(key);
  }
  const size_t before = recent_keys_.size();
  recent_keys_.insert(recent_keys_.end(), added.begin(), added.end());
  std::inplace_merge(recent_keys_.begin(), recent_keys_.begin() + static_cast<ptrdiff_t>(before),
                     recent_keys_.end());
  recent_keys_.erase(std::unique(recent_keys_.begin(), recent_keys_.end()), recent_keys_.end());
  if (recent_rows_ < merge_postings_) return Status::Ok();
  // In key order: each page of link_keys is written once for all of them.
  CLAIMEX_RETURN_IF_ERROR(merge_.Reset().Run());
  CLAIMEX_RETURN_IF_ERROR(clear_recent_.Reset().Run());
  recent_rows_ = 0;
  recent_keys_.clear();
  return Status::Ok();
}

Status LinkIndex::SetWordFrequency(uint64_t word, int64_t n) {
  return set_word_.Reset().BindInt(1, static_cast<int64_t>(word)).BindInt(2, n).Run();
}

Result<int64_t> LinkIndex::WordFrequency(uint64_t word) {
  word_freq_.Reset().BindInt(1, static_cast<int64_t>(word));
  Result<bool> r = word_freq_.Step();
  if (!r.ok()) return r.status();
  const int64_t n = *r ? word_freq_.Int(0) : 0;
  word_freq_.Reset();
  return n;
}

Result<int> LinkIndex::SameHash(int64_t hash, int limit,
                                std::vector<std::pair<int64_t, int64_t>>* out) {
  same_hash_.Reset().BindInt(1, hash).BindInt(2, limit);
  int n = 0;
  for (;;) {
    Result<bool> r = same_hash_.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    out->push_back({same_hash_.Int(0), same_hash_.Int(1)});
    ++n;
  }
  same_hash_.Reset();
  return n;
}

Status LinkIndex::UnlinkHash(int64_t hash) { return unlink_hash_.Reset().BindInt(1, hash).Run(); }

Status LinkIndex::AddStatement(int64_t sentence, int64_t article, int64_t hash,
                               std::string_view sig) {
  return add_statement_.Reset()
      .BindInt(1, sentence)
      .BindInt(2, article)
      .BindInt(3, hash)
      .BindBlob(4, sig)
      .Run();
}

Result<bool> LinkIndex::Statement(int64_t sentence, int64_t* article, int64_t* hash,
                                  std::string* sig) {
  statement_.Reset().BindInt(1, sentence);
  Result<bool> r = statement_.Step();
  if (!r.ok()) return r.status();
  const bool found = *r;
  if (found) {
    *article = statement_.Int(0);
    *hash = statement_.Int(1);
    sig->assign(statement_.BlobView(2));
  }
  // Reset at once: a statement left on a row keeps a read transaction open, and with it the
  // WAL could never be checkpointed and restarted.
  statement_.Reset();
  return found;
}

Result<StoredArticle> LinkIndex::Article(int64_t id) {
  article_.Reset().BindInt(1, id);
  Result<bool> r = article_.Step();
  if (!r.ok()) return r.status();
  if (!*r) return Status::NotFound("article " + std::to_string(id));
  StoredArticle a{article_.Text(0), article_.Text(2), article_.Int(1)};
  article_.Reset();
  return a;
}

Result<bool> LinkIndex::InsertLink(int64_t a_article, int64_t a_sentence, int64_t b_article,
                                   int64_t b_sentence, const char* kind, double score) {
  CLAIMEX_RETURN_IF_ERROR(insert_link_.Reset()
                              .BindInt(1, a_article)
                              .BindInt(2, a_sentence)
                              .BindInt(3, b_article)
                              .BindInt(4, b_sentence)
                              .BindText(5, kind)
                              .BindDouble(6, score)
                              .Run());
  return sqlite3_changes(db_) > 0;
}

}  // namespace claimex

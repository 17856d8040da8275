// Store::Put: one article and everything derived from it, then linking against the rest of the
// store, atomically within the batch transaction: when an article fails midway, the transaction
// is rolled back and the batch's earlier articles are written again from memory (cheaper than a
// SAVEPOINT per article, whose sub-journal copied every page an article touched).
#include <sqlite3.h>

#include <string>
#include <vector>

#include "db/link_signature.h"
#include "db/linker.h"
#include "db/sqlite_util.h"
#include "db/store.h"
#include "db/store_statements.h"

namespace claimex {
namespace {

// 16 hex digits of a 64-bit hash over the body and metadata, each field length-prefixed so that
// moving bytes between fields changes the hash. `origin` is left out: the same article read from
// another path is the same article. `version` (Store::Options::extractor_version) comes first, so
// that an article extracted by other rules or code is not the same content.
constexpr size_t kContentHashSize = 16;
std::string ContentHash(const Article& a, const std::string& version) {
  uint64_t h = kFnvOffset;
  for (const std::string* f :
       {&version, &a.title, &a.source, &a.url, &a.published, &a.encoding, &a.body}) {
    std::string len = std::to_string(f->size()) + ":";
    h = Fnv1a64(len, h);
    h = Fnv1a64(*f, h);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 15];
  return out;
}

Status CheckSpan(const Span& s, size_t body, const char* what, size_t i) {
  if (s.start <= s.end && s.end <= body) return Status::Ok();
  return Status::Internal(std::string(what) + " " + std::to_string(i) + " has span [" +
                          std::to_string(s.start) + "," + std::to_string(s.end) +
                          ") outside the body (" + std::to_string(body) + " bytes)");
}

Status CheckIndex(int idx, size_t n, const char* what, size_t i, const char* field) {
  if (idx >= -1 && (idx < 0 || static_cast<size_t>(idx) < n)) return Status::Ok();
  return Status::Internal(std::string(what) + " " + std::to_string(i) + " refers to " + field +
                          " " + std::to_string(idx) + " of " + std::to_string(n));
}

// An extraction whose spans or indexes do not fit its article is a bug upstream; it is refused
// before anything is written.
Status Validate(const Article& a, const Extraction& ex) {
  const size_t n = a.body.size();
  for (size_t i = 0; i < ex.sentences.size(); ++i) {
    CLAIMEX_RETURN_IF_ERROR(CheckSpan(ex.sentences[i].span, n, "sentence", i));
  }
  for (size_t i = 0; i < ex.times.size(); ++i) {
    CLAIMEX_RETURN_IF_ERROR(CheckSpan(ex.times[i].span, n, "time", i));
  }
  for (size_t i = 0; i < ex.claims.size(); ++i) {
    const Claim& c = ex.claims[i];
    CLAIMEX_RETURN_IF_ERROR(CheckSpan(c.span, n, "claim", i));
    CLAIMEX_RETURN_IF_ERROR(CheckIndex(c.sentence, ex.sentences.size(), "claim", i, "sentence"));
    CLAIMEX_RETURN_IF_ERROR(CheckIndex(c.time, ex.times.size(), "claim", i, "time"));
    CLAIMEX_RETURN_IF_ERROR(CheckIndex(c.speaker, ex.speakers.size(), "claim", i, "speaker"));
    CLAIMEX_RETURN_IF_ERROR(CheckIndex(c.restates, ex.claims.size(), "claim", i, "claim"));
  }
  for (size_t i = 0; i < ex.quotes.size(); ++i) {
    CLAIMEX_RETURN_IF_ERROR(CheckSpan(ex.quotes[i].span, n, "quote", i));
    CLAIMEX_RETURN_IF_ERROR(
        CheckIndex(ex.quotes[i].speaker, ex.speakers.size(), "quote", i, "speaker"));
  }
  return Status::Ok();
}

std::string_view At(const std::string& body, const Span& s) {
  return std::string_view(body).substr(s.start, s.size());
}

// The row id of item `idx` (-1 stays -1, i.e. NULL).
int64_t RowId(const std::vector<int64_t>& ids, int idx) {
  return idx < 0 ? -1 : ids[static_cast<size_t>(idx)];
}

}  // namespace

Result<std::unique_ptr<Store::Statements>> Store::Statements::Prepare(sqlite3* db) {
  auto linker = Linker::Create(db);
  if (!linker.ok()) return linker.status();
  std::unique_ptr<Statements> s(new Statements(std::move(linker.value())));
  s->db = db;
  struct {
    Stmt* stmt;
    const char* sql;
  } const kSql[] = {
      {&s->find_article, "SELECT id, content_hash, ingest_seq FROM articles WHERE ext_id = ?1"},
      {&s->next_seq, "SELECT COALESCE(MAX(ingest_seq), 0) + 1 FROM articles"},
      {&s->insert_article,
       "INSERT INTO articles (ext_id, title, source, url, published, encoding, origin, bytes, "
       "body, content_hash, anchor_date, ingest_seq) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"},
      {&s->insert_sentence,
       "INSERT INTO sentences (article, idx, start_byte, end_byte, paragraph, text, hash) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&s->insert_time,
       "INSERT INTO times (article, idx, start_byte, end_byte, text, timex, from_date, to_date, "
       "kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
      {&s->insert_speaker,
       "INSERT INTO speakers (article, idx, name, role, org) VALUES (?1, ?2, ?3, ?4, ?5)"},
      {&s->insert_alias, "INSERT INTO speaker_aliases (speaker, idx, alias) VALUES (?1, ?2, ?3)"},
      {&s->insert_claim,
       "INSERT INTO claims (article, idx, start_byte, end_byte, text, value, low, high, unit, "
       "noun, qualifier, per_value, per_noun, change, change_kind, measured, sentence, time, "
       "speaker, source, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
       "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"},
      {&s->set_restates, "UPDATE claims SET restates = ?2 WHERE id = ?1"},
      {&s->insert_quote,
       "INSERT INTO quotes (article, idx, start_byte, end_byte, text, kind, speaker, cue, rule) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
      {&s->fts_index,
       "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id >= ?1"},
      {&s->data_version_stmt, "PRAGMA data_version"},
  };
  for (const auto& [stmt, sql] : kSql) {
    auto p = Stmt::Prepare(db, sql);
    if (!p.ok()) return p.status();
    *stmt = std::move(p.value());
  }
  // Deleting an article by hand, children first: the writer's connection runs without foreign
  // key enforcement (db/store.cc), so ON DELETE CASCADE does not do it. Every table that refers
  // to an article's rows is here; sentences go last but one, so that their trigger takes them
  // out of the full-text index.
  static constexpr const char* kDelete[] = {
      "DELETE FROM links WHERE a_article = ?1",
      "DELETE FROM links WHERE b_article = ?1",
      "DELETE FROM link_statements WHERE sentence IN (SELECT id FROM sentences WHERE article = ?1)",
      "DELETE FROM claims WHERE article = ?1",
      "DELETE FROM quotes WHERE article = ?1",
      "DELETE FROM times WHERE article = ?1",
      "DELETE FROM speaker_aliases WHERE speaker IN (SELECT id FROM speakers WHERE article = ?1)",
      "DELETE FROM speakers WHERE article = ?1",
      "DELETE FROM sentences WHERE article = ?1",
      "DELETE FROM articles WHERE id = ?1",
  };
  for (const char* sql : kDelete) {
    auto p = Stmt::Prepare(db, sql);
    if (!p.ok()) return p.status();
    s->delete_article.push_back(std::move(p.value()));
  }
  return s;
}

Status Store::Statements::IndexPending() {
  if (fts_from < 0) return Status::Ok();
  CLAIMEX_RETURN_IF_ERROR(fts_index.Reset().BindInt(1, fts_from).Run());
  fts_from = -1;
  return Status::Ok();
}

Result<int64_t> Store::Statements::DataVersion() {
  data_version_stmt.Reset();
  Result<bool> row = data_version_stmt.Step();
  if (!row.ok()) return row.status();
  const int64_t v = *row ? data_version_stmt.Int(0) : 0;
  data_version_stmt.Reset();
  return v;
}

Status Store::Statements::WriteArticle(const Article& a, const Extraction& ex,
                                       const Linker::PreparedArticle& prepared,
                                       const std::string& content_hash, int64_t old_id,
                                       int64_t old_seq) {
  int64_t seq = old_seq;
  if (old_id >= 0) {
    CLAIMEX_RETURN_IF_ERROR(IndexPending());
    for (Stmt& d : delete_article) CLAIMEX_RETURN_IF_ERROR(d.Reset().BindInt(1, old_id).Run());
    linker.Invalidate();
  } else {
    next_seq.Reset();
    Result<bool> row = next_seq.Step();
    if (!row.ok()) return row.status();
    seq = next_seq.Int(0);
    next_seq.Reset();
  }
  CLAIMEX_RETURN_IF_ERROR(insert_article.Reset()
                              .BindText(1, a.id)
                              .BindTextOrNull(2, a.title)
                              .BindTextOrNull(3, a.source)
                              .BindTextOrNull(4, a.url)
                              .BindTextOrNull(5, a.published)
                              .BindTextOrNull(6, a.encoding)
                              .BindTextOrNull(7, a.origin)
                              .BindInt(8, static_cast<int64_t>(a.body.size()))
                              .BindText(9, a.body)
                              .BindText(10, content_hash)
                              .BindTextOrNull(11, ex.anchor_date)
                              .BindInt(12, seq)
                              .Run());
  const int64_t article = sqlite3_last_insert_rowid(db);

  sentence_ids.clear();
  time_ids.clear();
  speaker_ids.clear();
  claim_ids.clear();
  if (prepared.sentences.size() != ex.sentences.size())
    return Status::Internal("the prepared article does not match its extraction");
  for (size_t i = 0; i < ex.sentences.size(); ++i) {
    const Sentence& s = ex.sentences[i];
    CLAIMEX_RETURN_IF_ERROR(insert_sentence.Reset()
                                .BindInt(1, article)
                                .BindInt(2, static_cast<int64_t>(i))
                                .BindInt(3, s.span.start)
                                .BindInt(4, s.span.end)
                                .BindInt(5, s.paragraph)
                                .BindText(6, At(a.body, s.span))
                                .BindInt(7, prepared.sentences[i].hash)
                                .Run());
    sentence_ids.push_back(sqlite3_last_insert_rowid(db));
    if (fts_from < 0 || sentence_ids.back() < fts_from) fts_from = sentence_ids.back();
  }

  for (size_t i = 0; i < ex.times.size(); ++i) {
    const TimeExpr& t = ex.times[i];
    CLAIMEX_RETURN_IF_ERROR(insert_time.Reset()
                                .BindInt(1, article)
                                .BindInt(2, static_cast<int64_t>(i))
                                .BindInt(3, t.span.start)
                                .BindInt(4, t.span.end)
                                .BindText(5, t.text)
                                .BindTextOrNull(6, t.timex)
                                .BindTextOrNull(7, t.from)
                                .BindTextOrNull(8, t.to)
                                .BindTextOrNull(9, t.kind)
                                .Run());
    time_ids.push_back(sqlite3_last_insert_rowid(db));
  }

  for (size_t i = 0; i < ex.speakers.size(); ++i) {
    const Speaker& sp = ex.speakers[i];
    CLAIMEX_RETURN_IF_ERROR(insert_speaker.Reset()
                                .BindInt(1, article)
                                .BindInt(2, static_cast<int64_t>(i))
                                .BindText(3, sp.name)
                                .BindTextOrNull(4, sp.role)
                                .BindTextOrNull(5, sp.org)
                                .Run());
    speaker_ids.push_back(sqlite3_last_insert_rowid(db));
    for (size_t k = 0; k < sp.aliases.size(); ++k) {
      CLAIMEX_RETURN_IF_ERROR(insert_alias.Reset()
                                  .BindInt(1, speaker_ids.back())
                                  .BindInt(2, static_cast<int64_t>(k))
                                  .BindText(3, sp.aliases[k])
                                  .Run());
    }
  }

  for (size_t i = 0; i < ex.claims.size(); ++i) {
    const Claim& c = ex.claims[i];
    insert_claim.Reset()
        .BindInt(1, article)
        .BindInt(2, static_cast<int64_t>(i))
        .BindInt(3, c.span.start)
        .BindInt(4, c.span.end)
        .BindText(5, c.text)
        .BindDouble(6, c.value)
        .BindDouble(7, c.low)
        .BindDouble(8, c.high)
        .BindText(9, c.unit)
        .BindTextOrNull(10, c.noun)
        .BindText(11, QualifierName(c.qualifier));
    if (c.per) {
      insert_claim.BindDouble(12, c.per->value).BindTextOrNull(13, c.per->noun);
    }
    const char* change = ChangeName(c.change);
    const char* change_kind = ChangeKindName(c.change_kind);
    if (change != nullptr) insert_claim.BindText(14, change);
    if (change_kind != nullptr) insert_claim.BindText(15, change_kind);
    CLAIMEX_RETURN_IF_ERROR(insert_claim.BindTextOrNull(16, c.measured)
                                .BindIdOrNull(17, RowId(sentence_ids, c.sentence))
                                .BindIdOrNull(18, RowId(time_ids, c.time))
                                .BindIdOrNull(19, RowId(speaker_ids, c.speaker))
                                .BindTextOrNull(20, c.source)
                                .BindTextOrNull(21, c.attribution_rule)
                                .Run());
    claim_ids.push_back(sqlite3_last_insert_rowid(db));
  }
  // restates may point forward, so it is set once every claim of the article has its row.
  for (size_t i = 0; i < ex.claims.size(); ++i) {
    if (ex.claims[i].restates < 0) continue;
    CLAIMEX_RETURN_IF_ERROR(set_restates.Reset()
                                .BindInt(1, claim_ids[i])
                                .BindInt(2, RowId(claim_ids, ex.claims[i].restates))
                                .Run());
  }

  for (size_t i = 0; i < ex.quotes.size(); ++i) {
    const Quote& q = ex.quotes[i];
    CLAIMEX_RETURN_IF_ERROR(insert_quote.Reset()
                                .BindInt(1, article)
                                .BindInt(2, static_cast<int64_t>(i))
                                .BindInt(3, q.span.start)
                                .BindInt(4, q.span.end)
                                .BindText(5, At(a.body, q.span))
                                .BindText(6, QuoteKindName(q.kind))
                                .BindIdOrNull(7, RowId(speaker_ids, q.speaker))
                                .BindTextOrNull(8, q.cue)
                                .BindTextOrNull(9, q.rule)
                                .Run());
  }

  Result<int> links = linker.LinkArticle(article, prepared, sentence_ids);
  return links.ok() ? Status::Ok() : links.status();
}

void Store::Prepare(const Article& article, const Extraction& extraction,
                    std::string* prepared) const {
  prepared->assign(ContentHash(article, options_.extractor_version));
  // An extraction that does not fit its article is refused by Put; nothing more to prepare.
  if (stmts_ == nullptr || !Validate(article, extraction).ok()) return;
  Linker::PreparedArticle p;
  stmts_->linker.Prepare(article, extraction, &p);
  EncodePrepared(p, prepared);
}

Result<Store::PutOutcome> Store::Put(const Article& article, const Extraction& extraction) {
  std::string prepared;
  Prepare(article, extraction, &prepared);
  return Put(article, extraction, prepared);
}

Result<Store::PutOutcome> Store::Put(const Article& article, const Extraction& extraction,
                                     std::string_view prepared) {
  const double start = ThreadCpu();
  ++puts_;
  Result<PutOutcome> r = PutOne(article, extraction, prepared);
  cpu_ += ThreadCpu() - start;  // with the batch commits it makes
  return r;
}

Result<Store::PutOutcome> Store::PutOne(const Article& article, const Extraction& extraction,
                                        std::string_view prepared) {
  if (options_.read_only || stmts_ == nullptr) {
    return Status::InvalidArgument(options_.path + ": store is open read-only");
  }
  if (article.id.empty()) return Status::InvalidArgument("article without an id");
  CLAIMEX_RETURN_IF_ERROR(Validate(article, extraction));
  if (!in_txn_) CLAIMEX_RETURN_IF_ERROR(Begin());
  Statements& st = *stmts_;

  if (prepared.size() < kContentHashSize) {
    return Status::InvalidArgument("article " + article.id + ": not prepared by Store::Prepare");
  }
  const std::string hash(prepared.substr(0, kContentHashSize));
  st.find_article.Reset().BindText(1, article.id);
  Result<bool> row = st.find_article.Step();
  if (!row.ok()) return row.status();
  int64_t old_id = -1, old_seq = -1;
  std::string old_hash;
  if (*row) {
    old_id = st.find_article.Int(0);
    old_hash = st.find_article.Text(1);
    old_seq = st.find_article.Int(2);
  }
  st.find_article.Reset();

  PutOutcome outcome = PutOutcome::kUnchanged;
  if (old_id < 0 || old_hash != hash) {
    if (!DecodePrepared(prepared.substr(kContentHashSize), &st.prepared)) {
      return Status::InvalidArgument("article " + article.id +
                                     ": the prepared bytes do not decode");
    }
    Status s = st.WriteArticle(article, extraction, st.prepared, hash, old_id, old_seq);
    if (!s.ok()) {
      s = Status(s.code(), "article " + article.id + ": " + s.message());
      Status again = WriteBatchAgain();
      if (!again.ok()) {
        return Status(s.code(), s.message() + "; writing the rest of its batch again failed: " +
                                    again.message());
      }
      return s;
    }
    if (!st.replaying) {
      if (st.written.size() <= st.n_written) st.written.emplace_back();
      Statements::Written& w = st.written[st.n_written++];
      w.article = article;
      w.extraction = extraction;
    }
    outcome = old_id < 0 ? PutOutcome::kStored : PutOutcome::kReplaced;
  }
  if (++pending_ >= options_.batch_articles) CLAIMEX_RETURN_IF_ERROR(CommitBatch());
  return outcome;
}

Status Store::WriteBatchAgain() {
  Statements& st = *stmts_;
  // SQLite may have rolled the transaction back by itself already (disk full, I/O error).
  if (!sqlite3_get_autocommit(db_)) CLAIMEX_RETURN_IF_ERROR(ExecSql(db_, "ROLLBACK"));
  in_txn_ = false;
  pending_ = 0;
  st.fts_from = -1;
  const size_t n = st.n_written;
  st.n_written = 0;
  Status s = st.linker.Reload();
  st.replaying = true;
  for (size_t i = 0; i < n && s.ok(); ++i) {
    const Statements::Written& w = st.written[i];
    Prepare(w.article, w.extraction, &st.replay_prepared);  // not kept: made again
    s = PutOne(w.article, w.extraction, st.replay_prepared).status();
  }
  st.replaying = false;
  st.n_written = n;
  if (!s.ok()) {
    // The batch is lost (as when SQLite rolls it back): nothing of it stays.
    if (!sqlite3_get_autocommit(db_)) ExecSql(db_, "ROLLBACK");
    in_txn_ = false;
    pending_ = 0;
    st.n_written = 0;
    st.fts_from = -1;
    st.linker.Reload();
  }
  return s;
}

}  // namespace claimex

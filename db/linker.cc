#include "db/linker.h"

#include <sqlite3.h>
#include <utf8proc.h>

#include <algorithm>
#include <string>
#include <utility>

namespace claimex {
std::string FoldNormalized(std::string_view normalized) {
  std::string out;
  out.reserve(normalized.size());
  bool pending_space = false;
  auto put_space_if_pending = [&] {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
  };
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(normalized.data());
  size_t i = 0;
  while (i < normalized.size()) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      if (b == ' ' || (b >= '\t' && b <= '\r')) {
        pending_space = true;
        continue;
      }
      put_space_if_pending();
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
      continue;
    }
    utf8proc_int32_t c = 0xFFFD;
    utf8proc_ssize_t n =
        utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(normalized.size() - i), &c);
    i += n > 0 ? static_cast<size_t>(n) : 1;  // a stray byte becomes U+FFFD
    if (n <= 0) c = 0xFFFD;
    put_space_if_pending();
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t len = utf8proc_encode_char(utf8proc_tolower(c), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  }
  return out;
}

std::string NormalizeSentence(std::string_view raw) {
  return FoldNormalized(NormalizedText(raw).text());
}

std::string SentenceKey(const NormalizedText& body, Span raw) {
  const uint32_t start = body.FromRaw(raw.start);
  const uint32_t end = std::max(start, body.FromRaw(raw.end));
  return FoldNormalized(std::string_view(body.text()).substr(start, end - start));
}

Result<Linker> Linker::Create(sqlite3* db, const Options& options) {
  Linker linker;
  linker.options_ = options;
  auto order = Stmt::Prepare(db, "SELECT published, ingest_seq FROM articles WHERE id = ?1");
  if (!order.ok()) return order.status();
  linker.article_order_ = std::move(order.value());
  // One row more than the cap tells that the cap is exceeded. The new article's own sentences
  // count toward the cap but are not linked.
  auto cand = Stmt::Prepare(db,
                            "SELECT s.id, s.article, a.published, a.ingest_seq FROM sentences s "
                            "JOIN articles a ON a.id = s.article WHERE s.hash = ?1 LIMIT ?2");
  if (!cand.ok()) return cand.status();
  linker.candidates_ = std::move(cand.value());
  auto ins = Stmt::Prepare(db,
                           "INSERT OR IGNORE INTO links "
                           "(a_article, a_sentence, b_article, b_sentence, kind, score) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!ins.ok()) return ins.status();
  linker.insert_link_ = std::move(ins.value());
  auto del = Stmt::Prepare(db,
                           "DELETE FROM links WHERE kind = 'verbatim' AND a_sentence IN "
                           "(SELECT id FROM sentences WHERE hash = ?1)");
  if (!del.ok()) return del.status();
  linker.unlink_hash_ = std::move(del.value());
  return linker;
}

bool Linker::Linkable(std::string_view normalized) const {
  if (normalized.size() < static_cast<size_t>(options_.min_bytes)) return false;
  int words = 1;
  for (char c : normalized) words += c == ' ';
  return words >= options_.min_words;
}

Result<int> Linker::LinkArticle(int64_t article, const std::vector<NewSentence>& sentences) {
  bool any = false;
  for (const NewSentence& s : sentences) any = any || s.linkable;
  if (!any) return 0;

  article_order_.Reset().BindInt(1, article);
  Result<bool> row = article_order_.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("linker: article row " + std::to_string(article) + " missing");
  const std::string published = article_order_.Text(0);
  const int64_t seq = article_order_.Int(1);
  article_order_.Reset();

  struct Candidate {
    int64_t sentence, article;
    std::string published;
    int64_t seq;
  };
  std::vector<Candidate> found;
  int links = 0;
  for (const NewSentence& s : sentences) {
    if (!s.linkable) continue;
    // Copies of this sentence in the new article itself (they are in the store already).
    size_t own = 0;
    for (const NewSentence& t : sentences) own += t.hash == s.hash;
    found.clear();
    candidates_.Reset().BindInt(1, s.hash).BindInt(2, options_.max_shared + 1 + own);
    for (;;) {
      Result<bool> r = candidates_.Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      found.push_back(
          {candidates_.Int(0), candidates_.Int(1), candidates_.Text(2), candidates_.Int(3)});
    }
    candidates_.Reset();
    const size_t cap = static_cast<size_t>(options_.max_shared);
    if (found.size() > cap) {
      // Boilerplate. When this article is the one that takes the hash over the cap, the links
      // made while it was under the cap go too.
      if (found.size() - own <= cap) {
        CLAIMEX_RETURN_IF_ERROR(unlink_hash_.Reset().BindInt(1, s.hash).Run());
      }
      continue;
    }
    for (const Candidate& c : found) {
      if (c.article == article) continue;
      // The earlier article is side a: by published date when both have one, else ingest order.
      bool other_first = (!published.empty() && !c.published.empty() && c.published != published)
                             ? c.published < published
                             : c.seq < seq;
      insert_link_.Reset();
      if (other_first) {
        insert_link_.BindInt(1, c.article)
            .BindInt(2, c.sentence)
            .BindInt(3, article)
            .BindInt(4, s.id);
      } else {
        insert_link_.BindInt(1, article)
            .BindInt(2, s.id)
            .BindInt(3, c.article)
            .BindInt(4, c.sentence);
      }
      insert_link_.BindText(5, "verbatim").BindDouble(6, 1.0);
      CLAIMEX_RETURN_IF_ERROR(insert_link_.Run());
      ++links;
    }
  }
  return links;
}

}  // namespace claimex

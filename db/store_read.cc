// Store::ForEachArticle and Store::ForEachLink: reading the store back (export).
#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "db/sqlite_util.h"
#include "db/store.h"

namespace claimex {
namespace {

template <typename Enum, typename NameFn>
Enum ParseName(const std::string& text, NameFn name, std::initializer_list<Enum> values,
               Enum fallback) {
  for (Enum e : values) {
    const char* n = name(e);
    if (n != nullptr && text == n) return e;
  }
  return fallback;
}

Qualifier ParseQualifier(const std::string& s) {
  using Q = Qualifier;
  return ParseName(s, QualifierName, {Q::kExact, Q::kApprox, Q::kGt, Q::kGe, Q::kLt, Q::kLe},
                   Q::kExact);
}
Change ParseChange(const std::string& s) {
  return ParseName(s, ChangeName, {Change::kUp, Change::kDown}, Change::kNone);
}
ChangeKind ParseChangeKind(const std::string& s) {
  return ParseName(s, ChangeKindName, {ChangeKind::kBy, ChangeKind::kTo}, ChangeKind::kNone);
}
QuoteKind ParseQuoteKind(const std::string& s) {
  return ParseName(s, QuoteKindName, {QuoteKind::kDirect, QuoteKind::kReported},
                   QuoteKind::kDirect);
}
LinkKind ParseLinkKind(const std::string& s) {
  using K = LinkKind;
  return ParseName(s, LinkKindName, {K::kVerbatim, K::kNear, K::kFigure, K::kQuote}, K::kVerbatim);
}

Span SpanAt(const Stmt& st, int col) {
  return {static_cast<uint32_t>(st.Int(col)), static_cast<uint32_t>(st.Int(col + 1))};
}

// Row id -> index in the article, for the FK columns of claims and quotes (NULL -> -1).
using IndexOf = std::unordered_map<int64_t, int>;
int Lookup(const IndexOf& map, int64_t id) {
  auto it = map.find(id);
  return it == map.end() ? -1 : it->second;
}

// Steps `st` (already bound) and calls `row` on every row.
template <typename Fn>
Status EachRow(Stmt& st, Fn row) {
  for (;;) {
    Result<bool> r = st.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    row();
  }
  st.Reset();
  return Status::Ok();
}

// The prepared statements that read one article's derived rows.
struct ArticleReader {
  Stmt sentences, times, speakers, aliases, claims, quotes;

  Status Prepare(sqlite3* db) {
    struct {
      Stmt* stmt;
      const char* sql;
    } const kSql[] = {
        {&sentences,
         "SELECT id, start_byte, end_byte, paragraph FROM sentences WHERE article = ?1 "
         "ORDER BY idx"},
        {&times,
         "SELECT id, start_byte, end_byte, text, timex, from_date, to_date, kind FROM times "
         "WHERE article = ?1 ORDER BY idx"},
        {&speakers, "SELECT id, name, role, org FROM speakers WHERE article = ?1 ORDER BY idx"},
        {&aliases,
         "SELECT a.speaker, a.alias FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker "
         "WHERE s.article = ?1 ORDER BY s.idx, a.idx"},
        {&claims,
         "SELECT id, start_byte, end_byte, text, value, low, high, unit, noun, qualifier, "
         "per_value, per_noun, change, change_kind, measured, restates, sentence, time, speaker, "
         "source, rule FROM claims WHERE article = ?1 ORDER BY idx"},
        {&quotes,
         "SELECT start_byte, end_byte, kind, speaker, cue, rule FROM quotes WHERE article = ?1 "
         "ORDER BY idx"},
    };
    for (const auto& [stmt, sql] : kSql) {
      auto p = Stmt::Prepare(db, sql);
      if (!p.ok()) return p.status();
      *stmt = std::move(p.value());
    }
    return Status::Ok();
  }

  Status Read(int64_t article, Extraction& ex) {
    IndexOf sentence_of, time_of, speaker_of, claim_of;
    CLAIMEX_RETURN_IF_ERROR(EachRow(sentences.Reset().BindInt(1, article), [&] {
      sentence_of[sentences.Int(0)] = static_cast<int>(ex.sentences.size());
      ex.sentences.push_back({SpanAt(sentences, 1), static_cast<int>(sentences.Int(3))});
    }));
    CLAIMEX_RETURN_IF_ERROR(EachRow(times.Reset().BindInt(1, article), [&] {
      time_of[times.Int(0)] = static_cast<int>(ex.times.size());
      ex.times.push_back({SpanAt(times, 1), times.Text(3), times.Text(4), times.Text(5),
                          times.Text(6), times.Text(7)});
    }));
    CLAIMEX_RETURN_IF_ERROR(EachRow(speakers.Reset().BindInt(1, article), [&] {
      speaker_of[speakers.Int(0)] = static_cast<int>(ex.speakers.size());
      ex.speakers.push_back({speakers.Text(1), speakers.Text(2), speakers.Text(3), {}});
    }));
    CLAIMEX_RETURN_IF_ERROR(EachRow(aliases.Reset().BindInt(1, article), [&] {
      int i = Lookup(speaker_of, aliases.Int(0));
      if (i >= 0) ex.speakers[static_cast<size_t>(i)].aliases.push_back(aliases.Text(1));
    }));
    std::vector<int64_t> restates;  // row ids, resolved once every claim is read
    CLAIMEX_RETURN_IF_ERROR(EachRow(claims.Reset().BindInt(1, article), [&] {
      const Stmt& r = claims;
      claim_of[r.Int(0)] = static_cast<int>(ex.claims.size());
      Claim c;
      c.span = SpanAt(r, 1);
      c.text = r.Text(3);
      c.value = r.OptDouble(4);
      c.low = r.OptDouble(5);
      c.high = r.OptDouble(6);
      c.unit = r.Text(7);
      c.noun = r.Text(8);
      c.qualifier = ParseQualifier(r.Text(9));
      if (!r.IsNull(10) || !r.IsNull(11)) c.per = Rate{r.IsNull(10) ? 1 : r.Double(10), r.Text(11)};
      c.change = ParseChange(r.Text(12));
      c.change_kind = ParseChangeKind(r.Text(13));
      c.measured = r.Text(14);
      restates.push_back(r.IdOrMinus1(15));
      c.sentence = Lookup(sentence_of, r.IdOrMinus1(16));
      c.time = Lookup(time_of, r.IdOrMinus1(17));
      c.speaker = Lookup(speaker_of, r.IdOrMinus1(18));
      c.source = r.Text(19);
      c.attribution_rule = r.Text(20);
      ex.claims.push_back(std::move(c));
    }));
    for (size_t i = 0; i < restates.size(); ++i)
      ex.claims[i].restates = Lookup(claim_of, restates[i]);
    return EachRow(quotes.Reset().BindInt(1, article), [&] {
      Quote q;
      q.span = SpanAt(quotes, 0);
      q.kind = ParseQuoteKind(quotes.Text(2));
      q.speaker = Lookup(speaker_of, quotes.IdOrMinus1(3));
      q.cue = quotes.Text(4);
      q.rule = quotes.Text(5);
      ex.quotes.push_back(std::move(q));
    });
  }
};

}  // namespace

Status Store::ForEachArticle(
    const std::function<Status(const Article&, const Extraction&)>& fn) const {
  ArticleReader reader;
  CLAIMEX_RETURN_IF_ERROR(reader.Prepare(db_));
  auto articles = Stmt::Prepare(db_,
                                "SELECT id, ext_id, title, source, url, published, encoding, "
                                "origin, body, anchor_date FROM articles ORDER BY ingest_seq");
  if (!articles.ok()) return articles.status();
  Stmt& st = articles.value();
  for (;;) {
    Result<bool> r = st.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    Article a;
    a.id = st.Text(1);
    a.title = st.Text(2);
    a.source = st.Text(3);
    a.url = st.Text(4);
    a.published = st.Text(5);
    a.encoding = st.Text(6);
    a.origin = st.Text(7);
    a.body = st.Text(8);
    Extraction ex;
    ex.anchor_date = st.Text(9);
    CLAIMEX_RETURN_IF_ERROR(reader.Read(st.Int(0), ex));
    CLAIMEX_RETURN_IF_ERROR(fn(a, ex));
  }
  return Status::Ok();
}

Status Store::ForEachLink(const std::function<Status(const Link&)>& fn) const {
  auto links = Stmt::Prepare(db_,
                             "SELECT l.kind, l.score, aa.ext_id, sa.start_byte, sa.end_byte, "
                             "ba.ext_id, sb.start_byte, sb.end_byte FROM links l "
                             "JOIN articles aa ON aa.id = l.a_article "
                             "JOIN sentences sa ON sa.id = l.a_sentence "
                             "JOIN articles ba ON ba.id = l.b_article "
                             "JOIN sentences sb ON sb.id = l.b_sentence ORDER BY l.id");
  if (!links.ok()) return links.status();
  Stmt& st = links.value();
  for (;;) {
    Result<bool> r = st.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    Link link;
    link.kind = ParseLinkKind(st.Text(0));
    link.score = st.Double(1);
    link.a = {st.Text(2), SpanAt(st, 3)};
    link.b = {st.Text(5), SpanAt(st, 6)};
    CLAIMEX_RETURN_IF_ERROR(fn(link));
  }
  return Status::Ok();
}

}  // namespace claimex

#include "db/link_queries.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "db/link_figures.h"
#include "db/link_text.h"
#include "db/sqlite_util.h"

namespace claimex {
namespace {

template <typename Fn>
Status EachRow(Stmt& st, Fn fn) {
  for (;;) {
    Result<bool> r = st.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    fn();
  }
  st.Reset();
  return Status::Ok();
}

struct ClaimRow {
  int64_t sentence = 0, article = 0, seq = 0;
  FigureInput input;
  FigureFacts facts;
  Sighting seen;
};

// Claims in linked statements.
constexpr char kLinkedClaims[] = R"sql(
SELECT c.sentence, c.article, a.ingest_seq, c.text, c.value, c.low, c.high, c.unit,
       coalesce(c.noun, r.noun, ''), c.qualifier, c.per_value, coalesce(c.per_noun, ''),
       coalesce(c.change, ''), coalesce(c.change_kind, ''), coalesce(c.measured, ''),
       coalesce(t.from_date, ''), coalesce(t.to_date, ''), coalesce(t.kind, ''), a.ext_id, coalesce(a.published, ''),
       coalesce(sp.name, c.source, ''), s.text
FROM claims c
JOIN sentences s ON s.id = c.sentence
JOIN articles a ON a.id = c.article
LEFT JOIN times t ON t.id = c.time
LEFT JOIN claims r ON r.id = c.restates
LEFT JOIN speakers sp ON sp.id = c.speaker
WHERE c.sentence IN (SELECT a_sentence FROM links UNION SELECT b_sentence FROM links)
ORDER BY c.id
)sql";

int64_t Find(std::vector<int64_t>& parent, int64_t x) {
  while (parent[static_cast<size_t>(x)] != x) {
    parent[static_cast<size_t>(x)] = parent[static_cast<size_t>(parent[static_cast<size_t>(x)])];
    x = parent[static_cast<size_t>(x)];
  }
  return x;
}

// Earlier: by published date when both have one, else by ingest order.
bool Earlier(const ClaimRow& a, const ClaimRow& b) {
  if (!a.seen.published.empty() && !b.seen.published.empty() &&
      a.seen.published != b.seen.published)
    return a.seen.published < b.seen.published;
  return a.seq < b.seq;
}

}  // namespace

Status RecycledFigures(const Store& store, const RecycledOptions& options,
                       std::vector<RecycledFigure>* out) {
  sqlite3* db = store.handle();
  auto rules = RuleSet::Load();
  if (!rules.ok()) return rules.status();
  auto lex = LinkLexicon::Create(**rules);
  if (!lex.ok()) return lex.status();

  std::vector<ClaimRow> claims;
  std::unordered_map<int64_t, std::vector<size_t>> by_sentence;
  auto st = Stmt::Prepare(db, kLinkedClaims);
  if (!st.ok()) return st.status();
  CLAIMEX_RETURN_IF_ERROR(EachRow(*st, [&] {
    const Stmt& q = *st;
    ClaimRow c;
    c.sentence = q.Int(0);
    c.article = q.Int(1);
    c.seq = q.Int(2);
    FigureInput& f = c.input;
    f.text = q.Text(3);
    f.value = q.OptDouble(4);
    f.low = q.OptDouble(5);
    f.high = q.OptDouble(6);
    f.unit = q.Text(7);
    f.noun = q.Text(8);
    f.qualifier = q.Text(9);
    f.per_value = q.OptDouble(10);
    f.per_noun = q.Text(11);
    f.change = q.Text(12);
    f.change_kind = q.Text(13);
    f.measured = q.Text(14);
    f.time_from = q.Text(15);
    f.time_to = q.Text(16);
    f.time_kind = q.Text(17);
    c.seen = {q.Text(18), q.Text(19), q.Text(20), f.text, q.Text(21)};
    c.facts = MakeFigure(**lex, f);
    // "two versions", "millions of people": no figure an editor follows (link_figures.h).
    if (PlainFigure(c.facts) || SmallCount(c.facts)) return;
    by_sentence[c.sentence].push_back(claims.size());
    claims.push_back(std::move(c));
  }));

  std::vector<int64_t> parent(claims.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto links = Stmt::Prepare(db, "SELECT a_sentence, b_sentence FROM links");
  if (!links.ok()) return links.status();
  CLAIMEX_RETURN_IF_ERROR(EachRow(*links, [&] {
    auto a = by_sentence.find(links->Int(0)), b = by_sentence.find(links->Int(1));
    if (a == by_sentence.end() || b == by_sentence.end()) return;
    for (size_t x : a->second) {
      for (size_t y : b->second) {
        if (Compatible(claims[x].facts, claims[y].facts)) {
          parent[static_cast<size_t>(Find(parent, static_cast<int64_t>(x)))] =
              Find(parent, static_cast<int64_t>(y));
        }
      }
    }
  }));

  std::map<int64_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < claims.size(); ++i) {
    groups[Find(parent, static_cast<int64_t>(i))].push_back(i);
  }
  for (const auto& [root, members] : groups) {
    std::vector<int64_t> articles;
    for (size_t m : members) articles.push_back(claims[m].article);
    std::sort(articles.begin(), articles.end());
    articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
    if (static_cast<int>(articles.size()) < std::max(2, options.min_articles)) continue;
    size_t first = members[0], last = members[0];
    for (size_t m : members) {
      if (Earlier(claims[m], claims[first])) first = m;
      if (Earlier(claims[last], claims[m])) last = m;
    }
    RecycledFigure r;
    const FigureInput& f = claims[first].input;
    r.value = f.value;
    r.low = f.low;
    r.high = f.high;
    r.unit = f.unit;
    r.noun = f.noun;
    r.articles = static_cast<int>(articles.size());
    r.first = claims[first].seen;
    r.last = claims[last].seen;
    out->push_back(std::move(r));
  }
  std::stable_sort(out->begin(), out->end(), [](const RecycledFigure& a, const RecycledFigure& b) {
    if (a.articles != b.articles) return a.articles > b.articles;
    return a.first.published < b.first.published;
  });
  if (options.limit > 0 && out->size() > static_cast<size_t>(options.limit))
    out->resize(static_cast<size_t>(options.limit));
  return Status::Ok();
}

// Both directions of every link of an article's statements.
constexpr char kArticleLinks[] = R"sql(
SELECT s.idx, s.text, l.kind, l.score, 1, oa.ext_id, coalesce(oa.published, ''), os.text
FROM sentences s JOIN links l ON l.b_sentence = s.id
JOIN sentences os ON os.id = l.a_sentence JOIN articles oa ON oa.id = os.article
WHERE s.article = ?1
UNION ALL
SELECT s.idx, s.text, l.kind, l.score, 0, oa.ext_id, coalesce(oa.published, ''), os.text
FROM sentences s JOIN links l ON l.a_sentence = s.id
JOIN sentences os ON os.id = l.b_sentence JOIN articles oa ON oa.id = os.article
WHERE s.article = ?1
ORDER BY 1, 4 DESC
)sql";

Status ArticleLinks(const Store& store, const std::string& ext_id, bool all,
                    std::vector<LinkedStatement>* out) {
  sqlite3* db = store.handle();
  auto find = Stmt::Prepare(db, "SELECT id FROM articles WHERE ext_id = ?1");
  if (!find.ok()) return find.status();
  find->BindText(1, ext_id);
  Result<bool> row = find->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no article " + ext_id);
  const int64_t article = find->Int(0);

  std::map<int, LinkedStatement> statements;
  if (all) {
    auto sentences = Stmt::Prepare(db, "SELECT idx, text FROM sentences WHERE article = ?1");
    if (!sentences.ok()) return sentences.status();
    sentences->BindInt(1, article);
    CLAIMEX_RETURN_IF_ERROR(EachRow(*sentences, [&] {
      const int idx = static_cast<int>(sentences->Int(0));
      statements[idx] = {idx, sentences->Text(1), {}};
    }));
  }
  auto st = Stmt::Prepare(db, kArticleLinks);
  if (!st.ok()) return st.status();
  st->BindInt(1, article);
  CLAIMEX_RETURN_IF_ERROR(EachRow(*st, [&] {
    const Stmt& q = *st;
    const int idx = static_cast<int>(q.Int(0));
    LinkedStatement& s = statements[idx];
    s.idx = idx;
    s.text = q.Text(1);
    s.links.push_back({q.Text(2), q.Double(3), q.Int(4) == 1, q.Text(5), q.Text(6), q.Text(7)});
  }));
  for (auto& [idx, s] : statements) out->push_back(std::move(s));
  return Status::Ok();
}

}  // namespace claimex

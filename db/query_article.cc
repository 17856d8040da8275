#include "db/query_article.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace claimex {
namespace {

constexpr char kArticles[] =
    "SELECT a.ext_id AS article, a.title, coalesce(a.published, a.anchor_date) AS date,"
    " a.source, a.url,"
    " (SELECT count(*) FROM claims c WHERE c.article = a.id) AS figures,"
    " (SELECT count(*) FROM quotes q WHERE q.article = a.id) AS quotes,"
    " (SELECT count(*) FROM links l WHERE l.a_article = a.id OR l.b_article = a.id) AS links"
    " FROM articles a"
    " WHERE (?1 IS NULL OR a.ext_id IN (SELECT value FROM json_each(?1)))"
    " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM claims c WHERE c.article = a.id AND c.unit = ?2))"
    " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM who_said_what w WHERE w.article_id = a.id"
    "   AND instr(lower(w.speaker), lower(?3)) > 0))"
    " AND (?4 IS NULL OR coalesce(a.published, a.anchor_date) >= ?4)"
    " AND (?5 IS NULL OR substr(coalesce(a.published, a.anchor_date), 1, length(?5)) <= ?5)"
    " ORDER BY a.ingest_seq LIMIT ?6";

constexpr char kTotals[] =
    "SELECT (SELECT count(*) FROM articles) AS articles,"
    " (SELECT count(*) FROM sentences) AS sentences, (SELECT count(*) FROM claims) AS figures,"
    " (SELECT count(*) FROM quotes) AS quotes,"
    " (SELECT count(DISTINCT name) FROM speakers) AS speakers,"
    " (SELECT count(*) FROM links) AS links,"
    " (SELECT count(*) FROM recycled_figures) AS recycled";

constexpr char kArticle[] =
    "SELECT id, ext_id, title, source, url, coalesce(published, anchor_date) AS date, origin,"
    " body FROM articles WHERE ext_id = ?1";

constexpr char kSentences[] =
    "SELECT id, idx, start_byte, end_byte, paragraph FROM sentences WHERE article = ?1"
    " ORDER BY idx";

// Figures with their key and the number of other articles stating the same figure.
constexpr char kFigures[] =
    "SELECT c.id, c.start_byte, c.end_byte, coalesce(sp.name, c.source) AS said_by, c.value,"
    " c.unit, lower(coalesce(c.noun, '')) AS noun_key,"
    " CASE WHEN c.value IS NULL OR c.restates IS NOT NULL THEN 0 ELSE"
    "  (SELECT count(DISTINCT c2.article) FROM claims c2 WHERE c2.unit = c.unit"
    "   AND c2.value = c.value AND lower(coalesce(c2.noun, '')) = lower(coalesce(c.noun, ''))"
    "   AND c2.article != c.article AND c2.restates IS NULL) END AS elsewhere"
    " FROM claims c LEFT JOIN speakers sp ON sp.id = c.speaker WHERE c.article = ?1"
    " ORDER BY c.idx";

constexpr char kQuotes[] =
    "SELECT q.id, q.start_byte, q.end_byte, sp.name, q.kind FROM quotes q"
    " LEFT JOIN speakers sp ON sp.id = q.speaker WHERE q.article = ?1 ORDER BY q.idx";

constexpr char kSpeakers[] =
    "SELECT sp.id, sp.name, sp.role, sp.org,"
    " (SELECT count(*) FROM quotes q WHERE q.speaker = sp.id) AS quotes,"
    " (SELECT count(*) FROM claims c WHERE c.speaker = sp.id) AS figures"
    " FROM speakers sp WHERE sp.article = ?1 ORDER BY sp.idx";

constexpr char kAliases[] =
    "SELECT sa.speaker, sa.alias FROM speaker_aliases sa JOIN speakers sp ON sp.id = sa.speaker"
    " WHERE sp.article = ?1";

// Links of this article's sentences, whichever side it is on.
constexpr char kLinks[] =
    "SELECT s.idx AS sentence_idx, l.kind, l.score, oa.ext_id AS article, oa.title,"
    " coalesce(oa.published, oa.anchor_date) AS date, os.idx AS other_idx,"
    " os.text AS other_sentence"
    " FROM links l"
    " JOIN sentences s ON s.id = CASE WHEN l.a_article = ?1 THEN l.a_sentence ELSE l.b_sentence END"
    " JOIN sentences os ON os.id = CASE WHEN l.a_article = ?1 THEN l.b_sentence ELSE l.a_sentence "
    "END"
    " JOIN articles oa ON oa.id = os.article"
    " WHERE l.a_article = ?1 OR l.b_article = ?1"
    " ORDER BY s.idx, coalesce(oa.published, oa.anchor_date, '9999'), oa.ingest_seq";

bool WordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Every occurrence of `needle` in `body` that is a whole word (not inside a longer word).
std::vector<Span> FindWords(const std::string& body, const std::string& needle) {
  std::vector<Span> out;
  if (needle.empty()) return out;
  for (size_t at = body.find(needle); at != std::string::npos;
       at = body.find(needle, at + needle.size())) {
    size_t end = at + needle.size();
    bool left = at == 0 || !WordByte(static_cast<unsigned char>(body[at - 1]));
    bool right = end >= body.size() || !WordByte(static_cast<unsigned char>(body[end]));
    if (left && right) out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(end)});
  }
  return out;
}

Span SpanOf(const Table& t, size_t r) {
  return {static_cast<uint32_t>(t.Int(r, "start_byte")),
          static_cast<uint32_t>(t.Int(r, "end_byte"))};
}

// Mentions of the speakers by name or capitalised alias ("Ms Quayle", "the Mayor" is left out:
// lower-case aliases and pronouns are too loose to mark), not overlapping each other or a figure.
Status AddMentions(sqlite3* db, ArticleView* view) {
  auto aliases = RunQuery(db, kAliases, {view->row_id});
  if (!aliases.ok()) return aliases.status();
  std::vector<std::pair<std::string, size_t>> names;  // text, row in view->speakers
  std::map<int64_t, size_t> row_of;
  for (size_t r = 0; r < view->speakers.size(); ++r) {
    row_of[view->speakers.Int(r, "id")] = r;
    names.emplace_back(view->speakers.Text(r, "name"), r);
  }
  for (size_t r = 0; r < aliases->size(); ++r) {
    std::string alias = aliases->Text(r, "alias");
    auto it = row_of.find(aliases->Int(r, "speaker"));
    if (it == row_of.end() || alias.empty()) continue;
    if (!std::isupper(static_cast<unsigned char>(alias[0]))) continue;
    names.emplace_back(alias, it->second);
  }
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::vector<Span> taken;
  for (const ArticleView::Mark& m : view->marks) {
    if (m.kind == ArticleView::MarkKind::kFigure) taken.push_back(m.span);
  }
  for (const auto& [text, row] : names) {
    for (Span s : FindWords(view->body, text)) {
      bool overlaps = std::any_of(taken.begin(), taken.end(),
                                  [&](Span t) { return s.start < t.end && t.start < s.end; });
      if (overlaps) continue;
      taken.push_back(s);
      ArticleView::Mark m;
      m.kind = ArticleView::MarkKind::kSpeaker;
      m.span = s;
      m.row_id = view->speakers.Int(row, "id");
      m.said_by = view->speakers.Text(row, "name");
      view->marks.push_back(std::move(m));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Table> Articles(sqlite3* db, const FigureFilter& f) {
  CLAIMEX_RETURN_IF_ERROR(CheckFilter(f));
  return RunQuery(db, kArticles,
                  {JsonArrayOrNull(f.articles), TextOrNull(f.unit), TextOrNull(f.speaker),
                   TextOrNull(f.since), TextOrNull(f.until), LimitParam(f.limit)});
}

Result<Table> Totals(sqlite3* db) { return RunQuery(db, kTotals, {}); }

Result<ArticleView> LoadArticle(sqlite3* db, const std::string& ext_id) {
  auto a = RunQuery(db, kArticle, {ext_id});
  if (!a.ok()) return a.status();
  if (a->empty()) return Status::NotFound("no article '" + ext_id + "'");
  ArticleView v;
  v.row_id = a->Int(0, "id");
  v.ext_id = a->Text(0, "ext_id");
  v.title = a->Text(0, "title");
  v.source = a->Text(0, "source");
  v.url = a->Text(0, "url");
  v.date = a->Text(0, "date");
  v.origin = a->Text(0, "origin");
  v.body = a->Text(0, "body");

  auto sentences = RunQuery(db, kSentences, {v.row_id});
  if (!sentences.ok()) return sentences.status();
  for (size_t r = 0; r < sentences->size(); ++r) {
    v.sentences.push_back({sentences->Int(r, "id"), static_cast<int>(sentences->Int(r, "idx")),
                           SpanOf(*sentences, r),
                           static_cast<int>(sentences->Int(r, "paragraph"))});
  }

  auto links = RunQuery(db, kLinks, {v.row_id});
  if (!links.ok()) return links.status();
  for (size_t r = 0; r < links->size(); ++r) {
    v.elsewhere.push_back({static_cast<int>(links->Int(r, "sentence_idx")), links->Text(r, "kind"),
                           links->Number(r, "score"), links->Text(r, "article"),
                           links->Text(r, "title"), links->Text(r, "date"),
                           static_cast<int>(links->Int(r, "other_idx")),
                           links->Text(r, "other_sentence")});
  }

  auto figures = RunQuery(db, kFigures, {v.row_id});
  if (!figures.ok()) return figures.status();
  for (size_t r = 0; r < figures->size(); ++r) {
    ArticleView::Mark m;
    m.kind = ArticleView::MarkKind::kFigure;
    m.span = SpanOf(*figures, r);
    m.row_id = figures->Int(r, "id");
    m.said_by = figures->Text(r, "said_by");
    m.has_key = !figures->Null(r, "value");
    if (m.has_key) {
      m.key = {figures->Number(r, "value"), figures->Text(r, "unit"), figures->Text(r, "noun_key")};
      m.detail = FigureKeyLabel(m.key);
    }
    m.elsewhere = static_cast<int>(figures->Int(r, "elsewhere"));
    v.marks.push_back(std::move(m));
  }

  auto quotes = RunQuery(db, kQuotes, {v.row_id});
  if (!quotes.ok()) return quotes.status();
  for (size_t r = 0; r < quotes->size(); ++r) {
    ArticleView::Mark m;
    m.kind = ArticleView::MarkKind::kQuote;
    m.span = SpanOf(*quotes, r);
    m.row_id = quotes->Int(r, "id");
    m.said_by = quotes->Text(r, "name");
    m.detail = quotes->Text(r, "kind");
    // Other articles linked to a sentence the quote overlaps.
    std::set<std::string> others;
    for (const ArticleView::SentenceInfo& s : v.sentences) {
      if (s.span.end <= m.span.start || s.span.start >= m.span.end) continue;
      for (const ArticleView::Elsewhere& e : v.elsewhere) {
        if (e.sentence_idx == s.idx) others.insert(e.article);
      }
    }
    m.elsewhere = static_cast<int>(others.size());
    v.marks.push_back(std::move(m));
  }

  auto speakers = RunQuery(db, kSpeakers, {v.row_id});
  if (!speakers.ok()) return speakers.status();
  v.speakers = std::move(speakers.value());
  CLAIMEX_RETURN_IF_ERROR(AddMentions(db, &v));

  std::stable_sort(v.marks.begin(), v.marks.end(),
                   [](const ArticleView::Mark& a, const ArticleView::Mark& b) {
                     if (a.span.start != b.span.start) return a.span.start < b.span.start;
                     return a.span.end > b.span.end;
                   });
  return v;
}

void WalkMarks(const ArticleView& v, const std::vector<uint32_t>& points, MarkWalker* w,
               uint32_t begin, uint32_t end) {
  const uint32_t body_end = static_cast<uint32_t>(v.body.size());
  if (end == 0 || end > body_end) end = body_end;
  struct Open {
    const ArticleView::Mark* mark;
    uint32_t end;  // possibly cut to the enclosing mark's end
  };
  std::vector<Open> stack;
  size_t next_mark = 0, next_point = 0;
  while (next_mark < v.marks.size() && v.marks[next_mark].span.start < begin) ++next_mark;
  while (next_point < points.size() && points[next_point] < begin) ++next_point;
  uint32_t pos = begin;
  while (pos < end || !stack.empty()) {
    // Close what ends here.
    while (!stack.empty() && stack.back().end <= pos) {
      w->Close(*stack.back().mark);
      stack.pop_back();
    }
    while (next_point < points.size() && points[next_point] <= pos) {
      if (points[next_point] == pos) w->Point(pos);
      ++next_point;
    }
    if (pos >= end) break;
    // Open what starts here (outer first: marks are sorted longest first).
    while (next_mark < v.marks.size() && v.marks[next_mark].span.start <= pos) {
      const ArticleView::Mark& m = v.marks[next_mark++];
      uint32_t mend = std::min(m.span.end, end);
      if (!stack.empty()) mend = std::min(mend, stack.back().end);
      if (m.span.start < pos || mend <= pos) continue;  // empty, or started inside a cut mark
      w->Open(m);
      stack.push_back({&m, mend});
    }
    // Text up to the next boundary.
    uint32_t next = end;
    if (!stack.empty()) next = std::min(next, stack.back().end);
    if (next_mark < v.marks.size())
      next = std::min(next, std::max(pos + 1, v.marks[next_mark].span.start));
    if (next_point < points.size()) next = std::min(next, std::max(pos + 1, points[next_point]));
    w->Text(std::string_view(v.body).substr(pos, next - pos));
    pos = next;
  }
}

}  // namespace claimex

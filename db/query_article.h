// Questions about articles: which articles match a filter (export, the article list) and one
// article with everything marked in its text (`claimex show`, the web article page): its
// figures, quotes and speaker mentions as byte spans of the body, and for each statement where
// else it appears.
#ifndef CLAIMEX_DB_QUERY_ARTICLE_H_
#define CLAIMEX_DB_QUERY_ARTICLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/query_figures.h"
#include "db/query_table.h"
#include "extractor/extraction.h"
#include "extractor/status.h"

struct sqlite3;

namespace claimex {

// Articles matching `filter` in ingest order: article, title, date, source, url, figures,
// quotes, links (how many links to other articles). `filter.unit` keeps articles with a figure
// in that unit, `filter.speaker` articles where that name is quoted or credited with a figure.
Result<Table> Articles(sqlite3* db, const FigureFilter& filter);

// Store totals in one row: articles, sentences, figures, quotes, speakers (distinct names),
// links, recycled (figures stated in two or more articles).
Result<Table> Totals(sqlite3* db);

struct ArticleView {
  int64_t row_id = 0;  // articles.id
  std::string ext_id, title, source, url, date, origin, body;

  struct SentenceInfo {
    int64_t id = 0;  // sentences.id
    int idx = 0;
    Span span;
    int paragraph = 0;
  };
  std::vector<SentenceInfo> sentences;  // in body order

  enum class MarkKind { kFigure, kQuote, kSpeaker };
  struct Mark {
    MarkKind kind = MarkKind::kFigure;
    Span span;             // in the body
    int64_t row_id = -1;   // claims.id, quotes.id or speakers.id
    std::string said_by;   // figure: speaker or source; quote: the speaker ("" unknown);
                           // speaker mention: the canonical name
    std::string detail;    // figure: the FigureKeyLabel; quote: 'direct' or 'reported'
    bool has_key = false;  // a figure with a single value (a range has no key)
    FigureKey key;
    int elsewhere = 0;  // figure: other articles stating it; quote: other articles
                        // linked to its sentence
  };
  // Figures, quotes and mentions of the article's speakers (their names and capitalised
  // aliases as written), sorted by start, then longest first. Quotes may contain figures and
  // mentions; other overlaps do not occur.
  std::vector<Mark> marks;

  // A link from one of this article's sentences to a sentence of another article.
  struct Elsewhere {
    int sentence_idx = 0;  // this article's sentence
    std::string kind;      // 'verbatim', 'near', 'figure', 'quote'
    double score = 0;
    std::string article, title, date;  // the other article
    int other_idx = 0;                 // its sentence
    std::string other_sentence;
  };
  std::vector<Elsewhere> elsewhere;  // by sentence_idx, then the other article's date

  // The article's speakers: name, role, org, quotes, figures.
  Table speakers;
};

// Walks an article's body in order as text and properly nested marks, for renderers. A mark
// that starts inside another and would end after it is cut at the other's end; empty marks are
// skipped. Point() is called at each position of `points` (sorted), between marks that close
// and marks that open there.
class MarkWalker {
 public:
  virtual ~MarkWalker() = default;
  virtual void Text(std::string_view text) = 0;
  virtual void Open(const ArticleView::Mark& mark) = 0;
  virtual void Close(const ArticleView::Mark& mark) = 0;
  virtual void Point(uint32_t pos) {}
};
// Walks body bytes [begin, end) (end = 0: to the end of the body).
void WalkMarks(const ArticleView& view, const std::vector<uint32_t>& points, MarkWalker* walker,
               uint32_t begin = 0, uint32_t end = 0);

// Loads article `ext_id`; NotFound("no article 'x'") when there is none.
Result<ArticleView> LoadArticle(sqlite3* db, const std::string& ext_id);

}  // namespace claimex

#endif  // CLAIMEX_DB_QUERY_ARTICLE_H_

// Read-only questions about links (db/SCHEMA.md "Links"), for `claimex figures --recycled` and
// `claimex links ARTICLE`. Both read a Store opened read-only; nothing here writes.
#ifndef CLAIMEX_DB_LINK_QUERIES_H_
#define CLAIMEX_DB_LINK_QUERIES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/store.h"
#include "extractor/status.h"

namespace claimex {

// Where a figure or statement was seen.
struct Sighting {
  std::string article;    // ext_id
  std::string published;  // "" when unknown
  std::string who;        // speaker name, else named source, else "" (the article's own voice)
  std::string text;       // the figure as written
  std::string sentence;   // the statement that holds it
};

// A figure repeated across articles: claims in linked statements that state the same figure
// (db/link_figures.h: Compatible), grouped transitively. Small counts and vague ranges ("two
// versions", "millions of people": PlainFigure, SmallCount) are left out.
struct RecycledFigure {
  std::optional<double> value, low, high;
  std::string unit, noun;
  int articles = 0;  // distinct articles
  Sighting first, last;  // by published date, else ingest order
};

struct RecycledOptions {
  int min_articles = 2;  // figures seen in at least this many articles
  int limit = 0;         // at most this many (0 = all), most widespread first
};

Status RecycledFigures(const Store& store, const RecycledOptions& options,
                       std::vector<RecycledFigure>* out);

// One link of a statement, seen from that statement.
struct StatementLink {
  std::string kind;    // verbatim, near, figure, quote
  double score = 0;
  bool other_is_source = false;  // the other statement is side a (earlier)
  std::string article, published, sentence;  // the other statement
};
struct LinkedStatement {
  int idx = 0;  // sentences.idx
  std::string text;
  std::vector<StatementLink> links;  // best score first
};

// The statements of article `ext_id` with their links (statements without links are left out
// unless `all`). NotFound when there is no such article.
Status ArticleLinks(const Store& store, const std::string& ext_id, bool all,
                    std::vector<LinkedStatement>* out);

}  // namespace claimex

#endif  // CLAIMEX_DB_LINK_QUERIES_H_

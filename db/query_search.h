// Full-text search over the sentences of every article (the FTS5 index `sentences_fts`,
// db/SCHEMA.md). The query is FTS5 syntax: words (all must occur; "cuts" also finds "cut"),
// "a phrase", OR, NOT, prefix*, NEAR(a b, 5).
#ifndef CLAIMEX_DB_QUERY_SEARCH_H_
#define CLAIMEX_DB_QUERY_SEARCH_H_

#include <string>

#include "db/query_figures.h"
#include "db/query_table.h"
#include "extractor/status.h"

struct sqlite3;

namespace claimex {

struct SearchOptions {
  bool figures_only = true;  // only sentences that state a figure; false = every sentence
  std::string mark_open;     // put around each matched word in `sentence` ("" = nothing)
  std::string mark_close;
  FigureFilter filter;  // articles, since, until and limit apply (unit/speaker do not)
};

// Longest query accepted, in bytes.
constexpr size_t kMaxSearchQuery = 500;

// Sentences matching `query`, best match first: article, title, date, sentence (with marks),
// figures (their texts, "; "-separated), quotes (how many quotes it holds), paragraph,
// sentence_idx, start_byte, end_byte. An empty or overlong query, or one FTS5 cannot parse, is
// InvalidArgument ("bad search query: fts5: syntax error near ...").
Result<Table> Search(sqlite3* db, const std::string& query, const SearchOptions& options);

}  // namespace claimex

#endif  // CLAIMEX_DB_QUERY_SEARCH_H_

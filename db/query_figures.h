// Questions about figures (claims): every figure with filters, the figures recycled across
// articles, and every statement of one figure. Built on the views of
// db/migrations/002_views_fts.sql (`figures`, `recycled_figures`); see db/SCHEMA.md.
#ifndef CLAIMEX_DB_QUERY_FIGURES_H_
#define CLAIMEX_DB_QUERY_FIGURES_H_

#include <string>
#include <string_view>
#include <vector>

#include "db/query_table.h"
#include "extractor/status.h"

struct sqlite3;

namespace claimex {

// Checks a date filter: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' ("" passes: no filter).
Status CheckDate(std::string_view date);

// Filters shared by the figure, speaker and export queries. Empty fields filter nothing.
struct FigureFilter {
  std::vector<std::string> articles;  // article ids (articles.ext_id); a figure in any of them
  std::string unit;                   // exact unit ('GBP', 'percent', 'count', ...)
  std::string speaker;  // case-insensitive part of the speaker's or source's name ("quayle")
  std::string since;    // article date >= since ('2024', '2024-03', '2024-03-01')
  std::string until;    // article date <= until, by prefix: until '2024' keeps all of 2024
  int limit = 0;        // at most this many rows; 0 = all
};
// Checks the dates and the limit.
Status CheckFilter(const FigureFilter& filter);

// Every figure matching `filter`: the columns of the `figures` view (article, date, text, value,
// low, high, unit, noun, qualifier, said_by, time_text, from_date, to_date, sentence, ...), in
// article date order (undated last), then position in the article.
Result<Table> Figures(sqlite3* db, const FigureFilter& filter);

// What identifies one figure across articles: value, unit, counted noun (lower-cased, "" none).
struct FigureKey {
  double value = 0;
  std::string unit;
  std::string noun;  // lower-cased
};
// "/figure?value=48000000&unit=GBP&noun=" style parameters are parsed by the web layer; this is
// the human form: "48000000 GBP", "240 count officers".
std::string FigureKeyLabel(const FigureKey& key);

// Figures stated in two or more articles, most widespread first: the columns of the
// `recycled_figures` view (value, unit, noun, noun_key, articles, statements, first_article,
// first_seen, last_seen, first_text, first_said_by, first_sentence). `filter.unit` keeps one
// unit; `filter.speaker` keeps figures someone of that name stated at least once;
// `filter.since`/`until` keep figures stated in that date range at least once;
// `filter.articles` keeps figures stated in one of those articles.
Result<Table> RecycledFigures(sqlite3* db, const FigureFilter& filter);

// Every statement of figure `key` (restatements in parentheses left out), first seen first:
// article, title, date, text, qualifier, said_by, speaker, source, time_text, sentence,
// start_byte, end_byte, claim_id.
Result<Table> FigureStatements(sqlite3* db, const FigureKey& key);

}  // namespace claimex

#endif  // CLAIMEX_DB_QUERY_FIGURES_H_

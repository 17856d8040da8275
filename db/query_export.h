// Flat tables for `claimex export --format csv|tsv|jsonl --table NAME`: one row per figure,
// quote, statement (who said what), link or article, filtered like the query commands.
#ifndef CLAIMEX_DB_QUERY_EXPORT_H_
#define CLAIMEX_DB_QUERY_EXPORT_H_

#include <string>
#include <vector>

#include "db/query_figures.h"
#include "db/query_table.h"
#include "extractor/status.h"

struct sqlite3;

namespace claimex {

// The table names ExportTable knows, the default first.
const std::vector<std::string>& ExportTableNames();

// Table `name` under `filter`:
//   figures     the `figures` view (Figures())
//   quotes      every quote (attributed or not): article, date, idx, kind, text, speaker, role,
//               cue, rule, start_byte, end_byte; `speaker` keeps that speaker's quotes
//   statements  the `who_said_what` view: quotes and figures with who said them
//   links       links with at least one side in a selected article: kind, score, a_article,
//               a_date, a_sentence, b_article, b_date, b_sentence
//   articles    Articles(): article, title, date, source, url, figures, quotes, links
// InvalidArgument for an unknown name.
Result<Table> ExportTable(sqlite3* db, const std::string& name, const FigureFilter& filter);

}  // namespace claimex

#endif  // CLAIMEX_DB_QUERY_EXPORT_H_

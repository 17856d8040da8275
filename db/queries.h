// Read-only questions asked of a Store: the demo report (`claimex report`). The query commands
// and the web pages ask theirs through db/query_figures.h, query_speakers.h, query_search.h,
// query_article.h and query_export.h. Every query is a prepared statement with bound parameters.
#ifndef CLAIMEX_DB_QUERIES_H_
#define CLAIMEX_DB_QUERIES_H_

#include <cstdio>

#include "db/store.h"
#include "extractor/status.h"

namespace claimex {

// Prints the demo report to `out`: store totals, the figures that recur across articles (same
// value, unit and counted noun in two or more articles, with first/last seen and who stated them)
// and who said what (speakers with their quotes and figures). `limit` rows per section.
Status PrintReport(const Store& store, int limit, FILE* out);

}  // namespace claimex

#endif  // CLAIMEX_DB_QUERIES_H_

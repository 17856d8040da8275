// Internal to the web app: the pages, rendered from a read-only database connection. Pages know
// nothing of HTTP: the server (tools/web/server.h) turns a request into a PageRequest and a
// PageResponse into a reply, so pages can be rendered and tested directly.
//
//   /                 the most recycled figures, with the newest articles and busiest speakers
//   /figure?value=48000000&unit=GBP&noun=   every article stating one figure, first seen first
//   /article?id=ID[&claim=N]   the text with figures, quotes and speakers marked (claim N
//                              outlined), and where else each statement appears
//   /speaker?name=NAME         one speaker's quotes and figures
//   /search?q=QUERY[&figures=1]   full-text search over sentences (FTS5 syntax)
//   /articles, /speakers       lists
// Every parameter is checked (size, UTF-8, shape); a bad one is a 400 page saying why.
#ifndef CLAIMEX_TOOLS_WEB_PAGES_H_
#define CLAIMEX_TOOLS_WEB_PAGES_H_

#include <map>
#include <string>

#include "db/query_article.h"
#include "extractor/status.h"

struct sqlite3;

namespace claimex::web {

struct PageRequest {
  std::string path;                                // "/figure"
  std::multimap<std::string, std::string> params;  // decoded query parameters
};

struct PageResponse {
  int status = 200;
  std::string html;
};

PageResponse RenderPage(sqlite3* db, const PageRequest& request);

// --- used by the page files (pages*.cc) -------------------------------------------------------

// A page for a failed query or bad request: 400 for InvalidArgument, 404 for NotFound, else 500.
PageResponse ErrorPage(const Status& status);

PageResponse OverviewPage(sqlite3* db);
PageResponse ArticlesPage(sqlite3* db);
PageResponse SpeakersPage(sqlite3* db);
PageResponse FigurePage(sqlite3* db, const FigureKey& key);
PageResponse ArticlePage(sqlite3* db, const std::string& ext_id, int64_t claim);
PageResponse SpeakerPage(sqlite3* db, const std::string& name);
PageResponse SearchPage(sqlite3* db, const std::string& query, bool figures_only);

}  // namespace claimex::web

#endif  // CLAIMEX_TOOLS_WEB_PAGES_H_

// Internal to the CLI: the options the query commands share (who, figures, search, show,
// export): --db, --format and the filters of db/query_figures.h.
#ifndef CLAIMEX_TOOLS_CLI_QUERY_OPTIONS_H_
#define CLAIMEX_TOOLS_CLI_QUERY_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "db/query_figures.h"
#include "tools/cli/command.h"

namespace claimex {

struct QueryOptions {
  std::string db = DefaultDb();
  std::string format = "table";
  FigureFilter filter;
};

// Which filter options a command takes.
enum FilterFlags : unsigned {
  kFilterArticle = 1,  // --article ID (repeatable)
  kFilterUnit = 2,     // --unit U
  kFilterSpeaker = 4,  // --speaker S
  kFilterDates = 8,    // --since DATE --until DATE
  kFilterLimit = 16,   // --limit N
};

// Adds --db, --format (when `format`) and the filters in `flags`; `limit` is --limit's default.
void AddQueryOptions(CLI::App* cmd, QueryOptions* o, unsigned flags, bool format = true,
                     int limit = 0);

}  // namespace claimex

#endif  // CLAIMEX_TOOLS_CLI_QUERY_OPTIONS_H_

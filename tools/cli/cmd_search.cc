// `claimex search "QUERY"`: sentences matching a full-text query (FTS5 syntax), best first.
#include "db/query_search.h"
#include "tools/cli/query_options.h"
#include "tools/cli/table_output.h"

namespace claimex {
namespace {

struct SearchOpts : QueryOptions {
  std::string query;
  bool all = false;
};

int RunSearch(const SearchOpts& o) {
  auto store = OpenReadOnly(o.db);
  if (!store.ok()) return Fatal(store.status());
  const OutputFormat format = ParseOutputFormat(o.format);
  SearchOptions so;
  so.figures_only = !o.all;
  so.filter = o.filter;
  if (format == OutputFormat::kTable && UseColour(stdout)) {
    so.mark_open = "\x1b[1;4m";  // bold, underlined
    so.mark_close = "\x1b[0m";
  }
  auto t = Search((*store)->handle(), o.query, so);
  if (!t.ok()) return Fatal(t.status());
  Status st = WriteTable(*t, format, {"date", "article", "sentence", "figures"}, stdout);
  return st.ok() ? kExitOk : Fatal(st);
}

const bool kSearch = RegisterCommand(
    {"search",
     "Sentences with figures matching a full-text query: words, \"a phrase\", OR, NOT, prefix*", 55,
     [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<SearchOpts>();
       cmd->add_option("query", o->query, "FTS5 query, e.g. 'knife crime' or '\"council tax\"'")
           ->required();
       cmd->add_flag("--all", o->all, "Every matching sentence, not only those with a figure");
       AddQueryOptions(cmd, o.get(), kFilterArticle | kFilterDates | kFilterLimit, true, 20);
       return [o] { return RunSearch(*o); };
     }});

}  // namespace
}  // namespace claimex

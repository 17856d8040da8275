// `claimex export` (the JSON Lines contract from a database, with links) and `claimex report`
// (the demo summary: recurring figures, who said what).
#include <iostream>

#include "db/queries.h"
#include "extractor/json_writer.h"
#include "tools/cli/command.h"

namespace claimex {
namespace {

int RunExport(const std::string& db) {
  auto store = OpenReadOnly(db);
  if (!store.ok()) return Fatal(store.status());
  std::ios::sync_with_stdio(false);
  JsonLinesWriter writer(&std::cout);
  Status st = (*store)->ForEachArticle(
      [&](const Article& a, const Extraction& e) { return writer.Put(a, e); });
  if (st.ok()) st = (*store)->ForEachLink([&](const Link& l) { return writer.PutLink(l); });
  if (st.ok()) st = writer.Finish();
  return st.ok() ? kExitOk : Fatal(st);
}

int RunReport(const std::string& db, int limit) {
  auto store = OpenReadOnly(db);
  if (!store.ok()) return Fatal(store.status());
  Status st = PrintReport(**store, limit, stdout);
  return st.ok() ? kExitOk : Fatal(st);
}

const bool kExport = RegisterCommand(
    {"export", "Print a database as JSON Lines (the extract contract), with link records", 30,
     [](CLI::App* cmd) -> CommandRun {
       auto db = std::make_shared<std::string>(DefaultDb());
       AddDbOption(cmd, db.get());
       return [db] { return RunExport(*db); };
     }});

struct ReportOpts {
  std::string db = DefaultDb();
  int limit = 15;
};

const bool kReport = RegisterCommand(
    {"report", "Summarise a database: figures that recur across articles, who said what", 40,
     [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<ReportOpts>();
       AddDbOption(cmd, &o->db);
       cmd->add_option("--limit", o->limit, "Rows per section (default 15)");
       return [o] { return RunReport(o->db, o->limit); };
     }});

}  // namespace
}  // namespace claimex

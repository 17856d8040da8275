// `claimex export` (the JSON Lines contract from a database, with links, or flat tables as
// jsonl/csv/tsv; filtered by article, speaker, unit and date range) and `claimex report` (the
// demo summary: recurring figures, who said what).
#include <iostream>
#include <set>

#include "db/queries.h"
#include "db/query_article.h"
#include "db/query_export.h"
#include "db/sqlite_util.h"
#include "extractor/json_writer.h"
#include "tools/cli/query_options.h"
#include "tools/cli/table_output.h"

namespace claimex {
namespace {

struct ExportOpts : QueryOptions {
  std::string table;  // "" = the extract contract (jsonl only)
};

bool Filtered(const FigureFilter& f) {
  return !f.articles.empty() || !f.unit.empty() || !f.speaker.empty() || !f.since.empty() ||
         !f.until.empty();
}

// The extract contract: article records, then link records. With a filter, only the selected
// articles, and the links with a side among them.
int ExportContract(const Store& store, const FigureFilter& filter) {
  std::set<std::string> keep;
  const bool filtered = Filtered(filter);
  if (filtered) {
    auto selected = Articles(store.handle(), filter);
    if (!selected.ok()) return Fatal(selected.status());
    for (size_t r = 0; r < selected->size(); ++r) keep.insert(selected->Text(r, "article"));
  }
  std::ios::sync_with_stdio(false);
  JsonLinesWriter writer(&std::cout);
  Status st = store.ForEachArticle([&](const Article& a, const Extraction& e) {
    return filtered && !keep.count(a.id) ? Status::Ok() : writer.Put(a, e);
  });
  if (st.ok()) {
    st = store.ForEachLink([&](const Link& l) {
      if (filtered && !keep.count(l.a.article) && !keep.count(l.b.article)) return Status::Ok();
      return writer.PutLink(l);
    });
  }
  if (st.ok()) st = writer.Finish();
  return st.ok() ? kExitOk : Fatal(st);
}

int RunExport(const ExportOpts& o) {
  auto store = OpenReadOnly(o.db);
  if (!store.ok()) return Fatal(store.status());
  // One read snapshot for the whole export: an ingest that commits meanwhile cannot make the
  // links name articles that were not printed (tests/crash_test.cc reads during ingest).
  if (Status s = ExecSql((*store)->handle(), "BEGIN"); !s.ok()) return Fatal(s);
  if (o.table.empty() && (o.format == "table" || o.format == "jsonl")) {
    return ExportContract(**store, o.filter);
  }
  auto t = ExportTable((*store)->handle(), o.table.empty() ? "figures" : o.table, o.filter);
  if (!t.ok()) return Fatal(t.status());
  // Export is for pipes: an aligned table is only printed when asked for (--format table).
  OutputFormat format = ParseOutputFormat(o.format);
  Status st = WriteTable(*t, format, {}, stdout);
  return st.ok() ? kExitOk : Fatal(st);
}

int RunReport(const std::string& db, int limit) {
  auto store = OpenReadOnly(db);
  if (!store.ok()) return Fatal(store.status());
  Status st = PrintReport(**store, limit, stdout);
  return st.ok() ? kExitOk : Fatal(st);
}

const bool kExport = RegisterCommand(
    {"export",
     "Print a database: the JSON Lines contract with links, or a flat table as jsonl/csv/tsv", 30,
     [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<ExportOpts>();
       o->format = "jsonl";
       AddQueryOptions(cmd, o.get(), kFilterArticle | kFilterUnit | kFilterSpeaker | kFilterDates,
                       false);
       cmd->add_option("--format", o->format,
                       "jsonl (default), csv or tsv (csv/tsv print a flat table, figures unless "
                       "--table says otherwise)")
           ->check(CLI::IsMember({"jsonl", "csv", "tsv", "table"}));
       cmd->add_option("--table", o->table,
                       "A flat table instead of the contract: figures, quotes, statements, links "
                       "or articles")
           ->check(CLI::IsMember(ExportTableNames()));
       return [o] { return RunExport(*o); };
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

// claimex: the command-line program. Subcommands:
//   extract [INPUTS]          stateless: print the JSON Lines output contract
//   ingest  [INPUTS] --db DB  extract and store, link against the store, print a summary
//   export  --db DB           the same contract from the database, with link records
//   report  --db DB           recurring figures and who said what
// Exit status: 0 all went well; 1 some input was rejected (the rest was processed); 2 a fatal
// error (bad arguments, unusable database, bad rule file).
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "db/queries.h"
#include "db/store.h"
#include "extractor/extractor.h"
#include "extractor/json_writer.h"
#include "tools/cli/pipeline.h"

namespace claimex {
namespace {

constexpr int kExitOk = 0, kExitRejected = 1, kExitFatal = 2;

int Fatal(const Status& s) {
  std::fprintf(stderr, "claimex: %s\n", s.ToString().c_str());
  return kExitFatal;
}

std::string DefaultDb() {
  const char* env = std::getenv("CLAIMEX_DB");
  return env && *env ? env : "claims.db";
}

struct Common {
  std::vector<std::string> inputs;
  std::string patterns;
  size_t max_bytes = 10 * 1024 * 1024;
  std::string db = DefaultDb();
};

void AddInputOptions(CLI::App* cmd, Common* c) {
  cmd->add_option("inputs", c->inputs,
                  "Text files (one article each), JSON Lines feeds (.jsonl), directories "
                  "(recursively) or - for standard input")
      ->required();
  cmd->add_option("--patterns", c->patterns,
                  "Load rule files from this directory instead of the built-in copy");
  cmd->add_option("--max-article-bytes", c->max_bytes,
                  "Reject articles larger than this (default 10 MiB)");
}

int RunExtract(const Common& c) {
  auto ex = Extractor::Create({c.patterns});
  if (!ex.ok()) return Fatal(ex.status());
  std::ios::sync_with_stdio(false);
  JsonLinesWriter writer(&std::cout);
  PipelineOptions po{c.inputs, {c.max_bytes}, false};
  PipelineCounts counts;
  Status st = RunPipeline(po, **ex, &writer, &counts);
  if (!st.ok()) return Fatal(st);
  return counts.rejected ? kExitRejected : kExitOk;
}

int RunIngest(const Common& c) {
  auto ex = Extractor::Create({c.patterns});
  if (!ex.ok()) return Fatal(ex.status());
  Store::Options so;
  so.path = c.db;
  auto store = Store::Open(so);
  if (!store.ok()) return Fatal(store.status());
  auto links_before = (*store)->Count("links");
  StoreSink sink(store->get());
  PipelineOptions po{c.inputs, {c.max_bytes}, true};
  PipelineCounts counts;
  Status st = RunPipeline(po, **ex, &sink, &counts);
  if (!st.ok()) return Fatal(st);
  auto links_after = (*store)->Count("links");
  int64_t new_links =
      links_before.ok() && links_after.ok() ? *links_after - *links_before : 0;
  std::fprintf(stderr,
               "claimex: %s: %lld articles stored, %lld replaced, %lld unchanged (skipped), "
               "%lld rejected; %lld claims, %lld quotes; %lld new links\n",
               c.db.c_str(), static_cast<long long>(sink.stored),
               static_cast<long long>(sink.replaced), static_cast<long long>(sink.unchanged),
               static_cast<long long>(counts.rejected), static_cast<long long>(sink.claims),
               static_cast<long long>(counts.quotes), static_cast<long long>(new_links));
  return counts.rejected ? kExitRejected : kExitOk;
}

Result<std::unique_ptr<Store>> OpenReadOnly(const std::string& path) {
  Store::Options so;
  so.path = path;
  so.read_only = true;
  return Store::Open(so);
}

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

}  // namespace
}  // namespace claimex

int main(int argc, char** argv) {
  using namespace claimex;
  CLI::App app{"claimex: extracts quantitative claims from news, with who said them, and links "
               "figures recycled across articles"};
  app.require_subcommand(1);
  Common c;
  int limit = 15;

  CLI::App* extract = app.add_subcommand(
      "extract", "Print the claims, times and quotes of articles as JSON Lines (no database)");
  AddInputOptions(extract, &c);

  CLI::App* ingest = app.add_subcommand(
      "ingest", "Extract articles into a database and link them against what is stored");
  AddInputOptions(ingest, &c);
  ingest->add_option("--db", c.db, "Database file (default $CLAIMEX_DB or claims.db)");

  CLI::App* exp = app.add_subcommand("export", "Print a database as JSON Lines, with links");
  exp->add_option("--db", c.db, "Database file (default $CLAIMEX_DB or claims.db)");

  CLI::App* report = app.add_subcommand(
      "report", "Summarise a database: figures that recur across articles, who said what");
  report->add_option("--db", c.db, "Database file (default $CLAIMEX_DB or claims.db)");
  report->add_option("--limit", limit, "Rows per section (default 15)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitFatal;
  }
  if (*extract) return RunExtract(c);
  if (*ingest) return RunIngest(c);
  if (*exp) return RunExport(c.db);
  if (*report) return RunReport(c.db, limit);
  return kExitFatal;
}

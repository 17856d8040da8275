// `claimex extract` and `claimex ingest`: the reader -> extractor -> sink pipeline, printing the
// JSON Lines contract or storing into a database.
#include <cstdio>
#include <iostream>

#include "extractor/json_writer.h"
#include "tools/cli/command.h"
#include "tools/cli/pipeline.h"

namespace claimex {
namespace {

struct InputOpts {
  std::vector<std::string> inputs;
  std::string patterns;
  size_t max_bytes = 10 * 1024 * 1024;
  std::string db = DefaultDb();
};

void AddInputOptions(CLI::App* cmd, InputOpts* o) {
  cmd->add_option("inputs", o->inputs,
                  "Text files (one article each), JSON Lines feeds (.jsonl), directories "
                  "(recursively) or - for standard input")
      ->required();
  cmd->add_option("--patterns", o->patterns,
                  "Load rule files from this directory instead of the built-in copy");
  cmd->add_option("--max-article-bytes", o->max_bytes,
                  "Reject articles larger than this many bytes (default 10 MiB)");
}

int RunExtract(const InputOpts& o) {
  auto ex = Extractor::Create({o.patterns});
  if (!ex.ok()) return Fatal(ex.status());
  std::ios::sync_with_stdio(false);
  JsonLinesWriter writer(&std::cout);
  PipelineOptions po{o.inputs, {o.max_bytes}, false};
  PipelineCounts counts;
  Status st = RunPipeline(po, **ex, &writer, &counts);
  if (!st.ok()) return Fatal(st);
  return counts.rejected ? kExitRejected : kExitOk;
}

int RunIngest(const InputOpts& o) {
  auto ex = Extractor::Create({o.patterns});
  if (!ex.ok()) return Fatal(ex.status());
  Store::Options so;
  so.path = o.db;
  auto store = Store::Open(so);
  if (!store.ok()) return Fatal(store.status());
  auto links_before = (*store)->Count("links");
  StoreSink sink(store->get());
  PipelineOptions po{o.inputs, {o.max_bytes}, true};
  PipelineCounts counts;
  Status st = RunPipeline(po, **ex, &sink, &counts);
  if (!st.ok()) return Fatal(st);
  auto links_after = (*store)->Count("links");
  int64_t new_links = links_before.ok() && links_after.ok() ? *links_after - *links_before : 0;
  std::fprintf(stderr,
               "claimex: %s: %lld articles stored, %lld replaced, %lld unchanged (skipped), "
               "%lld rejected; %lld claims stored; %lld new links\n",
               o.db.c_str(), static_cast<long long>(sink.stored),
               static_cast<long long>(sink.replaced), static_cast<long long>(sink.unchanged),
               static_cast<long long>(counts.rejected), static_cast<long long>(sink.claims),
               static_cast<long long>(new_links));
  return counts.rejected ? kExitRejected : kExitOk;
}

const bool kExtract = RegisterCommand(
    {"extract", "Print the claims, times and quotes of articles as JSON Lines (no database)", 10,
     [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<InputOpts>();
       AddInputOptions(cmd, o.get());
       return [o] { return RunExtract(*o); };
     }});

const bool kIngest = RegisterCommand(
    {"ingest", "Extract articles into a database and link them against what is stored", 20,
     [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<InputOpts>();
       AddInputOptions(cmd, o.get());
       AddDbOption(cmd, &o->db);
       return [o] { return RunIngest(*o); };
     }});

}  // namespace
}  // namespace claimex

// `claimex extract` and `claimex ingest`: the reader -> extractor -> output pipeline
// (tools/cli/pipeline.h), printing the JSON Lines contract or storing into a database. Both use
// every core by default (--jobs); `ingest` also takes `extract --with-body` output, so that
// extraction can be fanned out (GNU parallel, Spark, Hadoop Streaming) while one store links.
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
  int jobs = 0;  // 0 = one per core
  bool with_body = false;
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
  cmd->add_option("-j,--jobs", o->jobs,
                  "Extraction threads (default: one per core; 1 runs on a single thread). The "
                  "output keeps the input order whatever the number")
      ->check(CLI::NonNegativeNumber);
}

PipelineOptions MakePipelineOptions(const InputOpts& o, bool progress) {
  PipelineOptions po;
  po.inputs = o.inputs;
  po.reader.max_article_bytes = o.max_bytes;
  po.reader.patterns_dir = o.patterns;
  po.progress = progress;
  po.jobs = o.jobs;
  return po;
}

int RunExtract(const InputOpts& o) {
  auto ex = Extractor::Create({o.patterns});
  if (!ex.ok()) return Fatal(ex.status());
  std::ios::sync_with_stdio(false);
  JsonLinesWriter::Options wo;
  wo.with_body = o.with_body;
  JsonLinesOutput output(&std::cout, wo);
  PipelineCounts counts;
  Status st = RunPipeline(MakePipelineOptions(o, false), **ex, &output, &counts);
  if (!st.ok()) return Fatal(st);
  return counts.rejected ? kExitRejected : kExitOk;
}

// The store as the pipeline's output: what an article's Put needs that depends on nothing stored
// (Store::Prepare) is made on the extraction threads, so the one writer thread only reads and
// writes the database.
class StoreOutput : public PipelineOutput {
 public:
  explicit StoreOutput(StoreSink* sink) : sink_(sink) {}  // not owned
  void Prepare(const Article& a, const Extraction& ex, std::string* prepared) const override {
    sink_->store().Prepare(a, ex, prepared);
  }
  Status Write(const Article& a, const Extraction& ex, std::string& prepared) override {
    return sink_->Put(a, ex, prepared);
  }
  Status Finish() override { return sink_->Finish(); }

 private:
  StoreSink* sink_;
};

int RunIngest(const InputOpts& o) {
  auto ex = Extractor::Create({o.patterns});
  if (!ex.ok()) return Fatal(ex.status());
  Store::Options so;
  so.path = o.db;
  so.extractor_version = (*ex)->version();
  auto store = Store::Open(so);
  if (!store.ok()) return Fatal(store.status());
  auto links_before = (*store)->Count("links");
  StoreSink sink(store->get());
  StoreOutput output(&sink);
  PipelineOptions po = MakePipelineOptions(o, true);
  po.accept_contract = true;
  PipelineCounts counts;
  Status st = RunPipeline(po, **ex, &output, &counts);
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
       cmd->add_flag("--with-body", o->with_body,
                     "Add the body, sentences and speakers to each article record, so that "
                     "`claimex ingest` can store the output without extracting again");
       return [o] { return RunExtract(*o); };
     }});

const bool kIngest = RegisterCommand(
    {"ingest",
     "Extract articles into a database and link them against what is stored (also takes "
     "`claimex extract --with-body` output)",
     20, [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<InputOpts>();
       AddInputOptions(cmd, o.get());
       AddDbOption(cmd, &o->db);
       return [o] { return RunIngest(*o); };
     }});

}  // namespace
}  // namespace claimex

// `claimex segment-only` (hidden; for tools/bench.sh): the floor of a full pass — read the
// inputs, decode them and split them into paragraphs, sentences and tokens, with the same reader
// and Segmenter as `claimex extract`, on one thread, and nothing else (no matching, no output but
// a one-line count). The benchmark sets `claimex extract --jobs 1` side by side with it.
#include <cstdio>

#include "extractor/reader.h"
#include "extractor/rules.h"
#include "extractor/text.h"
#include "tools/cli/command.h"

namespace claimex {
namespace {

struct FloorOpts {
  std::vector<std::string> inputs;
  std::string patterns;
};

int RunFloor(const FloorOpts& o) {
  auto rules = RuleSet::Load(o.patterns);
  if (!rules.ok()) return Fatal(rules.status());
  auto segmenter = Segmenter::Create(**rules);
  if (!segmenter.ok()) return Fatal(segmenter.status());
  ReaderOptions ro;
  ro.patterns_dir = o.patterns;
  std::unique_ptr<ArticleReader> reader = OpenInputs(o.inputs, ro);
  long long articles = 0, rejected = 0, sentences = 0, tokens = 0, bytes = 0;
  ReadItem item;
  Document doc;
  while (reader->Next(&item)) {
    const Article* article = std::get_if<Article>(&item);
    if (article == nullptr) {
      ++rejected;
      continue;
    }
    doc = Document();
    Status st = (*segmenter)->Segment(*article, &doc);
    if (!st.ok()) {
      ++rejected;
      continue;
    }
    ++articles;
    sentences += static_cast<long long>(doc.sentences.size());
    tokens += static_cast<long long>(doc.tokens.size());
    bytes += static_cast<long long>(article->body.size());
  }
  std::printf("%lld articles, %lld rejected, %lld sentences, %lld tokens, %lld body bytes\n",
              articles, rejected, sentences, tokens, bytes);
  return rejected ? kExitRejected : kExitOk;
}

const bool kFloor = RegisterCommand(
    {"segment-only",
     "Benchmark floor: read, decode and split into sentences and tokens, print counts", 900,
     [](CLI::App* cmd) -> CommandRun {
       cmd->group("");  // hidden from --help: a maintenance command
       auto o = std::make_shared<FloorOpts>();
       cmd->add_option("inputs", o->inputs, "Files, directories or - for standard input")
           ->required();
       cmd->add_option("--patterns", o->patterns, "Rule files directory (default: built in)");
       return [o] { return RunFloor(*o); };
     }});

}  // namespace
}  // namespace claimex

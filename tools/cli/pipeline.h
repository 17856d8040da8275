// Internal to the CLI: the reader -> extractor -> sink loop shared by `extract` and `ingest`, with
// one-line rejection messages, a progress line on a terminal and the run's counts.
#ifndef CLAIMEX_TOOLS_CLI_PIPELINE_H_
#define CLAIMEX_TOOLS_CLI_PIPELINE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "extractor/reader.h"
#include "extractor/sink.h"

namespace claimex {

struct PipelineOptions {
  std::vector<std::string> inputs;  // files, directories, "-"
  ReaderOptions reader;
  bool progress = false;  // print a progress line to stderr (only when stderr is a terminal)
};

struct PipelineCounts {
  int64_t articles = 0;  // articles extracted and handed to the sink
  int64_t rejected = 0;  // inputs that became no article (each reported on stderr)
  int64_t claims = 0, quotes = 0, times = 0;
  int64_t bytes = 0;  // body bytes extracted
};

// Reads every input, extracts each article and hands it to `sink`. Rejections are printed to
// stderr as "claimex: <origin> (id X): <reason>" and counted; they do not stop the run. Returns a
// non-OK Status only when the sink fails (the run stops there).
Status RunPipeline(const PipelineOptions& options, const Extractor& extractor, Sink* sink,
                   PipelineCounts* counts);

}  // namespace claimex

#endif  // CLAIMEX_TOOLS_CLI_PIPELINE_H_

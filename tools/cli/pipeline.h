// Internal to the CLI: the reader -> extractor -> output loop shared by `extract` and `ingest`,
// with one-line rejection messages, a progress line on a terminal and the run's counts.
//
// With jobs > 1 the work is spread over threads: the calling thread reads, `jobs` worker threads
// extract (and format, PipelineOutput::Prepare), and one writer thread hands the results to the
// output in input order. At most `window` articles are in flight between the reader and the
// writer, so memory stays bounded whatever the size of the input. The output is the same as
// with jobs = 1, byte for byte.
#ifndef CLAIMEX_TOOLS_CLI_PIPELINE_H_
#define CLAIMEX_TOOLS_CLI_PIPELINE_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "extractor/json_writer.h"
#include "extractor/reader.h"
#include "extractor/sink.h"

namespace claimex {

struct PipelineOptions {
  std::vector<std::string> inputs;  // files, directories, "-"
  ReaderOptions reader;
  bool progress = false;  // print a progress line to stderr (only when stderr is a terminal)
  // Extraction threads: 1 runs everything on the calling thread; 0 means one per core.
  int jobs = 1;
  // Articles in flight at most (read and not yet written); 0 means 4 per job + 4.
  int window = 0;
  // Inputs (files or "-") whose first record is a contract "article" record (`claimex extract
  // --with-body` output, extractor/contract_reader.h) are taken as already extracted (ingest).
  bool accept_contract = false;
};

struct PipelineCounts {
  int64_t articles = 0;  // articles extracted and handed to the output
  int64_t rejected = 0;  // inputs that became no article (each reported on stderr)
  int64_t claims = 0, quotes = 0, times = 0;
  int64_t bytes = 0;  // body bytes extracted
};

// Where results go, in input order.
class PipelineOutput {
 public:
  virtual ~PipelineOutput() = default;
  // Runs in the worker threads, possibly concurrently: the part of the work that does not need
  // input order (formatting). Default: nothing.
  virtual void Prepare(const Article& article, const Extraction& extraction,
                       std::string* prepared) const {}
  // Runs on one thread at a time, in input order, with what Prepare made. A failure stops the run.
  virtual Status Write(const Article& article, const Extraction& extraction,
                       std::string& prepared) = 0;
  // Called once after the last Write.
  virtual Status Finish() = 0;
};

// A Sink (the store) as an output: Write is Sink::Put.
class SinkOutput : public PipelineOutput {
 public:
  explicit SinkOutput(Sink* sink) : sink_(sink) {}  // not owned
  Status Write(const Article& a, const Extraction& ex, std::string&) override {
    return sink_->Put(a, ex);
  }
  Status Finish() override { return sink_->Finish(); }

 private:
  Sink* sink_;
};

// The JSON Lines contract on a stream; the records are formatted in the worker threads.
class JsonLinesOutput : public PipelineOutput {
 public:
  JsonLinesOutput(std::ostream* out, JsonLinesWriter::Options options)  // `out` is not owned
      : out_(out), options_(options) {}
  void Prepare(const Article& a, const Extraction& ex, std::string* prepared) const override;
  Status Write(const Article& a, const Extraction& ex, std::string& prepared) override;
  Status Finish() override;

 private:
  std::ostream* out_;
  JsonLinesWriter::Options options_;
};

// Reads every input, extracts each article and hands it to `output`. Rejections are printed to
// stderr as "claimex: rejected <origin> (id X): <reason>" and counted; they do not stop the run.
// Returns a non-OK Status only when the output fails (the run stops there).
Status RunPipeline(const PipelineOptions& options, const Extractor& extractor,
                   PipelineOutput* output, PipelineCounts* counts);

// The number of threads the machine runs at once (at least 1): what jobs = 0 means.
int DefaultJobs();

}  // namespace claimex

#endif  // CLAIMEX_TOOLS_CLI_PIPELINE_H_

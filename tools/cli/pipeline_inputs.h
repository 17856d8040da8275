// Internal to the CLI: the input side of the pipeline (tools/cli/pipeline.h). Reads the inputs in
// order as work items: articles to extract (extractor/reader.h) and, when contract input is
// accepted, articles already extracted (`claimex extract --with-body` output,
// extractor/contract_reader.h), told apart by sniffing each named file and standard input.
#ifndef CLAIMEX_TOOLS_CLI_PIPELINE_INPUTS_H_
#define CLAIMEX_TOOLS_CLI_PIPELINE_INPUTS_H_

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractor/contract_reader.h"
#include "extractor/extraction.h"
#include "extractor/reader.h"

namespace claimex {

// One unit of work of the pipeline.
struct WorkItem {
  ReadItem item;                         // an article or a rejection
  std::optional<Extraction> extraction;  // set when the input was already extracted
  std::string prepared;                  // what PipelineOutput::Prepare made
};

class PipelineInputs {
 public:
  // `accept_contract`: sniff named files and "-" for contract input. Without it the inputs go to
  // OpenInputs as they are.
  PipelineInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                 bool accept_contract);
  ~PipelineInputs();

  // Fills *work (item and extraction; prepared is left alone). False at the end of the inputs.
  bool Next(WorkItem* work);

 private:
  void OpenNext();

  std::deque<std::string> pending_;
  ReaderOptions options_;
  bool accept_contract_;
  std::unique_ptr<ArticleReader> raw_;
  std::unique_ptr<ContractReader> contract_;
};

}  // namespace claimex

#endif  // CLAIMEX_TOOLS_CLI_PIPELINE_INPUTS_H_

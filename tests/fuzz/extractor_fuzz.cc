// libFuzzer target: arbitrary bytes as an article body handed straight to the extractor (no
// reader in between, so invalid UTF-8, NULs and control characters reach the text model).
// Every span must fit the body, every index its list, and the printed JSON Lines must parse.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "extractor/extractor.h"
#include "tests/fuzz/invariants.h"

using namespace claimex;
using invariants::FuzzCheck;

namespace {

const Extractor& TheExtractor() {
  static const Extractor* ex = [] {
    auto created = Extractor::Create({});
    FuzzCheck(created.ok() ? "" : "Extractor::Create: " + created.status().ToString());
    return created.value().release();  // lives as long as the process
  }();
  return *ex;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Article article;
  article.id = "fuzz";
  article.origin = "fuzz";
  article.encoding = "UTF-8";
  article.body.assign(reinterpret_cast<const char*>(data), size);
  Result<Extraction> ex = TheExtractor().Extract(article);
  if (!ex.ok()) {
    FuzzCheck(ex.status().code() == Status::Code::kEmpty
                  ? ""
                  : "Extract failed on an article with text: " + ex.status().ToString());
    return 0;
  }
  FuzzCheck(invariants::ExtractionProblem(article, *ex));
  FuzzCheck(invariants::ValueProblem(*ex));
  FuzzCheck(invariants::JsonOutputProblem(article, *ex));
  return 0;
}

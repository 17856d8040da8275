// Golden end-to-end test: `claimex extract corpus/` must print exactly tests/golden/corpus.jsonl.
// The golden file changes only through tools/regen_golden.sh, run on purpose after a change in
// extraction has been reviewed (git diff tests/golden shows what moved).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "extractor/extractor.h"
#include "extractor/json_writer.h"
#include "extractor/reader.h"

namespace claimex {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_CASE("extract over corpus/ matches the golden output", "[golden]") {
  auto ex = Extractor::Create({});
  REQUIRE(ex.ok());
  std::ostringstream got;
  JsonLinesWriter writer(&got);
  auto reader = OpenInputs({CLAIMEX_SOURCE_DIR "/corpus"});
  ReadItem item;
  int articles = 0;
  while (reader->Next(&item)) {
    if (auto* a = std::get_if<Article>(&item)) {
      // The corpus is ours and clean: every file in it must become an article.
      auto r = (*ex)->Extract(*a);
      REQUIRE(r.ok());
      REQUIRE(writer.Put(*a, *r).ok());
      ++articles;
    } else {
      FAIL("corpus input rejected: " << std::get<Rejection>(item).Message());
    }
  }
  CHECK(articles >= 12);

  std::ifstream golden_file(CLAIMEX_SOURCE_DIR "/tests/golden/corpus.jsonl");
  REQUIRE(golden_file.good());
  std::stringstream golden;
  golden << golden_file.rdbuf();
  std::vector<std::string> want = Lines(golden.str()), have = Lines(got.str());
  for (size_t i = 0; i < std::min(want.size(), have.size()); ++i) {
    INFO("line " << i + 1 << " differs; if the change is intended, run tools/regen_golden.sh");
    REQUIRE(have[i] == want[i]);
  }
  CHECK(have.size() == want.size());
}

}  // namespace
}  // namespace claimex

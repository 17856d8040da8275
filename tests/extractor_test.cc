// Tests for extractor/extractor.h's version(): stable for the same rules and code, built from the
// code version and the rules' fingerprint (what a store compares to re-extract after a change).
#include "extractor/extractor.h"

#include <catch2/catch.hpp>
#include <string>

#include "extractor/rules.h"

namespace claimex {
namespace {

TEST_CASE("extractor version names the code version and the rules", "[extractor]") {
  auto a = Extractor::Create({});
  auto b = Extractor::Create({});
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const std::string& v = (*a)->version();
  CHECK(v == (*b)->version());
  auto rules = RuleSet::Load("");
  REQUIRE(rules.ok());
  CHECK(v == std::string(Extractor::kCodeVersion) + "+rules-" + (*rules)->Fingerprint());
}

}  // namespace
}  // namespace claimex

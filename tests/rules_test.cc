// Tests for extractor/rules.h: rule-file parsing and loading.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "extractor/rules.h"

namespace claimex {
namespace {

TEST_CASE("rule lines split into fields on tabs or runs of spaces", "[rules]") {
  struct Case {
    const char* text;
    std::vector<std::vector<std::string>> want;
  };
  const Case cases[] = {
      {"a\tb\tc\n", {{"a", "b", "c"}}},
      {"per cent   percent\n", {{"per cent", "percent"}}},
      {"# a comment\n\n  \nmph  speed # trailing comment\n", {{"mph", "speed"}}},
      {"C#  language\n", {{"C#", "language"}}},  // '#' inside a word is not a comment
      {"x\r\ny\n", {{"x"}, {"y"}}},              // CR LF line ends
      {"last line without newline", {{"last line without newline"}}},
  };
  for (const Case& c : cases) {
    RuleFile f = ParseRuleFile("t.txt", "patterns/t.txt", c.text);
    REQUIRE(f.lines.size() == c.want.size());
    for (size_t i = 0; i < c.want.size(); ++i) CHECK(f.lines[i].fields == c.want[i]);
  }
}

TEST_CASE("rule lines keep their line numbers for error messages", "[rules]") {
  RuleFile f = ParseRuleFile("units.txt", "patterns/units.txt", "# head\n\nkm\tlength\nbad\n");
  REQUIRE(f.lines.size() == 2);
  CHECK(f.lines[0].line == 3);
  CHECK(f.lines[1].line == 4);
  Status st = f.Error(f.lines[1], "expected two fields");
  CHECK(st.code() == Status::Code::kRuleError);
  CHECK(st.message() == "patterns/units.txt:4: expected two fields");
}

TEST_CASE("rule sets find files by name and report missing ones", "[rules]") {
  auto set = RuleSet::FromStrings({{"a.txt", "x\n"}});
  REQUIRE(set.ok());
  CHECK((*set)->Find("a.txt") != nullptr);
  CHECK((*set)->Find("b.txt") == nullptr);
  auto missing = (*set)->Get("b.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kRuleError);
}

TEST_CASE("the built-in rule files load", "[rules]") {
  auto set = RuleSet::Load();
  REQUIRE(set.ok());
  auto from_disk = RuleSet::Load(CLAIMEX_SOURCE_DIR "/patterns");
  REQUIRE(from_disk.ok());
  auto absent = RuleSet::Load("/nonexistent/patterns");
  CHECK(absent.status().code() == Status::Code::kNotFound);
}

}  // namespace
}  // namespace claimex

namespace claimex {
namespace {

TEST_CASE("rule fingerprint follows the rules, not comments or layout", "[rules]") {
  auto fp = [](const std::map<std::string, std::string>& files) {
    auto set = RuleSet::FromStrings(files);
    REQUIRE(set.ok());
    return (*set)->Fingerprint();
  };
  const std::string base = fp({{"cues.txt", "alpha\tone\nbeta  two\n"}});
  CHECK(base.size() == 16);
  struct Case {
    std::map<std::string, std::string> files;
    bool same;
  };
  const Case cases[] = {
      {{{"cues.txt", "alpha\tone\nbeta  two\n"}}, true},
      {{{"cues.txt", "# a comment\nalpha\tone\n\nbeta\ttwo   # why\n"}}, true},
      {{{"cues.txt", "alpha\tone\nbeta  three\n"}}, false},           // a field changed
      {{{"cues.txt", "alpha\tone\n"}}, false},                        // a line dropped
      {{{"cues.txt", "alphaone\nbeta  two\n"}}, false},               // fields joined
      {{{"other.txt", "alpha\tone\nbeta  two\n"}}, false},            // file renamed
      {{{"cues.txt", "alpha\tone\nbeta  two\n"}, {"x.txt", "y\n"}}, false},  // a file added
  };
  for (const Case& c : cases) {
    CAPTURE(c.files.begin()->first, c.files.begin()->second);
    CHECK((fp(c.files) == base) == c.same);
  }
}

}  // namespace
}  // namespace claimex

// Tests for extractor/json_writer.h: the streaming printer writes every string and number exactly
// as nlohmann::json's dump(-1, ' ', false, replace) does (the format `claimex extract` has always
// printed), including control characters, quotes, backslashes, invalid UTF-8 and doubles.
#include "extractor/json_writer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace claimex {
namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// One article whose title is `title` and one claim whose value is `value`, printed; returns the
// two lines.
std::pair<std::string, std::string> Print(const std::string& title, double value) {
  Article a;
  a.id = "id";
  a.title = title;
  a.body = "body text";
  a.encoding = "UTF-8";
  Extraction ex;
  Claim c;
  c.span = {0, 4};
  c.text = "body";
  c.value = value;
  c.unit = "count";
  ex.claims.push_back(c);
  std::ostringstream out;
  JsonLinesWriter writer(&out);
  REQUIRE(writer.Put(a, ex).ok());
  std::istringstream in(out.str());
  std::string art, claim;
  std::getline(in, art);
  std::getline(in, claim);
  return {art, claim};
}

TEST_CASE("json writer escapes strings like nlohmann's dump", "[json_writer]") {
  const std::string cases[] = {
      "plain words",
      "say \"yes\" \\ no",
      "tab\tnew\nline\rcr\bbs\ffeed\x01\x1f\x7f",
      std::string("nul\0byte", 8),
      "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80",
      "bad \xff byte",
      "cut \xe2\x80 short",
      "overlong \xc0\xaf and surrogate \xed\xa0\x80",
      "trailing lead \xe2",
  };
  for (const std::string& s : cases) {
    CAPTURE(s);
    const std::string want = "\"title\":" + Dump(s) + ",";
    CHECK(Print(s, 1).first.find(want) != std::string::npos);
  }
}

TEST_CASE("json writer prints doubles like nlohmann's dump", "[json_writer]") {
  const double cases[] = {0,     1,       -2.5,   76,   1130000000, 0.1,  1e21, 1.5e-7,
                          1e300, 123.456, 1.0 / 3, -0.0, 2e15,       2e16, 12345678901234567.0};
  for (double v : cases) {
    CAPTURE(v);
    const std::string want = "\"value\":" + Dump(v) + ",";
    CHECK(Print("t", v).second.find(want) != std::string::npos);
  }
  // Not a number and infinities are null, as before.
  CHECK(Print("t", std::nan("")).second.find("\"value\":null,") != std::string::npos);
  CHECK(Print("t", std::numeric_limits<double>::infinity()).second.find("\"value\":null,") !=
        std::string::npos);
}

TEST_CASE("json writer record layout matches the contract's field order", "[json_writer]") {
  auto [art, claim] = Print("Title", 5);
  CHECK(art ==
        R"({"type":"article","article":"id","title":"Title","encoding":"UTF-8","bytes":9})");
  CHECK(claim ==
        R"({"type":"claim","article":"id","start":0,"end":4,"text":"body","value":5.0,)"
        R"("low":null,"high":null,"unit":"count","noun":null,"qualifier":"exact","per":null,)"
        R"("change":null,"change_kind":null,"speaker":null,"role":null,"source":null,)"
        R"("rule":null,"time":null,"sentence":null,"measured":null})");
}

}  // namespace
}  // namespace claimex

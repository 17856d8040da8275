// Tests for extractor/flat_json.h: every line the fast reader accepts reads exactly as nlohmann
// reads it, and lines of any other shape (or no JSON at all) are refused, so that the JSON Lines
// reader's fallback to nlohmann words their errors.
#include "extractor/flat_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace claimex {
namespace {

struct Case {
  std::string line;
  bool flat;  // the fast reader takes it
};

TEST_CASE("flat JSON reader agrees with nlohmann or refuses", "[flat_json]") {
  const Case cases[] = {
      {R"({"id":"a1","body":"Two words."})", true},
      {R"(  {"id" : "a1" ,	"body":"x", "extra":"ignored"}  )", true},
      {R"({})", true},
      {R"({"id":"a","body":"q \" b \\ s \/ \b\f\n\r\t end"})", true},
      {R"({"id":"a","body":"caf\u00e9 \u20ac \ud83d\ude00 nul\u0000"})", true},
      {"{\"id\":\"a\",\"body\":\"caf\xc3\xa9 raw\"}", true},
      {R"({"id":42,"body":"numeric id"})", false},
      {R"({"id":"a","body":"x","tags":["n"]})", false},
      {R"({"id":"a","body":null})", false},
      {R"({"id":"a","id":"b","body":"x"})", false},
      {R"({"id":"a","body":"lone \ud83d surrogate"})", false},
      {R"({"id":"a","body":"low \ude00 first"})", false},
      {R"({"id":"a","body":"bad \x escape"})", false},
      {"{\"id\":\"a\",\"body\":\"raw\ttab\"}", false},
      {R"({"id":"a","body":"x",})", false},
      {R"({"id":"a","body":"x"} trailing)", false},
      {R"({"id":"a" "body":"x"})", false},
      {R"({"id":"a","body":"unterminated)", false},
      {R"(["id","a"])", false},
      {"", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    std::string id = "unset", body = "unset";
    FlatField fields[] = {{"id", &id}, {"body", &body}};
    const bool got = ReadFlatJsonObject(c.line, fields, 2);
    CHECK(got == c.flat);
    if (!got) continue;
    const auto j = nlohmann::json::parse(c.line);  // accepted lines are JSON
    CHECK(fields[0].found == j.contains("id"));
    CHECK(fields[1].found == j.contains("body"));
    if (fields[0].found) CHECK(id == j["id"].get<std::string>());
    if (fields[1].found) CHECK(body == j["body"].get<std::string>());
  }
}

// Regression (issue 8, speed): strings are scanned eight bytes at a time; an escape, a quote, a
// control character or a non-ASCII byte at any offset of a long string must still be read (or
// refused) exactly as nlohmann reads it.
TEST_CASE("flat JSON reader: special bytes at every offset of a long string", "[flat_json]") {
  const std::string specials[] = {"\\\"",      "\\\\",         "\\n", "\\u00e9",
                                  "\xC3\xA9", "\xE2\x82\xAC", "\t",  "\x01"};
  for (const std::string& sp : specials) {
    for (size_t at = 0; at <= 20; ++at) {
      const std::string body = std::string(at, 'a') + sp + std::string(21 - at, 'b');
      const std::string line = "{\"id\":\"x\",\"body\":\"" + body + "\"}";
      CAPTURE(line);
      std::string id, got;
      FlatField fields[] = {{"id", &id}, {"body", &got}};
      const bool ok = ReadFlatJsonObject(line, fields, 2);
      const bool raw_control = sp == "\t" || sp == "\x01";  // JSON forbids them unescaped
      CHECK(ok == !raw_control);
      if (ok) CHECK(got == nlohmann::json::parse(line)["body"].get<std::string>());
    }
  }
}

}  // namespace
}  // namespace claimex

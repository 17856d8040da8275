// Tests for NormalizedText (extractor/text.h, extractor/normalize.cc): the normalized view and
// its byte map back to the body.
#include "extractor/text.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

namespace claimex {
namespace {

// Every normalized byte maps to a source range that, normalized alone, gives back the bytes of
// the normalized view that came from it. Checked per group of bytes that share a source range.
void CheckMapRoundTrips(const std::string& body) {
  NormalizedText norm(body);
  const std::string& t = norm.text();
  REQUIRE(norm.ToRaw(static_cast<uint32_t>(t.size())) == body.size());
  uint32_t prev_start = 0;
  size_t i = 0;
  while (i < t.size()) {
    Span raw = norm.ToRaw(Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
    REQUIRE(raw.start >= prev_start);
    REQUIRE(raw.start < raw.end);
    REQUIRE(raw.end <= body.size());
    prev_start = raw.start;
    size_t j = i + 1;
    while (j < t.size() && norm.ToRaw(static_cast<uint32_t>(j)) == raw.start) ++j;
    NormalizedText piece(body.substr(raw.start, raw.size()));
    CHECK(piece.text() == t.substr(i, j - i));
    i = j;
  }
}

TEST_CASE("normalization unifies quotes, dashes, spaces and line ends", "[text]") {
  struct Case {
    const char* name;
    std::string body;
    std::string want;
  };
  const Case cases[] = {
      {"plain ASCII is kept", "Rents rose 4% in 2023.\n", "Rents rose 4% in 2023.\n"},
      {"curly double quotes", "\u201CWe will act,\u201D she said.", "\"We will act,\" she said."},
      {"curly single quotes and apostrophe", "\u2018fair\u2019 and the council\u2019s",
       "'fair' and the council's"},
      {"low and reversed quotes", "\u201Edrin\u201F \u201Aone\u201B", "\"drin\" 'one'"},
      {"guillemets and primes", "\u00ABoui\u00BB 5\u2032 6\u2033", "\"oui\" 5' 6\""},
      {"dashes", "2019\u20132020 \u2014 a\u2010b c\u2011d \u22125 \u2015 \uFE63 \uFF0D \u2012",
       "2019-2020 - a-b c-d -5 - - - -"},
      {"no-break and odd spaces", "\u00A3\u00A05\u202Fm\u2009x\u3000y\u205Fz\u2003w",
       "\u00A3 5 m x y z w"},
      {"tab", "a\tb", "a b"},
      {"CR LF and bare CR", "one\r\ntwo\rthree\n", "one\ntwo\nthree\n"},
      {"soft hyphen dropped", "co\u00ADoperation", "cooperation"},
      {"zero-width characters dropped", "\uFEFFa\u200Bb\u200Cc\u200Dd\u2060e", "abcde"},
      {"NUL and other controls become spaces",
       std::string("a\0b\x01"
                   "c\x1F"
                   "d\x7F",
                   8) +
           "e",
       "a b c d e"},
      {"combining acute composes with an ASCII base", "Cafe\u0301 re\u0301gime",
       "Caf\u00E9 r\u00E9gime"},
      {"combining marks on a non-ASCII base", "\u00E7\u0301", "\u1E09"},
      {"precomposed letters stay, canonical singletons change",
       "\u00E9t\u00E9 \u212B \u2126 \uAC00", "\u00E9t\u00E9 \u00C5 \u03A9 \uAC00"},
      {"fullwidth letters and digits", "\uFF21\uFF22\uFF23\uFF11\uFF12", "ABC12"},
      {"ellipsis and ligature", "wait\u2026 \uFB01nal", "wait... final"},
      {"non-ASCII letters and currency stay", "Z\u00FCrich \u20AC5 \u00A33",
       "Z\u00FCrich \u20AC5 \u00A33"},
      {"invalid byte",
       "a\xFF"
       "b",
       "a b"},
      {"truncated sequence",
       "a\xE2\x80"
       "b",
       "a  b"},
      {"overlong encoding",
       "a\xC0\xAF"
       "b",
       "a  b"},
      {"encoded surrogate",
       "a\xED\xA0\x80"
       "b",
       "a   b"},
      {"lone continuation byte at the end", "ab\x80", "ab "},
      {"empty body", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    NormalizedText norm(c.body);
    CHECK(norm.text() == c.want);
    CheckMapRoundTrips(c.body);
  }
}

TEST_CASE("normalized spans map back to the body bytes they came from", "[text]") {
  struct Case {
    const char* name;
    std::string body;
    Span norm;      // a span of the normalized view
    Span want_raw;  // the body span it came from
  };
  const Case cases[] = {
      {"ASCII is identity", "The plan", {4, 8}, {4, 8}},
      {"curly quote covers its three bytes", "\u201CHi\u201D", {0, 4}, {0, 8}},
      {"word inside curly quotes", "\u201CHi\u201D", {1, 3}, {3, 5}},
      {"CR LF is one line end of two bytes", "a\r\nb", {1, 2}, {1, 3}},
      {"span after CR LF", "a\r\nb", {2, 3}, {3, 4}},
      {"a dropped soft hyphen stays inside the span", "co\u00ADop", {0, 4}, {0, 6}},
      {"NFKC expansion: each dot maps to the whole ellipsis", "so\u2026", {3, 4}, {2, 5}},
      {"composed character covers base and mark", "e\u0301!", {0, 2}, {0, 3}},
      {"empty span", "abc", {2, 2}, {2, 2}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    NormalizedText norm(c.body);
    CHECK(norm.ToRaw(c.norm) == c.want_raw);
  }
}

TEST_CASE("body offsets map to the first normalized byte at or after them", "[text]") {
  struct Case {
    const char* name;
    std::string body;
    uint32_t raw;
    uint32_t want;
  };
  const Case cases[] = {
      {"ASCII", "abc", 1, 1},
      {"inside a dropped soft hyphen", "co\u00ADop", 3, 2},
      {"after a curly quote", "\u201CHi", 3, 1},
      {"in the middle of a curly quote", "\u201CHi", 1, 1},
      {"end of body", "\u201CHi", 5, 3},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(NormalizedText(c.body).FromRaw(c.raw) == c.want);
  }
}

// Guards ToRaw on a NormalizedText that was never given a body (a default Document).
TEST_CASE("an empty normalized view maps offset 0 to 0", "[text]") {
  NormalizedText none;
  CHECK(none.text().empty());
  CHECK(none.ToRaw(0) == 0);
  CHECK(none.ToRaw(Span{0, 0}) == Span{0, 0});
  CHECK(none.FromRaw(0) == 0);
}

// Guards against crashes and broken maps on arbitrary bytes: a fixed pseudo-random mix of
// ASCII, multi-byte characters, marks, controls and stray bytes.
TEST_CASE("normalization never breaks its map on arbitrary bytes", "[text]") {
  const std::string pieces[] = {"a",      "Z",      " ",      "\n",     "\r",     "\r\n",
                                "\t",     ".",      "\u0301", "\u00AD", "\u201C", "\u2014",
                                "\u00A0", "\uFB01", "\u2026", "\xFF",   "\xE2",   "\x80",
                                "\u00E9", "\u20AC", "\uFEFF", "\x01",   "\u1100", "\u1161"};
  const size_t kPieces = sizeof(pieces) / sizeof(pieces[0]);
  uint32_t seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string body;
    for (int k = 0; k < 40; ++k) {
      seed = seed * 1103515245u + 12345u;
      body += pieces[(seed >> 16) % kPieces];
    }
    INFO("round " << round);
    CheckMapRoundTrips(body);
  }
}

}  // namespace
}  // namespace claimex

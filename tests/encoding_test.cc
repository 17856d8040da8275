// Tests for DecodeToUtf8 (extractor/reader.h) and the helpers in extractor/encoding.h.
// Every fixture is built here byte by byte from our own short sentences.
#include "extractor/encoding.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extractor/reader.h"
#include "extractor/status.h"

namespace claimex {
namespace {

using namespace std::string_literals;

// `ascii` as UTF-16 (little- or big-endian) code units, optionally after a BOM.
std::string Utf16(const std::string& ascii, bool little_endian, bool bom) {
  std::string out;
  if (bom) out += little_endian ? "\xFF\xFE"s : "\xFE\xFF"s;
  for (char c : ascii) {
    if (little_endian) {
      out += c, out += '\0';
    } else {
      out += '\0', out += c;
    }
  }
  return out;
}

std::string Utf32Le(const std::string& ascii) {
  std::string out = "\xFF\xFE\x00\x00"s;
  for (char c : ascii) out += std::string{c, '\0', '\0', '\0'};
  return out;
}

struct DecodeCase {
  const char* what;
  std::string bytes;
  std::string utf8;                    // expected text
  std::vector<std::string> encodings;  // any of these is a right guess
};

TEST_CASE("DecodeToUtf8 turns every supported input into the same UTF-8 text", "[encoding]") {
  const std::vector<DecodeCase> cases = {
      {"plain ASCII stays as it is", "The levy rose 4%.", "The levy rose 4%.", {"UTF-8"}},
      {"UTF-8 text is kept byte for byte",
       "Caf\xC3\xA9 tax: \xE2\x82\xAC"
       "5",
       "Caf\xC3\xA9 tax: \xE2\x82\xAC"
       "5",
       {"UTF-8"}},
      {"a UTF-8 BOM is dropped", "\xEF\xBB\xBFPark fees rise", "Park fees rise", {"UTF-8"}},
      {"UTF-16LE with BOM is transcoded",
       Utf16("Bins cost 12 pounds", true, true),
       "Bins cost 12 pounds",
       {"UTF-16LE"}},
      {"UTF-16BE with BOM is transcoded",
       Utf16("Bins cost 12 pounds", false, true),
       "Bins cost 12 pounds",
       {"UTF-16BE"}},
      {"UTF-32LE with BOM is transcoded", Utf32Le("Rates up 3%"), "Rates up 3%", {"UTF-32LE"}},
      {"UTF-16LE without BOM is recognised by its NUL pattern",
       Utf16("The council met on Tuesday.", true, false),
       "The council met on Tuesday.",
       {"UTF-16LE"}},
      {"a Latin-1 pound sign becomes U+00A3",
       "The new stand cost \xA3"
       "15.8m, the club said on Monday.",
       "The new stand cost \xC2\xA3"
       "15.8m, the club said on Monday.",
       {"ISO-8859-1", "windows-1252"}},
      {"Latin-1 accented names decode",
       "Councillor Ren\xE9"
       " P\xE9rez spoke for the motion.",
       "Councillor Ren\xC3\xA9 P\xC3\xA9rez spoke for the motion.",
       {"ISO-8859-1", "windows-1252"}},
      {"windows-1252 curly quotes and dashes decode",
       "\x93We will act,\x94 she said \x96 twice.",
       "\xE2\x80\x9CWe will act,\xE2\x80\x9D she said \xE2\x80\x93 twice.",
       {"windows-1252"}},
      {"regression: a near-tie with ISO-8859-2 does not turn the pound sign into L-stroke",
       "Caf\xE9 prices rose to \xA3"
       "5 a cup.",
       "Caf\xC3\xA9 prices rose to \xC2\xA3"
       "5 a cup.",
       {"ISO-8859-1", "windows-1252"}},
      {"a short ambiguous text falls back to windows-1252",
       "Na\xEFve r\xE9sum\xE9",
       "Na\xC3\xAFve r\xC3\xA9sum\xC3\xA9",
       {"windows-1252"}},
      {"a NUL byte becomes a space",
       "Sales rose\0 9% in May."s,
       "Sales rose  9% in May.",
       {"UTF-8"}},
      {"a NUL in UTF-16 text becomes a space", Utf16("ab\0cd"s, true, true), "ab cd", {"UTF-16LE"}},
      {"CR LF line ends are kept",
       "Line one\r\nLine two\r\n",
       "Line one\r\nLine two\r\n",
       {"UTF-8"}},
      {"a BOM-only input decodes to nothing", "\xEF\xBB\xBF", "", {"UTF-8"}},
  };
  for (const DecodeCase& c : cases) {
    SECTION(c.what) {
      std::string utf8 = "stale";
      std::string encoding;
      Status st = DecodeToUtf8(c.bytes, &utf8, &encoding);
      REQUIRE(st.ok());
      CHECK(utf8 == c.utf8);
      CHECK(IsValidUtf8(utf8));
      CHECK_THAT(c.encodings, Catch::Matchers::VectorContains(encoding));
    }
  }
}

TEST_CASE("DecodeToUtf8 fails only when a BOM promises text the bytes do not hold", "[encoding]") {
  struct Case {
    const char* what;
    std::string bytes;
  };
  const std::vector<Case> cases = {
      {"UTF-16LE with a lone high surrogate",
       "\xFF\xFE"
       "a\0\x00\xD8"s},
      {"UTF-16LE with an odd trailing byte",
       "\xFF\xFE"
       "a\0b"s},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      std::string utf8;
      std::string encoding;
      Status st = DecodeToUtf8(c.bytes, &utf8, &encoding);
      CHECK(st.code() == Status::Code::kEncoding);
      CHECK_FALSE(st.message().empty());
    }
  }
}

TEST_CASE("IsValidUtf8 accepts well-formed UTF-8 only", "[encoding]") {
  struct Case {
    std::string bytes;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"", true},
      {"plain words and 42", true},
      {"\xC2\xA3"
       "5",
       true},                      // two-byte pound sign
      {"\xE2\x80\x94", true},      // three-byte em dash
      {"\xF0\x9F\x93\x88", true},  // four-byte chart emoji
      {"nul\0inside"s, true},      // NUL is valid UTF-8
      {"\xA3"
       "5",
       false},                      // stray continuation byte (Latin-1 pound)
      {"caf\xE9", false},           // Latin-1 e-acute at the end
      {"\xC0\x80", false},          // overlong NUL
      {"\xE0\x80\xAF", false},      // overlong slash
      {"\xED\xA0\x80", false},      // UTF-16 surrogate
      {"\xF4\x90\x80\x80", false},  // above U+10FFFF
      {"\xE2\x80", false},          // truncated sequence
      {"long ascii run before the bad byte \xFF", false},
  };
  for (const Case& c : cases) {
    INFO(c.bytes);
    CHECK(IsValidUtf8(c.bytes) == c.valid);
  }
}

TEST_CASE("DetectBom names the byte-order mark and its length", "[encoding]") {
  struct Case {
    std::string bytes;
    Bom bom;
    size_t length;
  };
  const std::vector<Case> cases = {
      {"no bom", Bom::kNone, 0},           {"\xEF\xBB\xBFx", Bom::kUtf8, 3},
      {"\xFF\xFEx\0"s, Bom::kUtf16Le, 2},  {"\xFE\xFF\0x"s, Bom::kUtf16Be, 2},
      {"\xFF\xFE\0\0"s, Bom::kUtf32Le, 4},  // regression: not mistaken for UTF-16LE
      {"\0\0\xFE\xFF"s, Bom::kUtf32Be, 4}, {"\xEF\xBB", Bom::kNone, 0},  // a cut-off BOM is no BOM
  };
  for (const Case& c : cases) {
    size_t length = 99;
    CHECK(DetectBom(c.bytes, &length) == c.bom);
    CHECK(length == c.length);
  }
}

TEST_CASE("SniffBomlessUtf16 needs a clear NUL pattern", "[encoding]") {
  struct Case {
    std::string bytes;
    const char* expected;  // nullptr: not UTF-16
  };
  const std::vector<Case> cases = {
      {Utf16("Parking permits", true, false), "UTF-16LE"},
      {Utf16("Parking permits", false, false), "UTF-16BE"},
      {"Parking permits!", nullptr},
      {"odd\0length"s, nullptr},
      {"ab\0\0cd\0\0"s, nullptr},  // NULs on both positions: not UTF-16 text
  };
  for (const Case& c : cases) {
    const char* got = SniffBomlessUtf16(c.bytes);
    if (c.expected == nullptr) {
      CHECK(got == nullptr);
    } else {
      REQUIRE(got != nullptr);
      CHECK(std::string(got) == c.expected);
    }
  }
}

// Regression (issue 8, speed): ReplaceNuls finds NULs with memchr; every NUL, first, last and
// in a run, still becomes a space and nothing else changes.
TEST_CASE("ReplaceNuls turns every NUL byte into a space", "[encoding]") {
  struct Case {
    std::string in, want;
  };
  const Case cases[] = {
      {""s, ""s},
      {"no nul here"s, "no nul here"s},
      {"\0"s, " "s},
      {"\0lead"s, " lead"s},
      {"trail\0"s, "trail "s},
      {"a\0\0\0b"s, "a   b"s},
      {"x\0y\0z \xC3\xA9\0"s, "x y z \xC3\xA9 "s},
  };
  for (const Case& c : cases) {
    std::string s = c.in;
    ReplaceNuls(&s);
    CHECK(s == c.want);
  }
}

}  // namespace
}  // namespace claimex

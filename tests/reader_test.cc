// Tests for the readers (extractor/reader.h and the internal text/JSONL/input-file helpers).
// Fixtures are tiny files written into a fresh temporary directory by each test, from our own
// sentences; the odd bytes (Latin-1, UTF-16, NUL, CRLF, BOM) are generated here.
#include "extractor/reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractor/article.h"
#include "extractor/byte_stream.h"
#include "extractor/input_files.h"
#include "extractor/jsonl_reader.h"
#include "tests/temp_files.h"

namespace claimex {
namespace {

using namespace std::string_literals;
namespace fs = std::filesystem;

using testing::TempDir;

std::vector<ReadItem> ReadAll(const std::vector<std::string>& paths,
                              const ReaderOptions& options = {}) {
  std::vector<ReadItem> items;
  auto reader = OpenInputs(paths, options);
  ReadItem item;
  while (reader->Next(&item)) items.push_back(std::move(item));
  return items;
}

const Article& AsArticle(const ReadItem& item) {
  if (const auto* r = std::get_if<Rejection>(&item)) FAIL("rejected: " << r->Message());
  return std::get<Article>(item);
}

const Rejection& AsRejection(const ReadItem& item) {
  if (const auto* a = std::get_if<Article>(&item)) FAIL("accepted: " << a->origin);
  return std::get<Rejection>(item);
}

// Reads `bytes` through standard input ("-"): fd 0 is pointed at a file for the call.
std::vector<ReadItem> ReadFromStdin(const TempDir& dir, const std::string& bytes) {
  std::string path = dir.Write("stdin.bin", bytes);
  int saved = ::dup(STDIN_FILENO);
  int fd = ::open(path.c_str(), O_RDONLY);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  std::vector<ReadItem> items = ReadAll({"-"});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  return items;
}

TEST_CASE("a text file becomes one article named after the file", "[reader]") {
  TempDir dir;
  struct Case {
    const char* what;
    std::string name;
    std::string bytes;
    std::string id;
    std::string body;
    std::string encoding;
  };
  const std::vector<Case> cases = {
      {"UTF-8 text", "council-01.txt", "The council raised parking fees by 5%.\n", "council-01",
       "The council raised parking fees by 5%.\n", "UTF-8"},
      {"BOM dropped", "bom.txt", "\xEF\xBB\xBFMayor opens bridge", "bom", "Mayor opens bridge",
       "UTF-8"},
      {"UTF-16LE with BOM", "wide.txt", "\xFF\xFEO\0k\0"s, "wide", "Ok", "UTF-16LE"},
      {"Latin-1 pound sign", "pounds.txt",
       "The scheme will cost \xA3"
       "2.5m over four years.",
       "pounds",
       "The scheme will cost \xC2\xA3"
       "2.5m over four years.",
       "ISO-8859-1"},
      {"NUL replaced, text after it kept", "nul.txt", "Arrests fell\0 by 12%."s, "nul",
       "Arrests fell  by 12%.", "UTF-8"},
      {"CRLF and bare CR kept as given", "lines.txt", "Para one.\r\n\r\nPara two.\rEnd\n", "lines",
       "Para one.\r\n\r\nPara two.\rEnd\n", "UTF-8"},
      {"no extension", "README", "Notes on the budget.", "README", "Notes on the budget.", "UTF-8"},
      {"only the last extension is cut", "a.b.txt", "Text.", "a.b", "Text.", "UTF-8"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      TempDir d;
      std::string path = d.Write(c.name, c.bytes);
      auto items = ReadAll({path});
      REQUIRE(items.size() == 1);
      const Article& a = AsArticle(items[0]);
      CHECK(a.id == c.id);
      CHECK(a.body == c.body);
      CHECK(a.origin == path);
      if (c.encoding == "ISO-8859-1") {
        CHECK((a.encoding == "ISO-8859-1" || a.encoding == "windows-1252"));
      } else {
        CHECK(a.encoding == c.encoding);
      }
      CHECK(a.title.empty());
    }
  }
}

TEST_CASE("bad inputs are one-line rejections and reading goes on", "[reader]") {
  TempDir dir;
  ReaderOptions small;
  small.max_article_bytes = 100;
  struct Case {
    const char* what;
    std::string name;  // "" = a path that does not exist
    std::string bytes;
    std::string reason;  // expected reason prefix
  };
  const std::vector<Case> cases = {
      {"missing path", "", "", "no such file or directory"},
      {"0-byte text file", "empty.txt", "", "empty file"},
      {"blank text file", "blank.txt", " \n\r\n\t \n", "empty body"},
      {"text over the limit (checked from its size)", "big.txt", std::string(150, 'x'),
       "too large: 150 bytes > 100"},
      {"HTML page with no text", "page.html", "<html><body><nav>Home</nav></body></html>",
       "no article text in the page"},
      {"RSS feed with no items", "feed.rss", "<rss><channel><title>T</title></channel></rss>",
       "no items"},
      {"truncated gzip", "page.html.gz", "\x1f\x8b\x08"s, "truncated gzip"},
      {"XML sniffed from content", "feed.dat", "<?xml version=\"1.0\"?><feed/>", "no items"},
      {"bzip2 is not read", "notes.txt.bz2", "BZh91AY&SY", "unsupported format (compressed"},
      {"UTF-16 BOM with a broken surrogate", "broken.txt",
       "\xFF\xFE"
       "A\0\x00\xDC"s,
       "cannot decode: "},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      std::string path = c.name.empty() ? dir.Path("nope/missing.txt") : dir.Write(c.name, c.bytes);
      std::string after = dir.Write("after.txt", "The next file still counts.");
      auto items = ReadAll({path, after}, small);
      REQUIRE(items.size() == 2);
      const Rejection& r = AsRejection(items[0]);
      CHECK(r.origin == path);
      CHECK_THAT(r.reason, Catch::Matchers::StartsWith(c.reason));
      CHECK(r.Message().find('\n') == std::string::npos);
      CHECK(AsArticle(items[1]).id == "after");
    }
  }
}

TEST_CASE("a JSON Lines feed gives one item per line, bad lines named by number", "[reader]") {
  TempDir dir;
  std::string feed =
      R"({"id": "press-1", "body": "Crime fell 8% last year.", "title": "Crime down", )"
      R"("source": "Police", "url": "https://example.org/1", "published": "2021-03-04T09:30:00Z", "extra": [1, 2]})"
      "\n"
      R"({"id": 42, "body": "Numeric ids are kept as text.", "published": "2020-12-01"})"
      "\n"
      R"({"id": "press-3", "body": "cut off inside the body)"
      "\n"
      "\n"  // a blank line is skipped silently
      R"({"id": "press-5", "title": "No body here"})"
      "\n"
      R"({"id": "press-6", "body": 17})"
      "\n"
      R"({"id": "press-7", "body": "  \n  "})"
      "\n"
      R"({"body": "Nobody named this one."})"
      "\n"
      R"(["an", "array"])"
      "\n"
      R"({"id": {"nested": 1}, "body": "An object is no id."})"
      "\n"
      "{\"id\": \"press-10\", \"body\": \"Caf\xE9 rents rose \xA3"
      "3.\"}\r\n"  // Latin-1, CRLF
      R"({"id": "press-11", "body": "Dated loosely.", "published": "March 2021", "title": 5})";
  std::string path = dir.Write("feed.jsonl", feed);
  auto items = ReadAll({path});
  REQUIRE(items.size() == 11);

  const Article& first = AsArticle(items[0]);
  CHECK(first.id == "press-1");
  CHECK(first.body == "Crime fell 8% last year.");
  CHECK(first.title == "Crime down");
  CHECK(first.source == "Police");
  CHECK(first.url == "https://example.org/1");
  CHECK(first.published == "2021-03-04");
  CHECK(first.origin == path + ":1");
  CHECK(first.encoding == "UTF-8");

  const Article& numeric = AsArticle(items[1]);
  CHECK(numeric.id == "42");
  CHECK(numeric.published == "2020-12-01");

  struct Bad {
    size_t index;
    int line;
    std::string id;
    std::string reason;
  };
  const std::vector<Bad> bad = {
      {2, 3, "press-3", "not JSON: "},
      {3, 5, "press-5", "missing body"},
      {4, 6, "press-6", "body is not a string"},
      {5, 7, "press-7", "empty body"},
      {6, 8, "", "missing id"},
      {7, 9, "", "not a JSON object"},
      {8, 10, "", "id is a JSON object, not a string"},
  };
  for (const Bad& b : bad) {
    INFO("item " << b.index);
    const Rejection& r = AsRejection(items[b.index]);
    CHECK(r.origin == path + ":" + std::to_string(b.line));
    CHECK(r.id == b.id);
    CHECK_THAT(r.reason, Catch::Matchers::StartsWith(b.reason));
    CHECK(r.Message().find('\n') == std::string::npos);
  }

  const Article& latin = AsArticle(items[9]);
  CHECK(latin.id == "press-10");
  CHECK(latin.body ==
        "Caf\xC3\xA9 rents rose \xC2\xA3"
        "3.");
  CHECK(latin.encoding != "UTF-8");

  const Article& loose = AsArticle(items[10]);
  CHECK(loose.published.empty());  // not an ISO date: dropped
  CHECK(loose.title.empty());      // not a string: ignored
}

TEST_CASE("an over-long JSON line is skipped without stopping the feed", "[reader]") {
  TempDir dir;
  ReaderOptions options;
  options.max_article_bytes = 1000;
  size_t limit = JsonLinesReader::LineLimit(options);
  std::string huge_body(limit + 5000, 'a');
  std::string huge_line = R"({"id": "huge-2", "body": ")" + huge_body + "\"}";
  std::string feed = R"({"id": "small-1", "body": "Short."})"
                     "\n" +
                     huge_line + "\n" + R"({"id": "body-3", "body": ")" + std::string(1500, 'b') +
                     "\"}\n" + R"({"id": "small-4", "body": "Also short."})";
  std::string path = dir.Write("big.ndjson", feed);
  auto items = ReadAll({path}, options);
  REQUIRE(items.size() == 4);
  CHECK(AsArticle(items[0]).id == "small-1");
  const Rejection& huge = AsRejection(items[1]);
  CHECK(huge.origin == path + ":2");
  CHECK(huge.id == "huge-2");  // found in the kept prefix
  CHECK(huge.reason == "too large: " + std::to_string(huge_line.size()) + " bytes > 1000");
  const Rejection& body = AsRejection(items[2]);
  CHECK(body.reason == "too large: 1500 bytes > 1000");
  CHECK(body.id == "body-3");
  CHECK(AsArticle(items[3]).id == "small-4");
}

TEST_CASE("ByteStream skips a long line in chunks, holding only its prefix", "[reader]") {
  TempDir dir;
  std::string long_line(1 << 20, 'z');
  std::string path = dir.Write("lines.txt", "first\n" + long_line + "\nlast");
  int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  ByteStream stream(fd, /*owns=*/true, /*buffer_size=*/4096);
  std::string line;
  size_t length = 0;
  CHECK(stream.ReadLine(100, 16, &line, &length) == ByteStream::Line::kLine);
  CHECK(line == "first");
  CHECK(stream.ReadLine(100, 16, &line, &length) == ByteStream::Line::kTooLong);
  CHECK(length == long_line.size());
  CHECK(line == std::string(16, 'z'));
  CHECK(line.capacity() < 4096);  // regression: the skipped line is never held whole
  CHECK(stream.ReadLine(100, 16, &line, &length) == ByteStream::Line::kLine);
  CHECK(line == "last");  // the last line needs no newline
  CHECK(stream.ReadLine(100, 16, &line, &length) == ByteStream::Line::kEnd);
}

TEST_CASE("empty feeds yield nothing; a UTF-16 feed is refused whole", "[reader]") {
  TempDir dir;
  CHECK(ReadAll({dir.Write("empty.jsonl", "")}).empty());
  CHECK(ReadAll({dir.Write("blank.jsonl", "\n\n  \n")}).empty());
  auto items = ReadAll({dir.Write("wide.jsonl", "\xFF\xFE{\0}\0"s)});
  REQUIRE(items.size() == 1);
  CHECK_THAT(AsRejection(items[0]).reason, Catch::Matchers::StartsWith("cannot decode: "));
  auto bom = ReadAll({dir.Write("bom.jsonl", "\xEF\xBB\xBF{\"id\": \"b\", \"body\": \"x\"}\n")});
  REQUIRE(bom.size() == 1);
  CHECK(AsArticle(bom[0]).id == "b");
}

TEST_CASE("a directory is read recursively in sorted order, hidden entries skipped", "[reader]") {
  TempDir dir;
  dir.Write("b.txt", "Second file.");
  dir.Write("a.txt", "First file.");
  dir.Write("sub/c.txt", "In a sub-directory.");
  dir.Write("sub/d.jsonl", R"({"id": "d-1", "body": "From a feed."})"
                           "\n");
  dir.Write(".hidden.txt", "Never read.");
  dir.Write(".git/e.txt", "Never read either.");
  dir.Write("z.html", "<html></html>");
  // Files without an article extension are skipped in a directory walk.
  dir.Write("README.md", "About this folder.");
  dir.Write("raw.sgm", "Not an article extension.");
  dir.Write("LICENSE", "Terms.");
  dir.Write("index.tsv", "a\tb");
  auto items = ReadAll({dir.Path()});
  REQUIRE(items.size() == 5);
  CHECK(AsArticle(items[0]).id == "a");
  CHECK(AsArticle(items[1]).id == "b");
  CHECK(AsArticle(items[2]).id == "c");
  CHECK(AsArticle(items[3]).id == "d-1");
  CHECK(AsRejection(items[4]).origin == dir.Path("z.html"));
  // Named on the command line, a side file is read like any text file.
  auto named = ReadAll({dir.Path("README.md")});
  REQUIRE(named.size() == 1);
  CHECK(AsArticle(named[0]).id == "README");
}

TEST_CASE("ReaderOptions::format forces a format over the file's extension", "[reader]") {
  TempDir dir;
  std::string path = dir.Write("feed.txt",
                               "{\"id\": \"f-1\", \"body\": \"One.\"}\n"
                               "{\"id\": \"f-2\", \"body\": \"Two.\"}\n");
  CHECK(ReadAll({path}).size() == 1);  // sniffed: one text article
  ReaderOptions forced;
  forced.format = InputFormat::kJsonLines;
  auto items = ReadAll({path}, forced);
  REQUIRE(items.size() == 2);
  CHECK(AsArticle(items[1]).id == "f-2");
}

TEST_CASE("standard input is sniffed: '{' means JSON Lines, else one text article", "[reader]") {
  TempDir dir;
  auto feed = ReadFromStdin(dir,
                            "\n{\"id\": \"s-1\", \"body\": \"Piped in.\"}\n"
                            "{\"id\": \"s-2\", \"body\": \"Also piped.\"}\n");
  REQUIRE(feed.size() == 2);
  CHECK(AsArticle(feed[0]).id == "s-1");
  CHECK(AsArticle(feed[1]).origin == "<stdin>:3");
  auto text = ReadFromStdin(dir, "A plain statement from the mayor.");
  REQUIRE(text.size() == 1);
  CHECK(AsArticle(text[0]).id == "stdin");
  CHECK(AsArticle(text[0]).body == "A plain statement from the mayor.");
}

TEST_CASE("Rejection::Message is one line: origin, id when known, reason", "[reader]") {
  struct Case {
    Rejection rejection;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"feed.jsonl:7", "press-16", "not JSON: column 9: invalid literal"},
       "feed.jsonl:7 (id press-16): not JSON: column 9: invalid literal"},
      {{"dir/a.txt", "", "empty file"}, "dir/a.txt: empty file"},
      {{"odd\nname.txt", "x\ry", "two\nlines"}, "odd name.txt (id x y): two lines"},
  };
  for (const Case& c : cases) CHECK(c.rejection.Message() == c.message);
}

TEST_CASE("IsoDate keeps the date of ISO dates and date-times only", "[reader]") {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"2007-04-10", "2007-04-10"},
      {"2007-04-10T12:44:00Z", "2007-04-10"},
      {"2007-04-10 12:44", "2007-04-10"},
      {"2007-4-10", ""},
      {"2007-13-10", ""},
      {"10/04/2007", ""},
      {"2007-04-10x", ""},
      {"", ""},
  };
  for (const Case& c : cases) CHECK(IsoDate(c.in) == c.out);
}

TEST_CASE("DetectFormat dispatches by extension, then by first bytes", "[reader]") {
  struct Case {
    std::string path;
    std::string head;
    InputFormat format;
  };
  const std::vector<Case> cases = {
      {"a.txt", "", InputFormat::kText},
      {"a.JSONL", "", InputFormat::kJsonLines},
      {"a.ndjson", "", InputFormat::kJsonLines},
      {"a.txt", "{\"id\": 1}", InputFormat::kText},  // only stdin is sniffed for '{'
      {"-", " \n{\"id\": 1}", InputFormat::kJsonLines},
      {"-", "Plain words", InputFormat::kText},
      {"a.htm", "", InputFormat::kHtml},
      {"a", "  <!DOCTYPE HTML>", InputFormat::kHtml},
      {"a.atom", "", InputFormat::kFeed},
      {"a.dat", "\xEF\xBB\xBF<rss version=\"2.0\">", InputFormat::kFeed},
      {"a.sgm", "<REUTERS NEWID=\"1\">", InputFormat::kText},
      {"a.bin", "\x1f\x8b\x08", InputFormat::kCompressed},
      {"feed.xml", "\x1f\x8b\x08", InputFormat::kCompressed},  // gzip bytes whatever the name
      {"a.bin", "%PDF-1.4", InputFormat::kBinary},
      {".profile", "", InputFormat::kText},
  };
  for (const Case& c : cases) {
    INFO(c.path << " " << c.head);
    CHECK(DetectFormat(c.path, c.head) == c.format);
  }
}

}  // namespace
}  // namespace claimex

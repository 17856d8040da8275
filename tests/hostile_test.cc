// Hostile and broken input: each gets a clear rejection or a correct result, in bounded time and
// memory. Big inputs are generated into temp files in chunks (the test never holds them). The
// heaviest cases (a 200 MB JSON Lines line, a 50 MB article pushed through the extractor) run in
// tools/hostile.sh instead, to keep the suite fast.
#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "extractor/extractor.h"
#include "extractor/reader.h"
#include "tests/fuzz/invariants.h"
#include "tests/temp_files.h"

namespace claimex {
namespace {

namespace fs = std::filesystem;

// CPU seconds (not wall time, so that a busy machine does not matter). Generous enough for a
// sanitizer build; a quadratic blow-up on these inputs takes minutes.
constexpr double kCpuSecondsBound = 20;

using testing::TempDir;

// Peak resident memory of this process so far, in MiB.
double PeakRssMiB() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

double CpuNow() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The CPU time `fn` takes, in seconds.
double CpuSecondsOf(const std::function<void()>& fn) {
  const double start = CpuNow();
  fn();
  return CpuNow() - start;
}

// Writes `head`, then `piece` repeated `times` (in 1 MiB chunks), then `tail` to `path`.
void WriteRepeated(const fs::path& path, const std::string& head, const std::string& piece,
                   size_t times, const std::string& tail) {
  std::ofstream f(path, std::ios::binary);
  f << head;
  std::string chunk;
  const size_t per_chunk = std::max<size_t>(1, (1 << 20) / std::max<size_t>(1, piece.size()));
  for (size_t i = 0; i < per_chunk; ++i) chunk += piece;
  for (size_t done = 0; done < times; done += per_chunk) {
    if (times - done >= per_chunk) {
      f << chunk;
    } else {
      for (size_t i = done; i < times; ++i) f << piece;
    }
  }
  f << tail;
  REQUIRE(f.good());
}

std::string Repeat(const std::string& piece, size_t times) {
  std::string s;
  s.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) s += piece;
  return s;
}

std::vector<ReadItem> ReadAll(const std::vector<std::string>& paths,
                              const ReaderOptions& options = {}) {
  std::vector<ReadItem> items;
  auto reader = OpenInputs(paths, options);
  ReadItem item;
  while (reader->Next(&item)) items.push_back(std::move(item));
  return items;
}

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    auto created = Extractor::Create({});
    REQUIRE(created.ok());
    return std::move(created.value());
  }();
  return *ex;
}

// Extracts `body` within kCpuSecondsBound, checks the result against the invariants, returns it.
Extraction ExtractChecked(const std::string& body) {
  Article a;
  a.id = "hostile";
  a.body = body;
  a.encoding = "UTF-8";
  Result<Extraction> ex = Status::Internal("not run");
  double s = CpuSecondsOf([&] { ex = TheExtractor().Extract(a); });
  CHECK(s < kCpuSecondsBound);
  if (!ex.ok()) {
    CHECK(ex.status().code() == Status::Code::kEmpty);
    return {};
  }
  CHECK(invariants::ExtractionProblem(a, *ex) == "");
  CHECK(invariants::ValueProblem(*ex) == "");
  CHECK(invariants::JsonOutputProblem(a, *ex) == "");
  return *ex;
}

TEST_CASE("hostile: invalid UTF-8 becomes a clean body and the extractor stays in it",
          "[hostile]") {
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"lone continuation bytes", "Costs rose \x80\x81\xbf 5% to \xa0 12 million."},
      {"truncated 2-byte sequence at the end", "Rates of 3.5% were set \xc3"},
      {"truncated 4-byte sequence mid-word", "About 40 \xf0\x9f\x98 people came."},
      {"overlong encodings", "Over \xc0\xaf 7 km \xe0\x80\xaf and \xf0\x80\x80\xaf 9 tonnes."},
      {"UTF-16 surrogates encoded in UTF-8", "Up \xed\xa0\x80\xed\xb0\x80 by 20 per cent."},
      {"code points above U+10FFFF", "Down \xf4\x90\x80\x80 \xf8\x88\x80\x80\x80 8% in 2020."},
      {"0xFE and 0xFF", "Nearly \xfe 1,000 jobs \xff were lost \xfe\xff."},
      {"Latin-1 mixed into UTF-8",
       "Caf\xe9 prices rose \xa3"
       "5 to \xe2\x82\xac"
       "7 in 2021."},
  };
  TempDir dir;
  for (const auto& [name, bytes] : cases) {
    INFO(name);
    fs::path path = dir.path / "broken.txt";
    std::ofstream(path, std::ios::binary) << bytes;
    std::vector<ReadItem> items = ReadAll({path.string()});
    REQUIRE(items.size() == 1);
    const Article* a = std::get_if<Article>(&items[0]);
    REQUIRE(a != nullptr);
    CHECK(invariants::ArticleProblem(*a, ReaderOptions().max_article_bytes) == "");
    ExtractChecked(a->body);
    ExtractChecked(bytes);  // the raw bytes too: the text model must cope without a reader
  }
}

TEST_CASE("hostile: NUL bytes become spaces in text files and JSON Lines", "[hostile]") {
  TempDir dir;
  const std::string text("Sales\0rose\0 4% to \0\0 9 million.", 32);
  std::ofstream(dir.path / "nul.txt", std::ios::binary) << text;
  std::ofstream(dir.path / "nul.jsonl", std::ios::binary)
      << R"({"id": "n1", "title": "a\u0000b", "body": "Up\u0000 7% in\u0000 2022."})" << '\n';
  std::vector<ReadItem> items =
      ReadAll({(dir.path / "nul.txt").string(), (dir.path / "nul.jsonl").string()});
  REQUIRE(items.size() == 2);
  for (const ReadItem& item : items) {
    const Article* a = std::get_if<Article>(&item);
    REQUIRE(a != nullptr);
    INFO(a->origin);
    CHECK(invariants::ArticleProblem(*a, ReaderOptions().max_article_bytes) == "");
    CHECK(a->title.find('\0') == std::string::npos);
    Extraction ex = ExtractChecked(a->body);
    CHECK_FALSE(ex.claims.empty());
  }
  ExtractChecked(std::string(4096, '\0'));  // nothing but NULs: no text, no crash
}

TEST_CASE("hostile: a 50 MB single line is rejected from its size, in bounded memory",
          "[hostile]") {
  TempDir dir;
  const size_t k50MB = 50u << 20;
  const std::string piece = "The index rose 3% to 1,200 points on Monday while 40 firms fell ";
  const size_t times = k50MB / piece.size() + 1;
  WriteRepeated(dir.path / "line.txt", "", piece, times, "");
  // The same line inside a feed, between two good articles: skipped, and reading goes on.
  WriteRepeated(dir.path / "line.jsonl",
                "{\"id\": \"first\", \"body\": \"Up 5% today.\"}\n"
                "{\"id\": \"huge\", \"body\": \"",
                piece, times, "\"}\n{\"id\": \"after\", \"body\": \"Down 2% later.\"}\n");
  const double rss_before = PeakRssMiB();
  std::vector<ReadItem> items;
  double s = CpuSecondsOf([&] {
    items = ReadAll({(dir.path / "line.txt").string(), (dir.path / "line.jsonl").string()});
  });
  CHECK(s < kCpuSecondsBound);
  CHECK(PeakRssMiB() - rss_before < 40);  // the 50 MB were never held
  REQUIRE(items.size() == 4);
  const auto* too_large = std::get_if<Rejection>(&items[0]);
  REQUIRE(too_large != nullptr);
  CHECK(too_large->reason.starts_with("too large"));
  CHECK(std::get_if<Article>(&items[1]) != nullptr);
  const auto* huge = std::get_if<Rejection>(&items[2]);
  REQUIRE(huge != nullptr);
  CHECK(huge->origin.ends_with(":2"));
  CHECK(huge->id == "huge");
  CHECK(huge->reason.starts_with("too large"));
  const auto* after = std::get_if<Article>(&items[3]);
  REQUIRE(after != nullptr);
  CHECK(after->id == "after");
}

TEST_CASE("hostile: a 2 MB article on one line extracts in bounded time", "[hostile]") {
  const std::string piece = "Output fell 2.5% to 310,000 tonnes, officials said; ";
  Extraction ex = ExtractChecked(Repeat(piece, (2u << 20) / piece.size()));
  CHECK_FALSE(ex.claims.empty());
}

// Reads `path` (any format) within kCpuSecondsBound and less than `max_mib` of new peak memory;
// every article it gives must be clean. Returns the items.
std::vector<ReadItem> ReadBounded(const fs::path& path, double max_mib) {
  const double rss_before = PeakRssMiB();
  std::vector<ReadItem> items;
  double s = CpuSecondsOf([&] { items = ReadAll({path.string()}); });
  CHECK(s < kCpuSecondsBound);
  CHECK(PeakRssMiB() - rss_before < max_mib);
  for (const ReadItem& item : items) {
    if (const Article* a = std::get_if<Article>(&item)) {
      CHECK(invariants::ArticleProblem(*a, ReaderOptions().max_article_bytes) == "");
      CHECK(a->body.find("root:x:0:0") == std::string::npos);  // no file was read in
      ExtractChecked(a->body);
    } else {
      CHECK_FALSE(std::get<Rejection>(item).reason.empty());
    }
  }
  return items;
}

TEST_CASE("hostile: HTML nested 100,000 levels deep", "[hostile]") {
  const size_t k = 100000;
  const std::string text = "<p>Costs rose 5% to 12 million in 2021, the council said.</p>";
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"nested divs", Repeat("<div>", k) + text + Repeat("</div>", k)},
      {"nested divs never closed", "<html><body>" + Repeat("<div>", k) + text},
      {"nested inline tags", "<p>" + Repeat("<b><i>", k / 2) + "Up 7% on the year."},
      {"nested lists", Repeat("<ul><li>", k / 2) + text},
      {"nested tables", Repeat("<table><tr><td>", k / 3) + text},
      {"unclosed paragraphs", Repeat("<p>Up 3%. ", k)},
      {"nested links", Repeat("<a href=\"#\">", k) + text},
      {"nested comments and CDATA", Repeat("<!-- <!-- ", k / 2) + text + Repeat("]]>", k)},
  };
  TempDir dir;
  for (const auto& [name, html] : cases) {
    INFO(name);
    fs::path path = dir.path / "deep.html";
    std::ofstream(path, std::ios::binary) << "<!DOCTYPE html><html><body>" << html;
    std::vector<ReadItem> items = ReadBounded(path, 400);
    CHECK(items.size() == 1);
  }
  // The same depth inside a feed: escaped HTML in a description, and XHTML in an Atom entry.
  std::ofstream(dir.path / "deep_rss.xml", std::ios::binary)
      << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item>"
      << "<title>Deep</title><description>" << Repeat("&lt;div&gt;", k)
      << "Costs rose 5%.</description></item></channel></rss>";
  CHECK_FALSE(ReadBounded(dir.path / "deep_rss.xml", 400).empty());
  std::ofstream(dir.path / "deep_atom.xml", std::ios::binary)
      << "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>"
      << "<content type=\"xhtml\">" << Repeat("<div xmlns=\"http://www.w3.org/1999/xhtml\">", k)
      << "Up 9%." << Repeat("</div>", k) << "</content></entry></feed>";
  CHECK_FALSE(ReadBounded(dir.path / "deep_atom.xml", 400).empty());
}

TEST_CASE("hostile: billion laughs, quadratic blow-up and external entities in feeds",
          "[hostile]") {
  std::string laughs = "<!ENTITY lol0 \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"" +
              Repeat("&lol" + std::to_string(i - 1) + ";", 10) + "\">";
  }
  const std::string big(100000, 'x');
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"billion laughs in an item",
       "<!DOCTYPE rss [" + laughs +
           "]><rss version=\"2.0\"><channel><title>t</title><item>"
           "<title>Laugh &lol9;</title><description>Up 5% &lol9;</description></item>"
           "</channel></rss>"},
      {"billion laughs in an attribute",
       "<!DOCTYPE feed [" + laughs +
           "]><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
           "<id>1</id><link rel=\"alternate\" href=\"&lol9;\"/><summary>Up 5%.</summary></entry>"
           "</feed>"},
      {"quadratic blow-up", "<!DOCTYPE rss [<!ENTITY x \"" + big +
                                "\">]><rss version=\"2.0\"><channel><title>t"
                                "</title><item><title>Q</title><description>Up 5% " +
                                Repeat("&x;", 20000) + "</description></item></channel></rss>"},
      {"external entities",
       "<!DOCTYPE rss [<!ENTITY ext SYSTEM \"file:///etc/passwd\"><!ENTITY % p SYSTEM "
       "\"file:///etc/passwd\"> %p;]><rss version=\"2.0\"><channel><title>t</title><item>"
       "<title>E</title><description>Up 5% &ext;</description></item></channel></rss>"},
      {"network DTD",
       "<!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/evil.dtd\"><rss version=\"2.0\">"
       "<channel><title>t</title><item><title>N</title><description>Up 5%.</description>"
       "</item></channel></rss>"},
  };
  TempDir dir;
  for (const auto& [name, xml] : cases) {
    INFO(name);
    fs::path path = dir.path / "feed.xml";
    std::ofstream(path, std::ios::binary) << "<?xml version=\"1.0\"?>\n" << xml;
    std::vector<ReadItem> items = ReadBounded(path, 200);
    CHECK_FALSE(items.empty());
    for (const ReadItem& item : items) {
      if (const Article* a = std::get_if<Article>(&item)) {
        CHECK(a->body.size() < 4 * big.size());  // no entity was expanded in full
        CHECK(a->body.find("lollollollollollollollollol") == std::string::npos);
      }
    }
  }
}

TEST_CASE("hostile: numbers with 10,000 digits", "[hostile]") {
  const std::string nines(10000, '9');
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"10,000 nines", "The debt reached $" + nines + " last year."},
      {"10,000 digits after the point", "Rates were 0." + std::string(10000, '0') + "1% in 2020."},
      {"10,000 digits in thousands groups", "About " + Repeat("999,", 3333) + "999 people came."},
      {"a 10,000 digit exponent", "Growth hit 1e" + nines + " units."},
      {"10,000 digit percentage change", "Prices rose " + nines + " per cent to " + nines + "."},
      {"a 10,000 digit range", "Between " + nines + " and " + nines + "0 cars were sold."},
      {"10,000 digits with a scale word", "Costs of " + nines + " billion pounds were cited."},
      // Regression (found by extractor_fuzz): a 10-digit decade ("the 9999999999s") was cast to
      // int before its digit count was checked (timex_parse.cc, UBSan in the sanitizer build).
      {"a 10-digit decade", "Prices were lower in the 9999999999s, the firm said."},
      {"a 10,000 digit decade", "Prices were lower in the " + nines + "s, the firm said."},
      // Regression: an ordinal that large was cast to int (timex_atoms.cc Ordinal).
      {"a 10-digit ordinal", "It was the 9999999999th quarter of growth, the firm said."},
  };
  for (const auto& [name, body] : cases) {
    INFO(name);
    Extraction ex = ExtractChecked(body);
    CHECK_FALSE(ex.sentences.empty());
  }
}

// Regression (found by feed_reader_fuzz): a date whose year has 20 or more digits made
// NormalizeDate (extractor/html_meta.cc) overflow an int while parsing it (UBSan in the sanitizer
// build). Dates in feeds and page metadata with 20 to 10,000 digits give no date, and no overflow.
TEST_CASE("hostile: dates with 20- and 10000-digit years in feeds and page metadata", "[hostile]") {
  TempDir dir;
  for (size_t digits : {20, 10000}) {
    const std::string year(digits, '9');
    const std::vector<std::tuple<const char*, const char*, std::string>> cases = {
        {"RSS pubDate", "feed.xml",
         "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item>"
         "<title>T</title><link>https://example.org/1</link><pubDate>1 nov " +
             year + "</pubDate><description>Sales rose 5%.</description></item></channel></rss>"},
        {"Atom published", "feed.atom",
         "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>"
         "<published>November 19, " +
             year + "</published><summary>Sales rose 5%.</summary></entry></feed>"},
        {"HTML meta", "page.html",
         "<html><head><meta property=\"article:published_time\" content=\"19 November " + year +
             "\"></head><body><article><p>Sales rose 5% to 2 million, the firm said.</p>"
             "</article></body></html>"},
    };
    for (const auto& [name, file, text] : cases) {
      INFO(name << ", " << digits << " digits");
      fs::path path = dir.path / file;
      std::ofstream(path, std::ios::binary) << text;
      for (const ReadItem& item : ReadBounded(path, 200)) {
        if (const Article* a = std::get_if<Article>(&item)) CHECK(a->published.empty());
      }
    }
  }
}

TEST_CASE("hostile: 100,000 quote marks", "[hostile]") {
  const size_t k = 100000;
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"straight double quotes", Repeat("\"", k) + " said Ann Lee, citing 5%."},
      {"curly quotes, all opening", Repeat("\xE2\x80\x9C", k) + " 12 jobs"},
      {"balanced curly pairs", Repeat("\xE2\x80\x9CUp 3%,\xE2\x80\x9D he said. ", k / 2)},
      {"single quotes after a plural s (PairSingle)", Repeat("'it's' ", k)},
      {"guillemets", Repeat("\xC2\xAB 4 \xC2\xBB ", k / 2)},
      {"quotes with line breaks", Repeat("\"\n\n", k)},
      {"an opening quote never closed", "\"" + Repeat("We will hire 40 people. ", k / 4)},
  };
  for (const auto& [name, body] : cases) {
    INFO(name);
    ExtractChecked(body);
  }
}

TEST_CASE("hostile: pathological inputs for patterns and scanners stay linear", "[hostile]") {
  // Each about 128-256 KB. A scanner that rescans the sentence per token or per figure takes
  // minutes on these (QuantityStage::SubjectNoun and Inside, PairSingle did before they were
  // fixed).
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"one 256 KB word", std::string(1 << 18, 'a')},
      {"256 KB of digits", std::string(1 << 18, '7')},
      {"digits and commas", Repeat("1,", 100000)},
      {"digits and points", Repeat("1.", 100000)},
      {"a sea of short tokens", Repeat("a ", 100000)},
      {"capitalised words (name candidates)", Repeat("Ann ", 50000)},
      {"initials and abbreviations", Repeat("A. B. Mr. Dr. U.S. ", 10000)},
      {"sentence ends only", Repeat(". ", 100000)},
      {"line ends only", std::string(1 << 18, '\n')},
      {"paragraphs of one figure", Repeat("5%\n\n", 50000)},
      {"speech verbs", Repeat("said ", 37500)},
      {"attribution cues", Repeat("according to Ann Lee, ", 10000)},
      {"chained ranges", Repeat("between 1 and ", 15000) + "2"},
      {"chained changes", Repeat("up 3% to ", 20000) + "4"},
      {"rates of rates", Repeat("5 per ", 30000) + "day"},
      {"month names", Repeat("January ", 25000)},
      {"dates", Repeat("12/03/2024 ", 20000)},
      {"currency symbols", Repeat("$", 125000) + "5"},
      {"scale words", Repeat("million ", 25000)},
      {"open parentheses", Repeat("(", 125000) + "5%" + Repeat(")", 125000)},
      {"dashes", Repeat("- ", 100000) + "5"},
      {"URL-like", "http://" + Repeat("a.", 75000) + "com/5%"},
      {"combining marks", "5" + Repeat("\xCC\x81", 75000) + "%"},
      {"zero-width spaces", Repeat("7\xE2\x80\x8B", 50000)},
  };
  for (const auto& [name, body] : cases) {
    INFO(name);
    ExtractChecked(body);
  }
}

}  // namespace
}  // namespace claimex

// Tests for RSS/Atom intake (extractor/feed_reader.h) and gzip input (extractor/gunzip.h) through
// OpenInputs. Every feed here is a small fixture written for these tests, broken ones included;
// odd charsets and gzip bytes are generated here.
#include <unistd.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "extractor/gunzip.h"
#include "extractor/reader.h"
#include "tests/temp_files.h"

namespace claimex {
namespace {

using namespace std::string_literals;
namespace fs = std::filesystem;

using testing::TempDir;

std::vector<ReadItem> ReadAll(const std::string& path, const ReaderOptions& options = {}) {
  std::vector<ReadItem> items;
  auto reader = OpenInputs({path}, options);
  ReadItem item;
  while (reader->Next(&item)) items.push_back(std::move(item));
  return items;
}

std::vector<Article> Articles(const std::vector<ReadItem>& items) {
  std::vector<Article> out;
  for (const ReadItem& i : items) {
    if (const auto* a = std::get_if<Article>(&i)) out.push_back(*a);
  }
  return out;
}

std::vector<Rejection> Rejections(const std::vector<ReadItem>& items) {
  std::vector<Rejection> out;
  for (const ReadItem& i : items) {
    if (const auto* r = std::get_if<Rejection>(&i)) out.push_back(*r);
  }
  return out;
}

// gzip-compresses `data` with zlib.
std::string Gzip(const std::string& data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY) ==
          Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

const char* const kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Valley Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Bridge repairs to cost &#163;2.4m</title>
    <link>https://courier.example/bridge</link>
    <guid isPermaLink="false">courier-1001</guid>
    <pubDate>Mon, 06 Sep 2021 09:30:00 +0100</pubDate>
    <dc:creator>Nell Harrow</dc:creator>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>Repairs to the old bridge will cost <b>&pound;2.4m</b>, the council said.</p>
      <p>Work starts in 2022.</p><div class="share">Share this article</div>]]></content:encoded>
  </item>
  <item>
    <title>Market hall reopens</title>
    <link>https://courier.example/market</link>
    <pubDate>Tue, 07 Sep 2021 10:00:00 GMT</pubDate>
    <author>desk@courier.example (Pim Oakes)</author>
    <description>&lt;p&gt;The market hall reopened with 48 stalls, up from 30.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Ferry fares frozen for 2022</title>
  </item>
</channel>
</rss>)";

TEST_CASE("RSS 2.0: one article per item with its fields", "[feed]") {
  TempDir dir;
  std::string path = dir.Write("courier.rss", kRss);
  auto items = ReadAll(path);
  auto articles = Articles(items);
  REQUIRE(articles.size() == 3);
  CHECK(Rejections(items).empty());
  const Article& a = articles[0];
  CHECK(a.id == "courier-1001");
  CHECK(a.title == "Bridge repairs to cost £2.4m");
  CHECK(a.url == "https://courier.example/bridge");
  CHECK(a.published == "2021-09-06");
  CHECK(a.author == "Nell Harrow");
  CHECK(a.source == "Valley Courier");
  CHECK(a.encoding == "UTF-8");
  // content:encoded wins over description; HTML becomes paragraphs; furniture is dropped.
  CHECK(a.body ==
        "Repairs to the old bridge will cost £2.4m, the council said.\n\nWork starts in 2022.");
  CHECK(a.origin.starts_with(path + ":"));  // the item's line
  const Article& b = articles[1];
  CHECK(b.id == "https://courier.example/market");  // no guid: the link
  CHECK(b.author == "Pim Oakes");
  CHECK(b.published == "2021-09-07");
  CHECK(b.body == "The market hall reopened with 48 stalls, up from 30.");
  // A headline-only item is its headline.
  CHECK(articles[2].body == "Ferry fares frozen for 2022");
  CHECK(articles[2].id == "courier-3");
}

TEST_CASE("RSS 1.0 / RDF and Atom feeds", "[feed]") {
  struct Case {
    const char* what;
    std::string xml;
    std::vector<std::string> bodies;
    std::string source, first_title, first_url, first_published;
  };
  const std::vector<Case> cases = {
      {"RSS 1.0 (RDF)",
       R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://lab.example/"><title>Lab Notes</title></channel>
  <item rdf:about="https://lab.example/1"><title>Yield up 9%</title><link>https://lab.example/1</link>
    <description>Crop yield rose 9% in the trial plots.</description><dc:date>2017-06-15T10:29:47-07:00</dc:date></item>
  <item rdf:about="https://lab.example/2"><title>Second note</title>
    <description>A further 14 plots were sown.</description></item>
</rdf:RDF>)",
       {"Crop yield rose 9% in the trial plots.", "A further 14 plots were sown."},
       "Lab Notes",
       "Yield up 9%",
       "https://lab.example/1",
       "2017-06-15"},
      {"Atom with xhtml, html and text content",
       R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Harbour Watch</title>
  <entry><title>Tides</title><id>tag:hw.example,2020:1</id>
    <link rel="self" href="https://hw.example/self/1"/><link rel="alternate" type="text/html" href="https://hw.example/1"/>
    <published>2020-02-03T04:05:06Z</published><updated>2020-02-04T00:00:00Z</updated>
    <author><name>Ros Tern</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>High tide reached 6.1 metres.</p><p>A record.</p></div></content></entry>
  <entry><title type="html">Gales &amp;amp; swell</title><id>tag:hw.example,2020:2</id>
    <updated>2020-02-05T00:00:00Z</updated>
    <content type="html">&lt;p&gt;Gusts of 70 mph were logged.&lt;/p&gt;</content></entry>
  <entry><title>Plain</title><id>tag:hw.example,2020:3</id>
    <summary type="text">Wind speeds &lt;b&gt; 40 mph stay text.</summary></entry>
</feed>)",
       {"High tide reached 6.1 metres.\n\nA record.", "Gusts of 70 mph were logged.",
        "Wind speeds <b> 40 mph stay text."},
       "Harbour Watch",
       "Tides",
       "https://hw.example/1",
       "2020-02-03"},
      {"Atom written with a prefix",
       R"(<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title>
  <a:entry><a:title>One</a:title><a:id>p-1</a:id><a:summary>Costs fell 5%.</a:summary></a:entry></a:feed>)",
       {"Costs fell 5%."},
       "Prefixed",
       "One",
       "",
       ""},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      TempDir dir;
      auto items = ReadAll(dir.Write("feed.xml", c.xml));
      CHECK(Rejections(items).empty());
      auto articles = Articles(items);
      REQUIRE(articles.size() == c.bodies.size());
      for (size_t i = 0; i < articles.size(); ++i) {
        CHECK(articles[i].body == c.bodies[i]);
        CHECK(articles[i].source == c.source);
      }
      CHECK(articles[0].title == c.first_title);
      CHECK(articles[0].url == c.first_url);
      CHECK(articles[0].published == c.first_published);
    }
  }
}

TEST_CASE("broken feeds yield what can be read and one clear error", "[feed]") {
  struct Case {
    const char* what;
    std::string xml;
    size_t articles;
    std::string reason;  // the one rejection's reason starts with this
  };
  const std::string head = "<rss><channel><title>B</title>";
  const std::string good =
      "<item><title>Good</title><description>Rates rose 2%.</description></item>";
  const std::vector<Case> cases = {
      {"a bare & in the second item",
       head + good +
           "<item><title>A&B</title><link>https://x.example/?a=1&b=2</link><description>"
           "Fees fell 4%.</description></item>" +
           good + "</channel></rss>",
       3, "broken XML: "},
      {"cut off in the middle of the third item",
       head + good + good + "<item><title>Cut</title><description>Half a sen", 3, "broken XML: "},
      {"never-closed items nest",
       head + "<item><title>Outer</title><description>Outer text."
              "</description><item><title>Inner</title><description>Inner text.</description>"
              "</channel></rss>",
       2, "broken XML: "},
      {"not a feed but a web page",
       "<html><head><title>Moved</title></head><body>Gone</body></html>", 0,
       "not a feed: the root element is <html>"},
      {"no XML at all", "just some words, no markup", 0, "not a feed: "},
      {"an empty file", "", 0, "empty file"},
      {"a feed without items", head + "</channel></rss>", 0, "no items"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      TempDir dir;
      auto items = ReadAll(dir.Write("broken.xml", c.xml));
      CHECK(Articles(items).size() == c.articles);
      auto rejections = Rejections(items);
      REQUIRE(rejections.size() == 1);
      CHECK_THAT(rejections[0].reason, Catch::Matchers::StartsWith(c.reason));
      CHECK(rejections[0].Message().find('\n') == std::string::npos);
      // The error comes after the items that were read.
      CHECK(std::holds_alternative<Rejection>(items.back()));
    }
  }
}

TEST_CASE("feed charsets: declared, detected, wide and mislabelled", "[feed]") {
  struct Case {
    const char* what;
    std::string bytes;
    std::string body;
    std::string encoding;
  };
  auto rss = [](const std::string& decl, const std::string& text) {
    return decl + "<rss><channel><title>C</title><item><description>" + text +
           "</description></item></channel></rss>";
  };
  std::string utf16le;
  for (char c : rss("<?xml version=\"1.0\" encoding=\"utf-16\"?>", "Tax up 3%")) {
    utf16le += c;
    utf16le += '\0';
  }
  const std::vector<Case> cases = {
      {"windows-1251 as declared",
       rss("<?xml version=\"1.0\" encoding=\"windows-1251\"?>", "\xCD\xEE\xE2\xEE\xF1\xF2\xE8"),
       "Новости", "windows-1251"},
      {"Latin-1 with no declaration", rss("", "Pre\xE7o sobe 5%"), "Preço sobe 5%", ""},
      {"declares ISO-8859-1, writes UTF-8",
       rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Caf\xC3\xA9 \xC2\xA9 prices up 4%"),
       "Café © prices up 4%", "UTF-8"},
      {"UTF-16LE with a BOM", "\xFF\xFE"s + utf16le, "Tax up 3%", "UTF-16LE"},
      {"UTF-16LE without a BOM", utf16le, "Tax up 3%", "UTF-16LE"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      TempDir dir;
      auto items = ReadAll(dir.Write("c.xml", c.bytes));
      auto articles = Articles(items);
      REQUIRE(articles.size() == 1);
      CHECK(articles[0].body == c.body);
      if (!c.encoding.empty()) CHECK(articles[0].encoding == c.encoding);
    }
  }
}

TEST_CASE("gzip is read transparently, by magic bytes, and bounded", "[feed]") {
  TempDir dir;
  SECTION("a gzip feed under a plain .xml name") {
    auto items = ReadAll(dir.Write("courier.xml", Gzip(kRss)));
    CHECK(Articles(items).size() == 3);
  }
  SECTION("a .html.gz page is named without its extensions") {
    auto items =
        ReadAll(dir.Write("notice.html.gz", Gzip("<html><body><p>The pool reopens on 4 May after a "
                                                 "£300,000 refit.</p></body></html>")));
    auto articles = Articles(items);
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].id == "notice");
    CHECK(articles[0].body == "The pool reopens on 4 May after a £300,000 refit.");
  }
  SECTION("a .txt.gz text article") {
    auto articles = Articles(ReadAll(dir.Write("note.txt.gz", Gzip("Plain words, 12 of them."))));
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].body == "Plain words, 12 of them.");
  }
  SECTION("regression: a gzip bomb is rejected at the size limit, not inflated in memory") {
    ReaderOptions small;
    small.max_article_bytes = 1 << 16;
    small.max_feed_bytes = 1 << 20;
    std::string bomb = Gzip(std::string(16 << 20, ' '));  // 16 MiB of spaces, ~16 KiB packed
    for (const char* name : {"bomb.txt.gz", "bomb.xml", "bomb.html.gz"}) {
      INFO(name);
      auto items = ReadAll(dir.Write(name, bomb), small);
      REQUIRE(items.size() == 1);
      REQUIRE(std::holds_alternative<Rejection>(items[0]));
      CHECK_THAT(std::get<Rejection>(items[0]).reason,
                 Catch::Matchers::Contains("decompresses to more than"));
    }
  }
  SECTION("corrupt gzip data") {
    std::string bad = Gzip("Some text that will be damaged in the middle.");
    bad[bad.size() / 2] ^= 0x55;
    bad[bad.size() / 2 + 1] ^= 0x55;
    auto items = ReadAll(dir.Write("bad.txt.gz", bad));
    REQUIRE(items.size() == 1);
    CHECK(std::holds_alternative<Rejection>(items[0]));
  }
  SECTION("GunzipBytes: concatenated members") {
    std::string out;
    REQUIRE(GunzipBytes(Gzip("one ") + Gzip("two"), 100, &out).ok());
    CHECK(out == "one two");
  }
}

TEST_CASE("feed safety: no external entities, no entity bombs, no deep recursion", "[feed]") {
  TempDir dir;
  SECTION("an external entity is not loaded") {
    std::string secret = dir.Write("secret.txt", "TOP-SECRET-CONTENTS");
    std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY ext SYSTEM \"file://" +
                      secret +
                      "\">]><rss><channel><title>S</title><item><title>T</title><description>"
                      "Before &ext; after.</description></item></channel></rss>";
    for (const ReadItem& item : ReadAll(dir.Write("xxe.xml", xml))) {
      if (const auto* a = std::get_if<Article>(&item)) {
        CHECK(a->body.find("TOP-SECRET") == std::string::npos);
      }
    }
  }
  SECTION("regression: billion laughs ends quickly without expanding") {
    std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"ha\">";
    for (int i = 1; i <= 10; ++i) {
      xml += "<!ENTITY l" + std::to_string(i) + " \"";
      for (int j = 0; j < 10; ++j) xml += "&l" + std::to_string(i - 1) + ";";
      xml += "\">";
    }
    xml +=
        "]><rss><channel><title>L</title><item><description>&l10;</description></item>"
        "</channel></rss>";
    auto start = std::chrono::steady_clock::now();
    auto items = ReadAll(dir.Write("laughs.xml", xml));
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 5);
    for (const Article& a : Articles(items)) CHECK(a.body.size() < 1000000);
  }
  SECTION("regression: 100,000 nested elements do not crash") {
    std::string xml = "<rss><channel><title>D</title><item><description>Fine.</description></item>";
    for (int i = 0; i < 100000; ++i) xml += "<x>";
    xml += "</channel></rss>";
    auto items = ReadAll(dir.Write("deep.xml", xml));
    CHECK(Articles(items).size() == 1);
    REQUIRE_FALSE(Rejections(items).empty());
    CHECK_THAT(Rejections(items).back().reason, Catch::Matchers::StartsWith("broken XML"));
  }
}

TEST_CASE("repeated item ids are made unique", "[feed]") {
  TempDir dir;
  std::string item = "<item><guid>same</guid><description>Text.</description></item>";
  auto articles = Articles(ReadAll(
      dir.Write("dupes.rss", "<rss><channel><title>D</title>" + item + item + "</channel></rss>")));
  REQUIRE(articles.size() == 2);
  CHECK(articles[0].id == "same");
  CHECK(articles[1].id == "same#2");
}

// Regression (found by feed_reader_fuzz): an item whose guid already reads "same#3" made the
// third "same" item's id "same#3" again.
TEST_CASE("a suffixed id taken by a guid is not given twice", "[feed]") {
  TempDir dir;
  auto item = [](const std::string& guid) {
    return "<item><guid>" + guid + "</guid><description>Text.</description></item>";
  };
  auto articles = Articles(ReadAll(dir.Write(
      "dupes.rss", "<rss><channel><title>D</title>" + item("same") + item("same#3") +
                       item("same") + item("same") + "</channel></rss>")));
  REQUIRE(articles.size() == 4);
  std::set<std::string> ids;
  for (const Article& a : articles) CHECK(ids.insert(a.id).second);
  CHECK(articles[1].id == "same#3");
  CHECK(articles[2].id == "same#3.1");
  CHECK(articles[3].id == "same#4");
}

}  // namespace
}  // namespace claimex

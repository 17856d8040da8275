// Tests for HTML intake: page text (extractor/html_text.h), page metadata and dates
// (extractor/html_meta.h), markup charsets (extractor/markup_charset.h) and the HTML reader
// through OpenInputs. Every page here is a small fixture written for these tests.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractor/html_meta.h"
#include "extractor/html_text.h"
#include "extractor/markup_charset.h"
#include "extractor/reader.h"

namespace claimex {
namespace {

using namespace std::string_literals;
namespace fs = std::filesystem;

const WebRules& Rules() {
  static auto rules = WebRules::Load("");
  REQUIRE(rules.ok());
  return *rules.value();
}

WebPage Page(const std::string& html) {
  WebPage page;
  Status st = PageToText(html, Rules(), &page);
  REQUIRE(st.ok());
  return page;
}

// A news page with every kind of furniture around a three-paragraph story.
const char* const kFurnishedPage = R"(<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour toll rises | The Coastal Ledger</title>
<meta property="og:title" content="Harbour toll rises by a third">
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="article:published_time" content="2021-03-04T08:15:00+00:00">
<meta name="author" content="Mara Quint">
<link rel="canonical" href="https://ledger.example/harbour-toll">
<style>p { color: red }</style>
<script>var tracking = "ignore me";</script>
</head><body>
<a class="skip-link" href="#main">Skip to main content</a>
<div id="cookie-banner"><p>We use cookies to improve this site.</p><button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Harbour toll rises by a third</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<p class="byline">By Mara Quint</p>
<div class="article-body">
<p>The toll for small boats entering Wexmouth harbour will rise from £12 to £16 a day in April, the harbour board said on Tuesday.</p>
<p>Board chair Ivo Brandt said the increase, the first since 2015, would pay for dredging the channel, which has silted up by almost 40 centimetres.</p>
<p>Fishing crews, who pay a reduced rate, will see their toll go up by 8 per cent.</p>
</div>
</article></main>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">New lifeboat station opens</a></li></ul></aside>
<div id="comments"><h3>Leave a Reply</h3><form><textarea></textarea><button>Post comment</button></form></div>
<footer><p>Copyright 2021 The Coastal Ledger. All rights reserved.</p></footer>
</body></html>)";

TEST_CASE("a page keeps its story and drops the furniture around it", "[html]") {
  WebPage page = Page(kFurnishedPage);
  CHECK(page.text ==
        "The toll for small boats entering Wexmouth harbour will rise from £12 to £16 a day in "
        "April, the harbour board said on Tuesday.\n\n"
        "Board chair Ivo Brandt said the increase, the first since 2015, would pay for dredging "
        "the channel, which has silted up by almost 40 centimetres.\n\n"
        "Fishing crews, who pay a reduced rate, will see their toll go up by 8 per cent.");
  CHECK(page.meta.title == "Harbour toll rises by a third");
  CHECK(page.meta.published == "2021-03-04");
  CHECK(page.meta.author == "Mara Quint");
  CHECK(page.meta.source == "The Coastal Ledger");
  CHECK(page.meta.url == "https://ledger.example/harbour-toll");
  CHECK(page.meta.language == "en");
}

TEST_CASE("page metadata comes from meta tags, JSON-LD and <time>, in that order", "[html]") {
  struct Case {
    const char* what;
    std::string head;  // inside <head>
    std::string body;  // inside <body>, before the story
    std::string title, published, author;
  };
  const std::string story =
      "<p>Rainfall in the valley reached 84 millimetres over the weekend, twice the usual "
      "amount for the month, and the river rose by a metre.</p>";
  const std::vector<Case> cases = {
      {"JSON-LD NewsArticle",
       R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
          "headline":"Valley rain doubles","datePublished":"2020-10-05T06:00:00Z",
          "author":[{"@type":"Person","name":"Ada Fenn"},{"@type":"Person","name":"Bo Lind"}]}</script>)",
       "", "Valley rain doubles", "2020-10-05", "Ada Fenn, Bo Lind"},
      {"JSON-LD inside @graph",
       R"(<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},
          {"@type":["Article"],"headline":"Rain","datePublished":"2020-10-06","author":"Cy Moss"}]}</script>)",
       "", "Rain", "2020-10-06", "Cy Moss"},
      {"a broken JSON-LD block is ignored",
       R"(<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script><title>Plain title</title>)",
       "", "Plain title", "", ""},
      {"<time datetime> when nothing else dates the page", "<title>T</title>",
       R"(<p class="dateline"><time datetime="2019-07-08">8 July</time></p>)", "T", "2019-07-08",
       ""},
      {"meta beats JSON-LD",
       R"(<meta property="article:published_time" content="2018-01-02">
          <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-05-05"}</script>)",
       "", "", "2018-01-02", ""},
      {"an author given as a URL names no one, the first <h1> is the title",
       R"(<meta property="article:author" content="https://social.example/ada">)",
       "<h1>Valley rain</h1>", "Valley rain", "", ""},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      WebPage page =
          Page("<html><head>" + c.head + "</head><body>" + c.body + story + "</body></html>");
      CHECK(page.meta.title == c.title);
      CHECK(page.meta.published == c.published);
      CHECK(page.meta.author == c.author);
      CHECK(page.text.find("84 millimetres") != std::string::npos);
    }
  }
}

TEST_CASE("page text: markup details", "[html]") {
  struct Case {
    const char* what;
    std::string html;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"cp1252 numbers written as character references", "<p>It don&#146;t cost &#128;5.</p>",
       "It don’t cost €5."},
      {"entities and collapsed whitespace", "<p>Fish &amp;   chips\n cost&nbsp;£4</p>",
       "Fish & chips cost £4"},
      {"inline elements do not break words or paragraphs",
       "<p>Sales rose <b>12</b>%<i> in May</i>, <a href='/x'>the report</a> said today.</p>",
       "Sales rose 12% in May, the report said today."},
      {"<br> ends a paragraph", "<div>First line of the notice<br>Second line of it</div>",
       "First line of the notice\n\nSecond line of it"},
      {"hidden elements are skipped",
       "<p>Seen text here.</p><p hidden>Unseen one.</p><p style='display: none'>Unseen two.</p>"
       "<p aria-hidden='true'>Unseen three.</p>",
       "Seen text here."},
      {"broken markup: unclosed tags and stray closers",
       "<div><p>Prices fell 3 per cent in June, the survey found.</div></span><p>They rose "
       "again in July, by 2 per cent.",
       "Prices fell 3 per cent in June, the survey found.\n\nThey rose again in July, by 2 per "
       "cent."},
      {"a page with nothing but navigation has no text",
       "<nav><a href='/'>Home</a> <a href='/b'>Business</a></nav>", ""},
  };
  for (const Case& c : cases) {
    SECTION(c.what) { CHECK(Page("<html><body>" + c.html + "</body></html>").text == c.text); }
  }
}

TEST_CASE("a JSON-LD articleBody stands in when the page shows almost no text", "[html]") {
  WebPage page = Page(
      R"(<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":
      "Turnout was 61 per cent, up from 55 per cent four years ago.\nCounting ends on Friday."}
      </script></head><body><div id="app"></div></body></html>)");
  CHECK(page.text ==
        "Turnout was 61 per cent, up from 55 per cent four years ago.\n\n"
        "Counting ends on Friday.");
}

TEST_CASE("regression: 100,000 nested elements neither crash nor take long", "[html]") {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep inside, the figure was 42 per cent.</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  auto start = std::chrono::steady_clock::now();
  WebPage page;
  REQUIRE(PageToText(html, Rules(), &page).ok());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 10);
  // libxml2 may cut the tree at its depth limit; whatever it keeps must not crash the walk.
  CHECK(page.text.size() < html.size());
}

TEST_CASE("NormalizeDate reads the date formats of feeds and pages", "[html]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2019-11-19", "2019-11-19"},
      {"2019-11-19T05:00:00-05:00", "2019-11-19"},
      {"2019/11/19 10:00", "2019-11-19"},
      {"Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19"},
      {"Sat, 07 Sep 02 00:00:01 GMT", "2002-09-07"},
      {"03 Apr 02 1500 GMT", "2002-04-03"},
      {"November 19, 2019", "2019-11-19"},
      {"19 November 2019", "2019-11-19"},
      {"2019-02-30", ""},  // no such day
      {"yesterday", ""},
      {"", ""},
  };
  for (const auto& [in, out] : cases) {
    INFO(in);
    CHECK(NormalizeDate(in) == out);
  }
}

TEST_CASE("DecodeMarkup: which charset to trust", "[html]") {
  struct Case {
    const char* what;
    std::string bytes;
    bool html;
    std::string text;      // expected to be in the UTF-8
    std::string encoding;  // expected encoding
  };
  const std::vector<Case> cases = {
      {"declared Latin-1, and so it is",
       "<?xml version='1.0' encoding='ISO-8859-1'?><r>caf\xE9</r>", false, "café", "ISO-8859-1"},
      {"declared Latin-1 but the bytes are UTF-8",
       "<?xml version='1.0' encoding='iso-8859-1'?><r>\xC2\xA9 caf\xC3\xA9</r>", false, "© café",
       "UTF-8"},
      {"declared windows-1251 in a meta tag",
       "<html><head><meta charset=\"windows-1251\"></head><body>\xCF\xF0\xE8\xE2\xE5\xF2</body>",
       true, "Привет", "windows-1251"},
      {"http-equiv content type",
       "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na\xEFve",
       true, "naïve", "ISO-8859-1"},
      {"BOM-less UTF-16LE XML", "<\0?\0x\0m\0l\0 \0?\0>\0<\0r\0>\0A\0<\0/\0r\0>\0"s, false,
       "<r>A</r>", "UTF-16LE"},
      {"UTF-16BE with a BOM", "\xFE\xFF\0<\0r\0>\0B\0<\0/\0r\0>"s, false, "<r>B</r>", "UTF-16BE"},
      {"declared UTF-8 with a stray byte", "<?xml version='1.0' encoding='utf-8'?><r>ok \xA9</r>",
       false, "ok ©", "UTF-8"},
      {"a bogus declaration falls back to detection",
       "<?xml version='1.0' encoding='bogus-9'?><r>plain</r>", false, "plain", ""},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      std::string utf8, encoding;
      REQUIRE(DecodeMarkup(c.bytes, c.html, &utf8, &encoding).ok());
      CHECK(utf8.find(c.text) != std::string::npos);
      if (!c.encoding.empty()) CHECK(encoding == c.encoding);
    }
  }
}

TEST_CASE("regression: a page in the charset its <meta> declares is decoded before parsing",
          "[html]") {
  fs::path dir = fs::temp_directory_path() / ("claimex_html_cp_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // "Привет" as title, "Цены выросли на 30 процентов." as text, in windows-1251.
  std::ofstream(dir / "cp.html", std::ios::binary)
      << "<html><head><meta charset=\"windows-1251\"><title>\xCF\xF0\xE8\xE2\xE5\xF2</title>"
         "</head><body><p>\xD6\xE5\xED\xFB \xE2\xFB\xF0\xEE\xF1\xEB\xE8 \xED\xE0 30 "
         "\xEF\xF0\xEE\xF6\xE5\xED\xF2\xEE\xE2.</p></body></html>";
  auto reader = OpenInputs({(dir / "cp.html").string()});
  ReadItem item;
  REQUIRE(reader->Next(&item));
  REQUIRE(std::holds_alternative<Article>(item));
  CHECK(std::get<Article>(item).title == "Привет");
  CHECK(std::get<Article>(item).body == "Цены выросли на 30 процентов.");
  CHECK(std::get<Article>(item).encoding == "windows-1251");
  fs::remove_all(dir);
}

TEST_CASE("OpenInputs reads an .html file into an article with its metadata", "[html]") {
  fs::path dir = fs::temp_directory_path() / ("claimex_html_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "harbour.html", std::ios::binary) << kFurnishedPage;
  ReaderOptions options;
  auto reader = OpenInputs({(dir / "harbour.html").string()}, options);
  ReadItem item;
  REQUIRE(reader->Next(&item));
  REQUIRE(std::holds_alternative<Article>(item));
  const Article& a = std::get<Article>(item);
  CHECK(a.id == "harbour");
  CHECK(a.title == "Harbour toll rises by a third");
  CHECK(a.published == "2021-03-04");
  CHECK(a.author == "Mara Quint");
  CHECK(a.source == "The Coastal Ledger");
  CHECK(a.encoding == "UTF-8");
  CHECK(a.body.starts_with("The toll for small boats"));
  CHECK_FALSE(reader->Next(&item));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace claimex

// Tests for the page-furniture filter (extractor/furniture.h): which lines are furniture, the
// byte ranges it marks in a plain-text body, what Apply() drops from an extraction, and the
// paragraphs it keeps of extracted web text. Fixture texts are our own.
#include "extractor/furniture.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace claimex {
namespace {

const FurnitureFilter& Filter() {
  static auto rules = RuleSet::Load("");
  REQUIRE(rules.ok());
  static auto filter = FurnitureFilter::Create(**rules);
  REQUIRE(filter.ok());
  return **filter;
}

TEST_CASE("FurnitureFilter::Classify", "[furniture]") {
  using K = FurnitureFilter::Kind;
  const std::vector<std::pair<std::string, K>> cases = {
      {"Skip to main content", K::kLine},
      {"  3 min read", K::kLine},
      {"  • 3 min read", K::kLine},
      {"Share this page", K::kTail},  // a tail marker (a plain line in the first half)
      {"Share on Facebook", K::kLine},
      {"Advertisement", K::kLine},
      {"Leave a Reply", K::kTail},
      {"Need a document on this page in an accessible format?", K::kTail},
      {"Your email address will not be published. Required fields are marked *", K::kTail},
      {"  • May 23, 2024", K::kDate},
      {"11 November 2022", K::kDate},
      {"Published: 4 March 2021 at 10:15", K::kDate},
      {"Created on", K::kLine},
      {"Harbour logo Council logo", K::kLine},
      // Story lines are not furniture, even with furniture words in them.
      {"The council will share the £3m cost with the county.", K::kNone},
      {"Read more about the 12 schools on page 4, the report says.", K::kNone},
      {"  • Crime fell by 5% in the year to March", K::kNone},
      {"May 2024 was the wettest month on record", K::kNone},
      {"", K::kNone},
  };
  for (const auto& [line, kind] : cases) {
    INFO(line);
    CHECK(Filter().Classify(line) == kind);
  }
}

// A plain-text article with furniture at the top and a comment form at the end.
const std::string kBody =
    "Skip to main content\n"
    "Harbour logo Council logo\n"
    "\n"
    "  • May 23, 2024\n"
    "  • 3 min read\n"
    "The harbour board raised the toll by 25 per cent today.\n"
    "\n"
    "Board chair Ivo Brandt said the rise would pay for dredging, which costs £40,000 a year.\n"
    "\n"
    "Leave a Reply\n"
    "\n"
    "Your email address will not be published. Replies within 2 days.\n";

TEST_CASE("FurnitureFilter::Find marks lines by byte range, a late tail to the end",
          "[furniture]") {
  std::vector<FurnitureSpan> spans = Filter().Find(kBody);
  REQUIRE(spans.size() == 5);
  auto text = [](const FurnitureSpan& f) { return kBody.substr(f.span.start, f.span.size()); };
  CHECK(text(spans[0]) == "Skip to main content");
  CHECK(text(spans[1]) == "Harbour logo Council logo");
  CHECK(text(spans[2]) == "• May 23, 2024");
  CHECK(spans[2].dateline);
  CHECK(text(spans[3]) == "• 3 min read");
  CHECK_FALSE(spans[3].dateline);
  CHECK(spans[4].span.start == kBody.find("Leave a Reply"));
  CHECK(spans[4].span.end == kBody.size());
  // An early tail marker is only a line: the story after it stays.
  std::string early =
      "Leave a Reply\nThe story goes on for a long while after the marker, with "
      "figures such as 12 and 14 in it, far past the middle of the text.\n";
  spans = Filter().Find(early);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].span.end == std::string("Leave a Reply").size());
}

TEST_CASE("FurnitureFilter::Apply drops what was found in furniture and renumbers", "[furniture]") {
  auto span_of = [](const std::string& s) {
    auto at = static_cast<uint32_t>(kBody.find(s));
    return Span{at, static_cast<uint32_t>(at + s.size())};
  };
  Extraction ex;
  ex.sentences = {{span_of("Skip to main content\nHarbour logo Council logo"), 0},
                  {span_of("The harbour board raised the toll by 25 per cent today."), 1},
                  {span_of("Board chair Ivo Brandt said the rise would pay for dredging, which "
                           "costs £40,000 a year."),
                   2},
                  {span_of("Your email address will not be published."), 4}};
  TimeExpr date, min, today, days;
  date.span = span_of("May 23, 2024");
  min.span = span_of("3 min");
  today.span = span_of("today");
  days.span = span_of("2 days");
  ex.times = {date, min, today, days};
  Claim toll, cost, reply;
  toll.span = span_of("25 per cent");
  toll.sentence = 1;
  toll.time = 2;
  cost.span = span_of("£40,000");
  cost.sentence = 2;
  cost.restates = 0;
  reply.span = span_of("2 days");
  reply.sentence = 3;
  reply.time = 3;
  ex.claims = {toll, cost, reply};
  Quote q;
  q.span = span_of("Replies within 2 days");
  ex.quotes = {q};

  Filter().Apply(kBody, &ex);
  REQUIRE(ex.sentences.size() == 2);
  CHECK(ex.sentences[0].span == span_of("The harbour board raised the toll by 25 per cent today."));
  REQUIRE(ex.times.size() == 2);  // the bullet date stays (a dateline), "3 min" and "2 days" go
  CHECK(ex.times[0].span == date.span);
  CHECK(ex.times[1].span == today.span);
  REQUIRE(ex.claims.size() == 2);
  CHECK(ex.claims[0].sentence == 0);
  CHECK(ex.claims[0].time == 1);  // renumbered
  CHECK(ex.claims[1].sentence == 1);
  CHECK(ex.claims[1].restates == 0);
  CHECK(ex.quotes.empty());
}

TEST_CASE("FurnitureFilter::KeepParagraphs for extracted web text", "[furniture]") {
  std::string dateline;
  std::vector<std::string> kept = Filter().KeepParagraphs(
      {"Updated 4 March 2021", "Share", "Rents rose by 7 per cent in the year to February.",
       "Landlords blamed higher mortgage costs, which climbed for a fifth month.",
       "Related stories", "Leave a Reply", "Great article!"},
      &dateline);
  CHECK(kept == std::vector<std::string>{
                    "Rents rose by 7 per cent in the year to February.",
                    "Landlords blamed higher mortgage costs, which climbed for a fifth month."});
  CHECK(dateline == "Updated 4 March 2021");
}

TEST_CASE("a bad furniture rule fails Create with its line", "[furniture]") {
  for (const char* text : {"line  (unclosed\n", "heading  Skip\n", "line\n"}) {
    auto rules = RuleSet::FromStrings({{"furniture.txt", std::string("# c\n") + text}});
    REQUIRE(rules.ok());
    auto f = FurnitureFilter::Create(**rules);
    REQUIRE_FALSE(f.ok());
    CHECK_THAT(f.status().message(), Catch::Matchers::Contains("furniture.txt:2:"));
  }
}

}  // namespace
}  // namespace claimex

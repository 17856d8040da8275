// Tests for the QuantityFinder (extractor/quantity*.cc): numbers, units, counted nouns,
// qualifiers, ranges, rates, changes, restatements and what is no figure. Every sentence here is
// made up for the test.
#include "extractor/quantity.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractor/text.h"

namespace claimex {
namespace {

std::shared_ptr<const RuleSet> Rules() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    auto r = RuleSet::Load(std::string(CLAIMEX_SOURCE_DIR) + "/patterns");
    REQUIRE(r.ok());
    return *r;
  }();
  return rules;
}

const QuantityFinder& Finder() {
  static const std::unique_ptr<const QuantityFinder> finder = [] {
    auto made = QuantityFinder::Create(*Rules());
    INFO(made.status().ToString());
    REQUIRE(made.ok());
    return std::move(made).value();
  }();
  return *finder;
}

struct Found {
  Document doc;
  std::vector<Claim> claims;
  std::string Text(const Claim& c) const { return std::string(doc.Text(c.span)); }
  // The claim whose text is `text`, or nullptr.
  const Claim* Get(const std::string& text) const {
    for (const Claim& c : claims) {
      if (Text(c) == text) return &c;
    }
    return nullptr;
  }
  std::vector<std::string> Texts() const {
    std::vector<std::string> out;
    for (const Claim& c : claims) out.push_back(Text(c));
    return out;
  }
};

Found Run(const std::string& body) {
  static const std::unique_ptr<const Segmenter> seg = [] {
    auto made = Segmenter::Create(*Rules());
    REQUIRE(made.ok());
    return std::move(made).value();
  }();
  static Article article;  // outlives the Document
  article.id = "t";
  article.body = body;
  Found f;
  REQUIRE(seg->Segment(article, &f.doc).ok());
  Finder().Find(f.doc, &f.claims);
  return f;
}

bool Near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

// One figure expected in a sentence.
struct Case {
  const char* sentence;
  const char* span;  // the claim's text
  double value;      // NAN: a range, see low/high
  const char* unit;
  const char* noun = nullptr;  // nullptr: not checked; "" : none
  Qualifier qualifier = Qualifier::kExact;
  double low = NAN, high = NAN;
};

void Check(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    Found f = Run(c.sentence);
    INFO("sentence: " << c.sentence);
    INFO("found: " << Catch::Detail::stringify(f.Texts()));
    const Claim* claim = f.Get(c.span);
    REQUIRE(claim != nullptr);
    if (std::isnan(c.value)) {
      REQUIRE(claim->low.has_value());
      REQUIRE(claim->high.has_value());
      CHECK(Near(*claim->low, c.low));
      CHECK(Near(*claim->high, c.high));
    } else {
      REQUIRE(claim->value.has_value());
      CHECK(Near(*claim->value, c.value));
    }
    CHECK(claim->unit == c.unit);
    if (c.noun) CHECK(claim->noun == c.noun);
    CHECK(QualifierName(claim->qualifier) == std::string(QualifierName(c.qualifier)));
  }
}

TEST_CASE("numbers: digits, separators, decimals, scales", "[quantity]") {
  Check({
      {"The hall seats 12,450 people.", "12,450", 12450, "count", "people"},
      {"Rainfall reached 3.75 inches.", "3.75 inches", 3.75, "in"},
      {"The club paid £15m for the striker.", "£15m", 15e6, "GBP"},
      {"The port handled 1.2 million containers.", "1.2 million", 1.2e6, "count", "containers"},
      {"The bank lent €3bn to builders.", "€3bn", 3e9, "EUR"},
      {"Output was 4 mln tonnes.", "4 mln tonnes", 4e6, "t"},
      {"The fund is worth $2.5 trillion.", "$2.5 trillion", 2.5e12, "USD"},
      {"The team sold 40k tickets.", "40k", 40e3, "count", "tickets"},
      {"The batting average was .312 last season.", ".312", 0.312, "count"},
      {"The estimate is 1.3e6 cells.", "1.3e6", 1.3e6, "count", "cells"},
      {"A town of 48 000 residents.", "48 000", 48000, "count", "residents"},
      {"Mix 2 1/4 cups of flour.", "2 1/4", 2.25, "count"},
      {"The bond rose 1-3/8 on Friday.", "1-3/8", 1.375, "count"},
      {"Add 3/4 of the water.", "3/4", 0.75, "fraction"},
      {"The loss was -4.5 points.", "-4.5", -4.5, "count", "points"},
  });
}

TEST_CASE("numbers in words", "[quantity]") {
  Check({
      {"Seventy-five volunteers signed up.", "Seventy-five", 75, "count", "volunteers"},
      {"The village has one hundred and six houses.", "one hundred and six", 106, "count",
       "houses"},
      {"They planted a dozen trees.", "a dozen", 12, "count", "trees"},
      {"Two-thirds of voters agreed.", "Two-thirds", 2.0 / 3, "fraction"},
      {"Half a million visitors came.", "Half a million", 5e5, "count", "visitors"},
      {"The survey found that half of tenants rent privately.", "half", 0.5, "fraction"},
      {"The rate fell to two point five.", "two point five", 2.5, "count"},
      {"There were twenty one entries.", "twenty one", 21, "count", "entries"},
      {"Three thousand four hundred runners started.", "Three thousand four hundred", 3400, "count",
       "runners"},
      {"Five and a half million passengers flew.", "Five and a half million", 5.5e6, "count",
       "passengers"},
      {"One in five adults smokes.", "One in five", 0.2, "fraction", "adults"},
      {"A third of the budget went on roads.", "A third", 1.0 / 3, "fraction"},
  });
}

TEST_CASE("vague amounts are ranges", "[quantity]") {
  Check({
      {"Dozens of shops closed.", "Dozens", NAN, "count", "shops", Qualifier::kExact, 12, 120},
      {"Thousands of fans queued.", "Thousands", NAN, "count", "fans", Qualifier::kExact, 1e3, 1e4},
      {"The repairs cost tens of millions of pounds.", "tens of millions of pounds", NAN, "GBP",
       nullptr, Qualifier::kExact, 1e7, 1e8},
      {"Hundreds of thousands of homes lost power.", "Hundreds of thousands", NAN, "count", "homes",
       Qualifier::kExact, 1e5, 1e6},
  });
}

TEST_CASE("currencies as ISO 4217 codes", "[quantity]") {
  Check({
      {"The ticket costs £45.", "£45", 45, "GBP"},
      {"It sold for US$ 3.2 million.", "US$ 3.2 million", 3.2e6, "USD"},
      {"Rent is A$900 a week.", "A$900", 900, "AUD"},
      {"The firm raised HK$5bn.", "HK$5bn", 5e9, "HKD"},
      {"The deal was worth 300 million euros.", "300 million euros", 3e8, "EUR"},
      {"Exports rose to 12 bln dlrs.", "12 bln dlrs", 12e9, "USD"},
      {"The stamp costs 85 pence.", "85 pence", 85, "GBX"},
      {"Gasoline was up 4 cents.", "4 cents", 0.04, "USD"},
      {"The fine was 20,000 Swiss francs.", "20,000 Swiss francs", 20000, "CHF"},
      {"Profit reached 410 million pounds.", "410 million pounds", 4.1e8, "GBP"},
      {"The bill came to EUR 125.", "EUR 125", 125, "EUR"},
      {"Shares closed at Y=3,120.", "Y=3,120", 3120, "JPY"},
      {"The house cost a million dollars.", "a million dollars", 1e6, "USD"},
      {"Lunch was 12 dollars 50 cents.", "12 dollars 50 cents", 12.5, "USD"},
  });
}

TEST_CASE("percent, points and physical units", "[quantity]") {
  Check({
      {"Turnout was 64 per cent.", "64 per cent", 64, "percent"},
      {"Sales grew 7% last year.", "7%", 7, "percent"},
      {"Growth was 2.1 pct in May.", "2.1 pct", 2.1, "percent"},
      {"The margin widened by 1.5 percentage points.", "1.5 percentage points", 1.5,
       "percentage_point"},
      {"The bank cut rates by 25 basis points.", "25 basis points", 25, "bp"},
      {"The trail is 14 km long.", "14 km", 14, "km"},
      {"The storm brought 80mph gusts.", "80mph", 80, "mph"},
      {"Lorries weigh up to 44 tonnes.", "up to 44 tonnes", 44, "t", nullptr, Qualifier::kLe},
      {"It was 31°C at noon.", "31°C", 31, "°C"},
      {"The water froze at 28 degrees Fahrenheit.", "28 degrees Fahrenheit", 28, "°F"},
      {"They walked a six-mile route.", "six-mile", 6, "mi"},
      {"The plant makes 400 MW of power.", "400 MW", 400, "MW"},
      {"The flat has 650 sq ft of space.", "650 sq ft", 650, "ft2"},
      {"A 12-year-old boy was hurt.", "12-year-old", 12, "year"},
      {"Pensioner Ann Smith, 81, was hurt.", "81", 81, "year"},
      {"The scheme is open to children under the age of 5.", "under the age of 5", 5, "year",
       nullptr, Qualifier::kLt},
      {"The 100m sprint final was close.", "100m", 100, "m"},
      {"He is 6 ft 3 in tall.", "6 ft 3 in", 6.25, "ft"},
      {"Council Hires 50 Extra Park Wardens", "50", 50, "count", "Park Wardens"},
  });
}

TEST_CASE("counted nouns", "[quantity]") {
  Check({
      {"Police seized 340 knives and 12 guns.", "340", 340, "count", "knives"},
      {"Police seized 340 knives and 12 guns.", "12", 12, "count", "guns"},
      {"The council hired 45 more street wardens.", "45", 45, "count", "street wardens"},
      {"The scheme reached 900 pupils and young carers, with 60 returning.", "900", 900, "count",
       "pupils and young carers"},
      {"Inspectors made 75 safety checks in a week.", "75", 75, "count", "safety checks"},
      {"Some 20 bus drivers staged a walkout.", "Some 20", 20, "count", "bus drivers",
       Qualifier::kApprox},
      {"Only 60 reported delays.", "60", 60, "count", ""},
      {"One petition urges ministers to act.", "One", 1, "count", "petition"},
      {"She is one of the founders of the club.", "one", 1, "count", "founders"},
      {"Four-, five- and six-door models exist.", "Four", 4, "count", "door"},
      {"The city employs 3,000 staff.", "3,000", 3000, "count", "staff"},
      // Regression: a second "and" joined the verb of the next clause to the counted noun.
      {"The force employs 2,900 officers and staff and answers 1,100 calls a day.", "2,900", 2900,
       "count", "officers and staff"},
      {"It funds 12 libraries and reading rooms and pays their rent.", "12", 12, "count",
       "libraries and reading rooms"},
  });
}

TEST_CASE("qualifiers", "[quantity]") {
  Check({
      {"Nearly 300 homes flooded.", "Nearly 300", 300, "count", "homes", Qualifier::kApprox},
      {"Around £2m was spent.", "Around £2m", 2e6, "GBP", nullptr, Qualifier::kApprox},
      {"An estimated 40,000 birds nest here.", "An estimated 40,000", 40000, "count", "birds",
       Qualifier::kApprox},
      {"More than 1,500 jobs went.", "More than 1,500", 1500, "count", "jobs", Qualifier::kGt},
      {"The queue was over 200 metres.", "over 200 metres", 200, "m", nullptr, Qualifier::kGt},
      {"At least 14 people were hurt.", "At least 14", 14, "count", "people", Qualifier::kGe},
      {"Fewer than 50 seats remain.", "Fewer than 50", 50, "count", "seats", Qualifier::kLt},
      {"The stadium holds as many as 9,000 fans.", "as many as 9,000", 9000, "count", "fans",
       Qualifier::kLe},
      {"Tickets cost £30 or more.", "£30 or more", 30, "GBP", nullptr, Qualifier::kGe},
      {"Chips sized sub-5 nanometres are planned.", "sub-5 nanometres", 5, "nm", nullptr,
       Qualifier::kLt},
  });
}

TEST_CASE("ranges have low and high", "[quantity]") {
  Check({
      {"Between 5 and 10 ferries sail daily.", "Between 5 and 10", NAN, "count", "ferries",
       Qualifier::kExact, 5, 10},
      {"Fares rise 3 to 4 per cent.", "3 to 4 per cent", NAN, "percent", nullptr, Qualifier::kExact,
       3, 4},
      {"The refit will cost £5-8m.", "£5-8m", NAN, "GBP", nullptr, Qualifier::kExact, 5e6, 8e6},
      {"Flats sell from $300,000 to $1.2 million.", "from $300,000 to $1.2 million", NAN, "USD",
       nullptr, Qualifier::kExact, 3e5, 1.2e6},
      {"Crews work 10-12 hours a shift.", "10-12 hours", NAN, "hour", nullptr, Qualifier::kExact,
       10, 12},
      {"Between 2 and 3 million people watched.", "Between 2 and 3 million", NAN, "count", "people",
       Qualifier::kExact, 2e6, 3e6},
      {"The car goes 0-to-100-km/h quickly.", "0-to-100-km/h", NAN, "km/h", nullptr,
       Qualifier::kExact, 0, 100},
  });
}

TEST_CASE("rates: the denominator is no figure", "[quantity]") {
  Found f = Run("There are 4.1 doctors per 1,000 residents in the county.");
  CHECK(f.Texts() == std::vector<std::string>{"4.1"});
  REQUIRE(f.claims.size() == 1);
  REQUIRE(f.claims[0].per.has_value());
  CHECK(f.claims[0].per->value == 1000);
  CHECK(f.claims[0].per->noun == "residents");
  CHECK(f.claims[0].noun == "doctors");

  // The rate named before the figure: "the number of X per N Y ... fell to Z"
  f = Run("The number of nurses per 1,000 patients in the region has fallen to 2.7.");
  CHECK(f.Texts() == std::vector<std::string>{"2.7"});
  REQUIRE(f.claims.size() == 1);
  REQUIRE(f.claims[0].per.has_value());
  CHECK(f.claims[0].per->value == 1000);
  CHECK(f.claims[0].per->noun == "patients");
  CHECK(f.claims[0].noun == "nurses");

  struct RateCase {
    const char* sentence;
    const char* span;
    const char* noun;
  } cases[] = {
      {"Parking costs £4 a day.", "£4", "day"},
      {"Oil traded at $71 a barrel.", "$71", "barrel"},
      {"Spending was £300 per head.", "£300", "head"},
      {"The tariff is 9p per kWh.", "9p", "kWh"},
      {"Saffron sells at $9/gram.", "$9", "gram"},
      {"The firm pays a 15-cent-a-share dividend.", "15-cent", "share"},
  };
  for (const RateCase& c : cases) {
    Found r = Run(c.sentence);
    INFO(c.sentence << " -> " << Catch::Detail::stringify(r.Texts()));
    const Claim* claim = r.Get(c.span);
    REQUIRE(claim != nullptr);
    REQUIRE(claim->per.has_value());
    CHECK(claim->per->value == 1);
    CHECK(claim->per->noun == c.noun);
  }
}

TEST_CASE("changes: direction and by/to", "[quantity]") {
  struct ChangeCase {
    const char* sentence;
    const char* span;
    Change change;
    ChangeKind kind;
  } cases[] = {
      {"Bus use fell by 12 per cent last year.", "12 per cent", Change::kDown, ChangeKind::kBy},
      {"The deficit has fallen to 2.9 per cent.", "2.9 per cent", Change::kDown, ChangeKind::kTo},
      {"Shares were down 6% at the close.", "6%", Change::kDown, ChangeKind::kBy},
      {"Rents rose 4% to £1,250 a month.", "4%", Change::kUp, ChangeKind::kBy},
      {"Rents rose 4% to £1,250 a month.", "£1,250", Change::kUp, ChangeKind::kTo},
      {"The grant was cut by £2m.", "£2m", Change::kDown, ChangeKind::kBy},
      {"Membership has climbed above 5,000.", "above 5,000", Change::kUp, ChangeKind::kTo},
      {"The index gained sharply by 3 points.", "3", Change::kUp, ChangeKind::kBy},
      {"Nasdaq +1.4% at noon.", "+1.4%", Change::kUp, ChangeKind::kBy},
      {"The library holds 20,000 books.", "20,000", Change::kNone, ChangeKind::kNone},
  };
  for (const ChangeCase& c : cases) {
    Found f = Run(c.sentence);
    INFO(c.sentence << " -> " << Catch::Detail::stringify(f.Texts()));
    const Claim* claim = f.Get(c.span);
    REQUIRE(claim != nullptr);
    CHECK(claim->change == c.change);
    CHECK(claim->change_kind == c.kind);
  }
}

TEST_CASE("measured thing of a change", "[quantity]") {
  Found f = Run("Figures show that council spending per resident in Leeds fell by 9 per cent.");
  REQUIRE(f.claims.size() == 1);
  CHECK(f.claims[0].measured == "council spending per resident in Leeds");
}

TEST_CASE("parenthesized restatements are two figures of one claim", "[quantity]") {
  Found f = Run("Almost 400 (396) cyclists finished the race.");
  REQUIRE(f.Texts() == std::vector<std::string>{"Almost 400", "396"});
  CHECK(f.claims[0].restates == -1);
  CHECK(f.claims[1].restates == 0);
  CHECK(f.claims[0].noun == "cyclists");
  CHECK(f.claims[1].noun == "cyclists");
  CHECK(f.claims[0].qualifier == Qualifier::kApprox);
  CHECK(f.claims[1].qualifier == Qualifier::kExact);

  f = Run("The takeover was valued at $2.4bn (£1.9bn) on Friday.");
  REQUIRE(f.Texts() == std::vector<std::string>{"$2.4bn", "£1.9bn"});
  CHECK(f.claims[1].restates == 0);
  CHECK(f.claims[1].unit == "GBP");

  // A converted bound keeps its bound.
  f = Run("Geese fly more than 200 kilometres (124 miles) a day.");
  REQUIRE(f.claims.size() == 2);
  CHECK(f.claims[1].qualifier == Qualifier::kGt);
}

TEST_CASE("what is no figure", "[quantity]") {
  struct NoCase {
    const char* sentence;
    std::vector<std::string> want;  // the figures that remain
  } cases[] = {
      {"The law was passed in 2015 and amended in 2019.", {}},
      {"Crime fell from 2011 to 2014.", {}},
      {"The train leaves at 10:45 and arrives at 3pm.", {}},
      {"She was the first person to finish.", {}},
      {"The talks resumed on 12 March and ended on April 3.", {}},
      {"Services for under-18s and over-65s were cut.", {}},
      {"The deal lifted the index.2 Traders were pleased.", {}},
      {"The report [4] was cited.", {}},
      {"Ring 020 7946 0123 or +44 20 7946 0999 for help.", {}},
      {"Read more at www.example.org/news/2020/item55 or mail desk@example.com today.", {}},
      {"The 5G rollout and COVID-19 rules were discussed.", {}},
      {"Traffic on the M62 and Section 106 payments were raised.", {}},
      {"The FTSE 100 and S&P 500 rose.", {}},
      // Regression: the index's name and the pension plan's were counts ("500 Index", "401").
      {"The Standard & Poor's 500 Index rose and 401(k) plans gained.", {}},
      // Regression: a Senate office address and its zip code were counts ("516", "20510").
      {"Write to 516 Hart Senate Office Building, Washington, D.C. 20510-4501.", {}},
      {"Call 202/224-5344 about S.1122, H.R. 835 or S. 310.", {}},  // phone, bill numbers
      {"Stay safe 4 min read", {}},
      {"The scheme programme3 has ended.", {}},
      {"Spending rose over the last 10 years and has been flat for three months.", {}},
      {"It was the club's 3rd title in the 1990s.", {}},
      {"No one knew which one to pick.", {}},
      {"Labour won the vote 310-290 after a long debate.", {}},
      {"Officers were deployed 24/7 during the 9/11 memorial.", {}},
      {"He retires in a decade, Mrs Jones, 64, said.", {"64"}},
      {"Fares were last this low in nineteen eighty-four.", {}},
      {"Music from the 80's and 90's played all night.", {}},
      {"Follow @desk_42 or see /page/7 for more.", {}},
      {"The board approved a 3-for-1 stock split.", {}},
      {"The court ruled 5-4 against the state.", {}},
      {"The value 1e999 overflows.", {}},
      {"Part 70-B12 was replaced.", {}},
      {"Police charged 12 people in the top 10 hotspots.", {"12"}},
  };
  for (const NoCase& c : cases) {
    Found f = Run(c.sentence);
    INFO(c.sentence);
    CHECK(f.Texts() == c.want);
  }
}

TEST_CASE("list numbers and footnotes at paragraph level", "[quantity]") {
  Found f = Run(
      "Notes\n\n1. The fund opened in May.\n\n2. It has 30 members.\n\nFunding was agreed. 3\n");
  CHECK(f.Texts() == std::vector<std::string>{"30"});
}

TEST_CASE("a bad rule line fails Create with file and line", "[quantity]") {
  // Regression: rule errors must name the file and line (patterns/x.txt:N).
  struct BadCase {
    const char* file;
    const char* content;
    const char* where;
  } cases[] = {
      {"number_words.txt", "one  1  unit\ntwo  two  unit\n", "number_words.txt:2"},
      {"scales.txt", "k  1e3  sticky\n", "scales.txt:1"},
      {"currencies.txt", "£  GBP  sideways\n", "currencies.txt:1"},
      {"units.txt", "km  km  loud\n", "units.txt:1"},
      {"qualifiers.txt", "nearly  roughly  before\n", "qualifiers.txt:1"},
      {"changes.txt", "rose  sideways\n", "changes.txt:1"},
      {"not_figures.txt", "broken  (unclosed\n", "not_figures.txt:1"},
      {"noun_stops.txt", "the  maybe\n", "noun_stops.txt:1"},
      {"figure_cues.txt", "number  counter\nrate  speed\n", "figure_cues.txt:2"},
  };
  for (const BadCase& c : cases) {
    std::map<std::string, std::string> files;
    for (const char* name :
         {"number_words.txt", "scales.txt", "currencies.txt", "units.txt", "qualifiers.txt",
          "changes.txt", "ranges.txt", "rates.txt", "noun_stops.txt", "duration_scopes.txt",
          "figure_cues.txt", "not_figures.txt"}) {
      const RuleFile* real = Rules()->Find(name);
      REQUIRE(real != nullptr);
      std::string text;
      for (const RuleLine& l : real->lines) {
        for (size_t k = 0; k < l.fields.size(); ++k) text += (k ? "\t" : "") + l.fields[k];
        text += "\n";
      }
      files[name] = text;
    }
    files[c.file] = c.content;
    auto rules = RuleSet::FromStrings(files);
    REQUIRE(rules.ok());
    auto made = QuantityFinder::Create(**rules);
    INFO(c.file);
    REQUIRE_FALSE(made.ok());
    CHECK(made.status().message().find(c.where) != std::string::npos);
  }
}

TEST_CASE("spans are normalized offsets of the figure with its qualifier and unit", "[quantity]") {
  // Curly quotes and a non-breaking space before the figure: the span still covers it exactly.
  Found f = Run("\u201cIt cost\u00a0nearly \u00a3700\u00a0million,\u201d she said.");
  REQUIRE(f.claims.size() == 1);
  CHECK(f.Text(f.claims[0]) == "nearly £700 million");
  CHECK(f.claims[0].sentence == 0);
}

}  // namespace
}  // namespace claimex

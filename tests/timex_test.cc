// Tests for the TimeFinder (extractor/timex.h): time expressions, their TIMEX values and resolved
// dates, the anchor date, and which time scopes a claim. All sentences are our own.
#include "extractor/timex.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <sstream>

#include "extractor/text.h"

namespace claimex {
namespace {

struct Stage {
  std::shared_ptr<const RuleSet> rules;
  std::unique_ptr<const Segmenter> seg;
  std::unique_ptr<const TimeFinder> tf;
};

const Stage& GetStage() {
  static const Stage stage = [] {
    Stage s;
    auto rules = RuleSet::Load();
    REQUIRE(rules.ok());
    s.rules = *rules;
    auto seg = Segmenter::Create(*s.rules);
    REQUIRE(seg.ok());
    s.seg = std::move(*seg);
    auto tf = TimeFinder::Create(*s.rules);
    REQUIRE(tf.ok());
    s.tf = std::move(*tf);
    return s;
  }();
  return stage;
}

// The time expressions of `body` with `published` as the anchor.
std::vector<TimeExpr> Times(const std::string& body, const std::string& published, Article* article,
                            Document* doc) {
  article->id = "t";
  article->body = body;
  article->published = published;
  REQUIRE(GetStage().seg->Segment(*article, doc).ok());
  std::vector<TimeExpr> times;
  GetStage().tf->Find(*doc, GetStage().tf->AnchorDate(*doc), &times);
  return times;
}

struct Want {
  const char* text;   // the span's text
  const char* timex;  // "" = none
  const char* kind;
};

struct Case {
  const char* what;  // the phenomenon
  const char* body;
  const char* anchor;
  std::vector<Want> want;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO(c.what << ": " << c.body);
    Article article;
    Document doc;
    std::vector<TimeExpr> got = Times(c.body, c.anchor, &article, &doc);
    std::vector<std::string> got_text, want_text;
    for (const TimeExpr& t : got) {
      got_text.push_back(std::string(doc.Text(t.span)) + " = " + t.timex + " (" + t.kind + ")");
    }
    for (const Want& w : c.want) {
      want_text.push_back(std::string(w.text) + " = " + w.timex + " (" + w.kind + ")");
    }
    CHECK(got_text == want_text);
  }
}

TEST_CASE("calendar dates and months are found with their TIMEX values", "[timex]") {
  RunCases({
      {"day month year",
       "The vote took place on 4 March 2021 in the hall.",
       "",
       {{"4 March 2021", "2021-03-04", "date"}}},
      {"month day, year",
       "Shares fell on January 9, 2015 after the report.",
       "",
       {{"January 9, 2015", "2015-01-09", "date"}}},
      {"abbreviated month with dot",
       "The board met on Sept. 3, 1999 to decide.",
       "",
       {{"Sept. 3, 1999", "1999-09-03", "date"}}},
      {"weekday before a date",
       "It opens on Friday, 7 June 2019 at the park.",
       "",
       {{"Friday, 7 June 2019", "2019-06-07", "date"}}},
      {"ISO date",
       "The file was dated 2018-11-30 by the clerk.",
       "",
       {{"2018-11-30", "2018-11-30", "date"}}},
      {"US numeric date",
       "Payment is due 07/15/2020 at noon.",
       "",
       {{"07/15/2020 at noon", "2020-07-15T12:00", "date"}}},
      {"day first numeric date",
       "The form says 25/12/2019 in ink.",
       "",
       {{"25/12/2019", "2019-12-25", "date"}}},
      {"ambiguous numeric date read nearer the anchor",
       "The form is dated 03/04/2019.",
       "2019-04-05",
       {{"03/04/2019", "2019-04-03", "date"}}},
      {"ambiguous numeric date without anchor is month first",
       "The form is dated 03/04/2019.",
       "",
       {{"03/04/2019", "2019-03-04", "date"}}},
      {"month and year",
       "Prices peaked in August 2008 and fell.",
       "",
       {{"in August 2008", "2008-08", "date"}}},
      {"month of year",
       "She was hired in April of 1987.",
       "",
       {{"in April of 1987", "1987-04", "date"}}},
      {"month without year takes the anchor's year",
       "Sales rose in February.",
       "2023-06-01",
       {{"in February", "2023-02", "date"}}},
      {"day without year, future clause",
       "The ferry will return on October 2.",
       "2023-06-01",
       {{"October 2", "2023-10-02", "date"}}},
      {"day without year, past clause: the last one",
       "The ferry sank on October 2.",
       "2023-06-01",
       {{"October 2", "2022-10-02", "date"}}},
      {"month without year, past clause",
       "Sales peaked in November.",
       "2023-02-10",
       {{"in November", "2022-11", "date"}}},
      {"month with this year",
       "Figures up to March this year show a rise.",
       "2022-07-09",
       {{"up to March this year", "2022-03", "until"}}},
      {"quarter",
       "Profit doubled in the third quarter.",
       "1999-11-02",
       {{"in the third quarter", "1999-Q3", "date"}}},
      {"quarter of a year",
       "Exports slowed in the first quarter of 2013.",
       "",
       {{"in the first quarter of 2013", "2013-Q1", "date"}}},
      {"season",
       "The bridge reopens this summer.",
       "2015-03-10",
       {{"this summer", "2015-SU", "relative"}}},
      {"decade", "Rents doubled in the 1980s in the city.", "", {{"1980s", "198", "date"}}},
  });
}

TEST_CASE("years are found, numbers that are no years are not", "[timex]") {
  RunCases({
      {"bare year", "The mill closed in 1987 after a strike.", "", {{"in 1987", "1987", "date"}}},
      {"year as subject", "2016 was a hard year for farmers.", "", {{"2016", "2016", "date"}}},
      {"fiscal year",
       "Revenue grew in fiscal 1991 again.",
       "",
       {{"in fiscal 1991", "1991", "date"}}},
      {"thousands separator", "The club sold 2,016 tickets.", "", {}},
      {"currency amount", "The repair cost £2016 in total.", "", {}},
      {"counted noun", "Organisers expect 2000 runners on the day.", "", {}},
      {"approximate count",
       "There were about 1900 cases last month.",
       "2020-05-05",
       {{"last month", "2020-04", "relative"}}},
      {"flight number", "Passengers on flight 1549 were rescued.", "", {}},
      {"percent", "Inflation hit 2015% in the crisis.", "", {}},
  });
}

TEST_CASE("ranges and open spans are one time each", "[timex]") {
  RunCases({
      {"from year to year",
       "Spending fell from 2009 to 2013 in every region.",
       "",
       {{"from 2009 to 2013", "(2009-01-01,2013-01-01,P4Y)", "range"}}},
      {"between months",
       "Between March 2020 and June 2021, 40 shops closed.",
       "",
       {{"Between March 2020 and June 2021", "(2020-03-01,2021-06-01,P15M)", "range"}}},
      {"year dash year",
       "The 1998-2002 figures were revised.",
       "",
       {{"1998-2002", "(1998-01-01,2002-01-01,P4Y)", "range"}}},
      {"financial year",
       "The 2019/20 budget was cut.",
       "",
       {{"2019/20", "(2019-01-01,2020-01-01,P1Y)", "range"}}},
      {"days of one month",
       "The fair will run June 3-5 in the square.",
       "2017-01-01",
       {{"June 3-5", "(2017-06-03,2017-06-05,P2D)", "range"}}},
      {"year borrowed by the start",
       "The works last from November to February 2024.",
       "",
       {{"from November to February 2024", "(2023-11-01,2024-02-01,P3M)", "range"}}},
      {"period to a month",
       "Crime fell in the twelve months to May 2016.",
       "",
       {{"in the twelve months to May 2016", "(2015-06-01,2016-06-01,P12M)", "range"}}},
      {"since", "Since 2011 the fund has shrunk.", "", {{"Since 2011", "2011", "since"}}},
      {"since a financial year",
       "Fees have doubled since 2016/17.",
       "",
       {{"since 2016/17", "2016", "since"}}},
      {"a labelled financial year",
       "Accounts for financial year 2022-23 are out.",
       "",
       {{"financial year 2022-23", "(2022-01-01,2023-01-01,P1Y)", "range"}}},
      {"by",
       "The plant must close by 2030, the minister said.",
       "",
       {{"by 2030", "2030", "until"}}},
      {"by with a count is no time", "The queue grew by 2000 people.", "", {}},
      {"after and before",
       "Trains built after 1995 and before 2005 are exempt.",
       "",
       {{"after 1995", "1995", "since"}, {"before 2005", "2005", "until"}}},
      {"or later",
       "Cars from 2012 or later pass the test.",
       "",
       {{"from 2012 or later", "2012", "since"}}},
      {"so far this year",
       "Rainfall so far this year is low.",
       "2021-08-01",
       {{"so far this year", "2021", "since"}}},
  });
}

TEST_CASE("durations carry their cue words and ISO periods", "[timex]") {
  RunCases({
      {"for N months",
       "The road will shut for six months.",
       "",
       {{"for six months", "P6M", "duration"}}},
      {"over the last N years",
       "Fares rose over the last 15 years.",
       "",
       {{"over the last 15 years", "P15Y", "duration"}}},
      {"in N years, no future verb",
       "Turnout was the lowest in 30 years.",
       "",
       {{"in 30 years", "P30Y", "duration"}}},
      {"in N weeks, future verb",
       "We will meet again in 2 weeks.",
       "2018-03-01",
       {{"in 2 weeks", "2018-03-15", "relative"}}},
      {"in N years, future verb: a year",
       "The dam will be full in 10 years.",
       "2018-03-01",
       {{"in 10 years", "2028", "relative"}}},
      {"hyphenated", "They signed a five-year deal.", "", {{"five-year", "P5Y", "duration"}}},
      {"number words",
       "It took twenty-four hours to fix.",
       "",
       {{"twenty-four hours", "P1D", "duration"}}},
      {"and a half",
       "The trial lasted a year and a half.",
       "",
       {{"a year and a half", "P1.5Y", "duration"}}},
      {"clock units", "The call lasted 45 minutes.", "", {{"45 minutes", "PT45M", "duration"}}},
      {"glued unit", "The battery lasts 8h on a charge.", "", {{"8h", "PT8H", "duration"}}},
      {"vague amount",
       "Talks went on for several years.",
       "",
       {{"for several years", "PXY", "duration"}}},
      {"a name is no duration", "She spoke to 60 Minutes about it.", "", {}},
      {"ages are no durations", "A 40-year-old man was arrested.", "", {}},
      {"a rate is no duration",
       "The plan saves $3 million a year and adds 40 flights a week.",
       "",
       {}},
      {"ago",
       "The law changed three years ago.",
       "2010-04-02",
       {{"three years ago", "2007", "relative"}}},
  });
}

TEST_CASE("relative times resolve against the anchor", "[timex]") {
  RunCases({
      {"today and yesterday",
       "The minister spoke today after a vote yesterday.",
       "2022-11-11",
       {{"today", "2022-11-11", "relative"}, {"yesterday", "2022-11-10", "relative"}}},
      {"no anchor: no value", "The minister spoke today.", "", {{"today", "", "relative"}}},
      {"this and last year",
       "This year the fund grew; last year it shrank.",
       "2019-05-05",
       {{"This year", "2019", "relative"}, {"last year", "2018", "relative"}}},
      {"weeks", "The shop shut last week.", "2020-01-08", {{"last week", "2020-W01", "relative"}}},
      {"bare weekday is the last one",
       "Police said on Friday that two men were held.",
       "2021-03-10",
       {{"Friday", "2021-03-05", "relative"}}},
      {"next weekday",
       "The court sits next Tuesday.",
       "2021-03-10",
       {{"next Tuesday", "2021-03-16", "relative"}}},
      {"weekday and part of day",
       "The fire started on Sunday night.",
       "2021-03-10",
       {{"Sunday night", "2021-03-07TNI", "relative"}}},
      {"present reference",
       "Right now the queue is long.",
       "",
       {{"Right now", "PRESENT_REF", "relative"}}},
      {"past reference", "Prices have recently eased.", "", {{"recently", "PAST_REF", "relative"}}},
      {"early next year",
       "The mine reopens early next year.",
       "2016-09-01",
       {{"early next year", "2017", "relative"}}},
      {"holiday",
       "Shops shut on Christmas Day.",
       "2016-09-01",
       {{"Christmas Day", "2016-12-25", "date"}}},
      {"modal may is no month", "It may rain, and March on the capital they did.", "", {}},
      {"set", "The ferry sails daily from the port.", "", {{"daily", "P1D", "set"}}},
  });
}

TEST_CASE("from and to of resolved times", "[timex]") {
  struct FromTo {
    const char* body;
    const char* anchor;
    const char* from;
    const char* to;
  };
  const FromTo cases[] = {
      {"It grew from 2012 to 2016.", "", "2012", "2016"},
      {"It grew since 2010.", "2020-02-02", "2010", "2020-02-02"},
      {"It fell over the last 20 years.", "2020-02-02", "2000", "2020-02-02"},
      {"It fell in the third quarter.", "2020-11-02", "2020-07", "2020-09"},
      {"It fell last week.", "2020-01-08", "2019-12-30", "2020-01-05"},
      {"It rose so far this year.", "2021-08-01", "2021", "2021-08-01"},
  };
  for (const FromTo& c : cases) {
    INFO(c.body);
    Article article;
    Document doc;
    std::vector<TimeExpr> got = Times(c.body, c.anchor, &article, &doc);
    REQUIRE(got.size() == 1);
    CHECK(got[0].from == c.from);
    CHECK(got[0].to == c.to);
  }
}

TEST_CASE("the anchor date comes from the feed or the top of the text", "[timex]") {
  struct AnchorCase {
    const char* what;
    const char* body;
    const char* published;
    const char* want;
  };
  const AnchorCase cases[] = {
      {"feed metadata wins", "Published 4 March 2024\n\nText.", "2024-03-05", "2024-03-05"},
      {"label on the line before", "Home\n\nCreated on\n9 October 2021\n\nThe council said.", "",
       "2021-10-09"},
      {"label on the same line", "Published: 4 March 2024\n\nThe council said.", "", "2024-03-04"},
      {"date alone on a bulleted line", "Title\n\n  • June 2, 2023\n  • 2 min read\n\nText.", "",
       "2023-06-02"},
      {"wire dateline with a year", "PARIS, May 3, 2001 - Ministers met today.", "", "2001-05-03"},
      {"date opening a short line", "Title\n\n4 March 2024 | Press office\n\nText.", "",
       "2024-03-04"},
      {"a long first sentence is no dateline",
       "4 March 2024 was the day the council voted to close the library after a long fight.", "",
       ""},
      {"wire dateline without a year is skipped", "PARIS, May 3 - Ministers met today.", "", ""},
      {"no date across a blank line", "Stadium\n\nFriday, 25 February\n\n2000 GMT\n\nText.", "",
       ""},
      {"a date in running text is not the anchor", "The law of 4 March 2024 applies here.", "", ""},
  };
  for (const AnchorCase& c : cases) {
    INFO(c.what);
    Article article;
    article.body = c.body;
    article.published = c.published;
    Document doc;
    REQUIRE(GetStage().seg->Segment(article, &doc).ok());
    CHECK(GetStage().tf->AnchorDate(doc) == c.want);
  }
}

TEST_CASE("a claim is scoped by the nearest time cue in its sentence", "[timex]") {
  struct ScopeCase {
    const char* what;
    const char* body;
    const char* figure;  // the claim's text (first occurrence)
    const char* want;    // the scoping time's text, "" = none
  };
  const ScopeCase cases[] = {
      {"range after the figure", "Spending fell by 12 per cent from 2010 to 2014 in the county.",
       "12 per cent", "from 2010 to 2014"},
      {"open span before", "Since 2015 the budget has been cut by £40 million.", "£40 million",
       "Since 2015"},
      {"nearest of two", "Reported today, the rate fell to 4.1 over the past 10 years.", "4.1",
       "over the past 10 years"},
      {"each figure its own",
       "Thefts passed 200 so far this year and up to June this year, 55 bikes "
       "were found.",
       "55", "up to June this year"},
      {"first of each",
       "Thefts passed 200 so far this year and up to June this year, 55 bikes "
       "were found.",
       "200", "so far this year"},
      {"the clause of the figure",
       "In 2019 there were 500 arrests, while in 2020 the number rose to 700.", "500", "In 2019"},
      {"the clause of the second figure",
       "In 2019 there were 500 arrests, while in 2020 the number rose to 700.", "700", "in 2020"},
      {"no time in the sentence", "The fund holds £3 million. It was set up in 2001.", "£3 million",
       ""},
      // Regression (issue 8, speed): the gap's clause marks are counted in one pass now.
      {"a semicolon parts the clauses", "In 2019 the plant made 500 cars; in 2021 it stopped.",
       "500", "In 2019"},
      {"a contrast word parts the clauses", "In 2019 the firm sold 300 homes but in 2021 none.",
       "300", "In 2019"},
      {"a contrast word inside a word does not", "In 2019 the firm sold 300 buttons in 2021.",
       "300", "in 2021"},
  };
  for (const ScopeCase& c : cases) {
    INFO(c.what);
    Article article;
    Document doc;
    Extraction ex;
    ex.times = Times(c.body, "2020-09-09", &article, &doc);
    std::string_view text = doc.norm.text();
    size_t at = text.find(c.figure);
    REQUIRE(at != std::string_view::npos);
    Claim claim;
    claim.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + std::strlen(c.figure))};
    claim.sentence = doc.SentenceAt(claim.span.start);
    ex.claims.push_back(claim);
    GetStage().tf->Scope(doc, &ex);
    std::string got =
        ex.claims[0].time < 0 ? "" : std::string(doc.Text(ex.times[ex.claims[0].time].span));
    CHECK(got == c.want);
  }
}

// Regression: Grammar::Scan tries no expression at a word whose lexicon kinds are all read only
// around a time (prepositions, "ago", zones ...). The words the recognizers test by spelling at a
// first token must still start one.
TEST_CASE("times that start with a word tested by spelling are still found", "[timex]") {
  RunCases({
      {"every",
       "The market opens every Monday at dawn.",
       "2019-05-15",
       {{"every Monday", "XXXX-WXX-1", "set"}}},
      {"each",
       "The sweepstake is drawn each Friday.",
       "2019-05-15",
       {{"each Friday", "XXXX-WXX-5", "set"}}},
      {"week and a number",
       "Takings dipped in week 12 of the season.",
       "2019-05-15",
       {{"in week 12", "2019-W12", "date"}}},
      {"the year-ago",
       "The year-ago quarter was weaker for the mill.",
       "2019-05-15",
       {{"The year-ago quarter", "2018-Q1", "date"}}},
      {"the latest",
       "Orders fell in the latest quarter, the firm said.",
       "2019-05-15",
       {{"in the latest quarter", "2019-Q1", "date"}}},
      {"the first half",
       "Profit rose during the first half of 2011.",
       "2019-05-15",
       {{"the first half of 2011", "2011-H1", "date"}}},
  });
}

TEST_CASE("a bad time rule fails Create with its file and line", "[timex]") {
  std::map<std::string, std::string> files;
  for (const char* name : {"months.txt", "time_units.txt", "time_numbers.txt", "time_words.txt",
                           "time_cues.txt", "time_formats.txt"}) {
    std::ifstream in(std::string(CLAIMEX_SOURCE_DIR) + "/patterns/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    files[name] = ss.str();
  }
  struct Bad {
    const char* file;
    const char* line;
    const char* message;
  };
  const Bad cases[] = {
      {"months.txt", "month  13  smarch\n", "bad value"},
      {"time_units.txt", "unit  3X  blips\n", "bad value"},
      {"time_cues.txt", "sometimes  -  whenever\n", "unknown kind"},
      {"time_formats.txt", "broken  (?P<y>\\d{4}\n", "bad regular expression"},
      {"time_formats.txt", "nodate  (?P<x>\\d{4})\n", "unknown group name"},
  };
  for (const Bad& b : cases) {
    INFO(b.file << ": " << b.line);
    auto copy = files;
    copy[b.file] += b.line;
    auto rules = RuleSet::FromStrings(copy);
    REQUIRE(rules.ok());
    auto tf = TimeFinder::Create(**rules);
    REQUIRE_FALSE(tf.ok());
    CHECK(tf.status().code() == Status::Code::kRuleError);
    CHECK_THAT(tf.status().message(), Catch::Contains(b.file) && Catch::Contains(b.message));
  }
}

}  // namespace
}  // namespace claimex

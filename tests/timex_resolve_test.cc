// Tests for extractor/timex_resolve.h: calendar arithmetic and TIMEX3 values.
#include "extractor/timex_resolve.h"

#include <catch2/catch.hpp>

namespace claimex::timex {
namespace {

TEST_CASE("calendar arithmetic", "[timex]") {
  struct WeekCase {
    Date date;
    int weekday, iso_year, iso_week;
  };
  const WeekCase weeks[] = {
      {{2024, 5, 23}, 4, 2024, 21},  // a Thursday
      {{2021, 1, 1}, 5, 2020, 53},   // belongs to the last ISO week of the year before
      {{2019, 12, 30}, 1, 2020, 1},  // belongs to the first ISO week of the next year
      {{2000, 2, 29}, 2, 2000, 9},
  };
  for (const WeekCase& c : weeks) {
    INFO(FormatDate(c.date));
    CHECK(IsoWeekday(c.date) == c.weekday);
    int y = 0, w = 0;
    IsoWeek(c.date, &y, &w);
    CHECK(y == c.iso_year);
    CHECK(w == c.iso_week);
    CHECK(CivilFromDays(DaysFromCivil(c.date)) == c.date);
  }
  CHECK(AddMonths({2023, 1, 31}, 1) == Date{2023, 2, 28});  // clamped to the month's end
  CHECK(AddMonths({2023, 3, 15}, -15) == Date{2021, 12, 15});
  CHECK(Easter(2024) == Date{2024, 3, 31});
  CHECK(Easter(2019) == Date{2019, 4, 21});
  CHECK(NthWeekday(2023, 11, 4, 4) == Date{2023, 11, 23});  // 4th Thursday of November
  CHECK(NthWeekday(2023, 5, -1, 1) == Date{2023, 5, 29});   // last Monday of May
  CHECK(IsoWeekMonday(2020, 1) == Date{2019, 12, 30});
  Date d;
  CHECK(ParseDate("2016-02-29", &d));
  CHECK_FALSE(ParseDate("2015-02-29", &d));
  CHECK_FALSE(ParseDate("2015-2-9", &d));
}

TEST_CASE("points print as TIMEX3 values and bounds", "[timex]") {
  struct PointCase {
    Point p;
    const char* timex;
    const char* from;
    const char* to;
  };
  auto make = [](Gran g, int y, int m, int d, int sub = 0) {
    Point p;
    p.gran = g, p.year = y, p.month = m, p.day = d, p.sub = sub;
    return p;
  };
  Point no_year = make(Gran::kMonth, Point::kNoYear, 9, 0);
  Point weekday = make(Gran::kDay, Point::kNoYear, 0, 0);
  weekday.weekday = 4;
  Point evening = make(Gran::kDay, 1998, 1, 20);
  evening.part = "EV";
  Point clock = make(Gran::kTime, Point::kNoYear, 0, 0);
  clock.hour = 15, clock.minute = 30;
  Point unresolved = make(Gran::kYear, Point::kNoYear, 0, 0);
  unresolved.unresolved = true;
  const PointCase cases[] = {
      {make(Gran::kYear, 2016, 0, 0), "2016", "2016", "2016"},
      {make(Gran::kMonth, 2016, 5, 0), "2016-05", "2016-05", "2016-05"},
      {make(Gran::kDay, 2016, 5, 23), "2016-05-23", "2016-05-23", "2016-05-23"},
      {make(Gran::kQuarter, 1989, 0, 0, 3), "1989-Q3", "1989-07", "1989-09"},
      {make(Gran::kHalf, 2019, 0, 0, 2), "2019-H2", "2019-07", "2019-12"},
      {make(Gran::kSeason, 1998, 0, 0, 3), "1998-FA", "1998-09", "1998-11"},
      {make(Gran::kWeek, 2020, 0, 0, 1), "2020-W01", "2019-12-30", "2020-01-05"},
      {make(Gran::kWeekend, 2020, 0, 0, 1), "2020-W01-WE", "2020-01-04", "2020-01-05"},
      {make(Gran::kDecade, 1990, 0, 0), "199", "1990", "1999"},
      {make(Gran::kCentury, 1900, 0, 0), "19", "1900", "1999"},
      {no_year, "XXXX-09", "", ""},
      {weekday, "XXXX-WXX-4", "", ""},
      {evening, "1998-01-20TEV", "1998-01-20", "1998-01-20"},
      {clock, "T15:30", "", ""},
      {unresolved, "", "", ""},
  };
  for (const PointCase& c : cases) {
    INFO(c.timex);
    CHECK(c.p.Timex() == c.timex);
    CHECK(c.p.Bound(false) == c.from);
    CHECK(c.p.Bound(true) == c.to);
  }
}

TEST_CASE("durations and ranges print as TIMEX values", "[timex]") {
  struct DurCase {
    Dur d;
    const char* want;
  };
  const DurCase durs[] = {
      {{3, false, "M"}, "P3M"},
      {{20, false, "Y"}, "P20Y"},
      {{1.5, false, "TH"}, "PT1.5H"},
      {{0, true, "Y"}, "PXY"},
      {{2, false, "Q"}, "P6M"},
      {{24, false, "TH"}, "P1D"},
      {{123.45, false, "TS"}, "PT123.45S"},
  };
  for (const DurCase& c : durs) CHECK(c.d.Timex() == c.want);
  CHECK(Dur{2, false, "W"}.Apply({2018, 3, 23}, 1) == Date{2018, 4, 6});
  CHECK(Dur{1, false, "Y"}.Apply({2020, 2, 29}, -1) == Date{2019, 2, 28});

  Point y2014, y2018, may;
  y2014.gran = y2018.gran = Gran::kYear;
  y2014.year = 2014, y2018.year = 2018;
  may.gran = Gran::kMonth, may.year = 2018, may.month = 5;
  CHECK(RangeTimex(y2014, y2018, false) == "(2014-01-01,2018-01-01,P4Y)");
  CHECK(RangeTimex(y2014, may, false) == "(2014-01-01,2018-05-01,P52M)");
  CHECK(RangeTimex(y2014, y2018, true) == "(2014-01-01,2019-01-01,P60M)");
}

}  // namespace
}  // namespace claimex::timex

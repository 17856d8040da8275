// Tests for the linker (db/linker.h and its parts db/link_*.h): tokens, shingles, figure keys,
// the exact check of a pair, and linking through the Store with the real extractor. Every text
// here is made up for these tests.
#include "db/linker.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "db/link_figures.h"
#include "db/link_match.h"
#include "db/link_queries.h"
#include "db/link_signature.h"
#include "db/link_text.h"
#include "db/sqlite_util.h"
#include "db/store.h"
#include "extractor/extractor.h"
#include "tests/temp_files.h"

namespace claimex {
namespace {

namespace fs = std::filesystem;

const NearModel& Model() {
  static const NearModel model = [] {
    auto rules = RuleSet::Load();
    REQUIRE(rules.ok());
    auto m = NearModel::Create(**rules);
    REQUIRE(m.ok());
    return m.value();
  }();
  return model;
}

const LinkLexicon& Lex() {
  static std::shared_ptr<const LinkLexicon> lex = [] {
    auto rules = RuleSet::Load();
    REQUIRE(rules.ok());
    auto l = LinkLexicon::Create(**rules);
    REQUIRE(l.ok());
    return l.value();
  }();
  return *lex;
}

std::vector<LinkToken> Tokens(const std::string& raw) {
  return Lex().Tokenize(NormalizeSentence(raw));
}

TEST_CASE("link tokens: stems, numbers, synonyms and stop words", "[links]") {
  struct Case {
    const char* a;
    const char* b;
    bool same;  // token hash sequences equal
  } const cases[] = {
      {"Officers seized knives", "officer seized knife", true},
      {"the cities", "the city", true},
      {"30,000 people", "30000 people", true},
      {"3.3 officers", "33 officers", false},
      {"20%", "20 per cent", false},  // "per" is a token of its own
      {"rose 20 per cent", "rose 20 percent", false},
      {"212 blades", "212 knives", true},  // link_synonyms.txt
      {"the bus", "the buses", false},     // "bus" is too short to stem, "buses" becomes "buse"
      {"news crisis", "news crisis", true},
      {"under-25s", "under 25 s", true},
      {"three ferries", "3 ferries", true},  // number words from two up are digits
      {"one ferry", "1 ferry", false},       // "one" stays a word (a pronoun as often)
  };
  for (const Case& c : cases) {
    INFO(c.a << " | " << c.b);
    std::vector<uint64_t> x, y;
    for (const LinkToken& t : Tokens(c.a)) x.push_back(t.hash);
    for (const LinkToken& t : Tokens(c.b)) y.push_back(t.hash);
    CHECK((x == y) == c.same);
  }
  // Flags: numbers are numbers, stop words are stop words.
  std::vector<LinkToken> t = Tokens("The force has 2,900 officers");
  REQUIRE(t.size() == 5);
  CHECK(t[0].stop);
  CHECK_FALSE(t[1].stop);
  CHECK(t[3].number);
  CHECK(t[3].hash == Lex().WordHash("2900"));
  CHECK_FALSE(t[4].stop);
  t = Tokens("twenty officers");
  REQUIRE(t.size() == 2);
  CHECK(t[0].number);
  CHECK(t[0].hash == Lex().WordHash("20"));
  CHECK(Lex().WordHash("twenty") == Lex().WordHash("20"));
}

TEST_CASE("link shingles: a shared run of words shares a fingerprint", "[links]") {
  const std::string core =
      "regional transport authority approved twelve electric ferries serving northern harbour "
      "routes";
  struct Case {
    std::string a, b;
    bool shared;
  } const cases[] = {
      {"Yesterday the " + core + ".", "In a vote, the " + core + " after a long debate.", true},
      {core, core, true},
      {"Bakers in the valley sold fresh loaves at dawn markets every weekend.", core, false},
  };
  for (const Case& c : cases) {
    INFO(c.a << " | " << c.b);
    std::vector<uint64_t> x = Winnow(Tokens(c.a)), y = Winnow(Tokens(c.b));
    std::vector<uint64_t> both;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
    CHECK(!both.empty() == c.shared);
  }
  CHECK(Winnow(Tokens("the")).empty());
}

FigureFacts Figure(const char* text, double value, const char* unit, const char* noun = "",
                   const char* qualifier = "exact") {
  FigureInput in;
  in.text = text;
  in.value = value;
  in.unit = unit;
  in.noun = noun;
  in.qualifier = qualifier;
  return MakeFigure(Lex(), in);
}

bool ShareKey(const FigureFacts& a, const FigureFacts& b) {
  for (uint64_t x : FigureKeys(a)) {
    for (uint64_t y : FigureKeys(b)) {
      if (x == y) return true;
    }
  }
  return false;
}

TEST_CASE("link figures: the same figure within its stated precision", "[links]") {
  struct Case {
    const char* what;
    FigureFacts a, b;
    bool same;
  };
  FigureFacts since_2010 = Figure("£40m", 40e6, "GBP");
  since_2010.time_from = "2010";
  FigureFacts since_2012 = since_2010;
  since_2012.time_from = "2012";
  FigureFacts up = Figure("9%", 9, "percent");
  up.change = 1;
  FigureFacts down = up;
  down.change = -1;
  FigureFacts rate = Figure("3.1", 3.1, "count", "officers");
  rate.per_value = 1000;
  const Case cases[] = {
      {"billions and millions", Figure("£3.4bn", 3.4e9, "GBP"), Figure("£3,400m", 3.4e9, "GBP"),
       true},
      {"words", Figure("3.4 billion pounds", 3.4e9, "GBP"), Figure("£3.4bn", 3.4e9, "GBP"), true},
      {"rounded", Figure("1.3 million", 1.3e6, "count", "visitors"),
       Figure("1,312,000", 1312000, "count", "visitors"), true},
      {"approx", Figure("nearly 600", 600, "count", "homes", "approx"),
       Figure("593", 593, "count", "homes"), true},
      {"same number, other noun", Figure("318 bikes", 318, "count", "bikes"),
       Figure("318 arrests", 318, "count", "arrests"), false},
      {"per cent vs years", Figure("15 per cent", 15, "percent"), Figure("15", 15, "year"), false},
      {"millions vs units", Figure("£27m", 27e6, "GBP"), Figure("£27", 27, "GBP"), false},
      {"round number is not a near one", Figure("£2bn", 2e9, "GBP"), Figure("£2.3bn", 2.3e9, "GBP"),
       false},
      {"other figure", Figure("4,100", 4100, "count", "homes"),
       Figure("4,800", 4800, "count", "homes"), false},
      {"more than vs under", Figure("more than 50", 50, "count", "jobs", "gt"),
       Figure("under 50", 50, "count", "jobs", "lt"), false},
      {"rise vs fall", up, down, false},
      {"other period", since_2010, since_2012, false},
      {"rate vs plain count", rate, Figure("3.1", 3.1, "count", "officers"), false},
      {"same rate", rate, rate, true},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(Compatible(c.a, c.b) == c.same);
    CHECK(Compatible(c.b, c.a) == c.same);
    // Regression: compatible figures must meet in the candidate index.
    if (c.same) CHECK(ShareKey(c.a, c.b));
  }
}

Statement MakeStatement(const std::string& raw, std::vector<FigureFacts> figures = {}) {
  Statement s;
  s.tokens = Tokens(raw);
  s.content = ContentSet(s.tokens);
  s.figures = std::move(figures);
  return s;
}

TEST_CASE("link compare: near, figure, quote and what must not link", "[links]") {
  WordWeights w;
  w.SetArticles(1000);
  MatchOptions options;
  options.model = &Model();
  const std::string base =
      "Ferry fares on the northern routes will be frozen until the end of next year, saving a "
      "daily passenger about £290 a year.";
  struct Case {
    const char* what;
    Statement a, b;
    std::optional<LinkKind> kind;
  };
  const Case cases[] = {
      {"a clause added", MakeStatement(base),
       MakeStatement("Ferry fares on the northern routes, cut last spring, will be frozen until "
                     "the end of next year, saving a daily passenger about £290 a year."),
       LinkKind::kNear},
      {"a source clause dropped",
       MakeStatement("Burglary in Eastmoor fell by 9 per cent in the year to June, according to "
                     "the county's annual policing survey."),
       MakeStatement("Burglary in Eastmoor fell by 9 per cent in the year to June."),
       LinkKind::kNear},
      {"a number changed",
       MakeStatement("Burglary in Eastmoor fell by 9 per cent in the year to June."),
       MakeStatement("Burglary in Eastmoor fell by 6 per cent in the year to June."), std::nullopt},
      // Regression: number words were plain words, so "three" against "four" made a near link.
      {"a number word changed",
       MakeStatement("Three people were hurt when the ferry hit the pier at Eastmoor on Sunday."),
       MakeStatement("Four people were hurt when the ferry hit the pier at Eastmoor on Sunday."),
       std::nullopt},
      {"a number word and its digits",
       MakeStatement("Three people were hurt when the ferry hit the pier at Eastmoor on Sunday."),
       MakeStatement("3 people were hurt when the ferry hit the pier at Eastmoor on Sunday."),
       LinkKind::kNear},
      // Regression: numbers were compared as sets, so a repeated one hid a changed one.
      {"a repeated number, one of them changed",
       MakeStatement("Ticket sales rose 4 per cent in May and 4 per cent in June at Eastmoor."),
       MakeStatement("Ticket sales rose 5 per cent in May and 4 per cent in June at Eastmoor."),
       std::nullopt},
      {"same topic, other statement",
       MakeStatement("The mayor visited the new ferry terminal on Tuesday with harbour staff."),
       MakeStatement("Ferry passengers complained about delays at the terminal this winter."),
       std::nullopt},
      {"figure restated with support",
       MakeStatement("Since 2012 the county's road maintenance grant has been cut by £31 million.",
                     {Figure("£31 million", 31e6, "GBP")}),
       MakeStatement("Councillors said the county had lost £31m of road maintenance grant.",
                     {Figure("£31m", 31e6, "GBP")}),
       LinkKind::kFigure},
      {"same figure, nothing else shared",
       MakeStatement("Since 2012 the county's road maintenance grant has been cut by £31 million.",
                     {Figure("£31 million", 31e6, "GBP")}),
       MakeStatement("A £31m sports hall will open beside the river next spring.",
                     {Figure("£31m", 31e6, "GBP")}),
       std::nullopt},
      {"same number, different counted thing",
       MakeStatement("Wardens removed 318 abandoned bikes from the station streets.",
                     {Figure("318 abandoned bikes", 318, "count", "bikes")}),
       MakeStatement("Wardens made 318 arrests on the station streets.",
                     {Figure("318 arrests", 318, "count", "arrests")}),
       std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    std::optional<Verdict> v = Compare(c.a, c.b, w, options);
    REQUIRE(v.has_value() == c.kind.has_value());
    if (v) {
      CHECK(v->kind == *c.kind);
      CHECK(v->score > 0);
      CHECK(v->score <= 1);
    }
  }
  // The same quote in the same mouth links as a quote, another speaker's does not.
  Statement q1 = MakeStatement("\"We will keep every ferry running this winter,\" she said.");
  Statement q2 =
      MakeStatement("Ms Dunmore said: \"We will keep every ferry running this winter.\"");
  q1.quote = Tokens("We will keep every ferry running this winter");
  q2.quote = q1.quote;
  q1.speaker = q2.speaker = "ada dunmore";
  std::optional<Verdict> v = Compare(q1, q2, w, options);
  REQUIRE(v);
  CHECK(v->kind == LinkKind::kQuote);
  q2.speaker = "ben olsen";
  v = Compare(q1, q2, w, options);
  CHECK((!v || v->kind != LinkKind::kQuote));
}

// --- linking through the store --------------------------------------------------------------

using testing::TempDb;

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    auto e = Extractor::Create({});
    REQUIRE(e.ok());
    return std::move(e.value());
  }();
  return *ex;
}

std::unique_ptr<Store> Open(const std::string& path) {
  Store::Options o;
  o.path = path;
  auto s = Store::Open(o);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(s.value());
}

void Put(Store& store, const std::string& id, const std::string& body,
         const std::string& published = "", const std::string& source = "") {
  Article a;
  a.id = id;
  a.body = body;
  a.published = published;
  a.source = source;
  a.encoding = "UTF-8";
  auto ex = TheExtractor().Extract(a);
  REQUIRE(ex.ok());
  auto r = store.Put(a, *ex);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
}

struct Found {
  std::string a, b, kind, a_text, b_text;
};

std::vector<Found> AllLinks(Store& store) {
  REQUIRE(store.Commit().ok());
  auto st = Stmt::Prepare(store.handle(),
                          "SELECT aa.ext_id, ba.ext_id, l.kind, sa.text, sb.text FROM links l "
                          "JOIN articles aa ON aa.id = l.a_article JOIN articles ba ON ba.id = "
                          "l.b_article JOIN sentences sa ON sa.id = l.a_sentence "
                          "JOIN sentences sb ON sb.id = l.b_sentence ORDER BY l.id");
  REQUIRE(st.ok());
  std::vector<Found> out;
  for (;;) {
    auto r = st->Step();
    REQUIRE(r.ok());
    if (!*r) break;
    out.push_back({st->Text(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4)});
  }
  return out;
}

bool Linked(const std::vector<Found>& links, const std::string& a_has, const std::string& b_has) {
  for (const Found& f : links) {
    if (f.a_text.find(a_has) != std::string::npos && f.b_text.find(b_has) != std::string::npos)
      return true;
    if (f.b_text.find(a_has) != std::string::npos && f.a_text.find(b_has) != std::string::npos)
      return true;
  }
  return false;
}

const char kAbout[] =
    "About Eastmoor Fire Service\n\nEastmoor Fire Service covers 620 square kilometres and "
    "around 410,000 residents from 14 stations, answering an average of 85 emergency calls a "
    "day.";

TEST_CASE("linker: recycled statements link, traps do not", "[links]") {
  TempDb db;
  auto store = Open(db.path);
  // The later-published article is stored first: side a still goes to the earlier one.
  Put(*store, "later",
      "Eastmoor Fire Service said it had fitted 1,450 free smoke alarms in older residents' "
      "homes since April.\n\n"
      "Ferry fares on the northern routes, cut last spring, will be frozen until the end of next "
      "year, saving a daily passenger about £290 a year.\n\n"
      "Firefighters also removed 318 abandoned bikes from stairwells in tower blocks.\n\n" +
          std::string(kAbout),
      "2024-06-02", "Eastmoor Fire Service");
  Put(*store, "earlier",
      "Ferry fares on the northern routes will be frozen until the end of next year, saving a "
      "daily passenger about £290 a year.\n\n"
      "Crews have fitted 1,450 free smoke alarms in the homes of older residents, the fire "
      "service said.\n\n"
      "Police made 318 arrests in the harbour district over the summer.\n\n" +
          std::string(kAbout),
      "2024-05-20", "Eastmoor Fire Service");
  std::vector<Found> links = AllLinks(*store);
  CHECK(Linked(links, "Ferry fares on the northern routes will", "cut last spring"));
  CHECK(Linked(links, "1,450 free smoke alarms in the homes", "1,450 free smoke alarms in older"));
  for (const Found& f : links) {
    INFO(f.kind << ": " << f.a_text << " ~ " << f.b_text);
    CHECK(f.a == "earlier");                           // by published date, not ingest order
    CHECK(f.a_text.find("318") == std::string::npos);  // bikes are not arrests
    CHECK(f.a_text.find("square kilometres") == std::string::npos);  // outlet boilerplate
  }
  // The boilerplate wording stays unlinked wherever it appears later.
  Put(*store, "third",
      "Eastmoor Fire Service covers 620 square kilometres and around 410,000 residents from 14 "
      "stations, answering an average of 85 emergency calls a day.",
      "2024-07-01", "Eastmoor Gazette");
  for (const Found& f : AllLinks(*store)) CHECK(f.b != "third");
}

TEST_CASE("linker: the date window and article replacement", "[links]") {
  const std::string statement =
      "The harbour board agreed to dredge the eastern channel to a depth of 14 metres.";
  TempDb db;
  {
    auto store = Open(db.path);
    REQUIRE(store->Commit().ok());
    REQUIRE(
        ExecSql(store->handle(), "UPDATE link_settings SET value = 30 WHERE name = 'window_days'")
            .ok());
  }
  auto store = Open(db.path);  // settings are read when the store opens
  Put(*store, "jan", statement, "2024-01-05");
  Put(*store, "feb", "Opening words. " + statement, "2024-01-30");
  Put(*store, "dec", statement + " Closing words.", "2024-12-01");
  std::vector<Found> links = AllLinks(*store);
  REQUIRE(links.size() == 1);
  CHECK(links[0].a == "jan");
  CHECK(links[0].b == "feb");
  CHECK(links[0].kind == "verbatim");
  // Replacing an article drops its links; the postings it leaves behind make no link.
  Put(*store, "feb", "Something unrelated was said about the weather today.", "2024-01-30");
  CHECK(AllLinks(*store).empty());
  Put(*store, "mar", "Opening words again. " + statement, "2024-01-25");
  links = AllLinks(*store);
  REQUIRE(links.size() == 1);
  CHECK(links[0].a == "jan");
  CHECK(links[0].b == "mar");
}

TEST_CASE("linker: common keys are capped, so candidates stay bounded", "[links]") {
  TempDb db;
  auto store = Open(db.path);
  // 80 articles share one figure and one phrase but say different things otherwise.
  for (int i = 0; i < 80; ++i) {
    Put(*store, "n" + std::to_string(i),
        "Volunteers in parish " + std::to_string(1000 + i) + " planted 500 trees along lane " +
            std::to_string(i * 7 + 3) + " this week.");
  }
  REQUIRE(store->Commit().ok());
  auto capped = Stmt::Prepare(store->handle(), "SELECT count(*), max(n) FROM link_key_counts");
  REQUIRE(capped.ok());
  REQUIRE(*capped->Step());
  CHECK(capped->Int(0) > 0);  // the shared figure and shingles went over the cap
  auto biggest = Stmt::Prepare(store->handle(),
                               "SELECT max(c) FROM (SELECT count(*) AS c FROM link_keys GROUP BY "
                               "key)");
  REQUIRE(biggest.ok());
  REQUIRE(*biggest->Step());
  CHECK(biggest->Int(0) <= 64);
}

TEST_CASE("linker: recycled figures and links of an article, as queried", "[links]") {
  TempDb db;
  {
    auto store = Open(db.path);
    // Both also carry one statement word for word, with a small count and a vague range: the
    // statement links, but "two versions" and "thousands of residents" are no recycled figures.
    const std::string copied =
        "\n\nThe council will merge the two versions of the plan before thousands of residents "
        "vote in Eastmoor.";
    Put(*store, "first",
        "Since 2012 the county's road maintenance grant has been cut by £31 million, the "
        "council said." +
            copied,
        "2023-02-01");
    Put(*store, "second",
        "Councillor Ada Dunmore said the county had lost £31m of its road maintenance grant "
        "since 2012." +
            copied,
        "2023-03-15");
    REQUIRE(store->Commit().ok());
  }
  Store::Options o;
  o.path = db.path;
  o.read_only = true;
  auto store = Store::Open(o);
  REQUIRE(store.ok());
  std::vector<RecycledFigure> figures;
  REQUIRE(RecycledFigures(**store, {}, &figures).ok());
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].unit == "GBP");
  CHECK(figures[0].articles == 2);
  CHECK(figures[0].first.article == "first");
  CHECK(figures[0].last.article == "second");
  std::vector<LinkedStatement> statements;
  REQUIRE(ArticleLinks(**store, "second", false, &statements).ok());
  REQUIRE(statements.size() == 2);
  CHECK(statements[1].links.size() == 1);  // the copy: verbatim
  REQUIRE(statements[0].links.size() == 1);
  CHECK(statements[0].links[0].other_is_source);
  CHECK(statements[0].links[0].article == "first");
  CHECK(ArticleLinks(**store, "missing", false, &statements).code() == Status::Code::kNotFound);
}

// Regression: the linker counts word frequencies in memory and writes them when a batch commits
// (schema 4); another connection writing in between must not make it write stale counts back.
TEST_CASE("linker: word counts stay exact when two stores take turns", "[links]") {
  TempDb db;
  const std::string body = "The lighthouse keepers counted 47 seabirds nesting on the cliffs.";
  auto first = Open(db.path);
  Put(*first, "one", body, "2024-03-01");
  REQUIRE(first->Commit().ok());
  {
    auto second = Open(db.path);
    Put(*second, "two", body, "2024-03-02");
    REQUIRE(second->Commit().ok());
  }
  Put(*first, "three", body, "2024-03-03");
  REQUIRE(first->Commit().ok());
  auto most = Stmt::Prepare(first->handle(), "SELECT max(n), min(n) FROM link_words");
  REQUIRE(most.ok());
  REQUIRE(*most->Step());
  CHECK(most->Int(0) == 3);  // every word of the statement is in all three articles
  CHECK(most->Int(1) == 3);
}

// Regression (ingest --jobs N): Store::Prepare runs on the extraction threads and hands the
// writer its article as bytes; the bytes decode to what was encoded, a cut copy is refused, a
// statement rebuilt with its prepared derived fields equals one rebuilt from its signature
// alone, and linking from bytes prepared on another thread gives the same links as Put alone.
TEST_CASE("linker: prepared articles cross threads as bytes", "[links]") {
  struct Case {
    const char* id;
    const char* published;
    const char* body;
  } const cases[] = {
      {"p1", "2024-05-01",
       "Harbour officials said 3,200 cargo containers were checked at Northgate docks in May. "
       "\"We expect the new cranes to double that,\" said port director Lina Marsh."},
      {"p2", "2024-05-03",
       "Port director Lina Marsh said 3,200 cargo containers were checked at Northgate docks "
       "in May, up 12% on April.\n\nAbout Northgate Port Authority\n\nThe authority runs "
       "four docks."},
      {"p3", "2024-05-04", "Short line."},
      {"p4", "2024-05-06",
       "\"We expect the new cranes to double that,\" said port director Lina Marsh on Monday."},
  };
  TempDb plain_db, threaded_db;
  auto plain = Open(plain_db.path);
  auto threaded = Open(threaded_db.path);
  for (const Case& c : cases) {
    INFO(c.id);
    Article a;
    a.id = c.id;
    a.body = c.body;
    a.published = c.published;
    a.encoding = "UTF-8";
    auto ex = TheExtractor().Extract(a);
    REQUIRE(ex.ok());
    std::string bytes;
    std::thread worker([&] { threaded->Prepare(a, *ex, &bytes); });
    worker.join();
    REQUIRE(bytes.size() > 16);  // the content hash, then the prepared article

    const std::string_view encoded = std::string_view(bytes).substr(16);
    Linker::PreparedArticle p;
    REQUIRE(DecodePrepared(encoded, &p));
    CHECK(p.sentences.size() == ex->sentences.size());
    std::string again;
    EncodePrepared(p, &again);
    CHECK(again == encoded);
    for (size_t cut = 0; cut < encoded.size(); ++cut) {
      Linker::PreparedArticle q;
      if (DecodePrepared(encoded.substr(0, cut), &q)) FAIL("a prefix of " << cut << " decoded");
    }
    for (const Linker::PreparedSentence& s : p.sentences) {
      if (s.sig.empty()) continue;
      Statement alone, with_derived;
      REQUIRE(DecodeStatement(s.sig, &alone));
      REQUIRE(DecodeStatement(s.sig, s.derived, &with_derived));
      CHECK(alone.content == with_derived.content);
      REQUIRE(alone.distinct.size() == with_derived.distinct.size());
      for (size_t k = 0; k < alone.distinct.size(); ++k) {
        CHECK(alone.distinct[k].hash == with_derived.distinct[k].hash);
        CHECK(alone.distinct[k].stop == with_derived.distinct[k].stop);
      }
      CHECK(alone.tokens.size() == with_derived.tokens.size());
      CHECK(alone.figures.size() == with_derived.figures.size());
      CHECK(alone.speaker == with_derived.speaker);
    }

    auto put = plain->Put(a, *ex);
    REQUIRE(put.ok());
    auto put_prepared = threaded->Put(a, *ex, bytes);
    REQUIRE(put_prepared.ok());
    CHECK(*put == *put_prepared);
  }
  std::vector<Found> want = AllLinks(*plain), got = AllLinks(*threaded);
  CHECK_FALSE(want.empty());
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CHECK(got[i].a == want[i].a);
    CHECK(got[i].b == want[i].b);
    CHECK(got[i].kind == want[i].kind);
    CHECK(got[i].b_text == want[i].b_text);
  }
  // Bytes that are not a prepared article are refused before anything is written.
  Article a;
  a.id = "p9";
  a.body = "Some other text about the harbour cranes and their crews today.";
  auto ex = TheExtractor().Extract(a);
  REQUIRE(ex.ok());
  CHECK_FALSE(threaded->Put(a, *ex, "short").ok());
  std::string bytes;
  threaded->Prepare(a, *ex, &bytes);
  CHECK_FALSE(threaded->Put(a, *ex, bytes.substr(0, bytes.size() - 1)).ok());
  CHECK(threaded->Put(a, *ex, bytes).ok());
}

// Regression (schema 6): postings through link_keys_recent, merged into link_keys now and then,
// make the same links as postings straight into link_keys; only the speed may differ.
TEST_CASE("linker: two-level postings make the same links", "[links]") {
  struct Case {
    const char* what;
    int recent_from;     // link_settings rows; -1: none (the defaults)
    int merge_postings;  // ignored when recent_from is -1
    bool recent_left;    // postings are left in link_keys_recent at the end
  } const cases[] = {
      {"defaults: straight into link_keys", -1, 0, false},
      {"always recent, never merged", 0, 1000000, true},
      {"always recent, merged every few postings", 0, 3, false},
      {"recent from the third article on", 2, 1000, true},
  };
  const char* bodies[] = {
      "Harbour officials said 3,200 cargo containers were checked at Northgate docks in May.",
      "Port director Lina Marsh said 3,200 cargo containers were checked at Northgate docks in "
      "May, up 12% on April.",
      "The new cranes at Northgate docks cost £14 million and arrived by sea from Rotterdam.",
      "Northgate docks took delivery of new cranes costing £14m, shipped from Rotterdam.",
      "A ferry strike closed the southern terminal for two days last week, the union said.",
      "The union said a ferry strike had closed the southern terminal for two days last week.",
      "\"We expect the new cranes to double that,\" said port director Lina Marsh on Monday.",
      "Lina Marsh added: \"We expect the new cranes to double that.\"",
  };
  std::vector<Found> expected;
  for (const Case& c : cases) {
    INFO(c.what);
    TempDb db;
    Store::Options o;
    o.path = db.path;
    o.batch_articles = 2;  // postings are flushed (and merged) every two articles
    {
      auto store = Store::Open(o);
      REQUIRE(store.ok());
      if (c.recent_from >= 0) {
        const std::string sql = "INSERT INTO link_settings (name, value) VALUES ('recent_from', " +
                                std::to_string(c.recent_from) + "), ('merge_postings', " +
                                std::to_string(c.merge_postings) + ")";
        REQUIRE(ExecSql((*store)->handle(), sql).ok());
      }
    }
    auto store = Store::Open(o);
    REQUIRE(store.ok());
    int n = 0;
    for (const char* body : bodies) Put(**store, "d" + std::to_string(++n), body, "2024-06-01");
    std::vector<Found> links = AllLinks(**store);
    auto recent = Stmt::Prepare((*store)->handle(), "SELECT count(*) FROM link_keys_recent");
    REQUIRE(recent.ok());
    REQUIRE(*recent->Step());
    CHECK((recent->Int(0) > 0) == c.recent_left);
    if (c.recent_from < 0) {
      expected = links;
      CHECK(expected.size() >= 3);
      continue;
    }
    REQUIRE(links.size() == expected.size());
    for (size_t i = 0; i < links.size(); ++i) {
      CHECK(links[i].a == expected[i].a);
      CHECK(links[i].b == expected[i].b);
      CHECK(links[i].kind == expected[i].kind);
    }
  }
}

}  // namespace
}  // namespace claimex

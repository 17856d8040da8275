// Tests for the query layer (db/query_*.h), the views and full-text index of migration 002, and
// the query commands (who, figures, search, show, export) end to end on a small database built
// from our own text (tests/query_fixture.h).
#include <sqlite3.h>
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "db/query_article.h"
#include "db/query_search.h"
#include "db/query_speakers.h"
#include "tests/query_fixture.h"

namespace claimex {
namespace {

using namespace claimex::testing;

std::string Column(const Table& t, std::string_view col) {
  std::string out;
  for (size_t r = 0; r < t.size(); ++r) out += (r ? "|" : "") + t.Text(r, col);
  return out;
}

TEST_CASE("recycled figures: same value, unit and noun (any case) in two articles", "[queries]") {
  QueryDb db;
  BuildQueryDb(db.path);
  auto store = OpenQueryDb(db.path);
  auto t = RecycledFigures(store->handle(), {});
  INFO(t.status().ToString());
  REQUIRE(t.ok());
  REQUIRE(t->size() == 1);
  CHECK(t->Text(0, "value") == "300");
  CHECK(t->Text(0, "unit") == "count");
  CHECK(t->Text(0, "noun_key") == "buses");
  CHECK(t->Int(0, "articles") == 2);
  CHECK(t->Int(0, "statements") == 3);
  CHECK(t->Text(0, "first_article") == "harbour-a");
  CHECK(t->Text(0, "first_seen") == "2024-01-10");
  CHECK(t->Text(0, "last_seen") == "2024-02-01");
  CHECK(t->Text(0, "first_said_by") == "Ada Lovell");

  auto statements = FigureStatements(store->handle(), {300, "count", "buses"});
  REQUIRE(statements.ok());
  // First seen first; within an article in body order.
  CHECK(Column(*statements, "article") == "harbour-a|harbour-b|harbour-b");
  CHECK(Column(*statements, "said_by") == "Ada Lovell|Transport Office|Ada Lovell");
}

TEST_CASE("figure filters: article, unit, speaker, date range", "[queries]") {
  QueryDb db;
  BuildQueryDb(db.path);
  auto store = OpenQueryDb(db.path);
  struct Row {
    FigureFilter filter;
    std::string texts;  // the figures found, in order
  };
  const Row rows[] = {
      {{}, "300|20 per cent|5p|300|£12 million|300|8 per cent"},  // undated article last
      {{{"harbour-c"}, "", "", "", "", 0}, "8 per cent"},
      {{{}, "GBP", "", "", "", 0}, "£12 million"},
      {{{}, "", "lovell", "", "", 0}, "300|20 per cent|300"},
      {{{}, "", "TRANSPORT", "", "", 0}, "300"},
      {{{}, "", "", "2024-02", "", 0}, "300|£12 million|300"},
      {{{}, "", "", "", "2024-01", 0}, "300|20 per cent|5p"},
      {{{}, "", "", "2024", "2024", 0}, "300|20 per cent|5p|300|£12 million|300"},
      {{{}, "percent", "", "", "", 1}, "20 per cent"},
  };
  for (const Row& row : rows) {
    auto t = Figures(store->handle(), row.filter);
    INFO(t.status().ToString());
    REQUIRE(t.ok());
    CHECK(Column(*t, "text") == row.texts);
  }
  FigureFilter bad;
  bad.since = "2024-1";
  CHECK(Figures(store->handle(), bad).status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("who said what: speakers and sources, one speaker's statements", "[queries]") {
  QueryDb db;
  BuildQueryDb(db.path);
  auto store = OpenQueryDb(db.path);
  auto t = Speakers(store->handle(), {});
  REQUIRE(t.ok());
  REQUIRE(t->size() == 3);
  CHECK(t->Text(0, "name") == "Ada Lovell");
  CHECK(t->Int(0, "quotes") == 1);
  CHECK(t->Int(0, "figures") == 3);
  CHECK(t->Int(0, "articles") == 2);
  CHECK(t->Text(0, "first_seen") == "2024-01-10");
  CHECK(Column(*t, "via") == "speaker|speaker|source");  // Ben Okoro, then Transport Office

  struct Resolve {
    std::string asked;
    Status::Code code;
    std::string name;
  };
  const Resolve cases[] = {
      {"ada lovell", Status::Code::kOk, "Ada Lovell"},
      {"Okoro", Status::Code::kOk, "Ben Okoro"},
      {"nobody", Status::Code::kNotFound, ""},
      {"o", Status::Code::kInvalidArgument, ""},  // several names hold an 'o'
  };
  for (const Resolve& c : cases) {
    auto name = ResolveSpeaker(store->handle(), c.asked);
    INFO(c.asked);
    CHECK(name.status().code() == c.code);
    if (name.ok()) CHECK(*name == c.name);
  }

  auto said = SpeakerStatements(store->handle(), "Ada Lovell", {});
  REQUIRE(said.ok());
  // In date order, then body order: "300" comes before the quote in harbour-a.
  CHECK(Column(*said, "kind") == "figure|quote|figure|figure");
  CHECK(said->Text(1, "text") == "We will cut waiting times by 20 per cent,");
  CHECK(said->Text(1, "sentence").find("Ms Lovell said.") != std::string::npos);
}

TEST_CASE("search: FTS5 over sentences, stemmed, marked; bad syntax is a clear error",
          "[queries]") {
  QueryDb db;
  BuildQueryDb(db.path);
  auto store = OpenQueryDb(db.path);
  struct Row {
    std::string query;
    bool figures_only;
    std::string articles;  // matching sentences' articles, best first ("" = none)
  };
  const Row rows[] = {
      {"ridership", true, "harbour-c"},
      {"cuts", false, "harbour-a"},  // porter stemming: "cuts" finds "cut"
      {"\"new buses\" NOT mayor", true, "harbour-b"},
      {"critics OR ridership", true, "harbour-b|harbour-c"},
      {"fares", true, "harbour-a"},
      {"plan", true, "harbour-b"},
      {"lovell", true, "harbour-a|harbour-a|harbour-b"},
      {"zebra", false, ""},
  };
  for (const Row& row : rows) {
    SearchOptions so;
    so.figures_only = row.figures_only;
    auto t = Search(store->handle(), row.query, so);
    INFO(row.query << ": " << t.status().ToString());
    REQUIRE(t.ok());
    // Equal ranks may come in any order: compare the sorted lists.
    std::vector<std::string> got, want;
    for (size_t r = 0; r < t->size(); ++r) got.push_back(t->Text(r, "article"));
    std::stringstream ss(row.articles);
    for (std::string a; std::getline(ss, a, '|');) want.push_back(a);
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    CHECK(got == want);
  }
  SearchOptions marked;
  marked.mark_open = "[";
  marked.mark_close = "]";
  auto t = Search(store->handle(), "ridership", marked);
  REQUIRE(t.ok());
  REQUIRE(t->size() == 1);
  CHECK(t->Text(0, "sentence") == "Rail [ridership] fell by 8 per cent last year, said Ben Okoro.");
  CHECK(t->Text(0, "figures") == "8 per cent");

  for (std::string bad : {"\"unbalanced", "AND", "nosuchcolumn: word", "   "}) {
    auto e = Search(store->handle(), bad, {});
    INFO(bad);
    CHECK(e.status().code() == Status::Code::kInvalidArgument);
    CHECK(e.status().message().rfind("bad search query", 0) == 0);
  }
}

// Regression: the full-text index follows articles that are replaced (triggers on sentences,
// fired by the cascade delete).
TEST_CASE("search index follows a replaced article", "[queries]") {
  QueryDb db;
  BuildQueryDb(db.path);
  {
    Store::Options o;
    o.path = db.path;
    auto store = Store::Open(o);
    REQUIRE(store.ok());
    auto [a, ex] = ArticleC();
    a.body = "Tram ridership rose by 9 per cent, said Ben Okoro.";
    ex.sentences = SplitSentences(a.body);
    ex.claims[0] = Figure(a.body, ex, "9 per cent", 9, "percent", "", 0);
    auto put = (*store)->Put(a, ex);
    REQUIRE(put.ok());
    CHECK(*put == Store::PutOutcome::kReplaced);
    REQUIRE((*store)->Commit().ok());
  }
  auto store = OpenQueryDb(db.path);
  CHECK(Search(store->handle(), "rail", {})->empty());
  auto t = Search(store->handle(), "tram", {});
  REQUIRE(t.ok());
  REQUIRE(t->size() == 1);
  CHECK(t->Text(0, "figures") == "9 per cent");
  // FTS5's own consistency check of the index against the sentences table.
  sqlite3* rw = nullptr;
  REQUIRE(sqlite3_open(db.path.c_str(), &rw) == SQLITE_OK);
  CHECK(sqlite3_exec(
            rw, "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)",
            nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(rw);
}

// Renders marks as brackets: [figure], <quote>, {speaker}.
class Brackets : public MarkWalker {
 public:
  void Text(std::string_view t) override {
    out += t;
    plain += t;
  }
  void Open(const ArticleView::Mark& m) override { out += Sign(m, true); }
  void Close(const ArticleView::Mark& m) override { out += Sign(m, false); }
  void Point(uint32_t pos) override { out += "|"; }
  static std::string Sign(const ArticleView::Mark& m, bool open) {
    switch (m.kind) {
      case ArticleView::MarkKind::kFigure:
        return open ? "[" : "]";
      case ArticleView::MarkKind::kQuote:
        return open ? "<" : ">";
      case ArticleView::MarkKind::kSpeaker:
        return open ? "{" : "}";
    }
    return "";
  }
  std::string out, plain;
};

TEST_CASE("article view: figures, quotes and speakers marked, nested, with where else",
          "[queries]") {
  QueryDb db;
  BuildQueryDb(db.path);
  auto store = OpenQueryDb(db.path);
  auto v = LoadArticle(store->handle(), "harbour-a");
  INFO(v.status().ToString());
  REQUIRE(v.ok());
  CHECK(v->date == "2024-01-10");
  Brackets b;
  WalkMarks(*v, {0}, &b);
  CHECK(b.plain == kBodyA);  // the text comes through whole
  CHECK(b.out ==
        "|The Mayor, {Ada Lovell}, promised [300] new buses for the city. \"<We will cut waiting "
        "times by [20 per cent],>\" {Ms Lovell} said.\n\nFares will rise by [5p] in April.");
  int figures = 0;
  for (const auto& m : v->marks) {
    if (m.kind != ArticleView::MarkKind::kFigure) continue;
    ++figures;
    // Only "300 buses" is stated elsewhere (in harbour-b).
    CHECK(m.elsewhere == (v->body.substr(m.span.start, m.span.size()) == "300" ? 1 : 0));
  }
  CHECK(figures == 3);
  // The first sentence is repeated verbatim in harbour-b.
  REQUIRE_FALSE(v->elsewhere.empty());
  bool verbatim = false;
  for (const auto& e : v->elsewhere) {
    if (e.kind == "verbatim" && e.sentence_idx == 0 && e.article == "harbour-b") verbatim = true;
  }
  CHECK(verbatim);

  CHECK(LoadArticle(store->handle(), "nope").status().code() == Status::Code::kNotFound);
}

TEST_CASE("views answer the documented questions", "[queries]") {
  QueryDb db;
  BuildQueryDb(db.path);
  auto store = OpenQueryDb(db.path);
  struct Row {
    std::string sql;
    std::string expected;  // first column of every row, '|'-joined
  };
  const Row rows[] = {
      {"SELECT speaker FROM who_said_what WHERE kind = 'quote'", "Ada Lovell"},
      {"SELECT text FROM figures WHERE unit = 'percent' ORDER BY value", "8 per cent|20 per cent"},
      {"SELECT unit || ':' || figures FROM figures_by_unit ORDER BY unit",
       "GBP:1|GBX:1|count:3|percent:2"},
      {"SELECT articles FROM recycled_figures", "2"},
      {"SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'buses'", "3"},
  };
  for (const Row& row : rows) {
    auto t = RunQuery(store->handle(), row.sql, {});
    INFO(row.sql << ": " << t.status().ToString());
    REQUIRE(t.ok());
    std::string got;
    for (size_t r = 0; r < t->size(); ++r) got += (r ? "|" : "") + CellText(t->rows[r][0]);
    CHECK(got == row.expected);
  }
}

// --- the commands, end to end -----------------------------------------------------------------

struct Run {
  int code = -1;
  std::string out, err;
};

Run Claimex(const std::string& args) {
  namespace fs = std::filesystem;
  static int n = 0;
  fs::path dir = fs::temp_directory_path();
  fs::path out =
      dir / ("claimex_queries_out_" + std::to_string(getpid()) + "_" + std::to_string(n));
  fs::path err =
      dir / ("claimex_queries_err_" + std::to_string(getpid()) + "_" + std::to_string(n++));
  std::string cmd = std::string(CLAIMEX_BINARY) + " " + args + " </dev/null >" + out.string() +
                    " 2>" + err.string();
  int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  r.out = slurp(out);
  r.err = slurp(err);
  std::error_code ec;
  fs::remove(out, ec);
  fs::remove(err, ec);
  return r;
}

TEST_CASE("query commands: tables, jsonl/csv/tsv, one-line errors", "[queries]") {
  QueryDb db;
  BuildQueryDb(db.path);
  const std::string d = " --db '" + db.path + "'";
  struct Row {
    std::string args;
    int code;
    std::string out_has;   // a substring of stdout ("" = none checked)
    std::string err_has;   // a substring of stderr
    bool one_line = true;  // a failure is one line on stderr (CLI11's own usage errors add a hint)
  };
  const Row rows[] = {
      {"who" + d, 0, "Ada Lovell", ""},
      {"who lovell --format csv" + d, 0,
       "date,article,title,kind,detail,text,value,unit,sentence,via,start_byte,end_byte\n", ""},
      {"who nobody" + d, 2, "", "no speaker matches 'nobody'"},
      {"search ridership --format tsv" + d, 0, "\tRail ridership fell by 8 per cent", ""},
      {"search '\"open' " + d, 2, "", "bad search query"},
      {"show harbour-a --color never" + d, 0, "[300]F1 new buses", ""},
      {"show harbour-a --format jsonl" + d, 0, "\"tag\":\"F1\",\"kind\":\"figure\"", ""},
      {"show nope" + d, 2, "", "no article 'nope'"},
      {"who --db /nonexistent/claims.db", 2, "", "database not found"},
      {"export --format csv --table figures --speaker okoro" + d, 0, "8 per cent", ""},
      {"export --article harbour-c" + d, 0, "\"article\":\"harbour-c\"", ""},
      {"export --since 2025" + d, 0, "", ""},
      {"export --since 20245" + d, 2, "", "bad date", false},
  };
  for (const Row& row : rows) {
    Run r = Claimex(row.args);
    INFO(row.args << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.code == row.code);
    if (!row.out_has.empty()) CHECK(r.out.find(row.out_has) != std::string::npos);
    if (!row.err_has.empty()) CHECK(r.err.find(row.err_has) != std::string::npos);
    if (row.code != 0 && row.one_line) {
      // One clear line.
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
  }
  // jsonl rows parse, with numbers as numbers.
  Run r = Claimex("export --format jsonl --table figures --unit GBP" + d);
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  CHECK(j["value"] == 12000000);
  CHECK(j["article"] == "harbour-b");
  // The filtered contract export holds only the chosen article and no link to an article left
  // out... and the unfiltered one has the verbatim link.
  Run one = Claimex("export --article harbour-c" + d);
  CHECK(one.out.find("harbour-a") == std::string::npos);
  Run all = Claimex("export" + d);
  CHECK(all.out.find("\"verbatim\"") != std::string::npos);
}

}  // namespace
}  // namespace claimex

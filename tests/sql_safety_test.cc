// SQL safety: articles whose ids, titles, sources, urls and bodies hold SQL, quote marks, SQL
// parameter markers and control characters are stored as data and read back unchanged, through
// Store::ForEachArticle and through `claimex ingest` + `claimex export`. The schema survives.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "db/store.h"
#include "extractor/extractor.h"
#include "tests/temp_files.h"

namespace claimex {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

// Strings that would change a statement if SQL were built from them. Each becomes an id (with
// a suffix to keep ids unique), a title, a source, a url and a piece of a body.
const std::vector<std::string> kHostile = {
    "x'); DROP TABLE articles; --",
    "Robert'); DELETE FROM claims WHERE ('1'='1",
    "\" OR 1=1 --",
    "' OR ''='",
    "''''''''",
    "\"\"\"\"",
    "semicolon; SELECT * FROM sqlite_master; PRAGMA writable_schema=1;",
    "ATTACH DATABASE 'claimex_sql_safety_attached.db' AS evil; --",
    "?1 ?2 ?999 :name @x $y ?",
    "/* comment */ -- trailing comment",
    "100% _under_ \\backslash\\ LIKE '%'",
    "`backticks` [brackets] {braces}",
    "NULL",
    "control \x01\x02\x07\x08\x0b\x0c\x1b[31m\x7f chars",
    "tab\there, CR\rhere, LF\nhere",
    "curly \xE2\x80\x9Cquotes\xE2\x80\x9D and \xE2\x80\x98single\xE2\x80\x99 and \xC2\xAB\xC2\xBB",
    "emoji \xF0\x9F\x98\x80 and Zw\xC3\xB6lf \xE6\x97\xA5\xE6\x9C\xAC",
    "fts: \"unterminated AND OR NOT NEAR( * ^ col:x",
};

Article HostileArticle(size_t i) {
  const std::string& s = kHostile[i];
  Article a;
  a.id = s + " #" + std::to_string(i);
  a.title = s;
  a.source = s;
  a.url = "https://example.org/?q=" + s;
  a.body = "Officials said costs rose 5% to 12 million in 2021. They wrote: " + s +
           "\n\nAnother paragraph says 40 schools closed, " + s + ".";
  a.encoding = "UTF-8";
  a.origin = "sql_safety:" + std::to_string(i);
  return a;
}

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    auto created = Extractor::Create({});
    REQUIRE(created.ok());
    return std::move(created.value());
  }();
  return *ex;
}

// The table names in the database's schema (to see that nothing was dropped or added), leaving
// out SQLite's own statistics tables (PRAGMA optimize makes sqlite_stat1).
std::set<std::string> Tables(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(
      sqlite3_prepare_v2(
          db,
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%'",
          -1, &st, nullptr) == SQLITE_OK);
  std::set<std::string> names;
  while (sqlite3_step(st) == SQLITE_ROW) {
    names.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return names;
}

TEST_CASE("sql safety: hostile strings round-trip through the store unchanged", "[sql_safety]") {
  TempDir dir;
  const std::string db = (dir.path / "claims.db").string();
  std::vector<Article> in;
  std::vector<Extraction> extracted;
  std::set<std::string> tables_before;
  {
    Store::Options options;
    options.path = db;
    options.batch_articles = 4;  // several batches
    auto store = Store::Open(options);
    REQUIRE(store.ok());
    tables_before = Tables(db);
    for (size_t i = 0; i < kHostile.size(); ++i) {
      in.push_back(HostileArticle(i));
      auto ex = TheExtractor().Extract(in.back());
      REQUIRE(ex.ok());
      extracted.push_back(*ex);
      auto put = (*store)->Put(in.back(), *ex);
      INFO(in.back().id << ": " << put.status().ToString());
      REQUIRE(put.ok());
      CHECK(*put == Store::PutOutcome::kStored);
    }
    REQUIRE((*store)->Commit().ok());
  }
  CHECK(Tables(db) == tables_before);
  CHECK_FALSE(fs::exists(dir.path / "claimex_sql_safety_attached.db"));
  CHECK_FALSE(fs::exists("claimex_sql_safety_attached.db"));

  Store::Options ro;
  ro.path = db;
  ro.read_only = true;
  auto store = Store::Open(ro);
  REQUIRE(store.ok());
  CHECK(*(*store)->Count("articles") == static_cast<int64_t>(kHostile.size()));
  size_t i = 0;
  Status st = (*store)->ForEachArticle([&](const Article& a, const Extraction& ex) {
    REQUIRE(i < in.size());
    INFO("article " << i);
    CHECK(a.id == in[i].id);
    CHECK(a.title == in[i].title);
    CHECK(a.source == in[i].source);
    CHECK(a.url == in[i].url);
    CHECK(a.body == in[i].body);
    CHECK(a.origin == in[i].origin);
    REQUIRE(ex.claims.size() == extracted[i].claims.size());
    for (size_t c = 0; c < ex.claims.size(); ++c) {
      CHECK(ex.claims[c].text == extracted[i].claims[c].text);
      CHECK(ex.claims[c].span == extracted[i].claims[c].span);
    }
    CHECK(ex.sentences.size() == extracted[i].sentences.size());
    ++i;
    return Status::Ok();
  });
  CHECK(st.ok());
  CHECK(i == in.size());
}

// Runs `claimex ARGS >out 2>err`; returns the exit status.
int RunClaimex(const std::string& args, const fs::path& out, const fs::path& err) {
  std::string cmd = std::string(CLAIMEX_BINARY) + " " + args + " >" + out.string() + " 2>" +
                    err.string() + " </dev/null";
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

TEST_CASE("sql safety: claimex ingest and export keep hostile strings unchanged", "[sql_safety]") {
  TempDir dir;
  const fs::path feed = dir.path / "hostile.jsonl";
  std::map<std::string, Article> by_id;
  {
    std::ofstream f(feed, std::ios::binary);
    for (size_t i = 0; i < kHostile.size(); ++i) {
      Article a = HostileArticle(i);
      nlohmann::json j = {{"id", a.id},   {"title", a.title},          {"source", a.source},
                          {"url", a.url}, {"published", "2021-06-30"}, {"body", a.body}};
      f << j.dump() << '\n';
      by_id[a.id] = a;
    }
  }
  const fs::path db = dir.path / "claims.db";
  const std::string quoted_db = "'" + db.string() + "'";
  REQUIRE(RunClaimex("ingest --db " + quoted_db + " '" + feed.string() + "'",
                     dir.path / "ingest.out", dir.path / "ingest.err") == 0);
  REQUIRE(RunClaimex("export --db " + quoted_db, dir.path / "export.out",
                     dir.path / "export.err") == 0);
  std::istringstream lines(Slurp(dir.path / "export.out"));
  std::string line;
  std::set<std::string> seen;
  int claims = 0;
  while (std::getline(lines, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    REQUIRE_FALSE(j.is_discarded());
    const std::string id = j.value("article", "");
    if (j.value("type", "") == "claim") {
      REQUIRE(by_id.count(id) == 1);
      const std::string& body = by_id[id].body;
      const size_t start = j.at("start").get<size_t>(), end = j.at("end").get<size_t>();
      REQUIRE(end <= body.size());
      CHECK(j.value("text", "") == body.substr(start, end - start));
      ++claims;
    }
    if (j.value("type", "") != "article") continue;
    INFO("exported article " << id);
    REQUIRE(by_id.count(id) == 1);
    CHECK(j.value("title", "") == by_id[id].title);
    CHECK(j.value("source", "") == by_id[id].source);
    CHECK(j.value("url", "") == by_id[id].url);
    CHECK(j.value("bytes", size_t{0}) == by_id[id].body.size());
    seen.insert(id);
  }
  CHECK(seen.size() == kHostile.size());
  CHECK(claims >= static_cast<int>(kHostile.size()));  // every body holds figures
}

}  // namespace
}  // namespace claimex

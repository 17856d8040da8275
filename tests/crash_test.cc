// Crash safety of `claimex ingest` (hidden tag "[.crash]": run by tools/crash_test.sh, not by
// ctest). A large synthetic feed, written from our own sentence templates, is ingested once into
// a reference database. Then the same feed is ingested into a second database by a process that
// is killed with SIGKILL at random moments, again and again, while a reader thread queries that
// database. Checked:
//   - after every kill: PRAGMA integrity_check is ok, foreign keys hold, FTS indexes are sound;
//     the stored articles are a prefix of the feed (none lost, none duplicated), each complete
//     (same sentences, claims, times, quotes and speakers as in the reference: none half
//     stored), and the links among them are exactly the reference's links among them;
//   - during ingest: every snapshot a reader sees (SQL in one read transaction, and the output
//     of `claimex export`) satisfies the same;
//   - after a final uninterrupted run: `claimex export` of both databases is identical.
// Env: CLAIMEX_CRASH_ARTICLES (default 1500), CLAIMEX_CRASH_KILLS (10), CLAIMEX_CRASH_SEED
// (default random; printed so that a failure can be replayed).
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace claimex {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

size_t EnvSize(const char* name, size_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? static_cast<size_t>(std::strtoull(v, nullptr, 10)) : fallback;
}

// ---- the synthetic feed -----------------------------------------------------------------------

// Sentence templates in our own words. {N} is a number, {P} a percentage, {Y} a year, {W} a
// person, {T} a topic. A few fixed "wire" sentences recur across articles so that links form.
const char* const kTemplates[] = {
    "The council said spending on {T} rose {P}% to {N} million pounds in {Y}.",
    "\"We expect about {N} new {T} jobs by {Y},\" said {W}, who chairs the board.",
    "Official figures show {N} {T} cases were recorded last year, up from {N} in {Y}.",
    "{W} told reporters that costs had fallen by {P} per cent since January.",
    "Between {N} and {N} people attended the meeting on {T}, organisers said.",
    "The budget for {T} will grow to ${N} billion over the next {P} years, the ministry said.",
    "Prices for {T} were roughly {P}% higher in {Y} than a decade earlier.",
    "According to {W}, nearly {N} households were affected by the change.",
};
const char* const kWire[] = {
    "The agency said the figures would be revised in the spring.",
    "Unemployment stood at 4.2% in March, the statistics office said on Tuesday.",
    "The central bank left its main rate at 5.25% for a third meeting in a row.",
    "Analysts polled by the agency had expected growth of 0.3% in the quarter.",
    "The company employs about 12,000 people in 14 countries.",
    "\"This is a difficult moment for the whole sector,\" said Ines Corvo, the union's leader.",
};
const char* const kTopics[] = {"housing", "transport", "school", "hospital", "energy", "water"};
const char* const kPeople[] = {"Mara Olsen", "Tom Adeyemi", "Lucia Ferrer",
                               "Dev Patel",  "Ruth Amari",  "Karl Brandt"};

std::string Fill(const std::string& tmpl, std::mt19937& rng) {
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{' || i + 2 >= tmpl.size() || tmpl[i + 2] != '}') {
      out += tmpl[i];
      continue;
    }
    switch (tmpl[i + 1]) {
      case 'N':
        out += std::to_string(10 + pick(9990));
        break;
      case 'P':
        out += std::to_string(1 + pick(40));
        break;
      case 'Y':
        out += std::to_string(2000 + pick(24));
        break;
      case 'W':
        out += kPeople[pick(std::size(kPeople))];
        break;
      case 'T':
        out += kTopics[pick(std::size(kTopics))];
        break;
    }
    i += 2;
  }
  return out;
}

// Writes `n` articles as JSON Lines; deterministic for a given seed.
void WriteFeed(const fs::path& path, size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](size_t k) { return std::uniform_int_distribution<size_t>(0, k - 1)(rng); };
  std::ofstream f(path, std::ios::binary);
  for (size_t i = 0; i < n; ++i) {
    std::string body;
    const size_t paragraphs = 2 + pick(3);
    for (size_t p = 0; p < paragraphs; ++p) {
      if (p > 0) body += "\n\n";
      const size_t sentences = 2 + pick(3);
      for (size_t s = 0; s < sentences; ++s) {
        if (s > 0) body += ' ';
        body += pick(4) == 0 ? std::string(kWire[pick(std::size(kWire))])
                             : Fill(kTemplates[pick(std::size(kTemplates))], rng);
      }
    }
    nlohmann::json j = {
        {"id", "crash-" + std::to_string(i)},
        {"title", Fill("Report on {T} for {Y}", rng)},
        {"source", "Synthetic Wire"},
        {"published", "20" + std::to_string(10 + pick(14)) + "-0" + std::to_string(1 + pick(9)) +
                          "-1" + std::to_string(pick(10))},
        {"body", body}};
    f << j.dump() << '\n';
  }
  REQUIRE(f.good());
}

// ---- running claimex --------------------------------------------------------------------------

// Starts `claimex ARGS...` with stdout to `out` and stderr to `err`; returns its pid.
pid_t Spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    std::vector<char*> argv;
    std::string bin = CLAIMEX_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

// ---- what a database holds ----------------------------------------------------------------------

// Rows derived from one article: sentences, claims, times, quotes, speakers.
using Counts = std::array<int64_t, 5>;
// A link by what it joins: article ids and sentence spans, kind, score (rounded).
using LinkKey =
    std::tuple<std::string, int64_t, int64_t, std::string, int64_t, int64_t, std::string, int64_t>;

struct Snapshot {
  std::vector<std::string> order;  // ext ids by ingest_seq
  std::map<std::string, Counts> counts;
  std::set<LinkKey> links;
  std::string problem;  // "" when the queries ran
};

// One consistent read of `db` (one read transaction). An error leaves snapshot.problem set.
Snapshot ReadSnapshot(sqlite3* db) {
  Snapshot snap;
  auto fail = [&](const char* what) {
    snap.problem = std::string(what) + ": " + sqlite3_errmsg(db);
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return snap;
  };
  if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("BEGIN");
  sqlite3_stmt* st = nullptr;
  const char* kArticles =
      "SELECT a.ext_id, "
      "(SELECT count(*) FROM sentences WHERE article = a.id), "
      "(SELECT count(*) FROM claims WHERE article = a.id), "
      "(SELECT count(*) FROM times WHERE article = a.id), "
      "(SELECT count(*) FROM quotes WHERE article = a.id), "
      "(SELECT count(*) FROM speakers WHERE article = a.id) "
      "FROM articles a ORDER BY a.ingest_seq";
  if (sqlite3_prepare_v2(db, kArticles, -1, &st, nullptr) != SQLITE_OK) return fail("articles");
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::string id = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    snap.order.push_back(id);
    Counts c;
    for (int k = 0; k < 5; ++k) c[static_cast<size_t>(k)] = sqlite3_column_int64(st, k + 1);
    snap.counts[id] = c;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return fail("articles step");
  const char* kLinks =
      "SELECT aa.ext_id, sa.start_byte, sa.end_byte, ba.ext_id, sb.start_byte, sb.end_byte, "
      "l.kind, CAST(round(l.score * 1000000) AS INTEGER) FROM links l "
      "JOIN articles aa ON aa.id = l.a_article JOIN sentences sa ON sa.id = l.a_sentence "
      "JOIN articles ba ON ba.id = l.b_article JOIN sentences sb ON sb.id = l.b_sentence";
  if (sqlite3_prepare_v2(db, kLinks, -1, &st, nullptr) != SQLITE_OK) return fail("links");
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    auto text = [&](int c) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c)));
    };
    snap.links.insert({text(0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2), text(3),
                       sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5), text(6),
                       sqlite3_column_int64(st, 7)});
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return fail("links step");
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  return snap;
}

Snapshot ReadSnapshot(const fs::path& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(db, 10000);
  Snapshot s = ReadSnapshot(db);
  sqlite3_close(db);
  return s;
}

// The reference: the complete database, and for a prefix of its articles the links among them.
struct Reference {
  Snapshot full;
  std::map<std::string, size_t> position;  // ext id -> index in ingest order

  // The links the first `n` articles have among themselves.
  std::set<LinkKey> LinksAmong(size_t n) const {
    std::set<LinkKey> out;
    for (const LinkKey& l : full.links) {
      if (position.at(std::get<0>(l)) < n && position.at(std::get<3>(l)) < n) out.insert(l);
    }
    return out;
  }

  // "" when `snap` is a consistent state of an ingest of the reference's feed: a prefix of its
  // articles, each complete, with exactly their links.
  std::string Problem(const Snapshot& snap) const {
    if (!snap.problem.empty()) return snap.problem;
    if (snap.order.size() > full.order.size()) return "more articles than the feed has";
    for (size_t i = 0; i < snap.order.size(); ++i) {
      if (snap.order[i] != full.order[i]) {
        return "article " + std::to_string(i) + " is " + snap.order[i] + ", expected " +
               full.order[i] + " (lost, duplicated or out of order)";
      }
      if (snap.counts.at(snap.order[i]) != full.counts.at(snap.order[i])) {
        return "article " + snap.order[i] + " is half stored (row counts differ)";
      }
    }
    if (snap.links != LinksAmong(snap.order.size())) {
      return "links among the " + std::to_string(snap.order.size()) +
             " stored articles: " + std::to_string(snap.links.size()) + ", expected " +
             std::to_string(LinksAmong(snap.order.size()).size());
    }
    return "";
  }

  // "" when an export printed during ingest is consistent: its articles a prefix, every link
  // between exported articles, the claim records per article as in the reference.
  std::string ExportProblem(const std::string& jsonl) const {
    std::vector<std::string> order;
    std::map<std::string, int64_t> claims;
    std::set<std::string> linked;
    std::istringstream in(jsonl);
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) return "export printed a line that is not JSON";
      const std::string type = j.value("type", "");
      if (type == "article") order.push_back(j.value("article", ""));
      if (type == "claim") ++claims[j.value("article", "")];
      if (type == "link") {
        linked.insert(j.at("a").value("article", ""));
        linked.insert(j.at("b").value("article", ""));
      }
    }
    std::set<std::string> exported(order.begin(), order.end());
    for (size_t i = 0; i < order.size(); ++i) {
      if (i >= full.order.size() || order[i] != full.order[i]) return "export: not a prefix";
      if (claims[order[i]] != full.counts.at(order[i])[1]) {
        return "export: article " + order[i] + " has " + std::to_string(claims[order[i]]) +
               " claims, expected " + std::to_string(full.counts.at(order[i])[1]);
      }
    }
    for (const std::string& id : linked) {
      if (!exported.count(id)) return "export: a link names " + id + ", which it did not print";
    }
    return "";
  }
};

// Integrity checks that need the database itself: PRAGMA integrity_check, foreign keys and the
// integrity-check of every FTS5 index. "" when all pass.
std::string IntegrityProblem(const fs::path& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path.string();
  }
  sqlite3_busy_timeout(db, 10000);
  std::vector<std::string> rows;
  auto collect = [](void* out, int n, char** values, char**) {
    auto* v = static_cast<std::vector<std::string>*>(out);
    std::string row;
    for (int i = 0; i < n; ++i) row += std::string(values[i] ? values[i] : "NULL") + " ";
    v->push_back(row);
    return 0;
  };
  std::string problem;
  char* err = nullptr;
  if (sqlite3_exec(db, "PRAGMA integrity_check", collect, &rows, &err) != SQLITE_OK) {
    problem = std::string("integrity_check: ") + (err ? err : "?");
  } else if (rows.size() != 1 || rows[0] != "ok ") {
    problem = "integrity_check: " + (rows.empty() ? std::string("no answer") : rows[0]);
  }
  rows.clear();
  if (problem.empty() &&
      sqlite3_exec(db, "PRAGMA foreign_key_check", collect, &rows, &err) == SQLITE_OK &&
      !rows.empty()) {
    problem = "foreign_key_check: " + rows[0];
  }
  rows.clear();
  sqlite3_exec(db,
               "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE "
               "'CREATE VIRTUAL TABLE%fts5%'",
               collect, &rows, nullptr);
  for (std::string name : rows) {
    if (!problem.empty()) break;
    name.pop_back();  // the trailing space
    std::string sql = "INSERT INTO \"" + name + "\"(\"" + name + "\") VALUES('integrity-check')";
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      problem = "FTS index " + name + ": " + (err ? err : "?");
    }
  }
  sqlite3_free(err);
  sqlite3_close(db);
  return problem;
}

std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// ---- the reader that runs during ingest ---------------------------------------------------------

struct ConcurrentReader {
  ConcurrentReader(const Reference& r, fs::path d, fs::path tmp)
      : ref(r), db(std::move(d)), dir(std::move(tmp)) {}
  const Reference& ref;
  fs::path db, dir;
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<std::string> problems;
  int64_t snapshots = 0, exports = 0;

  void Run() {
    for (int64_t round = 0; !stop.load(); ++round) {
      if (!fs::exists(db)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      if (round % 8 == 7) {
        CheckExport();
      } else {
        sqlite3* conn = nullptr;
        if (sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
          sqlite3_busy_timeout(conn, 10000);
          Snapshot snap = ReadSnapshot(conn);
          // A database still being created has no tables yet; that is not a snapshot.
          if (snap.problem.find("no such table") == std::string::npos) {
            Note(ref.Problem(snap));
            ++snapshots;
          }
        }
        sqlite3_close(conn);
      }
    }
  }

  void CheckExport() {
    fs::path out = dir / "reader_export.jsonl", err = dir / "reader_export.err";
    int rc = Wait(Spawn({"export", "--db", db.string()}, out, err));
    std::string e = Slurp(err);
    if (rc != 0) {
      // Before the first migration commits the file is not a claimex database yet.
      if (e.find("schema version 0") == std::string::npos &&
          e.find("no such table") == std::string::npos) {
        Note("export during ingest failed (" + std::to_string(rc) + "): " + e);
      }
      return;
    }
    Note(ref.ExportProblem(Slurp(out)));
    ++exports;
  }

  void Note(const std::string& problem) {
    if (problem.empty()) return;
    std::lock_guard<std::mutex> lock(mu);
    if (problems.size() < 10) problems.push_back(problem);
  }
};

TEST_CASE("crash: SIGKILL during ingest never loses, duplicates or half-stores an article",
          "[.crash]") {
  const size_t articles = EnvSize("CLAIMEX_CRASH_ARTICLES", 1500);
  const size_t kills = EnvSize("CLAIMEX_CRASH_KILLS", 10);
  const uint32_t seed =
      static_cast<uint32_t>(EnvSize("CLAIMEX_CRASH_SEED", std::random_device()()));
  std::fprintf(stderr, "crash test: %zu articles, %zu kills, CLAIMEX_CRASH_SEED=%u\n", articles,
               kills, seed);
  std::mt19937 rng(seed);

  const fs::path dir = fs::temp_directory_path() / ("claimex_crash_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path feed = dir / "feed.jsonl", ref_db = dir / "ref.db", db = dir / "crash.db";
  WriteFeed(feed, articles, seed);

  auto start = Clock::now();
  REQUIRE(Wait(Spawn({"ingest", "--db", ref_db.string(), feed.string()}, dir / "ref.out",
                     dir / "ref.err")) == 0);
  const double full_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  Reference ref;
  ref.full = ReadSnapshot(ref_db);
  REQUIRE(ref.full.problem == "");
  REQUIRE(ref.full.order.size() == articles);
  for (size_t i = 0; i < ref.full.order.size(); ++i) ref.position[ref.full.order[i]] = i;
  REQUIRE_FALSE(ref.full.links.empty());  // the feed is built to have links
  std::fprintf(stderr, "crash test: reference ingest %.0f ms, %zu links\n", full_ms,
               ref.full.links.size());

  ConcurrentReader reader(ref, db, dir);
  std::thread reader_thread([&] { reader.Run(); });

  size_t killed_mid_run = 0, prev_stored = 0;
  for (size_t k = 0; k < kills; ++k) {
    // Mostly anywhere in a run; now and then right at the start (while opening, migrating).
    const double at_ms = k % 4 == 0 ? std::uniform_real_distribution<double>(0, 30)(rng)
                                    : std::uniform_real_distribution<double>(0, full_ms)(rng);
    pid_t pid =
        Spawn({"ingest", "--db", db.string(), feed.string()}, dir / "crash.out", dir / "crash.err");
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<int64_t>(at_ms * 1000)));
    kill(pid, SIGKILL);
    const int rc = Wait(pid);
    killed_mid_run += rc == 128 + SIGKILL;
    INFO("kill " << k << " at " << at_ms << " ms (exit " << rc << ")");
    if (!fs::exists(db)) continue;
    REQUIRE(IntegrityProblem(db) == "");
    Snapshot snap = ReadSnapshot(db);
    if (snap.problem.find("no such table") != std::string::npos) continue;  // killed at birth
    std::fprintf(stderr, "crash test: kill %zu at %.0f ms (exit %d): %zu articles stored\n", k,
                 at_ms, rc, snap.order.size());
    CHECK(ref.Problem(snap) == "");
    CHECK(snap.order.size() >= prev_stored);  // a re-run never loses what was committed
    prev_stored = snap.order.size();
  }
  REQUIRE(Wait(Spawn({"ingest", "--db", db.string(), feed.string()}, dir / "final.out",
                     dir / "final.err")) == 0);
  reader.stop = true;
  reader_thread.join();
  CHECK(IntegrityProblem(db) == "");
  CHECK(ref.Problem(ReadSnapshot(db)) == "");
  CHECK(ReadSnapshot(db).order.size() == articles);

  REQUIRE(Wait(Spawn({"export", "--db", ref_db.string()}, dir / "ref_export.jsonl",
                     dir / "e1.err")) == 0);
  REQUIRE(Wait(Spawn({"export", "--db", db.string()}, dir / "crash_export.jsonl",
                     dir / "e2.err")) == 0);
  const std::string ref_export = Slurp(dir / "ref_export.jsonl");
  const std::string crash_export = Slurp(dir / "crash_export.jsonl");
  CHECK(ref_export.size() > 0);
  CHECK(SortedLines(crash_export) == SortedLines(ref_export));

  std::fprintf(stderr,
               "crash test: killed %zu of %zu runs mid-ingest; the reader checked %lld snapshots "
               "and %lld exports during ingest\n",
               killed_mid_run, kills, static_cast<long long>(reader.snapshots),
               static_cast<long long>(reader.exports));
  for (const std::string& p : reader.problems) FAIL_CHECK("reader during ingest: " << p);
  CHECK(reader.snapshots > 0);
  if (reader.problems.empty()) fs::remove_all(dir);
}

}  // namespace
}  // namespace claimex

// Tests for the threaded pipeline of `claimex extract` / `claimex ingest` (tools/cli/pipeline.h),
// run through the program: --jobs N gives the same bytes as --jobs 1 (articles in input order,
// rejections in place), and `ingest` of `extract --with-body` output stores the same as a direct
// ingest, from a file or from standard input.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() / ("claimex_pipeline_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir;
}

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

struct Run {
  int status = -1;
  std::string out, err;
};

// Runs `shell` (where $CLAIMEX is the program) and captures its output.
Run Shell(const std::string& shell) {
  static int n = 0;
  fs::path out = TempDir() / ("out" + std::to_string(n)),
           err = TempDir() / ("err" + std::to_string(n));
  ++n;
  std::string cmd =
      "CLAIMEX='" CLAIMEX_BINARY "'; (" + shell + ") >" + out.string() + " 2>" + err.string();
  int rc = std::system(cmd.c_str());
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, Slurp(out), Slurp(err)};
}

// A feed of `n` articles in our own words, with figures, dates and quotes, of varied lengths (so
// that workers finish out of order), and one broken line in the middle.
fs::path MakeFeed(int n) {
  fs::path path = TempDir() / ("feed" + std::to_string(n) + ".jsonl");
  std::ofstream f(path);
  for (int i = 0; i < n; ++i) {
    if (i == n / 2) f << "{\"id\": \"broken\", \"body\": \n";
    f << "{\"id\": \"a" << i << "\", \"published\": \"2024-03-0" << 1 + i % 9 << "\", \"body\": \"";
    for (int k = 0; k <= (i * 7) % 23; ++k) {
      f << "The ferry company carried " << 1000 + 37 * i + k << " passengers in March, up "
        << 2 + (i + k) % 9 << " per cent on a year earlier. ";
      if (k % 5 == 0) f << "\\\"We expect about 40 new crew by 2026,\\\" said Rosa Lind. ";
      if (k % 3 == 0) f << "\\n\\n";
    }
    f << "Fares stay at £2.50 per trip.\"}\n";
  }
  return path;
}

std::vector<std::string> ArticleIds(const std::string& jsonl) {
  std::vector<std::string> ids;
  const std::string key = "{\"type\":\"article\",\"article\":\"";
  for (size_t p = jsonl.find(key); p != std::string::npos; p = jsonl.find(key, p + 1)) {
    size_t start = p + key.size();
    ids.push_back(jsonl.substr(start, jsonl.find('"', start) - start));
  }
  return ids;
}

const std::string kCorpus = CLAIMEX_SOURCE_DIR "/corpus";

TEST_CASE("extract --jobs N prints the same bytes as --jobs 1, in input order", "[pipeline]") {
  const std::string feed = MakeFeed(300).string();
  const std::string inputs = feed + " " + kCorpus + " " + feed;  // the feed twice around a dir
  Run one = Shell("$CLAIMEX extract --jobs 1 " + inputs);
  REQUIRE(one.status == 1);  // the broken line (twice)
  std::vector<std::string> ids = ArticleIds(one.out);
  REQUIRE(ids.size() >= 600);
  CHECK(ids.front() == "a0");
  CHECK(ids[299] == "a299");
  CHECK(ids.back() == "a299");
  for (int jobs : {2, 3, 8}) {
    INFO("jobs " << jobs);
    Run many = Shell("$CLAIMEX extract --jobs " + std::to_string(jobs) + " " + inputs);
    CHECK(many.status == one.status);
    CHECK(many.out == one.out);
    CHECK(many.err == one.err);  // the same rejections, in the same order
  }
}

TEST_CASE("extract --jobs N reads standard input and stops cleanly on a closed output",
          "[pipeline]") {
  const std::string feed = MakeFeed(120).string();
  Run one = Shell("$CLAIMEX extract -j 1 - < " + feed);
  Run many = Shell("cat " + feed + " | $CLAIMEX extract -j 3 -");
  CHECK(many.out == one.out);
  CHECK(ArticleIds(many.out).size() == 120);
  // A reader that goes away early (head) must not hang the pipeline.
  Run head = Shell("$CLAIMEX extract -j 3 " + feed + " | head -c 100 | wc -c");
  CHECK(head.out.find("100") != std::string::npos);
}

// `claimex export` of a database: what a store holds, in ingest order, with links.
std::string Export(const std::string& db) {
  Run r = Shell("$CLAIMEX export --db " + db);
  INFO(r.err);
  REQUIRE(r.status == 0);
  return r.out;
}

std::string Db(const std::string& name) {
  fs::path p = TempDir() / (name + ".db");
  for (const char* s : {"", "-wal", "-shm"}) fs::remove(p.string() + s);
  return p.string();
}

TEST_CASE("ingest of extract --with-body output stores what a direct ingest stores", "[pipeline]") {
  const std::string feed = MakeFeed(80).string();
  const std::string inputs = feed + " " + kCorpus;
  const std::string direct = Db("direct"), file = Db("from_file"), piped = Db("from_stdin");
  Run d = Shell("$CLAIMEX ingest --jobs 2 --db " + direct + " " + inputs);
  INFO(d.err);
  REQUIRE(d.status == 1);  // the broken line
  fs::path out = TempDir() / "with_body.jsonl";
  Run x = Shell("$CLAIMEX extract --with-body " + inputs + " > " + out.string());
  REQUIRE(x.status == 1);
  Run f = Shell("$CLAIMEX ingest --db " + file + " " + out.string());
  INFO(f.err);
  CHECK(f.status == 0);  // the contract holds no rejected article
  Run p = Shell("$CLAIMEX extract --with-body -j 2 " + inputs + " | $CLAIMEX ingest -j 2 --db " +
                piped + " -");
  INFO(p.err);
  CHECK(p.status == 0);
  // The summary line counts the same articles, claims and links (the rejection aside).
  auto summary = [](const std::string& err) {
    size_t at = err.find("articles stored");
    return err.substr(at, err.find('\n', at) - at);
  };
  std::string expected = summary(d.err);
  expected.replace(expected.find("1 rejected"), 10, "0 rejected");
  CHECK(summary(f.err) == expected);
  CHECK(summary(p.err) == expected);
  const std::string want = Export(direct);
  CHECK(ArticleIds(want).size() ==
        80 + ArticleIds(Shell("$CLAIMEX extract " + kCorpus).out).size());
  CHECK(Export(file) == want);
  CHECK(Export(piped) == want);
}

TEST_CASE("ingest still reads raw articles on standard input (sniffed, then replayed)",
          "[pipeline]") {
  const std::string feed = MakeFeed(40).string();
  const std::string a = Db("raw_file"), b = Db("raw_stdin");
  Run f = Shell("$CLAIMEX ingest --db " + a + " " + feed);
  Run s = Shell("cat " + feed + " | $CLAIMEX ingest --db " + b + " -");
  INFO(f.err << s.err);
  CHECK(s.status == f.status);
  CHECK(Export(b) == Export(a));
  // One text article on standard input.
  const std::string c = Db("text_stdin");
  Run t = Shell("printf 'Rents rose 4%% in May, the council said.\\n' | $CLAIMEX ingest --db " + c +
                " -");
  INFO(t.err);
  CHECK(t.status == 0);
  CHECK(t.err.find("1 articles stored") != std::string::npos);
}

}  // namespace

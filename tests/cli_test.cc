// End-to-end tests of the claimex program (build/claimex) over the project's own corpus/:
// extract, ingest (twice: the second run stores nothing new), export, report, exit codes.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace {

struct Run {
  int status = -1;  // exit status
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `claimex ARGS` through the shell, capturing stdout and stderr.
Run Claimex(const std::string& args, const std::string& stdin_text = "") {
  namespace fs = std::filesystem;
  static int n = 0;
  fs::path dir = fs::temp_directory_path() / ("claimex_cli_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string tag = std::to_string(n++);
  fs::path in = dir / ("in" + tag), out = dir / ("out" + tag), err = dir / ("err" + tag);
  std::ofstream(in) << stdin_text;
  std::string cmd = std::string(CLAIMEX_BINARY) + " " + args + " <" + in.string() + " >" +
                    out.string() + " 2>" + err.string();
  int rc = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  auto slurp = [](const fs::path& p) {
    std::ifstream f(p);
    return std::string(std::istreambuf_iterator<char>(f), {});
  };
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

int CountType(const std::string& jsonl, const std::string& type) {
  std::string needle = "{\"type\":\"" + type + "\"";
  int n = 0;
  for (size_t p = jsonl.find(needle); p != std::string::npos; p = jsonl.find(needle, p + 1)) ++n;
  return n;
}

std::string TempDb(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() /
           ("claimex_cli_" + std::to_string(getpid()) + "_" + name + ".db");
  std::filesystem::remove(p);
  return p.string();
}

const std::string kCorpus = CLAIMEX_SOURCE_DIR "/corpus";

TEST_CASE("extract prints one article record per corpus article", "[cli]") {
  Run r = Claimex("extract " + kCorpus);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(CountType(r.out, "article") >= 12);
  CHECK(CountType(r.out, "claim") > 0);
}

TEST_CASE("ingest twice stores nothing new the second time", "[cli]") {
  std::string db = TempDb("twice");
  Run first = Claimex("ingest " + kCorpus + " --db " + db);
  INFO(first.err);
  REQUIRE(first.status == 0);
  CHECK(first.err.find("0 rejected") != std::string::npos);
  Run second = Claimex("ingest " + kCorpus + " --db " + db);
  INFO(second.err);
  REQUIRE(second.status == 0);
  CHECK(second.err.find(" 0 articles stored") != std::string::npos);
  CHECK(second.err.find("0 new links") != std::string::npos);

  // The export holds the same article, claim and quote records as a fresh extract.
  Run exported = Claimex("export --db " + db);
  Run extracted = Claimex("extract " + kCorpus);
  REQUIRE(exported.status == 0);
  for (const char* type : {"article", "claim", "quote", "time"}) {
    INFO(type);
    CHECK(CountType(exported.out, type) == CountType(extracted.out, type));
  }
  Run report = Claimex("report --db " + db);
  CHECK(report.status == 0);
  CHECK_FALSE(report.out.empty());
}

TEST_CASE("bad input is a one-line error and a non-zero exit, the rest goes on", "[cli]") {
  struct Case {
    std::string args, stdin_text;
    int status;
    std::string err_has;
  };
  const Case cases[] = {
      // A JSON Lines feed on standard input with one broken line between two good ones.
      {"extract -",
       "{\"id\":\"a\",\"body\":\"Sales rose 5% to $3m.\"}\nnot json\n"
       "{\"id\":\"b\",\"body\":\"Costs fell by 2 per cent.\"}\n",
       1, "<stdin>:2: not JSON"},
      {"extract /nonexistent/file.txt", "", 1, "/nonexistent/file.txt"},
      {"export --db /nonexistent/dir/x.db", "", 2, "claimex:"},
      {"frobnicate", "", 2, ""},
  };
  for (const Case& c : cases) {
    Run r = Claimex(c.args, c.stdin_text);
    INFO(c.args << "\n" << r.err);
    CHECK(r.status == c.status);
    CHECK(r.err.find(c.err_has) != std::string::npos);
  }
  Run mixed = Claimex(cases[0].args, cases[0].stdin_text);
  CHECK(CountType(mixed.out, "article") == 2);
}

}  // namespace

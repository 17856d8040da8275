// Internal to the tests: a small claims database for the query and web tests, built from our own
// three short articles with hand-made extractions (so the results do not move when the extractor
// improves). Two articles state "300 new buses"; one sentence is repeated verbatim (a link);
// Ada Lovell is quoted and credited with figures; the third article is undated and has a title
// full of HTML metacharacters.
#ifndef CLAIMEX_TESTS_QUERY_FIXTURE_H_
#define CLAIMEX_TESTS_QUERY_FIXTURE_H_

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "db/store.h"

namespace claimex::testing {

inline constexpr char kBodyA[] =
    "The Mayor, Ada Lovell, promised 300 new buses for the city. \"We will cut waiting times by "
    "20 per cent,\" Ms Lovell said.\n\nFares will rise by 5p in April.";
inline constexpr char kBodyB[] =
    "The city expects 300 new buses by 2026, according to the Transport Office. Critics said the "
    "plan would cost £12 million. The Mayor, Ada Lovell, promised 300 new buses for the city.";
inline constexpr char kBodyC[] = "Rail ridership fell by 8 per cent last year, said Ben Okoro.";

// A database file under the temp directory, removed (with WAL files) on destruction.
struct QueryDb {
  std::string path;
  QueryDb() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path = (std::filesystem::temp_directory_path() /
            ("claimex_query_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) +
             "_" + std::to_string(rd()) + ".db"))
               .string();
  }
  ~QueryDb() {
    std::error_code ec;
    for (const char* s : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + s, ec);
  }
};

inline Span SpanOf(const std::string& body, std::string_view needle, size_t from = 0) {
  size_t at = body.find(needle, from);
  REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

// One sentence per ". " / ".\n" / final "." (enough for the bodies above).
inline std::vector<Sentence> SplitSentences(const std::string& body) {
  std::vector<Sentence> out;
  int paragraph = 0;
  size_t start = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    bool end =
        body[i] == '.' && (i + 1 == body.size() || body[i + 1] == ' ' || body[i + 1] == '\n');
    if (!end) continue;
    while (start < i && (body[start] == ' ' || body[start] == '\n')) ++start;
    out.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(i + 1)}, paragraph});
    if (i + 2 < body.size() && body[i + 1] == '\n' && body[i + 2] == '\n') ++paragraph;
    start = i + 1;
  }
  return out;
}

inline int SentenceOf(const Extraction& ex, Span s) {
  for (size_t i = 0; i < ex.sentences.size(); ++i) {
    if (ex.sentences[i].span.start <= s.start && s.end <= ex.sentences[i].span.end) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

inline Claim Figure(const std::string& body, const Extraction& ex, std::string_view text,
                    double value, std::string unit, std::string noun = "", int speaker = -1,
                    std::string source = "", size_t from = 0) {
  Claim c;
  c.span = SpanOf(body, text, from);
  c.text = std::string(text);
  c.value = value;
  c.unit = std::move(unit);
  c.noun = std::move(noun);
  c.sentence = SentenceOf(ex, c.span);
  c.speaker = speaker;
  c.source = std::move(source);
  if (speaker >= 0 || !c.source.empty()) c.attribution_rule = "test";
  return c;
}

inline Article MakeArticle(std::string id, std::string body, std::string published,
                           std::string title) {
  Article a;
  a.id = std::move(id);
  a.body = std::move(body);
  a.published = std::move(published);
  a.title = std::move(title);
  a.source = "Test Gazette";
  a.encoding = "UTF-8";
  a.origin = "query_fixture";
  return a;
}

inline std::pair<Article, Extraction> ArticleA() {
  Article a = MakeArticle("harbour-a", kBodyA, "2024-01-10", "Mayor promises buses");
  Extraction ex;
  ex.sentences = SplitSentences(a.body);
  ex.speakers.push_back({"Ada Lovell", "Mayor", "", {"Ms Lovell", "she"}});
  ex.claims.push_back(Figure(a.body, ex, "300", 300, "count", "buses", 0));
  ex.claims.push_back(Figure(a.body, ex, "20 per cent", 20, "percent", "", 0));
  ex.claims.push_back(Figure(a.body, ex, "5p", 5, "GBX"));
  Quote q;
  q.span = SpanOf(a.body, "We will cut waiting times by 20 per cent,");
  q.speaker = 0;
  q.cue = "Ms Lovell said";
  q.rule = "said-after";
  ex.quotes.push_back(q);
  return {a, ex};
}

inline std::pair<Article, Extraction> ArticleB() {
  Article a = MakeArticle("harbour-b", kBodyB, "2024-02-01", "Bus plan costs questioned");
  Extraction ex;
  ex.sentences = SplitSentences(a.body);
  ex.speakers.push_back({"Ada Lovell", "Mayor", "", {}});
  ex.claims.push_back(Figure(a.body, ex, "300", 300, "count", "buses", -1, "Transport Office"));
  ex.claims.push_back(Figure(a.body, ex, "£12 million", 12e6, "GBP"));
  ex.claims.push_back(Figure(a.body, ex, "300", 300, "count", "Buses", 0, "", 100));
  return {a, ex};
}

inline std::pair<Article, Extraction> ArticleC() {
  Article a = MakeArticle("harbour-c", kBodyC, "", "<script>alert(1)</script> & \"rail\"");
  Extraction ex;
  ex.sentences = SplitSentences(a.body);
  ex.speakers.push_back({"Ben Okoro", "", "", {}});
  Claim c = Figure(a.body, ex, "8 per cent", 8, "percent", "", 0);
  c.change = Change::kDown;
  c.change_kind = ChangeKind::kBy;
  ex.claims.push_back(c);
  return {a, ex};
}

// Builds the database at `path` (A, then B, then C) and closes it.
inline void BuildQueryDb(const std::string& path) {
  Store::Options o;
  o.path = path;
  auto store = Store::Open(o);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  for (const auto& [a, ex] : {ArticleA(), ArticleB(), ArticleC()}) {
    auto put = (*store)->Put(a, ex);
    INFO(put.status().ToString());
    REQUIRE(put.ok());
  }
  REQUIRE((*store)->Commit().ok());
}

inline std::unique_ptr<Store> OpenQueryDb(const std::string& path) {
  Store::Options o;
  o.path = path;
  o.read_only = true;
  auto store = Store::Open(o);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(store.value());
}

}  // namespace claimex::testing

#endif  // CLAIMEX_TESTS_QUERY_FIXTURE_H_

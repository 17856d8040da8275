// Tests for extractor/contract_reader.h: `claimex extract --with-body` output read back gives the
// same Article and Extraction (round trip through JsonLinesWriter), broken records become
// rejections naming file:line, and contract input is told apart from article feeds.
#include "extractor/contract_reader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/byte_stream.h"
#include "extractor/extractor.h"
#include "extractor/json_writer.h"

namespace claimex {
namespace {

namespace fs = std::filesystem;

// Writes `text` to a temporary file and reads it back through a ContractReader.
std::vector<ContractItem> ReadBack(const std::string& text, const std::string& name) {
  fs::path path = fs::temp_directory_path() /
                  ("claimex_contract_" + std::to_string(getpid()) + "_" + name + ".jsonl");
  std::ofstream(path, std::ios::binary) << text;
  auto stream = ByteStream::Open(path.string());
  REQUIRE(stream.ok());
  ContractReader reader(std::move(stream.value()), name);
  std::vector<ContractItem> items;
  ContractItem item;
  while (reader.Next(&item)) items.push_back(std::move(item));
  fs::remove(path);
  return items;
}

std::string Write(const std::vector<std::pair<Article, Extraction>>& articles) {
  std::ostringstream out;
  JsonLinesWriter::Options options;
  options.with_body = true;
  JsonLinesWriter writer(&out, options);
  for (const auto& [a, ex] : articles) REQUIRE(writer.Put(a, ex).ok());
  return out.str();
}

// Field-by-field equality of everything the store keeps.
void CheckSame(const Article& a, const Extraction& ex, const ContractItem& item) {
  const auto* got = std::get_if<ExtractedArticle>(&item);
  if (got == nullptr) FAIL(std::get<Rejection>(item).Message());
  const Article& b = got->article;
  CHECK(b.id == a.id);
  CHECK(b.body == a.body);
  CHECK(b.title == a.title);
  CHECK(b.source == a.source);
  CHECK(b.url == a.url);
  CHECK(b.published == a.published);
  CHECK(b.encoding == a.encoding);
  const Extraction& e = got->extraction;
  CHECK(e.anchor_date == ex.anchor_date);
  REQUIRE(e.sentences.size() == ex.sentences.size());
  for (size_t i = 0; i < ex.sentences.size(); ++i) {
    CHECK(e.sentences[i].span == ex.sentences[i].span);
    CHECK(e.sentences[i].paragraph == ex.sentences[i].paragraph);
  }
  REQUIRE(e.speakers.size() == ex.speakers.size());
  for (size_t i = 0; i < ex.speakers.size(); ++i) {
    CHECK(e.speakers[i].name == ex.speakers[i].name);
    CHECK(e.speakers[i].role == ex.speakers[i].role);
    CHECK(e.speakers[i].org == ex.speakers[i].org);
    CHECK(e.speakers[i].aliases == ex.speakers[i].aliases);
  }
  REQUIRE(e.claims.size() == ex.claims.size());
  for (size_t i = 0; i < ex.claims.size(); ++i) {
    const Claim &x = ex.claims[i], &y = e.claims[i];
    INFO("claim " << i << " " << x.text);
    CHECK(y.span == x.span);
    CHECK(y.text == x.text);
    CHECK(y.value == x.value);
    CHECK(y.low == x.low);
    CHECK(y.high == x.high);
    CHECK(y.unit == x.unit);
    CHECK(y.noun == x.noun);
    CHECK(y.qualifier == x.qualifier);
    CHECK(y.per.has_value() == x.per.has_value());
    if (x.per && y.per) {
      CHECK(y.per->value == x.per->value);
      CHECK(y.per->noun == x.per->noun);
    }
    CHECK(y.change == x.change);
    CHECK(y.change_kind == x.change_kind);
    CHECK(y.measured == x.measured);
    CHECK(y.restates == x.restates);
    CHECK(y.sentence == x.sentence);
    CHECK(y.time == x.time);
    CHECK(y.speaker == x.speaker);
    CHECK(y.source == x.source);
    CHECK(y.attribution_rule == x.attribution_rule);
  }
  REQUIRE(e.times.size() == ex.times.size());
  for (size_t i = 0; i < ex.times.size(); ++i) {
    const TimeExpr &x = ex.times[i], &y = e.times[i];
    CHECK(y.span == x.span);
    CHECK(y.text == x.text);
    CHECK(y.timex == x.timex);
    CHECK(y.from == x.from);
    CHECK(y.to == x.to);
    CHECK(y.kind == x.kind);
  }
  REQUIRE(e.quotes.size() == ex.quotes.size());
  for (size_t i = 0; i < ex.quotes.size(); ++i) {
    const Quote &x = ex.quotes[i], &y = e.quotes[i];
    CHECK(y.span == x.span);
    CHECK(y.kind == x.kind);
    CHECK(y.speaker == x.speaker);
    CHECK(y.cue == x.cue);
    CHECK(y.rule == x.rule);
  }
}

// A hand-made article that uses every field: a rate, a restated figure, a range, a change, a
// time scope, a speaker with aliases, a reported quote, a non-ASCII body (offsets are bytes).
std::pair<Article, Extraction> HandMade() {
  Article a;
  a.id = "hand-1";
  a.body =
      "Café prices rose 12% (£3) in 2023, said Ana Ruiz.\n\n"
      "“Between 5 and 10 stalls close per 1,000 residents,” Ms Ruiz added.";
  a.title = "Prices";
  a.source = "The Test Gazette";
  a.url = "https://example.org/p";
  a.published = "2024-02-01";
  a.encoding = "UTF-8";
  auto span = [&](std::string_view text) {
    size_t p = a.body.find(text);
    REQUIRE(p != std::string::npos);
    return Span{static_cast<uint32_t>(p), static_cast<uint32_t>(p + text.size())};
  };
  Extraction ex;
  ex.anchor_date = "2024-02-01";
  ex.sentences = {{span("Café prices rose 12% (£3) in 2023, said Ana Ruiz."), 0},
                  {span("“Between 5 and 10 stalls close per 1,000 residents,” Ms Ruiz added."), 1}};
  ex.speakers = {{"Ana Ruiz", "stall holder", "Market Guild", {"Ms Ruiz", "Ruiz"}}};
  TimeExpr t;
  t.span = span("2023");
  t.text = "2023";
  t.timex = "2023";
  t.from = "2023-01-01";
  t.to = "2023-12-31";
  t.kind = "date";
  ex.times = {t};
  Claim pct;
  pct.span = span("12%");
  pct.text = "12%";
  pct.value = 12;
  pct.unit = "percent";
  pct.change = Change::kUp;
  pct.change_kind = ChangeKind::kBy;
  pct.measured = "Café prices";
  pct.sentence = 0;
  pct.time = 0;
  pct.speaker = 0;
  pct.attribution_rule = "said-after";
  Claim gbp;
  gbp.span = span("£3");
  gbp.text = "£3";
  gbp.value = 3;
  gbp.unit = "GBP";
  gbp.qualifier = Qualifier::kApprox;
  gbp.restates = 0;
  gbp.sentence = 0;
  gbp.source = "Market Guild";
  Claim range;
  range.span = span("Between 5 and 10");
  range.text = "Between 5 and 10";
  range.low = 5;
  range.high = 10.25;
  range.unit = "count";
  range.noun = "stalls";
  range.qualifier = Qualifier::kLe;
  range.per = Rate{1000, "residents"};
  range.change = Change::kDown;
  range.change_kind = ChangeKind::kTo;
  range.sentence = 1;
  range.speaker = 0;
  ex.claims = {pct, gbp, range};
  Quote q;
  q.span = span("Between 5 and 10 stalls close per 1,000 residents,");
  q.kind = QuoteKind::kReported;
  q.speaker = 0;
  q.cue = "Ms Ruiz added";
  q.rule = "said-after";
  ex.quotes = {q};
  return {a, ex};
}

TEST_CASE("contract round trip keeps every stored field of a hand-made article", "[contract]") {
  auto [a, ex] = HandMade();
  Article bare;  // an article with no metadata and nothing found but one sentence
  bare.id = "bare";
  bare.body = "Nothing to count here at all.";
  bare.encoding = "windows-1252";
  Extraction bare_ex;
  bare_ex.sentences = {{{0, static_cast<uint32_t>(bare.body.size())}, 0}};
  std::vector<ContractItem> items = ReadBack(Write({{a, ex}, {bare, bare_ex}}), "hand");
  REQUIRE(items.size() == 2);
  CheckSame(a, ex, items[0]);
  CheckSame(bare, bare_ex, items[1]);
}

TEST_CASE("contract round trip of the extractor's own output over the project corpus",
          "[contract]") {
  auto extractor = Extractor::Create({});
  REQUIRE(extractor.ok());
  std::vector<std::pair<Article, Extraction>> articles;
  for (const auto& entry : fs::directory_iterator(CLAIMEX_SOURCE_DIR "/corpus")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream f(entry.path(), std::ios::binary);
    Article a;
    a.id = entry.path().stem().string();
    a.body.assign(std::istreambuf_iterator<char>(f), {});
    a.encoding = "UTF-8";
    auto ex = (*extractor)->Extract(a);
    REQUIRE(ex.ok());
    articles.emplace_back(a, std::move(ex.value()));
  }
  REQUIRE(articles.size() >= 5);
  std::vector<ContractItem> items = ReadBack(Write(articles), "corpus");
  REQUIRE(items.size() == articles.size());
  for (size_t i = 0; i < items.size(); ++i) {
    INFO(articles[i].first.id);
    CheckSame(articles[i].first, articles[i].second, items[i]);
  }
}

TEST_CASE("broken contract records reject their article and reading goes on", "[contract]") {
  const std::string good =
      R"({"type":"article","article":"ok","encoding":"UTF-8","bytes":9,"body":"Up 5% now",)"
      R"("sentences":[[0,9,0]],"speakers":[]})"
      "\n"
      R"({"type":"claim","article":"ok","start":3,"end":5,"text":"5%","value":5,"unit":"percent",)"
      R"("qualifier":"exact","sentence":{"start":0,"end":9}})";
  struct Case {
    const char* what;
    std::string record_lines;  // the broken article (starts on line 1)
    const char* reason;        // a part of the rejection message
  } const cases[] = {
      {"no body (extract without --with-body)",
       R"({"type":"article","article":"a","encoding":"UTF-8","bytes":3})", "--with-body"},
      {"bytes do not match the body",
       R"({"type":"article","article":"a","bytes":4,"body":"abc","sentences":[]})",
       "body has 3 bytes"},
      {"a claim outside the body",
       R"({"type":"article","article":"a","bytes":3,"body":"abc","sentences":[]})"
       "\n"
       R"({"type":"claim","article":"a","start":2,"end":9,"unit":"count"})",
       "line 2: no valid start/end"},
      {"a claim scoped by a time the article lacks",
       R"({"type":"article","article":"a","bytes":3,"body":"abc","sentences":[]})"
       "\n"
       R"({"type":"claim","article":"a","start":0,"end":1,"time":{"start":1,"end":2}})",
       "time [1,2)"},
      {"a record of another article",
       R"({"type":"article","article":"a","bytes":3,"body":"abc","sentences":[]})"
       "\n"
       R"({"type":"time","article":"b","start":0,"end":1})",
       "inside article \"a\""},
      {"a line that is not JSON",
       R"({"type":"article","article":"a","bytes":3,"body":"abc","sentences":[]})"
       "\n{\"type\":\"claim\",",
       "line 2 is not a JSON object"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      std::vector<ContractItem> items = ReadBack(c.record_lines + "\n" + good + "\n", "broken");
      REQUIRE(items.size() == 2);
      const auto* rej = std::get_if<Rejection>(&items[0]);
      REQUIRE(rej != nullptr);
      INFO(rej->Message());
      CHECK(rej->origin == "broken:1");
      CHECK(rej->reason.find(c.reason) != std::string::npos);
      const auto* ok = std::get_if<ExtractedArticle>(&items[1]);
      REQUIRE(ok != nullptr);
      CHECK(ok->article.id == "ok");
      REQUIRE(ok->extraction.claims.size() == 1);
      CHECK(ok->extraction.claims[0].sentence == 0);
      CHECK(ok->article.origin.starts_with("broken:"));
    }
  }
}

TEST_CASE("link records and blank lines between articles are skipped", "[contract]") {
  std::string text =
      R"({"type":"article","article":"x","bytes":2,"body":"hi","sentences":[[0,2,0]]})"
      "\n\n"
      R"({"type":"link","a":{"article":"x","start":0,"end":2},"b":{"article":"y","start":0,"end":2}})"
      "\n";
  std::vector<ContractItem> items = ReadBack(text, "links");
  REQUIRE(items.size() == 1);
  REQUIRE(std::holds_alternative<ExtractedArticle>(items[0]));
  CHECK(std::get<ExtractedArticle>(items[0]).article.origin == "links:1");
}

TEST_CASE("contract input is told apart from article feeds by its first record", "[contract]") {
  struct Case {
    std::string head;
    bool contract;
  } const cases[] = {
      {R"({"type":"article","article":"a","bytes":3})", true},
      {"\xEF\xBB\xBF{ \"type\" : \"article\", \"article\":\"a\"}", true},  // BOM and spaces
      {"\n  {\"type\":\"article\"", true},  // leading blank line; the record may be cut off
      {R"({"id":"a","body":"text","type":"article"})", false},  // a feed line: id first
      {R"({"type":"claim","article":"a"})", false},
      {"Plain text article about 5 things.", false},
      {"", false},
  };
  for (const Case& c : cases) {
    INFO(c.head);
    CHECK(LooksLikeContract(c.head) == c.contract);
  }
}

}  // namespace
}  // namespace claimex

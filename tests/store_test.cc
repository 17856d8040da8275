// Tests for db/store.h (and its internal linker, db/linker.h). Every test works on a fresh
// database file under the system temp directory and removes it afterwards.
#include "db/store.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "db/linker.h"
#include "extractor/embedded_data.h"
#include "tests/temp_files.h"

namespace claimex {
namespace {

namespace fs = std::filesystem;

using testing::TempDb;

std::unique_ptr<Store> OpenStore(const std::string& path, bool read_only = false, int batch = 256) {
  Store::Options options;
  options.path = path;
  options.read_only = read_only;
  options.batch_articles = batch;
  auto store = Store::Open(options);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(store.value());
}

int LatestMigration() {
  int latest = 0;
  for (const EmbeddedFile& f : Embedded_migrations()) latest = std::stoi(std::string(f.name));
  return latest;
}

constexpr const char* kTables[] = {"articles", "sentences",       "claims", "times",
                                   "speakers", "speaker_aliases", "quotes", "links"};

std::string Counts(const Store& store) {
  std::string out;
  for (const char* t : kTables) {
    auto n = store.Count(t);
    REQUIRE(n.ok());
    out += std::string(t) + "=" + std::to_string(*n) + " ";
  }
  return out;
}

Span Find(const std::string& body, std::string_view needle) {
  size_t at = body.find(needle);
  REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

// Sentences: one per line-free stretch ending in ". " / ".\n" — good enough for our own bodies.
std::vector<Sentence> Sentences(const std::string& body) {
  std::vector<Sentence> out;
  int paragraph = 0;
  size_t start = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n') {
      if (i + 1 < body.size() && body[i + 1] == '\n') ++paragraph;
      start = i + 1;
      continue;
    }
    if (body[i] == '.' && (i + 1 == body.size() || body[i + 1] == ' ' || body[i + 1] == '\n')) {
      while (start < i && body[start] == ' ') ++start;
      out.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(i + 1)}, paragraph});
      start = i + 1;
    }
  }
  return out;
}

// An article with every kind of derived row and every optional field both set and unset.
Extraction FullExtraction(const std::string& body) {
  Extraction ex;
  ex.sentences = Sentences(body);
  ex.anchor_date = "2019-05-01";
  ex.times.push_back({Find(body, "in 2019"), "in 2019", "2019", "2019", "2019", "date"});
  ex.times.push_back({Find(body, "per year"), "per year", "", "", "", ""});
  ex.speakers.push_back({"Mary O'Brien", "Chief Inspector", "Met Police", {"Ms O'Brien", "she"}});
  ex.speakers.push_back({"Bob “Bobby” Smith", "", "", {}});

  Claim up;
  up.span = Find(body, "20 per cent");
  up.text = "20 per cent";
  up.value = 20;
  up.unit = "percent";
  up.change = Change::kUp;
  up.change_kind = ChangeKind::kBy;
  up.measured = "knife crime";
  up.sentence = 0;
  up.time = 0;
  up.source = "Police";
  up.attribution_rule = "source-said";
  up.restates = 2;  // forward reference
  Claim knives;
  knives.span = Find(body, "212 knives");
  knives.text = "212 knives";
  knives.value = 212;
  knives.unit = "count";
  knives.noun = "knives";
  knives.qualifier = Qualifier::kGt;
  knives.sentence = 1;
  knives.speaker = 0;
  knives.attribution_rule = "in-quote";
  Claim range;
  range.span = Find(body, "between £5m and £10m");
  range.text = "between £5m and £10m";
  range.low = 5e6;
  range.high = 0.1 + 0.2;  // not exactly 0.3: doubles must survive bit for bit
  range.unit = "GBP";
  range.qualifier = Qualifier::kApprox;
  range.per = Rate{1, "year"};
  range.change = Change::kDown;
  range.change_kind = ChangeKind::kTo;
  range.sentence = 2;
  range.time = 1;
  range.speaker = 1;
  range.restates = 0;
  Claim open_range;  // an open range: only a low end, a rate without a noun
  open_range.span = Find(body, "£5m");
  open_range.text = "£5m";
  open_range.low = -1.5;
  open_range.unit = "GBP";
  open_range.per = Rate{1000, ""};
  ex.claims = {up, knives, range, open_range};

  ex.quotes.push_back({Find(body, "We seized 212 knives,"), QuoteKind::kDirect, 0,
                       "said Ms O'Brien", "said-after"});
  ex.quotes.push_back({Find(body, "the budget"), QuoteKind::kReported, -1, "", ""});
  return ex;
}

const std::string kBody =
    "Police said knife crime rose by 20 per cent in 2019. \xE2\x80\x9CWe seized 212 knives,"
    "\xE2\x80\x9D said Ms O'Brien.\n\nBob said the budget is between \xC2\xA3"
    "5m and "
    "\xC2\xA3"
    "10m per year.";

// Every field of an article and its extraction, one per line, doubles to the last bit.
std::string Dump(const Article& a, const Extraction& ex) {
  std::string out;
  auto num = [](double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%a", v);
    return std::string(buf);
  };
  auto opt = [&](const std::optional<double>& v) { return v ? num(*v) : std::string("unset"); };
  auto span = [](const Span& s) {
    return "[" + std::to_string(s.start) + "," + std::to_string(s.end) + ")";
  };
  auto name = [](const char* n) { return std::string(n ? n : "none"); };
  out += "article " + a.id + "|" + a.title + "|" + a.source + "|" + a.url + "|" + a.published +
         "|" + a.encoding + "|" + a.origin + "|" + a.body + "|" + ex.anchor_date + "\n";
  for (const Sentence& s : ex.sentences) {
    out += "sentence " + span(s.span) + " p" + std::to_string(s.paragraph) + "\n";
  }
  for (const TimeExpr& t : ex.times) {
    out += "time " + span(t.span) + "|" + t.text + "|" + t.timex + "|" + t.from + "|" + t.to + "|" +
           t.kind + "\n";
  }
  for (const Speaker& s : ex.speakers) {
    out += "speaker " + s.name + "|" + s.role + "|" + s.org;
    for (const std::string& al : s.aliases) out += "|alias " + al;
    out += "\n";
  }
  for (const Claim& c : ex.claims) {
    out += "claim " + span(c.span) + "|" + c.text + "|" + opt(c.value) + "|" + opt(c.low) + "|" +
           opt(c.high) + "|" + c.unit + "|" + c.noun + "|" + QualifierName(c.qualifier) + "|" +
           (c.per ? num(c.per->value) + " " + c.per->noun : "no-rate") + "|" +
           name(ChangeName(c.change)) + "|" + name(ChangeKindName(c.change_kind)) + "|" +
           c.measured + "|r" + std::to_string(c.restates) + "|s" + std::to_string(c.sentence) +
           "|t" + std::to_string(c.time) + "|sp" + std::to_string(c.speaker) + "|" + c.source +
           "|" + c.attribution_rule + "\n";
  }
  for (const Quote& q : ex.quotes) {
    out += "quote " + span(q.span) + "|" + QuoteKindName(q.kind) + "|" + std::to_string(q.speaker) +
           "|" + q.cue + "|" + q.rule + "\n";
  }
  return out;
}

struct Stored {
  Article article;
  Extraction extraction;
};

std::vector<Stored> ReadAll(const Store& store) {
  std::vector<Stored> out;
  Status st = store.ForEachArticle([&](const Article& a, const Extraction& ex) {
    out.push_back({a, ex});
    return Status::Ok();
  });
  REQUIRE(st.ok());
  return out;
}

std::vector<Link> Links(const Store& store) {
  std::vector<Link> out;
  REQUIRE(store
              .ForEachLink([&](const Link& l) {
                out.push_back(l);
                return Status::Ok();
              })
              .ok());
  return out;
}

Article MakeArticle(std::string id, std::string body, std::string published = "") {
  Article a;
  a.id = std::move(id);
  a.body = std::move(body);
  a.published = std::move(published);
  a.encoding = "UTF-8";
  return a;
}

Store::PutOutcome MustPut(Store& store, const Article& a, const Extraction& ex) {
  auto r = store.Put(a, ex);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return *r;
}

// Puts an article whose extraction is only its sentences.
Store::PutOutcome PutText(Store& store, const std::string& id, const std::string& body,
                          const std::string& published = "") {
  Extraction ex;
  ex.sentences = Sentences(body);
  return MustPut(store, MakeArticle(id, body, published), ex);
}

TEST_CASE("store: open creates the file and applies every migration", "[store]") {
  TempDb db;
  {
    auto store = OpenStore(db.path);
    CHECK(store->SchemaVersion() == LatestMigration());
    CHECK(Counts(*store) ==
          "articles=0 sentences=0 claims=0 times=0 speakers=0 speaker_aliases=0 quotes=0 links=0 ");
  }
  CHECK(fs::exists(db.path));
  auto again = OpenStore(db.path);  // reopening migrates nothing and keeps the version
  CHECK(again->SchemaVersion() == LatestMigration());
}

TEST_CASE("store: open checks the schema version", "[store]") {
  // A database whose user_version is set by hand (0 = a plain SQLite file, not claimex's).
  struct Case {
    int version_offset;  // added to the latest version; -latest makes 0
    bool read_only;
    bool ok;
  } const cases[] = {
      {1, false, false},                  // made by a newer claimex: refuse to write
      {1, true, false},                   // ... and to read
      {-LatestMigration(), true, false},  // not a claimex database
      {-LatestMigration(), false, true},  // an empty SQLite file: migrated
      {0, true, true},
  };
  for (const Case& c : cases) {
    const int version = LatestMigration() + c.version_offset;
    INFO("version " << version << (c.read_only ? " read-only" : " writable"));
    TempDb db;
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.path.c_str(), &raw) == SQLITE_OK);
    const std::string pragma = "PRAGMA user_version = " + std::to_string(version);
    REQUIRE(sqlite3_exec(raw, pragma.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    if (version == LatestMigration()) {  // a real, current database
      fs::remove(db.path);
      OpenStore(db.path);
    }
    Store::Options options;
    options.path = db.path;
    options.read_only = c.read_only;
    auto store = Store::Open(options);
    CHECK(store.ok() == c.ok);
    if (store.ok()) CHECK((*store)->SchemaVersion() == LatestMigration());
  }
}

TEST_CASE("store: Count accepts only known table names", "[store]") {
  TempDb db;
  auto store = OpenStore(db.path);
  struct Case {
    const char* table;
    bool ok;
  } const cases[] = {
      {"articles", true},
      {"links", true},
      {"speaker_aliases", true},
      {"sqlite_master", false},
      {"articles; DROP TABLE articles", false},
      {"", false},
      {"Articles", false},
  };
  for (const Case& c : cases) {
    INFO(c.table);
    auto n = store->Count(c.table);
    CHECK(n.ok() == c.ok);
    if (!c.ok) CHECK(n.status().code() == Status::Code::kInvalidArgument);
  }
  CHECK(store->Count("articles").ok());  // the injection attempt dropped nothing
}

TEST_CASE("store: read-only open", "[store]") {
  TempDb db;
  SECTION("a missing file is kNotFound and is not created") {
    Store::Options options;
    options.path = db.path;
    options.read_only = true;
    auto store = Store::Open(options);
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().code() == Status::Code::kNotFound);
    CHECK(store.status().message().find(db.path) != std::string::npos);
    CHECK_FALSE(fs::exists(db.path));
  }
  SECTION("a file that is not a claimex database is refused") {
    {
      std::FILE* f = std::fopen(db.path.c_str(), "w");
      std::fputs("not sqlite", f);
      std::fclose(f);
    }
    Store::Options options;
    options.path = db.path;
    options.read_only = true;
    CHECK_FALSE(Store::Open(options).ok());
    options.read_only = false;
    auto writable = Store::Open(options);
    REQUIRE_FALSE(writable.ok());
    CHECK(writable.status().code() == Status::Code::kDatabase);
  }
  SECTION("an existing database reads, and refuses writes") {
    { PutText(*OpenStore(db.path), "a", "One sentence here for the test."); }
    auto store = OpenStore(db.path, /*read_only=*/true);
    CHECK(store->SchemaVersion() == LatestMigration());
    CHECK(ReadAll(*store).size() == 1);
    auto put = store->Put(MakeArticle("b", "Body."), Extraction());
    REQUIRE_FALSE(put.ok());
    CHECK(put.status().code() == Status::Code::kInvalidArgument);
  }
}

TEST_CASE("store: every field round-trips, in ingest order", "[store]") {
  std::vector<Stored> in;
  {
    Article a = MakeArticle("plain-1", kBody, "2019-05-01");
    a.title = "Knife crime";
    a.source = "Met Police";
    a.url = "https://example.org/1?a=1&b='2'";
    a.origin = "dir/plain-1.txt";
    in.push_back({a, FullExtraction(kBody)});
  }
  {  // SQL-ish strings in the id and metadata must be stored as data
    Article a = MakeArticle("x'); DROP TABLE articles; --", kBody);
    a.title = "Robert\"); DELETE FROM claims WHERE 1=1; --";
    a.encoding = "windows-1252";
    a.origin = "feed.jsonl:2";
    Extraction ex = FullExtraction(kBody);
    ex.anchor_date = "";
    in.push_back({a, ex});
  }
  {  // unicode everywhere; empty metadata stays empty
    std::string body = "Zürich’s “budget” — 5 % of 日本語 text.";
    Article a = MakeArticle("ünïcødé-日本", body);
    a.title = "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x94 title \xE2\x9C\x93";
    Extraction ex;
    ex.sentences = {{{0, static_cast<uint32_t>(body.size())}, 0}};
    Claim c;
    c.span = Find(body, "5 %");
    c.text = "5 %";
    c.value = 5;
    c.unit = "percent";
    c.measured = "„measured“ thing";
    c.sentence = 0;
    ex.claims = {c};
    ex.speakers = {{"Zoë Ñúñez", "Bürgermeisterin", "Stadt Zürich", {"Frau Ñúñez"}}};
    in.push_back({a, ex});
  }
  in.push_back({MakeArticle("empty-extraction", "No figures at all"), Extraction()});

  TempDb db;
  {
    auto store = OpenStore(db.path, false, /*batch=*/3);  // crosses a batch boundary
    for (const Stored& s : in)
      CHECK(MustPut(*store, s.article, s.extraction) == Store::PutOutcome::kStored);
    REQUIRE(store->Commit().ok());
  }
  auto store = OpenStore(db.path, /*read_only=*/true);
  std::vector<Stored> out = ReadAll(*store);
  REQUIRE(out.size() == in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    CHECK(Dump(out[i].article, out[i].extraction) == Dump(in[i].article, in[i].extraction));
  }
  CHECK(*store->Count("speaker_aliases") == 2 + 2 + 1);
}

TEST_CASE("store: putting an unchanged article again writes nothing", "[store]") {
  TempDb db;
  auto store = OpenStore(db.path);
  Article a = MakeArticle("same", kBody, "2019-05-01");
  Extraction ex = FullExtraction(kBody);
  CHECK(MustPut(*store, a, ex) == Store::PutOutcome::kStored);
  REQUIRE(store->Commit().ok());
  const std::string before = Counts(*store);
  const int changes = sqlite3_total_changes(store->handle());
  a.origin = "another/path.txt";  // where it came from is not content
  CHECK(MustPut(*store, a, ex) == Store::PutOutcome::kUnchanged);
  REQUIRE(store->Commit().ok());
  CHECK(sqlite3_total_changes(store->handle()) == changes);
  CHECK(Counts(*store) == before);
}

// Regression: re-ingesting after a rules change used to keep the old claims, because the content
// hash covered the article only.
TEST_CASE("store: an article extracted by another extractor version is replaced", "[store]") {
  TempDb db;
  const Article a = MakeArticle("versioned", kBody, "2019-05-01");
  const Extraction ex = FullExtraction(kBody);
  struct Case {
    std::string version;
    Store::PutOutcome expected;
  };
  const Case cases[] = {
      {"claimex-extract-1+rules-aaaa", Store::PutOutcome::kStored},
      {"claimex-extract-1+rules-aaaa", Store::PutOutcome::kUnchanged},
      {"claimex-extract-1+rules-bbbb", Store::PutOutcome::kReplaced},  // the rules changed
      {"claimex-extract-2+rules-bbbb", Store::PutOutcome::kReplaced},  // the code changed
      {"claimex-extract-2+rules-bbbb", Store::PutOutcome::kUnchanged},
  };
  for (const Case& c : cases) {
    Store::Options options;
    options.path = db.path;
    options.extractor_version = c.version;
    auto store = Store::Open(options);
    REQUIRE(store.ok());
    INFO(c.version);
    CHECK(MustPut(**store, a, ex) == c.expected);
    REQUIRE((*store)->Commit().ok());
    CHECK((*store)->Count("articles").value() == 1);
  }
}

TEST_CASE("store: a changed body or metadata replaces the article and its rows", "[store]") {
  struct Case {
    const char* what;
    void (*change)(Article&);
  } const cases[] = {
      {"body", [](Article& a) { a.body = "Police said thefts rose by 7 per cent last year."; }},
      {"title", [](Article& a) { a.title = "A new title"; }},
      {"published", [](Article& a) { a.published = "2020-01-02"; }},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    TempDb db;
    auto store = OpenStore(db.path);
    PutText(*store, "first", "The first article is stored before the other one.");
    Article a = MakeArticle("changing", kBody, "2019-05-01");
    CHECK(MustPut(*store, a, FullExtraction(kBody)) == Store::PutOutcome::kStored);
    PutText(*store, "last", "The last article is stored after the other one.");
    c.change(a);
    Extraction ex;
    ex.sentences = Sentences(a.body);
    Claim claim;  // one figure instead of four
    claim.span = {0, 6};
    claim.text = a.body.substr(0, 6);
    claim.unit = "count";
    ex.claims = {claim};
    CHECK(MustPut(*store, a, ex) == Store::PutOutcome::kReplaced);
    REQUIRE(store->Commit().ok());
    CHECK(*store->Count("articles") == 3);
    CHECK(*store->Count("claims") == 1);
    CHECK(*store->Count("times") == 0);
    CHECK(*store->Count("speakers") == 0);
    CHECK(*store->Count("speaker_aliases") == 0);
    CHECK(*store->Count("quotes") == 0);
    std::vector<Stored> out = ReadAll(*store);
    REQUIRE(out.size() == 3);
    CHECK(out[1].article.id == "changing");  // keeps its place in ingest order
    CHECK(Dump(out[1].article, out[1].extraction) == Dump(a, ex));
  }
}

const std::string kShared = "The council said it had cut 1,300 jobs since 2010.";

// Rows of the database that refer to a row that is gone: what PRAGMA foreign_key_check
// reports, plus link signatures without their sentence.
int64_t Orphans(Store& store) {
  int64_t n = 0;
  for (const char* sql :
       {"PRAGMA foreign_key_check",
        "SELECT 1 FROM link_statements WHERE sentence NOT IN (SELECT id FROM sentences)",
        "SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH 'council' AND rowid NOT IN "
        "(SELECT id FROM sentences)"}) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(store.handle(), sql, -1, &st, nullptr) == SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) ++n;
    sqlite3_finalize(st);
  }
  return n;
}

// Regression: the writer runs without foreign key enforcement, so replacing an article must
// delete every row derived from it (claims, times, speakers and aliases, quotes, sentences with
// their full-text entries and link signatures, links on either side) by itself.
TEST_CASE("store: replacing an article leaves no row that refers to the old one", "[store]") {
  struct Case {
    const char* id;    // the article replaced
    std::string body;  // its new body
    int64_t links;     // links after the replacement
  } const cases[] = {
      {"full", kShared, 3},  // now shares the statement with a and b
      {"a", "Nothing shared in here at all today.", 1},
      {"b", "Another unrelated sentence was written.", 0},
      {"full", kBody, 0},
  };
  TempDb db;
  auto store = OpenStore(db.path);
  CHECK(MustPut(*store, MakeArticle("full", kBody), FullExtraction(kBody)) ==
        Store::PutOutcome::kStored);
  PutText(*store, "a", kShared);
  PutText(*store, "b", kShared);
  REQUIRE(*store->Count("links") == 1);
  for (const Case& c : cases) {
    INFO(c.id << ": " << c.body);
    CHECK(PutText(*store, c.id, c.body) == Store::PutOutcome::kReplaced);
    REQUIRE(store->Commit().ok());
    CHECK(*store->Count("articles") == 3);
    CHECK(*store->Count("links") == c.links);
    CHECK(Orphans(*store) == 0);
  }
}

TEST_CASE("store: verbatim links across articles, not within one", "[store]") {
  TempDb db;
  auto store = OpenStore(db.path);
  // Same sentence twice in one article: no link.
  PutText(*store, "self", kShared + " Then it said so again. " + kShared);
  CHECK(*store->Count("links") == 0);
  // A later-published article stored first, then an earlier one with trivial differences.
  PutText(*store, "later", "Opening words here. " + kShared, "2021-03-04");
  const std::string variant =
      "THE  council said it had cut 1,300 jobs since 2010.";  // case and spacing differ
  PutText(*store, "earlier", variant + " Closing words.", "2020-01-01");
  REQUIRE(store->Commit().ok());
  std::vector<Link> links = Links(*store);
  // self has two copies: self<->later x2, self<->earlier x2, later<->earlier x1.
  CHECK(links.size() == 5);
  bool found = false;
  for (const Link& l : links) {
    CHECK(l.kind == LinkKind::kVerbatim);
    CHECK(l.score == 1.0);
    CHECK(l.a.article != l.b.article);
    if (l.a.article == "earlier" && l.b.article == "later") {
      found = true;
      CHECK(l.a.span == Span{0, static_cast<uint32_t>(variant.size())});
      CHECK(l.b.span.start == 20);
    }
    // "self" has no date: ingest order decides, and it came first.
    if (l.a.article == "self" || l.b.article == "self") CHECK(l.a.article == "self");
  }
  CHECK(found);
}

TEST_CASE("store: short sentences and boilerplate are not linked", "[store]") {
  TempDb db;
  auto store = OpenStore(db.path);
  PutText(*store, "a", "He said so. Ends.");
  PutText(*store, "b", "He said so. Ends.");
  CHECK(*store->Count("links") == 0);
  // A sentence carried by 50 articles links pairwise; the 51st makes it boilerplate and its
  // links go; later copies add none.
  const std::string boiler = "For more information call the press office.";
  for (int i = 0; i < 50; ++i) PutText(*store, "boiler-" + std::to_string(i), boiler);
  CHECK(*store->Count("links") == 50 * 49 / 2);
  PutText(*store, "boiler-50", boiler);
  CHECK(*store->Count("links") == 0);
  PutText(*store, "boiler-51", boiler);
  PutText(*store, "other", "A statement two articles share, not boilerplate.");
  PutText(*store, "other-2", "A statement two articles share, not boilerplate.");
  CHECK(*store->Count("links") == 1);
  // Regression: an article carrying the sentence twice that takes the hash over the cap
  // (49 -> 51) still removes the earlier links.
  const std::string twice = "Notes to editors follow below this line.";
  for (int i = 0; i < 49; ++i) PutText(*store, "twice-" + std::to_string(i), twice);
  CHECK(*store->Count("links") == 1 + 49 * 48 / 2);
  PutText(*store, "twice-49", twice + " " + twice);
  CHECK(*store->Count("links") == 1);
}

TEST_CASE("store: replacing an article re-links it", "[store]") {
  TempDb db;
  auto store = OpenStore(db.path);
  PutText(*store, "a", kShared);
  PutText(*store, "b", kShared);
  CHECK(*store->Count("links") == 1);
  CHECK(PutText(*store, "b", "Something else entirely was said today.") ==
        Store::PutOutcome::kReplaced);
  CHECK(*store->Count("links") == 0);
  CHECK(PutText(*store, "b", "Intro sentence of b. " + kShared) == Store::PutOutcome::kReplaced);
  CHECK(*store->Count("links") == 1);
}

// Regression: a failed article is undone by rolling its batch back and writing the batch's
// earlier articles again ("kept" here), not by a savepoint per article.
TEST_CASE("store: a failing Put rolls back only that article", "[store]") {
  TempDb db;
  auto store = OpenStore(db.path);
  PutText(*store, "kept", "This article is fine and stays.");
  SECTION("an extraction that does not fit its article is refused before writing") {
    Extraction bad;
    bad.sentences = {{{0, 999}, 0}};
    auto r = store->Put(MakeArticle("bad", "Short."), bad);
    CHECK(r.status().code() == Status::Code::kInternal);
    bad.sentences = {{{0, 6}, 0}};
    Claim c;
    c.sentence = 3;
    bad.claims = {c};
    CHECK(store->Put(MakeArticle("bad", "Short."), bad).status().code() == Status::Code::kInternal);
  }
  SECTION("a failure midway (after the article row) leaves no trace") {
    REQUIRE(sqlite3_exec(store->handle(),
                         "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.quotes "
                         "BEGIN SELECT RAISE(ABORT, 'boom'); END;",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    auto r = store->Put(MakeArticle("midway", kBody), FullExtraction(kBody));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kDatabase);
    CHECK(r.status().message().find("boom") != std::string::npos);
    // The trigger was made inside the store's open batch (with "kept"), which the failure rolled
    // back before writing "kept" again: it may be gone already.
    REQUIRE(sqlite3_exec(store->handle(), "DROP TRIGGER IF EXISTS temp.boom", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
  }
  CHECK(PutText(*store, "after", "The store is still usable afterwards.") ==
        Store::PutOutcome::kStored);
  REQUIRE(store->Commit().ok());
  CHECK(*store->Count("articles") == 2);
  CHECK(*store->Count("sentences") == 2);
  CHECK(*store->Count("claims") == 0);
}

TEST_CASE("store: a killed ingest keeps whole batches and a re-run completes it", "[store]") {
  TempDb db;
  const std::vector<std::string> ids = {"k1", "k2", "k3", "k4", "k5"};
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {  // ingest with batches of 2, then die without committing the last one
    Store::Options options;
    options.path = db.path;
    options.batch_articles = 2;
    auto store = Store::Open(options);
    if (!store.ok()) _exit(2);
    for (const std::string& id : ids) {
      Extraction ex;
      std::string body = "Article " + id + " has one sentence.";
      ex.sentences = Sentences(body);
      if (!(*store)->Put(MakeArticle(id, body), ex).ok()) _exit(3);
    }
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  auto store = OpenStore(db.path);
  CHECK(*store->Count("articles") == 4);  // two full batches; the fifth was never committed
  CHECK(*store->Count("sentences") == 4);
  StoreSink sink(store.get());
  for (const std::string& id : ids) {
    std::string body = "Article " + id + " has one sentence.";
    Extraction ex;
    ex.sentences = Sentences(body);
    REQUIRE(sink.Put(MakeArticle(id, body), ex).ok());
  }
  REQUIRE(sink.Finish().ok());
  CHECK(sink.stored == 1);
  CHECK(sink.unchanged == 4);
  CHECK(sink.replaced == 0);
  CHECK(*store->Count("articles") == 5);
}

TEST_CASE("store: StoreSink counts outcomes and claims", "[store]") {
  TempDb db;
  auto store = OpenStore(db.path);
  StoreSink sink(store.get());
  Extraction ex = FullExtraction(kBody);
  REQUIRE(sink.Put(MakeArticle("one", kBody), ex).ok());
  REQUIRE(sink.Put(MakeArticle("one", kBody), ex).ok());
  REQUIRE(sink.Put(MakeArticle("one", kBody, "2024-01-01"), ex).ok());
  REQUIRE(sink.Finish().ok());
  CHECK(sink.stored == 1);
  CHECK(sink.unchanged == 1);
  CHECK(sink.replaced == 1);
  CHECK(sink.claims == 2 * static_cast<int64_t>(ex.claims.size()));
}

TEST_CASE("linker: sentence normalization for verbatim matching", "[store]") {
  struct Case {
    const char* raw;
    const char* normalized;
  } const cases[] = {
      {"Plain sentence.", "plain sentence."},
      {"  Spaces\t and\n\nnewlines  ", "spaces and newlines"},
      {"“Curly” and ‘single’", "\"curly\" and 'single'"},
      {"en–dash em—dash minus−", "en-dash em-dash minus-"},
      {"no\u00A0break thin\u2009space", "no break thin space"},
      {"soft\u00ADhyphen zero\u200Bwidth", "softhyphen zerowidth"},
      {"ÜBER ZÜRICH", "über zürich"},
      {"ＡＢ full-width", "ab full-width"},  // NFKC folds them
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.raw);
    CHECK(NormalizeSentence(c.raw) == c.normalized);
  }
  CHECK(NormalizedHash(NormalizeSentence("It\xE2\x80\x99s  DONE.")) ==
        NormalizedHash(NormalizeSentence("it's done.")));
  CHECK(NormalizedHash("a") != NormalizedHash("b"));
}

TEST_CASE("linker: a sentence's key does not depend on the body around it", "[store]") {
  const std::string bodies[] = {
      "First one here.  “Second” sentence — with ＡＢ.\n\nThird\u00A0one.",
      "\u00ADLeading soft hyphen. Ünïcode ÀT the end…",
  };
  for (const std::string& body : bodies) {
    const NormalizedText norm(body);
    for (const Sentence& s : Sentences(body)) {
      const std::string alone = body.substr(s.span.start, s.span.size());
      INFO(alone);
      CHECK(SentenceKey(norm, s.span) == NormalizeSentence(alone));
    }
  }
}

}  // namespace
}  // namespace claimex

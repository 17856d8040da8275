// Tests for the Segmenter and Document (extractor/text.h, extractor/segment.cc): paragraphs,
// sentences, tokens and their offsets.
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "extractor/text.h"

namespace claimex {
namespace {

const Segmenter& TheSegmenter() {
  static const std::unique_ptr<const Segmenter> seg = [] {
    auto rules = RuleSet::Load(std::string(CLAIMEX_SOURCE_DIR) + "/patterns");
    REQUIRE(rules.ok());
    auto made = Segmenter::Create(**rules);
    REQUIRE(made.ok());
    return std::move(made).value();
  }();
  return *seg;
}

Document Segmented(const Article& article) {
  Document doc;
  Status st = TheSegmenter().Segment(article, &doc);
  REQUIRE(st.ok());
  return doc;
}

std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.Text(s.span));
  return out;
}

std::vector<std::string> ParagraphTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Span& p : doc.paragraphs) out.emplace_back(doc.Text(p));
  return out;
}

// A body and the sentences it must split into.
struct SentenceCase {
  const char* name;
  std::string body;
  std::vector<std::string> want;
};

void CheckSentences(const std::vector<SentenceCase>& cases) {
  for (const SentenceCase& c : cases) {
    INFO(c.name);
    Article a;
    a.body = c.body;
    Document doc = Segmented(a);
    CHECK(SentenceTexts(doc) == c.want);
    CHECK(doc.article == &a);
  }
}

TEST_CASE("sentences break where a sentence ends, not after abbreviations", "[segment]") {
  CheckSentences({
      {"titles",
       "Mr. Hale met Dr. Osei and Insp. Ruth Kane. They spoke for an hour.",
       {"Mr. Hale met Dr. Osei and Insp. Ruth Kane.", "They spoke for an hour."}},
      {"council titles",
       "Cllr. Ana Ruiz and Supt. Tom Webb agreed. Sgt. Lee did not.",
       {"Cllr. Ana Ruiz and Supt. Tom Webb agreed.", "Sgt. Lee did not."}},
      {"question inside a quote keeps its speaker",
       "\u201CWho pays?\u201D she asked. Nobody replied.",
       {"\"Who pays?\" she asked.", "Nobody replied."}},
      {"question in a quote before a named speaker",
       "\u201CIs it fair?\u201D Mr Dale asked. He got no answer.",
       {"\"Is it fair?\" Mr Dale asked.", "He got no answer."}},
      {"question in a quote before an inverted speaker",
       "\"Why now?\" asked Ms Cole, frowning. Nobody knew.",
       {"\"Why now?\" asked Ms Cole, frowning.", "Nobody knew."}},
      {"a new sentence after a quoted question",
       "\"Why now?\" The board said nothing. Fine.",
       {"\"Why now?\"", "The board said nothing.", "Fine."}},
      {"exclamation inside a quote",
       "\"Not again!\" he said. The room fell quiet.",
       {"\"Not again!\" he said.", "The room fell quiet."}},
      {"U.S. before an amount",
       "The U.S. $2.5 billion grant arrived. It was late.",
       {"The U.S. $2.5 billion grant arrived.", "It was late."}},
      {"U.S. before a noun",
       "Several U.S. Treasury officials came. Two left early.",
       {"Several U.S. Treasury officials came.", "Two left early."}},
      {"U.S. ending a sentence",
       "Sales fell in the U.S. The firm blamed prices.",
       {"Sales fell in the U.S.", "The firm blamed prices."}},
      {"decimal numbers",
       "Inflation hit 3.3 per cent. Wages grew 1.5 per cent.",
       {"Inflation hit 3.3 per cent.", "Wages grew 1.5 per cent."}},
      {"months and numbers",
       "The vote is on Feb. 14 in room No. 6. Doors open at noon.",
       {"The vote is on Feb. 14 in room No. 6.", "Doors open at noon."}},
      {"No. before a number, and as an answer",
       "Flat No. 9 was empty. Was it let? No. The lease had ended.",
       {"Flat No. 9 was empty.", "Was it let?", "No.", "The lease had ended."}},
      {"a month ending a sentence",
       "Work starts in Nov. Crews are ready.",
       {"Work starts in Nov.", "Crews are ready."}},
      {"capitalised dateline",
       "ST. ALBANS, March 3 - Rates rose. MR. COLE DISAGREED.",
       {"ST. ALBANS, March 3 - Rates rose.", "MR. COLE DISAGREED."}},
      {"state in a dateline",
       "DOVER, Del. Voters approved the budget. It passed.",
       {"DOVER, Del. Voters approved the budget.", "It passed."}},
      {"an abbreviation glued to the sentence before",
       "Talks ended.Sen. Hale left. Fine.",
       {"Talks ended.", "Sen. Hale left.", "Fine."}},
      {"etc. can end a sentence",
       "They sold pens, paper etc. The shop shut in May.",
       {"They sold pens, paper etc.", "The shop shut in May."}},
      {"company suffix before a title",
       "Brill Ltd. Chairman Omar Diaz resigned. He was 70.",
       {"Brill Ltd. Chairman Omar Diaz resigned.", "He was 70."}},
      {"company suffix ending a sentence",
       "She joined Brill Ltd. The pay was good.",
       {"She joined Brill Ltd.", "The pay was good."}},
      // Regression: "Inc. (JCP)" broke the sentence before the ticker.
      {"company suffix before a ticker",
       "Brill Co. Inc. (BRL) and Mott Co. (NYSE: MTT) gained. She joined Brill Ltd. (The pay was "
       "good.)",
       {"Brill Co. Inc. (BRL) and Mott Co. (NYSE: MTT) gained.", "She joined Brill Ltd.",
        "(The pay was good.)"}},
      // Regression: ICU broke after the full stop of ".SPX", leaving "The broader ... Index ."
      {"market codes with a full stop",
       "The Brill 500 Index .BRX was up 3 points. The Mott average <.MTT> added 28 points...Fine. "
       "It cost .50 a share. Sales fell in Dover .The port shut. Nothing . . .A rumour spread.",
       {"The Brill 500 Index .BRX was up 3 points.", "The Mott average <.MTT> added 28 points...",
        "Fine.", "It cost .50 a share.", "Sales fell in Dover .", "The port shut.", "Nothing . . .",
        "A rumour spread."}},
      {"street at the end of a sentence",
       "The depot is on Mill St. The gates open at six.",
       {"The depot is on Mill St.", "The gates open at six."}},
      {"saint before a name",
       "Services at St. Agnes moved. Buses run hourly.",
       {"Services at St. Agnes moved.", "Buses run hourly."}},
      {"initials",
       "The report by J. K. Marlow was cited. Critics disagreed.",
       {"The report by J. K. Marlow was cited.", "Critics disagreed."}},
      {"e.g. and i.e.",
       "Some items, e.g. Bins, cost more, i.e. Twice as much. Fine.",
       {"Some items, e.g. Bins, cost more, i.e. Twice as much.", "Fine."}},
      {"several spaces after a title",
       "Ms.   Dunn arrived.  Then she left.",
       {"Ms.   Dunn arrived.", "Then she left."}},
      {"two sentences glued without a space",
       "The scheme ended.Officials gave no reason.",
       {"The scheme ended.", "Officials gave no reason."}},
      {"web addresses are not glued sentences",
       "See www.example.Org for details.",
       {"See www.example.Org for details."}},
      {"line break inside a paragraph",
       "The board said\nit would act.\nIt did.\n\nNext one.",
       {"The board said\nit would act.", "It did.", "Next one."}},
      {"surrounding white space is trimmed", "   Alone here.   ", {"Alone here."}},
      {"blank body has no sentences", " \n\t\n ", {}},
      {"empty body has no sentences", "", {}},
  });
}

TEST_CASE("paragraphs come from blank lines, single lines and bullets", "[segment]") {
  struct Case {
    const char* name;
    std::string body;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"blank lines",
       "First part.\n\nSecond part.\nstill second.\n\n\nThird.",
       {"First part.", "Second part.\nstill second.", "Third."}},
      {"a line of spaces is blank", "One.\n   \nTwo.", {"One.", "Two."}},
      {"CR LF blank lines", "One.\r\n\r\nTwo.\r\n", {"One.", "Two."}},
      {"no blank line: one paragraph per line",
       "Grants rose.\nFees fell.\nRents held.",
       {"Grants rose.", "Fees fell.", "Rents held."}},
      {"no blank line: a wrapped line continues",
       "The mayor said the\nbudget was tight.\nNo more.",
       {"The mayor said the\nbudget was tight.", "No more."}},
      {"leading and trailing blank lines do not count",
       "\n\nTop line.\nNext line.\n\n",
       {"Top line.", "Next line."}},
      {"bullets are paragraphs of their own",
       "Key figures:\n\u2022 Rents rose 4%.\n\u2022 Fees fell.\nAfter the list.\n\nEnd.",
       {"Key figures:", "\u2022 Rents rose 4%.", "\u2022 Fees fell.", "After the list.", "End."}},
      {"dash and star bullets",
       "Plans:\n- build homes\n* fix roads\n\nDone.",
       {"Plans:", "- build homes", "* fix roads", "Done."}},
      {"a negative number is not a bullet",
       "Change was\n-5 points.\n\nDone.",
       {"Change was\n-5 points.", "Done."}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Article a;
    a.body = c.body;
    Document doc = Segmented(a);
    CHECK(ParagraphTexts(doc) == c.want);
    // Every sentence lies inside the paragraph it names.
    for (const Sentence& s : doc.sentences) {
      REQUIRE(s.paragraph >= 0);
      REQUIRE(static_cast<size_t>(s.paragraph) < doc.paragraphs.size());
      CHECK(s.span.start >= doc.paragraphs[s.paragraph].start);
      CHECK(s.span.end <= doc.paragraphs[s.paragraph].end);
    }
  }
}

TEST_CASE("tokens are words, numbers, punctuation and symbols", "[segment]") {
  struct Case {
    const char* name;
    std::string body;
    std::vector<std::string> want;  // "w:" word, "n:" number, "p:" punct, "s:" symbol
  };
  const Case cases[] = {
      {"apostrophes and hyphens inside words",
       "A Londoner\u2019s first-time buy",
       {"w:A", "w:Londoner's", "w:first-time", "w:buy"}},
      {"numbers with separators",
       "30,000 at 12:30 or 3.3.",
       {"n:30,000", "w:at", "n:12:30", "w:or", "n:3.3", "p:."}},
      {"currency and percent",
       "\u00A34.5m (12%) $7 \u20AC9",
       {"s:\u00A3", "n:4.5", "w:m", "p:(", "n:12", "s:%", "p:)", "s:$", "n:7", "s:\u20AC", "n:9"}},
      {"trailing separators are punctuation",
       "In 2020, 5,",
       {"w:In", "n:2020", "p:,", "n:5", "p:,"}},
      {"non-ASCII letters", "Z\u00FCrich caf\u00E9s", {"w:Z\u00FCrich", "w:caf\u00E9s"}},
      {"quotes and dashes", "\u201CYes\u201D \u2014 no", {"p:\"", "w:Yes", "p:\"", "p:-", "w:no"}},
      {"an ellipsis is one token",
       "Wait… what... ok.",
       {"w:Wait", "p:...", "w:what", "p:...", "w:ok", "p:."}},
      {"closing apostrophe is not part of the word",
       "the workers' pay",
       {"w:the", "w:workers", "p:'", "w:pay"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Article a;
    a.body = c.body;
    Document doc = Segmented(a);
    std::vector<std::string> got;
    for (const Token& t : doc.tokens) {
      const char* tag = t.kind == Token::Kind::kWord     ? "w:"
                        : t.kind == Token::Kind::kNumber ? "n:"
                        : t.kind == Token::Kind::kPunct  ? "p:"
                                                         : "s:";
      got.push_back(tag + std::string(doc.Text(t.span)));
    }
    CHECK(got == c.want);
  }
}

// Regression (issue 8, speed): Document::lower is the one folded copy the quantity, timex and
// quote stages share, and an extraction's Document skips the tokens no stage reads; neither may
// change what the segmenter finds.
TEST_CASE("the shared lower-case copy and skipping tokens leave the segmentation as it was",
          "[segment]") {
  const char* bodies[] = {
      "The Mayor said 3,000 HOMES were built.\n\nZ\u00DCRICH grew by 4% in MAY. Done.",
      "",
      "ALL CAPS LINE\nsecond line, Mixed Case \u00C9T\u00C9 \u212A and \u017F.",
  };
  for (const char* body : bodies) {
    INFO(body);
    Article a;
    a.body = body;
    Document with = Segmented(a);
    std::string want = with.norm.text();
    for (char& c : want) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    CHECK(with.lower == want);  // ASCII letters folded, every other byte as it was
    std::string buf;
    CHECK(LowerOf(with, &buf) == want);
    CHECK(buf.empty());  // the Document's copy was used

    Document without;
    without.want_tokens = false;
    REQUIRE(TheSegmenter().Segment(a, &without).ok());
    CHECK(without.tokens.empty());
    CHECK(SentenceTexts(without) == SentenceTexts(with));
    CHECK(ParagraphTexts(without) == ParagraphTexts(with));
    CHECK(without.lower == with.lower);

    Document by_hand;  // a Document not made by the Segmenter: LowerOf folds its own copy
    by_hand.norm = NormalizedText(body);
    CHECK(LowerOf(by_hand, &buf) == want);
  }
}

// Regression (issue 8, speed): ICU reads each paragraph as UTF-16 now; the breaks must fall at
// the same byte offsets after 2-, 3- and 4-byte characters (a surrogate pair in UTF-16).
TEST_CASE("sentence breaks after non-ASCII text land on the right bytes", "[segment]") {
  CheckSentences({
      {"two-byte letters",
       "Caf\u00E9s in Z\u00FCrich opened. The na\u00EFve plan failed.",
       {"Caf\u00E9s in Z\u00FCrich opened.", "The na\u00EFve plan failed."}},
      {"three-byte symbols",
       "It cost \u20AC5 \u2014 a lot. Then \u2192 more came.",
       {"It cost \u20AC5 - a lot.", "Then \u2192 more came."}},
      {"four-byte characters",
       "We met \U0001F600 twice. Again \U0001D11E here. Done.",
       {"We met \U0001F600 twice.", "Again \U0001D11E here.", "Done."}},
      {"two paragraphs",
       "\u00C9t\u00E9 was hot.\n\n\U0001F600 Winter came. It was cold.",
       {"\u00C9t\u00E9 was hot.", "\U0001F600 Winter came.", "It was cold."}},
  });
}

TEST_CASE("sentences and tokens map back to the body", "[segment]") {
  const std::string bodies[] = {
      "\u201CWe\u2019ll cut fees by \u00A3700\u00A0million,\u201D said Cllr. Rhys Bevan.\r\n\r\n"
      "Co\u00ADoperation \u2014 vital.\tCafe\u0301 bills rose 3.3\u2009%.",
      "Bad \xFF bytes\x02 here. Then\u200B more.\nAnd\u2026 end",
  };
  for (const std::string& body : bodies) {
    Article a;
    a.body = body;
    Document doc = Segmented(a);
    REQUIRE(!doc.sentences.empty());
    auto check = [&](Span s) {
      Span raw = doc.norm.ToRaw(s);
      REQUIRE(raw.end <= body.size());
      // The body bytes behind a span normalize to the span's text.
      CHECK(NormalizedText(body.substr(raw.start, raw.size())).text() == doc.Text(s));
    };
    for (const Sentence& s : doc.sentences) check(s.span);
    for (const Token& t : doc.tokens) check(t.span);
  }
}

TEST_CASE("SentenceAt finds the sentence that holds an offset", "[segment]") {
  Article a;
  a.body = "One two.  Three four.\n\nFive.";
  Document doc = Segmented(a);
  REQUIRE(doc.sentences.size() == 3);
  struct Case {
    uint32_t offset;
    int want;
  };
  const Case cases[] = {{0, 0},   {7, 0},  {8, -1}, {10, 1},  {20, 1},
                        {21, -1}, {23, 2}, {27, 2}, {28, -1}, {1000, -1}};
  for (const Case& c : cases) {
    INFO("offset " << c.offset);
    CHECK(doc.SentenceAt(c.offset) == c.want);
  }
}

TEST_CASE("bad abbreviation rules fail Create with file and line", "[segment]") {
  struct Case {
    const char* abbreviations;
    const char* want;
  };
  const Case cases[] = {
      {"Mr.  title\nDr.  sometimes\n", "patterns/abbreviations.txt:2: class must be"},
      {"Mr\ttitle\n", "patterns/abbreviations.txt:1: an abbreviation ends with '.'"},
      {"Mr.\n", "patterns/abbreviations.txt:1: want: abbreviation  class"},
  };
  for (const Case& c : cases) {
    auto rules = RuleSet::FromStrings(
        {{"abbreviations.txt", c.abbreviations}, {"sentence_openers.txt", "The\n"}});
    REQUIRE(rules.ok());
    auto seg = Segmenter::Create(**rules);
    REQUIRE_FALSE(seg.ok());
    CHECK(seg.status().code() == Status::Code::kRuleError);
    CHECK_THAT(seg.status().message(), Catch::StartsWith(c.want));
  }
}

// Guards the thread-safety promise of Segment(): each thread gets its own ICU iterator.
TEST_CASE("Segment gives the same result from several threads", "[segment]") {
  Article a;
  a.body = "Dr. Vance said rents rose. Fees fell 2.5 per cent.\n\nMr. Pike agreed. So did we.";
  std::vector<std::string> want = SentenceTexts(Segmented(a));
  REQUIRE(want.size() == 4);
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int good = 1;
      for (int k = 0; k < 50; ++k) {
        Document doc;
        if (!TheSegmenter().Segment(a, &doc).ok() || SentenceTexts(doc) != want) good = 0;
      }
      ok[t] = good;
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == std::vector<int>(4, 1));
}

// Guards the span invariants on arbitrary input: a fixed pseudo-random mix of words,
// abbreviations, punctuation, line ends, bullets and broken bytes.
TEST_CASE("segments of arbitrary text are ordered, trimmed and inside paragraphs", "[segment]") {
  const std::string pieces[] = {"Mr.",  "U.S.",   " ",       " ",    "\n",     "\n\n",
                                "word", "Cap",    "3.3",     ".",    "?",      "!",
                                "\"",   "\u201D", "\u2022 ", "- ",   "\xFF",   "\u00AD",
                                "e.g.", "No.",    "a.B",     "\r\n", "\u2026", "  \n"};
  const size_t kPieces = sizeof(pieces) / sizeof(pieces[0]);
  uint32_t seed = 777;
  for (int round = 0; round < 400; ++round) {
    Article a;
    for (int k = 0; k < 60; ++k) {
      seed = seed * 1103515245u + 12345u;
      a.body += pieces[(seed >> 16) % kPieces];
    }
    INFO("round " << round);
    Document doc = Segmented(a);
    const std::string& t = doc.norm.text();
    auto is_space = [](char c) { return c == ' ' || c == '\n'; };
    uint32_t prev_end = 0;
    for (const Sentence& s : doc.sentences) {
      REQUIRE(s.span.start < s.span.end);
      REQUIRE(s.span.start >= prev_end);
      REQUIRE(s.span.end <= t.size());
      CHECK_FALSE(is_space(t[s.span.start]));
      CHECK_FALSE(is_space(t[s.span.end - 1]));
      const Span& p = doc.paragraphs.at(s.paragraph);
      CHECK((s.span.start >= p.start && s.span.end <= p.end));
      prev_end = s.span.end;
    }
    prev_end = 0;
    for (const Token& tok : doc.tokens) {
      REQUIRE(tok.span.start < tok.span.end);
      REQUIRE(tok.span.start >= prev_end);
      REQUIRE(tok.span.end <= t.size());
      prev_end = tok.span.end;
    }
  }
}

// Guards bounded time on a huge one-line paragraph (a 5 MB feed line with no line breaks).
TEST_CASE("a 5 MB single-line paragraph segments", "[segment]") {
  Article a;
  const std::string unit = "Mr. Oduya paid \u00A33.3m for 1,200 homes. ";
  while (a.body.size() < 5'000'000) a.body += unit;
  Document doc = Segmented(a);
  CHECK(doc.paragraphs.size() == 1);
  CHECK(doc.sentences.size() == a.body.size() / unit.size());
}

}  // namespace
}  // namespace claimex

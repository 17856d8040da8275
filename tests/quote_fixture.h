// Internal: test helper shared by quotes_test.cc and attribution_test.cc. Runs the Segmenter and
// the QuoteFinder built from the rule files compiled into the binary over an invented body.
#ifndef CLAIMEX_TESTS_QUOTE_FIXTURE_H_
#define CLAIMEX_TESTS_QUOTE_FIXTURE_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "extractor/article.h"
#include "extractor/attribution.h"
#include "extractor/extraction.h"
#include "extractor/quotes.h"
#include "extractor/rules.h"
#include "extractor/text.h"

namespace claimex {
namespace testing {

struct QuoteStages {
  std::shared_ptr<const RuleSet> rules;
  std::unique_ptr<const Segmenter> segmenter;
  std::unique_ptr<const QuoteFinder> quotes;
  std::unique_ptr<const Attributor> attributor;
};

inline const QuoteStages& Stages() {
  static const QuoteStages* stages = [] {
    auto* s = new QuoteStages();
    auto rules = RuleSet::Load();
    REQUIRE(rules.ok());
    s->rules = *rules;
    auto seg = Segmenter::Create(*s->rules);
    REQUIRE(seg.ok());
    s->segmenter = std::move(*seg);
    auto qf = QuoteFinder::Create(*s->rules);
    INFO(qf.status().ToString());
    REQUIRE(qf.ok());
    s->quotes = std::move(*qf);
    auto at = Attributor::Create(*s->rules);
    INFO(at.status().ToString());
    REQUIRE(at.ok());
    s->attributor = std::move(*at);
    return s;
  }();
  return *stages;
}

// One article run through the segmenter and the quote finder. Spans stay normalized.
struct QuoteRun {
  std::unique_ptr<Article> article;
  Document doc;
  Extraction ex;

  explicit QuoteRun(const std::string& body) : article(std::make_unique<Article>()) {
    article->id = "t";
    article->body = body;
    REQUIRE(Stages().segmenter->Segment(*article, &doc).ok());
    Stages().quotes->Find(doc, &ex.quotes, &ex.speakers);
  }
  std::string Text(Span s) const { return std::string(doc.Text(s)); }
  std::string SpeakerOf(int i) const {
    return i >= 0 && i < static_cast<int>(ex.speakers.size()) ? ex.speakers[i].name : "";
  }
  // Adds a claim over the first occurrence of `figure` in the normalized text.
  void AddClaim(const std::string& figure) {
    size_t at = doc.norm.text().find(figure);
    REQUIRE(at != std::string::npos);
    Claim c;
    c.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + figure.size())};
    c.sentence = doc.SentenceAt(c.span.start);
    ex.claims.push_back(c);
  }
  void Attribute() { Stages().attributor->Attribute(doc, &ex); }
};

}  // namespace testing
}  // namespace claimex

#endif  // CLAIMEX_TESTS_QUOTE_FIXTURE_H_

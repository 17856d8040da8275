#include "extractor/extractor.h"

#include "extractor/attribution.h"
#include "extractor/furniture.h"
#include "extractor/quantity.h"
#include "extractor/quotes.h"
#include "extractor/rules.h"
#include "extractor/text.h"
#include "extractor/timex.h"

namespace claimex {

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kApprox: return "approx";
    case Qualifier::kGt: return "gt";
    case Qualifier::kGe: return "ge";
    case Qualifier::kLt: return "lt";
    case Qualifier::kLe: return "le";
  }
  return "exact";
}

const char* ChangeName(Change c) {
  switch (c) {
    case Change::kUp: return "up";
    case Change::kDown: return "down";
    case Change::kNone: break;
  }
  return nullptr;
}

const char* ChangeKindName(ChangeKind k) {
  switch (k) {
    case ChangeKind::kBy: return "by";
    case ChangeKind::kTo: return "to";
    case ChangeKind::kNone: break;
  }
  return nullptr;
}

const char* QuoteKindName(QuoteKind k) { return k == QuoteKind::kDirect ? "direct" : "reported"; }

const char* LinkKindName(LinkKind k) {
  switch (k) {
    case LinkKind::kVerbatim: return "verbatim";
    case LinkKind::kNear: return "near";
    case LinkKind::kFigure: return "figure";
    case LinkKind::kQuote: return "quote";
  }
  return "verbatim";
}

Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Create(const Options& options) {
  auto rules = RuleSet::Load(options.patterns_dir);
  if (!rules.ok()) return rules.status();
  std::unique_ptr<Extractor> ex(new Extractor());
  ex->rules_ = *rules;
  ex->version_ = std::string(kCodeVersion) + "+rules-" + ex->rules_->Fingerprint();
  auto seg = Segmenter::Create(*ex->rules_);
  if (!seg.ok()) return seg.status();
  ex->segmenter_ = std::move(*seg);
  auto qf = QuantityFinder::Create(*ex->rules_);
  if (!qf.ok()) return qf.status();
  ex->quantities_ = std::move(*qf);
  auto tf = TimeFinder::Create(*ex->rules_);
  if (!tf.ok()) return tf.status();
  ex->times_ = std::move(*tf);
  auto quf = QuoteFinder::Create(*ex->rules_);
  if (!quf.ok()) return quf.status();
  ex->quotes_ = std::move(*quf);
  auto at = Attributor::Create(*ex->rules_);
  if (!at.ok()) return at.status();
  ex->attributor_ = std::move(*at);
  auto ff = FurnitureFilter::Create(*ex->rules_);
  if (!ff.ok()) return ff.status();
  ex->furniture_ = std::move(*ff);
  return ex;
}

Result<Extraction> Extractor::Extract(const Article& article) const {
  Document doc;
  doc.want_tokens = false;  // no stage reads Document::tokens
  CLAIMEX_RETURN_IF_ERROR(segmenter_->Segment(article, &doc));
  if (doc.sentences.empty()) return Status::Empty("no text");

  Extraction ex;
  ex.sentences = doc.sentences;
  ex.anchor_date = times_->AnchorDate(doc);
  quantities_->Find(doc, &ex.claims);
  times_->Find(doc, ex.anchor_date, &ex.times);
  quotes_->Find(doc, &ex.quotes, &ex.speakers);
  times_->Scope(doc, &ex);
  attributor_->Attribute(doc, &ex);

  // Everything above works in normalized offsets; from here on spans are body byte ranges.
  const NormalizedText& n = doc.norm;
  for (Sentence& s : ex.sentences) s.span = n.ToRaw(s.span);
  for (Claim& c : ex.claims) {
    c.span = n.ToRaw(c.span);
    c.text = article.body.substr(c.span.start, c.span.size());
  }
  for (TimeExpr& t : ex.times) {
    t.span = n.ToRaw(t.span);
    t.text = article.body.substr(t.span.start, t.span.size());
  }
  for (Quote& q : ex.quotes) q.span = n.ToRaw(q.span);
  // Page furniture in plain-text articles ("Skip to main content", "3 min read") is no statement.
  furniture_->Apply(article.body, &ex);
  return ex;
}

}  // namespace claimex

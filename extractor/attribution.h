// Internal: ties each claim to who stands behind it: the speaker (a figure inside a quote or
// reported speech) or a named non-quote source ("City Hall figures show ..."). (The time span
// that scopes a claim is set by TimeFinder::Scope.) Immutable after Create; thread-safe.
//
// Claim::attribution_rule says how: "in-quote:<quote rule>" / "in-reported:<quote rule>" (the
// innermost quote's speaker), "in-quote-org:..." / "in-reported-org:..." (an organisation's
// statement: it becomes the source), "in-quote-unresolved" (a quote with no named speaker), or
// the name of the source cue from patterns/source_cues.txt ("source-released-by",
// "source-org-data-show", "source-according-data", "source-anaphor", ...). A figure in the
// article's own voice with no source cue keeps an empty rule.
#ifndef CLAIMEX_EXTRACTOR_ATTRIBUTION_H_
#define CLAIMEX_EXTRACTOR_ATTRIBUTION_H_

#include <memory>

#include "extractor/extraction.h"
#include "extractor/rules.h"
#include "extractor/text.h"

namespace claimex {

class Attributor {
 public:
  static Result<std::unique_ptr<const Attributor>> Create(const RuleSet& rules);
  virtual ~Attributor() = default;
  // Sets Claim::speaker, ::source and ::attribution_rule for every claim in *ex, whose
  // spans are still NORMALIZED offsets of `doc`.
  virtual void Attribute(const Document& doc, Extraction* ex) const = 0;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_ATTRIBUTION_H_

// Internal: finds the figures of an article (numbers with unit, counted noun, qualifier, rate,
// range and change) from the rules in patterns/ (number words, scales, units, qualifiers, change
// verbs, not-a-figure contexts). Immutable after Create; Find() is thread-safe.
#ifndef CLAIMEX_EXTRACTOR_QUANTITY_H_
#define CLAIMEX_EXTRACTOR_QUANTITY_H_

#include <memory>
#include <vector>

#include "extractor/extraction.h"
#include "extractor/rules.h"
#include "extractor/text.h"

namespace claimex {

class QuantityFinder {
 public:
  static Result<std::unique_ptr<const QuantityFinder>> Create(const RuleSet& rules);
  virtual ~QuantityFinder() = default;
  // Appends the figures of `doc` to *claims in text order. Spans are NORMALIZED offsets (the
  // extractor maps them to the body); Claim::sentence is set; time/speaker/source are left unset.
  virtual void Find(const Document& doc, std::vector<Claim>* claims) const = 0;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUANTITY_H_

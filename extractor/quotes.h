// Internal: finds direct quotes and reported speech, their attribution cues, and the article's
// speakers (full name, role, aliases; pronouns resolved to the latest compatible speaker).
// Immutable after Create; Find() is thread-safe.
#ifndef CLAIMEX_EXTRACTOR_QUOTES_H_
#define CLAIMEX_EXTRACTOR_QUOTES_H_

#include <memory>
#include <vector>

#include "extractor/extraction.h"
#include "extractor/rules.h"
#include "extractor/text.h"

namespace claimex {

class QuoteFinder {
 public:
  static Result<std::unique_ptr<const QuoteFinder>> Create(const RuleSet& rules);
  virtual ~QuoteFinder() = default;
  // Appends the quotes of `doc` in text order (NORMALIZED offsets) and the speakers they
  // reference (Quote::speaker indexes *speakers).
  virtual void Find(const Document& doc, std::vector<Quote>* quotes,
                    std::vector<Speaker>* speakers) const = 0;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUOTES_H_

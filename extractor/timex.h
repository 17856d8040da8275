// Internal: finds time expressions (dates, months, years, ranges, open spans, durations, relative
// times) and resolves them against the article's anchor date. Immutable after Create; thread-safe.
#ifndef CLAIMEX_EXTRACTOR_TIMEX_H_
#define CLAIMEX_EXTRACTOR_TIMEX_H_

#include <memory>
#include <string>
#include <vector>

#include "extractor/extraction.h"
#include "extractor/rules.h"
#include "extractor/text.h"

namespace claimex {

class TimeFinder {
 public:
  static Result<std::unique_ptr<const TimeFinder>> Create(const RuleSet& rules);
  virtual ~TimeFinder() = default;
  // The date relative times resolve against: the article's "published" date, else a dateline or a
  // "Created on 11 November 2022" line in the text; "" when there is none. "YYYY-MM-DD".
  virtual std::string AnchorDate(const Document& doc) const = 0;
  // Appends the time expressions of `doc` in text order; spans are NORMALIZED offsets.
  virtual void Find(const Document& doc, const std::string& anchor,
                    std::vector<TimeExpr>* times) const = 0;
  // Sets Claim::time for every claim of *ex (NORMALIZED offsets, times already found): the time
  // expression that scopes the claim in its sentence ("fell by 20% from 2012 to 2016"), or -1.
  virtual void Scope(const Document& doc, Extraction* ex) const = 0;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_TIMEX_H_

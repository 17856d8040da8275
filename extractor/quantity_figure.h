// Internal: the QuantityFinder's working parts, shared by quantity.cc (reading numbers, joining
// ranges, lists and restatements, dropping what is no figure) and quantity_relations.cc (counted
// nouns, rates, changes and the measured thing). A Fig is a figure being built; its token
// indices are into the sentence's QTokens.
#ifndef CLAIMEX_EXTRACTOR_QUANTITY_FIGURE_H_
#define CLAIMEX_EXTRACTOR_QUANTITY_FIGURE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractor/quantity.h"
#include "extractor/quantity_context.h"
#include "extractor/quantity_number.h"
#include "extractor/quantity_tokens.h"
#include "extractor/quantity_unit.h"

namespace claimex {

// A figure being built; token indices are into the sentence's QTokens.
struct Fig {
  size_t start = 0, end = 0;    // the claim's span: qualifier .. unit
  size_t num_b = 0, num_e = 0;  // the number itself
  size_t after = 0;             // where the counted noun may start
  size_t noun_end = 0;          // after the counted noun (or `after`)
  NumberMatch m;
  double value = 0;
  std::optional<double> low, high;
  std::string unit;  // "" until decided; "count" / "fraction" when no unit is written
  bool explicit_unit = false;
  bool currency = false;
  bool prefixed = false;  // a currency symbol before the number
  UnitMatch unit_info;
  bool adj = false;  // written as an adjective: "six-mile", "five-year"
  bool plus = false, minus = false;
  Qualifier qualifier = Qualifier::kExact;
  bool has_qualifier = false;
  int qual_len = 0;  // tokens of a qualifier before the number
  std::string noun;
  bool noun_fixed = false;
  std::optional<Rate> per;
  Change change = Change::kNone;
  ChangeKind change_kind = ChangeKind::kNone;
  std::string measured;
  int restates = -1;
  bool denominator = false;  // right after "per": a rate denominator
  bool dead = false;
  bool IsBareCount() const { return !explicit_unit && !currency && unit == "count"; }
};

inline bool IsLowerBound(Qualifier q) { return q == Qualifier::kGt || q == Qualifier::kGe; }
inline bool IsUpperBound(Qualifier q) { return q == Qualifier::kLt || q == Qualifier::kLe; }

class QuantityStage : public QuantityFinder {
 public:
  QuantityStage(std::unique_ptr<const NumberReader> numbers,
                std::unique_ptr<const UnitLexicon> units,
                std::unique_ptr<const ContextRules> context)
      : numbers_(std::move(numbers)), units_(std::move(units)), context_(std::move(context)) {}

  void Find(const Document& doc, std::vector<Claim>* claims) const override;

 private:
  // The figures of one sentence (its tokens); `excluded` are the not-a-figure spans of the
  // document, from index `ex` on.
  void Sentence(const QTokens& t, int si, const std::vector<Span>& excluded, size_t ex,
                std::vector<Claim>* claims) const;
  // A figure around number `m`: currency, sign, qualifier, unit, "or more". False when it is no
  // figure (a code, a name, a spoken year ...). `title_case`: the sentence is a headline.
  bool Build(const QTokens& t, const NumberMatch& m, bool title_case, Fig* f) const;
  // "between 5 and 10", "£5-8m", "more than 20 and less than 35": one figure with low/high.
  void JoinRanges(const QTokens& t, std::vector<Fig>& figs) const;
  // Restatements "500 (497)" and lists that share a unit "7- or 8-inch".
  void JoinLists(const QTokens& t, std::vector<Fig>& figs) const;
  // Years, durations that are time spans, list markers.
  void Filter(const QTokens& t, std::vector<Fig>& figs) const;
  // quantity_relations.cc: counted nouns, rates, changes.
  void Nouns(const QTokens& t, std::vector<Fig>& figs) const;
  void Rates(const QTokens& t, std::vector<Fig>& figs) const;
  void Changes(const QTokens& t, std::vector<Fig>& figs) const;
  // The denominator noun that starts at k ("people", "of the population" -> "population").
  std::string DenominatorNoun(const QTokens& t, size_t k, size_t* end) const;
  // "the number of police officers per ..." / "police officer numbers": the counted thing named
  // before token `before`, or "".
  std::string SubjectNoun(const QTokens& t, size_t before, std::string* measured) const;
  // The subject of a change verb at token `verb` ("Metropolitan Police spending per head in
  // London" fell by ...), or "".
  std::string ChangeSubject(const QTokens& t, size_t verb) const;

  std::unique_ptr<const NumberReader> numbers_;
  std::unique_ptr<const UnitLexicon> units_;
  std::unique_ptr<const ContextRules> context_;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_QUANTITY_FIGURE_H_

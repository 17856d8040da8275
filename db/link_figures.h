// Internal: figures as the linker compares them (db/linker.h). A claim — from a fresh Extraction
// or read back from the claims table — becomes a FigureFacts: its value within its stated
// precision, unit, counted noun, qualifier, rate, change and time span. Two figures are the same
// figure (Compatible) when every one of those agrees; FigureKeys gives the candidate-index keys
// under which a figure is stored and looked up, so that compatible figures always share a key.
#ifndef CLAIMEX_DB_LINK_FIGURES_H_
#define CLAIMEX_DB_LINK_FIGURES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/link_text.h"

namespace claimex {

// A claim as plain fields, as both the extractor and the claims table can give it. Strings are
// "" when unknown; names as in db/SCHEMA.md ("exact", "up", "by", ...).
struct FigureInput {
  std::string text;  // the figure as written ("£1.2bn", "nearly 300")
  std::optional<double> value, low, high, per_value;
  std::string unit, noun, qualifier, per_noun, change, change_kind, measured;
  std::string time_from, time_to;  // the resolved period of the claim's time span
  std::string time_kind;           // its kind ("since": the open end is the article's date)
};

struct FigureFacts {
  bool range = false;
  double value = 0;                 // a single value
  std::optional<double> low, high;  // a range's ends
  double tolerance = 0;             // how far a value may be off and still be this figure
  std::string unit;
  uint64_t noun = 0;     // canonical hash of the counted noun's head ("officers" -> officer), 0
  char qualifier = 'e';  // 'e' exact, 'a' approx, 'g' more than / at least, 'l' under / up to
  std::optional<double> per_value;
  uint64_t per_noun = 0;
  int change = 0;       // +1 up, -1 down, 0 none
  int change_kind = 0;  // 1 by, 2 to, 0 none
  std::string time_from, time_to;
  std::vector<uint64_t> measured;  // content tokens of the measured thing
  std::vector<uint64_t> words;     // tokens of the figure's own text and its noun's head: not
                                   // context ("neighbourhood" in "240 neighbourhood officers" is)
};

// Builds the facts of one figure. Precision comes from the written number: "£1.2bn" is good to
// ±£0.05bn, "£1,200m" to ±£0.5m; the tolerance is that half unit, but never more than 2.5% of
// the value (so "£1bn" is not "£1.2bn"); "nearly", "about" and the like allow 2.5%.
FigureFacts MakeFigure(const LinkLexicon& lex, const FigureInput& in);

// Whether two figures state the same figure: same unit; values within tolerance (ranges: both
// ends); same counted noun when both have one; no opposite qualifiers ("more than" vs "under");
// the same rate denominator; no opposite change ("up" vs "down", "by" vs "to"); time spans that
// do not disagree (a period known on both sides must match to the precision both give).
bool Compatible(const FigureFacts& a, const FigureFacts& b);

// A figure too plain to anchor a figure link or to head a list of recycled figures: a small bare
// count — no counted noun, no rate, under 10 ("2 to 1", "one of them") — which any two
// sentences can share, or a range of an order of magnitude or more ("millions of people",
// "hundreds of jobs"), which says no number.
bool PlainFigure(const FigureFacts& f);

// A small count, with or without its noun ("two versions", "one of my top priorities", "four
// pillars"): many statements share one with a few words, so a figure link on it needs more
// context, and lists of recycled figures leave it out.
bool SmallCount(const FigureFacts& f);

// Candidate-index keys of a figure: unit, counted noun (for counts), rate denominator and the
// value to two significant digits, rounded both down and up (so values within a bin of each
// other share a key). Empty for a figure without a usable value.
std::vector<uint64_t> FigureKeys(const FigureFacts& f);

}  // namespace claimex

#endif  // CLAIMEX_DB_LINK_FIGURES_H_

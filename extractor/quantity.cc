// QuantityFinder: the figures of an article, sentence by sentence.
//
// For each sentence: (1) read every number (quantity_number) with what is written around it:
// currency before, sign, qualifier, unit or currency after, "or more"; (2) join ranges
// ("between 5 and 10", "£5-8m") and lists that share a unit ("7- or 8-inch"), mark parenthesized
// restatements ("nearly 500 (497)"); (3) drop what is no figure: years, names with numbers
// ("Game 2"), glued codes ("5G"), durations that are time spans ("over the last 20 years"),
// list markers; (4) find counted nouns, rates, changes and the measured thing
// (quantity_relations.cc).
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "extractor/quantity_figure.h"

namespace claimex {
namespace {

bool IsMinusText(std::string_view s) { return s == "-" || s == "\u2212"; }

// Whether word i has an upper-case letter after its first ("FTSE", "iPhone"; not "Mix").
bool MoreCapitals(const QTokens& t, size_t i) {
  std::string_view w = t.Text(i);
  for (size_t k = 1; k < w.size(); ++k) {
    if (w[k] >= 'A' && w[k] <= 'Z') return true;
  }
  return w.size() == 1;
}

// Whether offset is inside one of `spans` (sorted by start). Offsets asked for only grow, so
// *from moves past spans that end before them: each span is passed once per sentence.
bool Inside(const std::vector<Span>& spans, size_t* from, uint32_t offset) {
  while (*from < spans.size() && spans[*from].end <= offset) ++*from;
  for (size_t k = *from; k < spans.size() && spans[k].start <= offset; ++k) {
    if (offset < spans[k].end) return true;
  }
  return false;
}

}  // namespace

void QuantityStage::Find(const Document& doc, std::vector<Claim>* claims) const {
  const std::string& text = doc.norm.text();
  std::string own;
  const std::string_view lower = LowerOf(doc, &own);
  std::vector<Span> excluded;
  context_->NotFigureSpans(text, &excluded);
  // Room for a few claims per sentence (a growing vector moves every Claim, strings and all), at
  // most 4,096: a huge article grows the vector geometrically instead of holding a guessed
  // reserve and its doubled copy at once (a 50 MB one-line article peaked ~0.4 GB higher).
  claims->reserve(claims->size() + std::min<size_t>(2 * doc.sentences.size(), 4096));
  QTokens t(text, lower);
  size_t ex = 0;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    Span s = doc.sentences[si].span;
    while (ex < excluded.size() && excluded[ex].end <= s.start) ++ex;
    t.Scan(s.start, s.end);
    Sentence(t, static_cast<int>(si), excluded, ex, claims);
  }
}

void QuantityStage::Sentence(const QTokens& t, int si, const std::vector<Span>& excluded, size_t ex,
                             std::vector<Claim>* claims) const {
  // A headline in title case: most words of four letters or more are capitalized (acronyms and
  // names like "FTSE" or "iPhone" do not count). Worked out at the first figure: most sentences
  // have none.
  int title_case = -1;  // -1: not yet known
  auto is_title_case = [&] {
    if (title_case < 0) {
      int long_words = 0, capitalized = 0;
      for (size_t k = 0; k < t.size(); ++k) {
        if (t.IsWord(k) && t[k].e - t[k].b >= 4 && !MoreCapitals(t, k)) {
          ++long_words;
          capitalized += t[k].cap;
        }
      }
      title_case = long_words >= 4 && capitalized * 5 >= long_words * 4 ? 1 : 0;
    }
    return title_case == 1;
  };
  thread_local std::vector<Fig> figs;  // reused sentence after sentence (no regrowth moves)
  figs.clear();
  size_t i = 0;
  while (i < t.size()) {
    if (!numbers_->CanStart(t, i) || Inside(excluded, &ex, t[i].b)) {
      ++i;
      continue;
    }
    NumberMatch m = numbers_->Read(t, i);
    if (m.kind == NumberMatch::Kind::kNone) {
      ++i;
      continue;
    }
    if (m.kind == NumberMatch::Kind::kNotFigure || Inside(excluded, &ex, t[m.te - 1].b)) {
      i = m.te;
      continue;
    }
    Fig f;
    bool live = Build(t, m, is_title_case(), &f);
    i = std::max(f.after, m.te);
    if (live) figs.push_back(std::move(f));
  }
  if (figs.empty()) return;
  JoinRanges(t, figs);
  JoinLists(t, figs);
  Filter(t, figs);
  Nouns(t, figs);
  Rates(t, figs);
  Changes(t, figs);

  std::vector<int> claim_of(figs.size(), -1);
  for (size_t k = 0; k < figs.size(); ++k) {
    const Fig& f = figs[k];
    if (f.dead || !std::isfinite(f.value) || (f.low && !std::isfinite(*f.low)) ||
        (f.high && !std::isfinite(*f.high))) {
      continue;
    }
    Claim c;
    c.span = Span{t[f.start].b, t[f.end - 1].e};
    if (f.low) {
      c.low = f.low;
      c.high = f.high;
    } else {
      c.value = f.value;
    }
    c.unit = f.unit;
    c.noun = f.unit == "count" || f.unit == "fraction" ? f.noun : "";
    c.qualifier = f.qualifier;
    c.per = f.per;
    c.change = f.change;
    c.change_kind = f.change == Change::kNone ? ChangeKind::kNone : f.change_kind;
    c.measured = f.measured;
    c.sentence = si;
    if (f.restates >= 0 && claim_of[f.restates] >= 0) c.restates = claim_of[f.restates];
    claim_of[k] = static_cast<int>(claims->size());
    claims->push_back(std::move(c));
  }
}

bool QuantityStage::Build(const QTokens& t, const NumberMatch& m, bool title_case, Fig* f) const {
  f->m = m;
  f->num_b = m.tb;
  f->num_e = m.te;
  f->after = m.te;
  f->value = m.value;
  size_t start = m.tb;
  bool scaled = m.scaled;

  // Before the number: currency, sign, qualifier.
  UnitMatch cur = units_->CurrencyBefore(t, start);
  if (cur.length) {
    start -= cur.length;
    f->unit = cur.unit;
    f->currency = f->prefixed = f->explicit_unit = true;
    f->value *= cur.mult;
  }
  QualifierMatch q = context_->QualifierBefore(t, start);
  if (!q.length && start > 0 && t[start].glued) {
    const size_t s = start - 1;
    bool sign = t.IsSym(s) && (IsMinusText(t.Text(s)) || t.Is(s, "+"));
    if (sign && (s == 0 || !t[s].glued || t.Is(s - 1, "(") || t.Is(s - 1, ":"))) {
      if (t.Is(s, "+")) {
        f->plus = true;
      } else {
        f->minus = true;
        f->value = -f->value;
      }
      start = s;
    } else if (t.IsWord(s)) {
      return false;  // a code or name: "programme4", "XC40", "M25"
    } else if (t.Is(s, "_") || t.Is(s, "@") || t.Is(s, "#") || t.Is(s, "/") || t.Is(s, "&") ||
               t.Is(s, "\\") || t.Is(s, "|")) {
      return false;  // a handle, tag or path: "@Fred_945", "#2", "/page/3"
    } else if (sign && t[s].glued && t.IsWord(s - 1) && !t.Is(s - 1, "to") &&
               !(s >= 2 && t.IsNum(s - 2) && t[s - 1].glued)) {
      return false;  // "COVID-19", "TA-35", "F-35"; not "5k-20k"
    }
    q = context_->QualifierBefore(t, start);
  } else if (start == 1 && t.IsSym(0) && IsMinusText(t.Text(0))) {
    f->minus = true;  // a spaced minus that opens the sentence: "- 20 degrees"
    f->value = -f->value;
    start = 0;
  }
  if (start > 0 && numbers_->IsWord(t, start - 1, NumberWordKind::kNegative)) {
    f->minus = true;
    f->value = -f->value;
    --start;
  }
  if (q.length) {
    start -= q.length;
    f->qualifier = q.qualifier;
    f->has_qualifier = true;
    f->qual_len = q.length;
  }
  // "under the age of 5", "over the age of 21": years
  // "the age of 21", "at age 16"
  bool age = (m.tb >= 2 && t.Is(m.tb - 1, "of") && context_->Is(t, m.tb - 2, FigureCue::kAge)) ||
             (m.tb >= 1 && context_->Is(t, m.tb - 1, FigureCue::kAge));
  // "Mr Clarke, 61, said": an age in apposition
  age = age || (m.integer && !m.words && m.te == m.tb + 1 && t[m.tb].int_digits <= 2 &&
                start == m.tb && start >= 2 && t.Is(start - 1, ",") && t.IsWord(start - 2) &&
                t[start - 2].cap && (t.Is(m.te, ",") || t.Is(m.te, ";")));
  f->start = start;

  // After the number: metres or million, unit, currency, "or more".
  size_t j = m.te;
  if (m.metre_m && !f->currency && (units_->IsDimension(t, j) || (t.Is(j, "-") && t[j].glued))) {
    f->value = m.base;
    scaled = false;
    f->unit = "m";
    f->explicit_unit = true;
  }
  size_t u = j;
  bool adj = false;
  if (t.Is(u, "-") && t[u].glued && t.IsWord(u + 1) && t[u + 1].glued) {
    ++u;
    adj = true;
  }
  UnitMatch um =
      f->explicit_unit && !f->currency ? UnitMatch{} : units_->UnitAfter(t, u, scaled, f->prefixed);
  if (um.length && (um.currency || !f->currency)) {
    if (um.currency && f->currency) {
      f->unit = um.unit;  // "$1.1396 EUR", "$76 US"
    } else {
      f->unit = um.unit;
      f->value *= um.mult;
    }
    f->currency = um.currency || f->currency;
    f->explicit_unit = true;
    f->unit_info = um;
    f->adj = adj;
    j = u + um.length;
    // "5 ft 2 in", "5 feet 2 inches"
    if (f->unit == "ft" && t.IsNum(j) &&
        (t.Is(j + 1, "in") || t.Is(j + 1, "inches") || t.Is(j + 1, "inch"))) {
      f->value += t[j].num / 12;
      j += 2;
    }
    // "3 dollars 50 cents", "thirteen dollars forty-five cents", "15 dollars 50"
    NumberMatch c = um.currency && !f->prefixed ? numbers_->Read(t, j) : NumberMatch{};
    if (c.kind == NumberMatch::Kind::kNumber && c.integer && !c.scaled && c.value < 100) {
      UnitMatch cents = units_->UnitAfter(t, c.te, false, false);
      if (cents.currency && cents.mult < 1) {
        f->value += c.value * cents.mult;
        j = c.te + cents.length;
      } else if (!c.words && !t.IsWord(c.te) && !t.IsNum(c.te)) {
        f->value += c.value / 100;
        j = c.te;
      }
    }
  } else if (adj && !f->currency && !scaled && !units_->IsStop(t, u) && m.integer) {
    // "four-cylinder", "three-bed": the word is what is counted.
    f->noun = std::string(t.Text(u));
    f->noun_fixed = true;
    f->adj = true;
    j = u + 1;
  }
  if (m.vague && t.Is(j, "of") && !f->explicit_unit) {  // "tens of millions of dollars"
    UnitMatch c = units_->UnitAfter(t, j + 1, true, false);
    if (c.length) {
      f->unit = c.unit;
      f->currency = c.currency;
      f->explicit_unit = true;
      f->unit_info = c;
      j += 1 + c.length;
    }
  }
  if (age && !f->explicit_unit && m.integer) {
    f->unit = "year";
    f->explicit_unit = true;
    f->unit_info.age = f->unit_info.time = true;
  }
  QualifierMatch qa = context_->QualifierAfter(t, j);
  if (qa.length && !numbers_->CanStart(t, j + qa.length)) {  // not "5 and below 10"
    f->qualifier = qa.qualifier;
    f->has_qualifier = true;
    j += qa.length;
  }
  f->end = f->after = f->noun_end = j;
  if (f->unit.empty()) f->unit = m.fraction ? "fraction" : "count";
  if (m.vague) {
    f->low = m.low * (f->value / m.value);
    f->high = m.high * (f->value / m.value);
  }

  // A year spoken in words: "nineteen ninety-six", "the year two thousand".
  if (m.words && !m.scaled && m.value >= 10 && m.value < 30 && m.integer) {
    NumberMatch next = numbers_->Read(t, m.te);
    if (next.kind == NumberMatch::Kind::kNumber && next.words && next.value >= 10 &&
        next.value < 100 && !next.scaled) {
      f->after = next.te;
      return false;
    }
  }
  if (m.words && start > 0 && context_->Is(t, start - 1, FigureCue::kSpokenYear)) return false;
  // "half of", "half the": not "half-time", "half measures"
  if (m.bare_half && !t.Is(m.te, "of") && !t.Is(m.te, "a") &&
      !context_->Is(t, m.te, FigureCue::kDeterminer)) {
    return false;
  }
  // A code: "70-A21"
  if (t.Is(j, "-") && t[j].glued && t.IsWord(j + 1) && t[j + 1].glued && t.IsNum(j + 2) &&
      t[j + 2].glued) {
    return false;
  }
  // Glued to a word it does not measure ("5G", "3D"), or a word number in a name.
  if (j == m.te && t.IsWord(j) && t[j].glued) return false;
  if (m.words && !m.scaled && t.IsNum(m.te) && !t[m.te].glued) return false;  // "one 52,000 ..."
  if (m.words && t[m.tb].cap && m.tb == start && m.tb > 0 && t.IsWord(m.tb - 1)) {
    return false;  // "Formula One", "Channel Four"
  }
  // A name with a number: "Game 2", "Section 427", "S&P 500", "Stoxx 50"; a capitalized word
  // that opens the sentence is a name only when written with more capitals ("FTSE 100"). In a
  // title-case headline ("Council Hires 50 Wardens") capitals say nothing.
  if (!title_case && !f->explicit_unit && start == m.tb && start > 0 && !t[start].glued &&
      t.IsWord(start - 1) && t[start - 1].upper && !units_->IsStop(t, start - 1) &&
      !context_->IsChangeWord(t, start - 1) && !numbers_->CanStart(t, start - 1) &&
      (start > 1 || MoreCapitals(t, start - 1))) {
    return false;
  }
  if (start > 0 && units_->IsRateCue(t, start - 1)) {
    f->denominator = true;
  }
  return true;
}

void QuantityStage::JoinRanges(const QTokens& t, std::vector<Fig>& figs) const {
  for (size_t k = 0; k + 1 < figs.size(); ++k) {
    Fig& a = figs[k];
    Fig& b = figs[k + 1];
    if (a.dead || b.dead || a.low || b.low || a.denominator || b.denominator) continue;
    bool a_bare = !a.explicit_unit, b_bare = !b.explicit_unit;
    if (!a_bare && !b_bare && a.unit != b.unit) continue;
    RangeJoin r = context_->Range(t, a.start, a.end, b.start);
    if (r.ok && b.has_qualifier) r.ok = false;
    if (!r.ok && b.qual_len > 0) {
      // "from 450 sq ft up to 900 sq ft": the qualifier is the joiner
      r = context_->Range(t, a.start, a.end, b.start + b.qual_len);
      r.ok = r.ok && r.opener > 0;
    }
    // "more than 20 and less than 35", "at most 100 and at least 20"
    bool bounds = !r.ok && a.has_qualifier && b.has_qualifier && t.Is(a.end, "and") &&
                  a.end + 1 == b.start &&
                  ((IsLowerBound(a.qualifier) && IsUpperBound(b.qualifier) && a.value < b.value) ||
                   (IsUpperBound(a.qualifier) && IsLowerBound(b.qualifier) && b.value < a.value));
    if (!r.ok && !bounds) continue;
    if (a.m.yearlike && b.m.yearlike) {  // "from 2012 to 2016": a time span
      a.dead = b.dead = true;
      continue;
    }
    double a_value = a.value;
    if (!a.m.scaled && b.m.scaled && a.m.base <= b.m.base && b.m.base != 0) {
      a_value = a.value * (b.m.value / b.m.base);  // "£5-8m", "between 5 and 10 million"
    }
    if (r.ok && !r.opener) {
      // "rose 15% to 20%", "up 10 cents to $2.24": a change and the new level; but "rise 3 to 4
      // per cent" is a range
      if ((!a_bare || b_bare) &&
          context_->ChangeBefore(t, a.start, false).change != Change::kNone) {
        continue;
      }
      if (b.value <= a_value) {
        // "46 percent to 42 percent" is two figures; "80-19 vote", "won 2-1" are tallies
        if (t.Is(a.end, "-") && t[a.end].glued && a.IsBareCount() && b.IsBareCount()) {
          a.dead = b.dead = true;
        }
        continue;
      }
    }
    if (a_bare && !b_bare) {
      a.unit = b.unit;
      a.currency = b.currency;
      a.explicit_unit = true;
      a.unit_info = b.unit_info;
    } else if (b_bare && !a_bare) {
      b.unit = a.unit;
    }
    a.low = a_value;
    a.high = b.value;
    if (bounds) {
      a.low = IsLowerBound(a.qualifier) ? a_value : b.value;
      a.high = IsLowerBound(a.qualifier) ? b.value : a_value;
      a.qualifier = Qualifier::kExact;
    }
    a.value = a_value;
    a.start -= r.opener;
    a.end = b.end;
    a.after = a.noun_end = b.after;
    a.adj = a.adj || b.adj;
    if (b.noun_fixed) a.noun = b.noun, a.noun_fixed = true;
    a.m.yearlike = false;
    b.dead = true;
    ++k;
  }
}

void QuantityStage::JoinLists(const QTokens& t, std::vector<Fig>& figs) const {
  std::vector<size_t> live;
  live.reserve(figs.size());
  for (size_t k = 0; k < figs.size(); ++k) {
    if (!figs[k].dead) live.push_back(k);
  }
  // Backwards, so that "four-, five- and six-cylinder" passes the noun along the whole list.
  for (size_t n = live.size(); n-- > 1;) {
    Fig& a = figs[live[n - 1]];
    Fig& b = figs[live[n]];
    // "nearly 500 (497) people", "$1.13bn (£600m)"
    if (t.Is(a.end, "(") && b.start == a.end + 1 && t.Is(b.end, ")")) {
      b.restates = static_cast<int>(live[n - 1]);
      if (!b.explicit_unit && a.explicit_unit) {
        b.unit = a.unit;
        b.currency = a.currency;
      }
      // "more than 100 kilometres (60 miles)": a converted bound is a bound
      if (!b.has_qualifier && b.unit != a.unit &&
          (IsLowerBound(a.qualifier) || IsUpperBound(a.qualifier))) {
        b.qualifier = a.qualifier;
      }
      a.after = a.noun_end = b.end + 1;
      continue;
    }
    // "7- or 8-inch", "about 8 or $9", "four-, five- and six-cylinder"
    size_t j = a.end;
    if (t.Is(j, "-") && t[j].glued) ++j;
    bool comma = t.Is(j, ",");
    if (comma) ++j;
    bool conj = t.Is(j, "or") || t.Is(j, "and");
    if (conj) ++j;
    if ((!comma && !conj) || j != b.start || a.explicit_unit || a.noun_fixed || a.m.yearlike) {
      continue;
    }
    if (b.noun_fixed) {
      a.noun = b.noun;
      a.noun_fixed = true;
      continue;
    }
    if (!b.explicit_unit) continue;
    a.unit = b.unit;
    a.currency = b.currency;
    a.explicit_unit = true;
    a.unit_info = b.unit_info;
    if (!a.m.scaled && b.m.scaled && a.m.base <= b.m.base && b.m.base != 0) {
      a.value *= b.m.value / b.m.base;
    }
  }
}

void QuantityStage::Filter(const QTokens& t, std::vector<Fig>& figs) const {
  for (Fig& f : figs) {
    if (f.dead) continue;
    if (f.m.yearlike && !f.explicit_unit && !f.low) f.dead = true;  // "in 2019"
    // "by 2120", "in 1066": a four-digit year after a time preposition
    if (!f.explicit_unit && !f.low && f.m.integer && f.num_e == f.num_b + 1 &&
        t[f.num_b].int_digits == 4 && !t[f.num_b].comma && f.value >= 1000 && f.value <= 2200 &&
        f.start > 0 && context_->Is(t, f.start - 1, FigureCue::kYear)) {
      f.dead = true;
    }
    const UnitMatch& u = f.unit_info;
    if (u.calendar && !u.age) {
      // "five-year plan", "over the last 20 years", "for three months", "two years ago"
      if (f.adj || context_->IsTimeSpan(t, f.num_b, f.end) ||
          context_->IsTimeSpan(t, f.start, f.end)) {
        f.dead = true;
      }
    }
    // "(1)", "(2)": list markers
    if (f.restates < 0 && f.start > 0 && t.Is(f.start - 1, "(") && t.Is(f.end, ")") &&
        f.IsBareCount() && f.m.integer && !f.m.words && f.value < 10) {
      f.dead = true;
    }
  }
}

Result<std::unique_ptr<const QuantityFinder>> QuantityFinder::Create(const RuleSet& rules) {
  auto numbers = NumberReader::Create(rules);
  if (!numbers.ok()) return numbers.status();
  auto units = UnitLexicon::Create(rules);
  if (!units.ok()) return units.status();
  auto context = ContextRules::Create(rules);
  if (!context.ok()) return context.status();
  return std::unique_ptr<const QuantityFinder>(
      new QuantityStage(std::move(*numbers), std::move(*units), std::move(*context)));
}

}  // namespace claimex

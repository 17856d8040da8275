// What a figure counts and how it relates to the sentence (see quantity_figure.h): the counted
// noun ("970 knives", "one of the founders", "six of 10 boroughs"), rate denominators ("per
// 1,000 people", "a year") and the sentence's rate context ("the number of officers per 1,000
// people ... fell to 3.3"), the noun named before a bare count ("the number of officers ...
// dropped below 30,000"), changes ("fell by 20 per cent", "rose 4% to £1,250") and the
// measured thing ("council spending per resident in Leeds").
#include <algorithm>
#include <string>
#include <vector>

#include "extractor/quantity_figure.h"

namespace claimex {

std::string QuantityStage::DenominatorNoun(const QTokens& t, size_t k, size_t* end) const {
  if (t.Is(k, "of")) {
    ++k;
    if (t.Is(k, "the")) ++k;
  }
  return units_->CountedNoun(t, k, /*singular=*/false, end);
}

// How many tokens before a figure its subject is looked for ("the number of police officers in
// London has dropped below 30,000"). The bound keeps a sentence with thousands of figures linear.
constexpr size_t kSubjectReach = 64;

std::string QuantityStage::SubjectNoun(const QTokens& t, size_t before,
                                       std::string* measured) const {
  const size_t reach = before > kSubjectReach ? before - kSubjectReach : 0;
  std::string best;
  for (size_t j = reach; j + 2 < before; ++j) {
    if (!context_->Is(t, j, FigureCue::kCounter) || !t.Is(j + 1, "of")) continue;
    size_t end = 0;
    std::string noun = units_->CountedNoun(t, j + 2, false, &end);
    if (noun.empty() || end > before) continue;
    best = noun;
    size_t m_end = end;
    while (m_end < t.size() && (t.IsWord(m_end) || t.IsNum(m_end)) &&
           !context_->Is(t, m_end, FigureCue::kAux) && !context_->IsChangeWord(t, m_end)) {
      ++m_end;  // "per head in London"
    }
    if (m_end > j + 2 && (t.IsWord(m_end - 1) || t.IsNum(m_end - 1))) {
      *measured = std::string(t.text().substr(t[j].b, t[m_end - 1].e - t[j].b));
    }
  }
  if (!best.empty()) return best;
  // "police officer numbers"
  for (size_t j = before; j-- > std::max<size_t>(reach, 1);) {
    if (!t.Is(j, "numbers")) continue;
    size_t b = j;
    while (b > 0 && t.IsWord(b - 1) && !units_->IsStop(t, b - 1) && j - b < 2) --b;
    if (b < j) {
      *measured = std::string(t.text().substr(t[b].b, t[j].e - t[b].b));
      return std::string(t.text().substr(t[b].b, t[j - 1].e - t[b].b));
    }
    break;
  }
  return "";
}

void QuantityStage::Nouns(const QTokens& t, std::vector<Fig>& figs) const {
  for (size_t k = 0; k < figs.size(); ++k) {
    Fig& f = figs[k];
    if (f.dead || f.denominator || f.noun_fixed || !f.IsBareCount()) continue;
    size_t j = f.after;
    if (f.m.vague && t.Is(j, "of")) ++j;
    size_t end = j;
    // "six of 10 boroughs": one figure; "one in five", "one out of three": a fraction.
    Fig* next = nullptr;
    for (size_t n = k + 1; n < figs.size() && !next; ++n) {
      if (!figs[n].dead) next = &figs[n];
    }
    size_t of = t.Is(j, "of")                           ? 1
                : t.Is(j, "in")                         ? 1
                : (t.Is(j, "out") && t.Is(j + 1, "of")) ? 2
                                                        : 0;
    if (of && next && next->start == j + of && next->IsBareCount() && !next->low && f.m.integer &&
        next->m.integer && f.value < next->value) {
      if (t.Is(j, "of")) {
        f.noun = units_->CountedNoun(t, next->after, false, &end);
      } else {
        f.value /= next->value;
        f.unit = "fraction";
        f.noun = units_->CountedNoun(t, next->after, false, &end);
      }
      f.end = next->end;
      f.noun_end = std::max(end, next->after);
      next->dead = true;
      continue;
    }
    f.noun = units_->CountedNoun(t, j, f.value == 1 && f.m.integer, &end);
    if (f.noun.empty() && t.Is(j, "of")) {
      // "one of the students", "35m of its devices"
      if (context_->Is(t, j + 1, FigureCue::kDeterminer)) {
        f.noun = units_->CountedNoun(t, j + 2, false, &end);
      }
    }
    f.noun_end = f.noun.empty() ? f.after : end;
  }
  // "7 or 8 people": a bare count before a counted one shares its noun.
  for (size_t k = 0; k + 1 < figs.size(); ++k) {
    Fig& a = figs[k];
    Fig& b = figs[k + 1];
    if (a.dead || b.dead || !a.IsBareCount() || !b.IsBareCount() || !a.noun.empty()) continue;
    size_t j = a.end;
    if (t.Is(j, ",")) ++j;
    if ((t.Is(j, "or") || t.Is(j, "and") || t.Is(j, "to")) && j + 1 == b.start) a.noun = b.noun;
  }
  // "rose 64.06 points to 4,577.10": the new level counts the same thing.
  for (size_t k = 0; k + 1 < figs.size(); ++k) {
    Fig& a = figs[k];
    Fig& b = figs[k + 1];
    if (a.dead || b.dead || !a.IsBareCount() || !b.IsBareCount() || !b.noun.empty()) continue;
    if (t.Is(a.noun_end, "to") && a.noun_end + 1 == b.start) b.noun = a.noun;
  }
  // "the best one", "one might expect", "the two met": a small number in words with nothing
  // counted is a pronoun.
  for (Fig& f : figs) {
    if (f.dead || !f.IsBareCount() || !f.noun.empty() || !f.m.words || f.m.scaled ||
        f.has_qualifier || f.minus || f.value > 10 || f.value < 1 || !f.m.integer ||
        f.restates >= 0 || f.low || (f.start == 0 && f.end == t.size())) {
      continue;
    }
    if (t.Is(f.after, "of") ||
        ((t.Is(f.after, "in") || t.Is(f.after, "out")) && numbers_->CanStart(t, f.after + 1)) ||
        (t.Is(f.after, "out") && t.Is(f.after + 1, "of"))) {
      continue;
    }
    f.dead = true;
  }
  // "nearly 500 (497) people": the restatement counts the same thing.
  for (Fig& f : figs) {
    if (f.dead || f.restates < 0 || !f.noun.empty() || !f.IsBareCount()) continue;
    f.noun = figs[f.restates].noun;
  }
}

void QuantityStage::Rates(const QTokens& t, std::vector<Fig>& figs) const {
  std::optional<Rate> context_rate;
  std::string context_noun, context_measured;
  Fig* prev = nullptr;
  for (Fig& f : figs) {
    if (f.dead) continue;
    if (f.denominator) {
      size_t end = 0;
      Rate r{f.value, DenominatorNoun(t, f.after, &end)};
      size_t per = f.start - 1;
      if (prev && !prev->per && prev->noun_end == per) {
        prev->per = r;  // "3.3 per 1,000 people"
      } else {
        context_rate = r;  // "the number of police officers per 1,000 people ... 3.3"
        context_noun = SubjectNoun(t, per, &context_measured);
      }
      f.dead = true;
      continue;
    }
    prev = &f;
    // "per head", "a year", "$10/gram", "12-cent-a-share"
    size_t k = f.noun_end;
    if (t.Is(k, "-") && t[k].glued) ++k;
    if (units_->IsRateCue(t, k) && t.IsWord(k + 1) && !numbers_->CanStart(t, k + 1)) {
      size_t end = 0;
      std::string noun = units_->CountedNoun(t, k + 1, true, &end);
      if (!noun.empty()) f.per = Rate{1, noun};
    } else if (units_->IsRateArticle(t, k)) {
      size_t n = k + 1;
      if (t.Is(n, "-") && t[n].glued) ++n;
      if (int len = units_->RateNounLength(t, n)) {
        f.per = Rate{1, std::string(t.text().substr(t[n].b, t[n + len - 1].e - t[n].b))};
      }
    } else if (t.Is(k, "/") && t[k].glued && t.IsWord(k + 1) && t[k + 1].glued) {
      f.per = Rate{1, std::string(t.Text(k + 1))};
    }
    if (!f.per && context_rate && f.IsBareCount() && f.noun.empty() && !f.low) {
      f.per = context_rate;
      f.noun = context_noun;
      if (f.measured.empty()) f.measured = context_measured;
    }
  }
  // A bare count with no noun: "the number of police officers in London has dropped below
  // 30,000", "police officer numbers ... (34,542)".
  for (Fig& f : figs) {
    if (f.dead || !f.IsBareCount() || !f.noun.empty() || f.per || f.m.words) continue;
    std::string measured;
    f.noun = SubjectNoun(t, f.start, &measured);
    if (f.measured.empty()) f.measured = measured;
  }
}

std::string QuantityStage::ChangeSubject(const QTokens& t, size_t verb) const {
  size_t end = verb;
  while (end > 0 && context_->Is(t, end - 1, FigureCue::kAux)) --end;
  size_t b = end;
  while (b > 0 && end - b < 14) {
    size_t p = b - 1;
    if (t.IsSym(p) && !t.Is(p, "-") && !t.Is(p, "'") && !t.Is(p, "&") && !t.Is(p, ".")) break;
    if (t.Is(p, "-") && !t[p].glued) break;
    if (context_->Is(t, p, FigureCue::kBoundary)) break;
    b = p;
  }
  // A leading time phrase is no part of the subject: "Since 2010 government funding ...".
  if (b + 1 < end && context_->Is(t, b, FigureCue::kYear) && t.IsNum(b + 1)) {
    b += 2;
  }
  if (t.Is(b, "the")) ++b;
  if (b >= end || !t.IsWord(end - 1)) return "";
  return std::string(t.text().substr(t[b].b, t[end - 1].e - t[b].b));
}

void QuantityStage::Changes(const QTokens& t, std::vector<Fig>& figs) const {
  const Fig* prev = nullptr;
  for (Fig& f : figs) {
    if (f.dead) continue;
    bool bound = f.qualifier == Qualifier::kGt || f.qualifier == Qualifier::kLt ||
                 f.qualifier == Qualifier::kGe || f.qualifier == Qualifier::kLe;
    bool after_from = f.start > 0 && t.Is(f.start - 1, "from");
    ChangeMatch c = after_from ? ChangeMatch{} : context_->ChangeBefore(t, f.start, bound);
    if (c.change != Change::kNone) {
      f.change = c.change;
      f.change_kind = c.kind;
      if (f.measured.empty()) f.measured = ChangeSubject(t, c.first);
    } else if (prev && prev->change != Change::kNone && f.start > 0 && t.Is(f.start - 1, "to") &&
               (prev->noun_end == f.start - 1 || prev->end == f.start - 1)) {
      f.change = prev->change;  // "rose 15% to $415.9 million"
      f.change_kind = ChangeKind::kTo;
      f.measured = prev->measured;
    } else if (f.unit == "percent" && (f.plus || f.minus)) {
      f.change = f.plus ? Change::kUp : Change::kDown;  // "Dow +0.2%", "FTSE -0.6%"
      f.change_kind = ChangeKind::kBy;
    }
    prev = &f;
  }
}

}  // namespace claimex

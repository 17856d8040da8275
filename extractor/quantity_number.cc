// Number reading for the QuantityFinder (see quantity_number.h).
#include "extractor/quantity_number.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace claimex {
namespace {

bool ParseDouble(const std::string& s, double* out) {
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end != s.c_str() && *end == '\0';
}

bool IsSlash(std::string_view s) { return s == "/" || s == "\u2044"; }
bool IsMinus(std::string_view s) { return s == "-" || s == "\u2212"; }

// The state of a number in words: what the last part read was.
enum class Last { kNone, kDigits, kUnit, kTen, kHundred, kScale, kArticle, kFraction, kDozen };

}  // namespace

Result<std::unique_ptr<const NumberReader>> NumberReader::Create(const RuleSet& rules) {
  std::unique_ptr<NumberReader> r(new NumberReader());
  auto words = rules.Get("number_words.txt");
  if (!words.ok()) return words.status();
  static const std::pair<const char*, NumberWordKind> kKinds[] = {
      {"unit", NumberWordKind::kUnit},         {"ten", NumberWordKind::kTen},
      {"hundred", NumberWordKind::kHundred},   {"scale", NumberWordKind::kScale},
      {"fraction", NumberWordKind::kFraction}, {"dozen", NumberWordKind::kDozen},
      {"vague", NumberWordKind::kVague},       {"article", NumberWordKind::kArticle},
      {"point", NumberWordKind::kPoint},       {"negative", NumberWordKind::kNegative},
  };
  for (const RuleLine& line : (*words)->lines) {
    if (line.fields.size() < 3 || line.fields.size() > 4) {
      return (*words)->Error(line, "want: WORD VALUE KIND [plural]");
    }
    Word w{};
    if (!ParseDouble(line.fields[1], &w.value)) return (*words)->Error(line, "bad value");
    bool known = false;
    for (const auto& [name, kind] : kKinds) {
      if (line.fields[2] == name) {
        w.kind = kind;
        known = true;
      }
    }
    if (!known) return (*words)->Error(line, "unknown kind '" + line.fields[2] + "'");
    if (line.fields.size() == 4) {
      if (line.fields[3] != "plural") return (*words)->Error(line, "4th field must be 'plural'");
      w.plural = true;
    }
    std::string key = AsciiLower(line.fields[0]);
    if (r->words_.count(key)) return (*words)->Error(line, "duplicate word '" + key + "'");
    r->words_.emplace(key, w);
  }

  auto scales = rules.Get("scales.txt");
  if (!scales.ok()) return scales.status();
  for (const RuleLine& line : (*scales)->lines) {
    if (line.fields.size() < 2 || line.fields.size() > 3) {
      return (*scales)->Error(line, "want: FORM MULTIPLIER [FLAGS]");
    }
    Scale s;
    if (!ParseDouble(line.fields[1], &s.mult) || s.mult <= 0) {
      return (*scales)->Error(line, "bad multiplier");
    }
    if (line.fields.size() == 3) {
      std::string_view flags = line.fields[2];
      while (!flags.empty()) {
        size_t comma = flags.find(',');
        std::string_view f = flags.substr(0, comma);
        if (f == "glued") {
          s.glued = true;
        } else if (f == "cased") {
          s.cased = true;
        } else if (f == "metre") {
          s.metre = true;
        } else {
          return (*scales)->Error(line, "unknown flag '" + std::string(f) + "'");
        }
        flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
      }
    }
    r->scales_[AsciiLower(line.fields[0])].emplace_back(line.fields[0], s);
  }
  return std::unique_ptr<const NumberReader>(std::move(r));
}

const NumberReader::Word* NumberReader::Lookup(const QTokens& t, size_t i) const {
  if (!t.IsWord(i)) return nullptr;
  auto it = words_.find(t.Lower(i));
  return it == words_.end() ? nullptr : &it->second;
}

const NumberReader::Scale* NumberReader::LookupScale(const QTokens& t, size_t i) const {
  if (!t.IsWord(i)) return nullptr;
  auto it = scales_.find(t.Lower(i));
  if (it == scales_.end()) return nullptr;
  for (const auto& [form, s] : it->second) {
    if (s.cased && t.Text(i) != form) continue;
    if (s.glued && !t[i].glued) continue;
    return &s;
  }
  return nullptr;
}

bool NumberReader::IsWord(const QTokens& t, size_t i, NumberWordKind kind) const {
  const Word* w = Lookup(t, i);
  return w && w->kind == kind;
}

bool NumberReader::CanStart(const QTokens& t, size_t i) const {
  if (t.IsNum(i)) return true;
  if (t.Is(i, ".") && t.IsNum(i + 1)) return true;
  return Lookup(t, i) != nullptr;
}

NumberMatch NumberReader::Read(const QTokens& t, size_t i) const {
  if (i >= t.size()) return {};
  if (t.IsNum(i)) return ReadDigits(t, i);
  // ".500": a decimal without its leading zero, not glued to a word or number before it.
  if (t.Is(i, ".") && t.IsNum(i + 1) && t[i + 1].glued && t[i + 1].frac_digits == 0 &&
      (i == 0 || !t[i].glued || t.IsSym(i - 1))) {
    return ReadDigits(t, i);
  }
  const Word* w = Lookup(t, i);
  if (!w) return {};
  if (w->kind == NumberWordKind::kVague) return ReadVague(t, i);
  return ReadWords(t, i);
}

NumberMatch NumberReader::ReadDigits(const QTokens& t, size_t i) const {
  NumberMatch m;
  m.tb = i;
  size_t j;
  double v;
  bool leading_dot = t.Is(i, ".");
  if (leading_dot) {
    v = t[i + 1].num / std::pow(10.0, t[i + 1].int_digits);
    j = i + 2;
  } else {
    v = t[i].num;
    j = i + 1;
  }
  m.integer = !leading_dot && t[i].frac_digits == 0;
  auto not_figure = [&](size_t end) {
    NumberMatch n;
    n.kind = NumberMatch::Kind::kNotFigure;
    n.tb = i;
    n.te = end;
    return n;
  };
  // Identifiers: a run of more than 12 digits without separators (tweet or account numbers).
  if (!leading_dot && !t[i].comma && t[i].int_digits > 12) return not_figure(j);
  // Decades written with an apostrophe: "the 90's".
  if (t.Is(j, "'") && t[j].glued && t.Is(j + 1, "s") && t[j + 1].glued) return not_figure(j + 2);
  // Ordinals ("10th", "21st") and decades or plurals glued to digits ("1990s", "under-25s").
  if (t.IsWord(j) && t[j].glued) {
    std::string_view w = t.Lower(j);
    if (w == "st" || w == "nd" || w == "rd" || w == "th" || w == "s") return not_figure(j + 1);
  }
  // Slashes: a fraction ("3/4") or a date, score or code ("9/11", "24/7", "2020/21").
  if (t.IsSym(j) && IsSlash(t.Text(j)) && t[j].glued && t.IsNum(j + 1) && t[j + 1].glued) {
    size_t k = j + 2;
    while (t.IsSym(k) && IsSlash(t.Text(k)) && t[k].glued && t.IsNum(k + 1)) k += 2;
    double den = t[j + 1].num;
    // Only the usual denominators: "3/4", "7/8", "1/3"; "9/11" is a date.
    bool usual = den == 2 || den == 3 || den == 4 || den == 5 || den == 6 || den == 8 ||
                 den == 10 || den == 12 || den == 16 || den == 32 || den == 64 || den == 100;
    bool fraction = k == j + 2 && m.integer && t[j + 1].frac_digits == 0 && usual && v < den &&
                    t[i].int_digits <= 2;
    if (!fraction) return not_figure(k);
    v /= den;
    j = k;
    m.fraction = true;
    m.integer = false;
  } else if (m.integer) {
    // A mixed number: "2 1/4", "3-1/2", "1-11/32".
    size_t k = j;
    if (t.Is(k, "-") && t[k].glued && t.IsNum(k + 1) && t[k + 1].glued) ++k;
    if (t.IsNum(k) && (k > j || !t[k].glued) && t[k].frac_digits == 0 && t.IsSym(k + 1) &&
        IsSlash(t.Text(k + 1)) && t[k + 1].glued && t.IsNum(k + 2) && t[k + 2].glued &&
        !(t.IsSym(k + 3) && IsSlash(t.Text(k + 3)))) {
      double num = t[k].num, den = t[k + 2].num;
      if (den >= 2 && den <= 100 && num < den && t[k + 2].frac_digits == 0) {
        v += num / den;
        j = k + 3;
        m.integer = false;
      }
    }
  }
  // Exponents: "1.3e6", "1e-3", "2.998x10-8", "1.1^23".
  if (t.IsWord(j) && t[j].glued && t.Lower(j) == "e") {
    if (t.IsNum(j + 1) && t[j + 1].glued) {
      v *= std::pow(10.0, t[j + 1].num);
      j += 2;
    } else if (t.IsSym(j + 1) && IsMinus(t.Text(j + 1)) && t.IsNum(j + 2) && t[j + 2].glued) {
      v *= std::pow(10.0, -t[j + 2].num);
      j += 3;
    }
  } else if ((t.Is(j, "\u00d7") || t.Is(j, "x")) && t.IsNum(j + 1) && t[j + 1].num == 10 &&
             t[j + 1].frac_digits == 0) {
    size_t k = j + 2;
    if (t.Is(k, "^") && t[k].glued) ++k;
    double sign = 1;
    if (t.IsSym(k) && IsMinus(t.Text(k)) && t[k].glued) {
      sign = -1;
      ++k;
    }
    if (k > j + 2 && t.IsNum(k) && t[k].glued) {
      v *= std::pow(10.0, sign * t[k].num);
      j = k + 1;
    }
  } else if (t.Is(j, "^") && t[j].glued) {
    double sign = 1;
    size_t k = j + 1;
    if (t.IsSym(k) && IsMinus(t.Text(k)) && t[k].glued) {
      sign = -1;
      ++k;
    }
    if (t.IsNum(k) && t[k].glued) {
      v = std::pow(v, sign * t[k].num);
      j = k + 1;
    }
  }
  // Digits grouped with spaces: "40 000", "1 414 021 100".
  if (m.integer && j == i + 1 && !t[i].comma && t[i].int_digits <= 3) {
    size_t k = j;
    double g = v;
    while (t.IsNum(k) && !t[k].glued && !t[k].comma && t[k].int_digits == 3) {
      g = g * 1000 + t[k].num;
      bool last = t[k].frac_digits > 0;
      ++k;
      if (last) break;
    }
    if (k > j && !(t.IsSym(k) && t[k].glued && (IsSlash(t.Text(k)) || t.Text(k) == "-"))) {
      v = g;
      j = k;
      m.integer = t[k - 1].frac_digits == 0;
    }
  }
  double total = 0, current = v;
  m.base = v;
  j = Continue(t, j, true, &total, &current, &m);
  v = total + current;
  // A scale abbreviation, unless a number is glued after it ("32m2" is square metres).
  if (!m.scaled && !(t.IsNum(j + 1) && t[j + 1].glued)) {
    if (const Scale* s = LookupScale(t, j)) {
      if (s->metre) {
        m.metre_m = true;
        m.scale_tok = j;
      }
      v *= s->mult;
      m.scaled = true;
      ++j;
    }
  }
  m.kind = NumberMatch::Kind::kNumber;
  m.te = j;
  m.value = v;
  m.yearlike = !leading_dot && j == i + 1 && m.integer && !t[i].comma && t[i].int_digits == 4 &&
               v >= 1800 && v <= 2100;
  return m;
}

size_t NumberReader::ReadFractionPhrase(const QTokens& t, size_t j, double* value) const {
  const Word* a = Lookup(t, j);
  if (!a || (a->kind != NumberWordKind::kArticle && a->kind != NumberWordKind::kUnit)) return 0;
  size_t k = j + 1;
  if (t.Is(k, "-") && t[k].glued) ++k;
  const Word* d = Lookup(t, k);
  if (!d || d->kind != NumberWordKind::kFraction) return 0;
  double num = a->kind == NumberWordKind::kArticle ? 1 : a->value;
  if (num <= 0 || (num == 1) == d->plural) return 0;  // "a half", "two thirds"; not "two third"
  *value = num / d->value;
  return k + 1;
}

size_t NumberReader::Continue(const QTokens& t, size_t j, bool from_digits, double* total,
                              double* current, NumberMatch* m) const {
  Last last = from_digits ? Last::kDigits : Last::kNone;
  double last_scale = 0;
  size_t end = j;  // the end of the last complete part
  while (j < t.size()) {
    // "twenty-one", "two-thirds": a hyphen inside a number in words.
    if (t.Is(j, "-") && t[j].glued && j + 1 < t.size() && t[j + 1].glued) {
      const Word* nx = Lookup(t, j + 1);
      bool ok = nx && ((last == Last::kTen && nx->kind == NumberWordKind::kUnit && nx->value < 10 &&
                        nx->value > 0) ||
                       ((last == Last::kUnit || last == Last::kTen || last == Last::kArticle) &&
                        nx->kind == NumberWordKind::kFraction));
      if (!ok) break;
      ++j;
      continue;
    }
    if (t.Is(j, "and")) {
      double f = 0;
      size_t fe = ReadFractionPhrase(t, j + 1, &f);
      if (fe && last != Last::kNone && last != Last::kArticle && last != Last::kFraction) {
        const Word* nx = Lookup(t, fe);
        if (last == Last::kScale && !(nx && nx->kind == NumberWordKind::kScale)) {
          *total += f * last_scale;  // "one million and a half"
        } else {
          *current += f;  // "five and a half (million)", "one and a fourth"
        }
        j = end = fe;
        last = Last::kFraction;
        m->words = true;
        continue;
      }
      if (last == Last::kHundred || last == Last::kScale) {
        const Word* nx = Lookup(t, j + 1);
        if (nx && (nx->kind == NumberWordKind::kUnit || nx->kind == NumberWordKind::kTen)) {
          ++j;
          last = Last::kHundred;  // so that a unit or ten may follow
          continue;
        }
        if (last == Last::kHundred && t.IsNum(j + 1) && t[j + 1].frac_digits == 0 &&
            t[j + 1].num < 100) {
          *current += t[j + 1].num;
          j += 2;
          end = j;
          last = Last::kDigits;
          continue;
        }
      }
      break;
    }
    const Word* w = Lookup(t, j);
    if (!w) break;
    switch (w->kind) {
      case NumberWordKind::kUnit:
        if (last != Last::kNone && last != Last::kTen && last != Last::kHundred &&
            last != Last::kScale) {
          return end;
        }
        if (last == Last::kTen && w->value >= 10) return end;
        *current += w->value;
        last = Last::kUnit;
        break;
      case NumberWordKind::kTen:
        if (last != Last::kNone && last != Last::kHundred && last != Last::kScale) return end;
        *current += w->value;
        last = Last::kTen;
        break;
      case NumberWordKind::kHundred:
        if (last == Last::kHundred || last == Last::kFraction || last == Last::kDozen) return end;
        *current = (*current == 0 ? 1 : *current) * 100;
        last = Last::kHundred;
        break;
      case NumberWordKind::kScale:
        if (last == Last::kScale && w->value <= last_scale) return end;
        if (last == Last::kScale) {
          *total = (*total + *current) * w->value;  // "thousand million"
        } else {
          *total += (*current == 0 ? 1 : *current) * w->value;
        }
        *current = 0;
        last_scale = w->value;
        last = Last::kScale;
        m->scaled = true;
        break;
      case NumberWordKind::kDozen:
        if (last == Last::kDozen || last == Last::kFraction || last == Last::kScale) return end;
        *current = (*current == 0 ? 1 : *current) * 12;
        last = Last::kDozen;
        break;
      case NumberWordKind::kFraction: {
        if (last != Last::kUnit && last != Last::kTen && last != Last::kHundred &&
            last != Last::kArticle) {
          return end;
        }
        double num = last == Last::kArticle ? 1 : *current;
        if ((num == 1) == w->plural && last != Last::kHundred) return end;
        if (last == Last::kArticle && !w->plural) {
          // "a third of", "a quarter million", "a fifth."; not "a third straight win".
          const Word* nx = Lookup(t, j + 1);
          bool ok = j + 1 >= t.size() || t.Is(j + 1, "of") ||
                    (t.IsSym(j + 1) && !(t.Is(j + 1, "-") && t[j + 1].glued)) ||
                    (nx && nx->kind == NumberWordKind::kScale);
          if (!ok) return end;
        }
        *current = num / w->value;
        last = Last::kFraction;
        m->fraction = *total == 0;
        // "two thirds of a million"
        if (t.Is(j + 1, "of") && IsWord(t, j + 2, NumberWordKind::kArticle) &&
            IsWord(t, j + 3, NumberWordKind::kScale)) {
          *current *= Lookup(t, j + 3)->value;
          m->fraction = false;
          m->scaled = true;
          j += 3;
        }
        break;
      }
      case NumberWordKind::kArticle:
        if (last != Last::kNone) return end;
        {
          const Word* nx = Lookup(t, j + 1);
          if (!nx ||
              (nx->kind != NumberWordKind::kHundred && nx->kind != NumberWordKind::kScale &&
               nx->kind != NumberWordKind::kDozen && nx->kind != NumberWordKind::kFraction)) {
            return end;
          }
        }
        *current = 1;
        last = Last::kArticle;
        ++j;
        continue;  // an article alone is no number: `end` stays
      case NumberWordKind::kPoint: {
        if (last == Last::kNone || last == Last::kArticle || last == Last::kFraction ||
            last == Last::kDozen) {
          return end;
        }
        std::string digits;
        size_t k = j + 1;
        while (const Word* d = Lookup(t, k)) {
          if (d->kind != NumberWordKind::kUnit) break;
          digits += std::to_string(static_cast<int>(d->value));
          ++k;
        }
        if (digits.empty()) return end;
        *current += std::strtod(("0." + digits).c_str(), nullptr);
        j = end = k;
        last = Last::kDigits;
        m->words = true;
        continue;
      }
      case NumberWordKind::kVague:
      case NumberWordKind::kNegative:
        return end;
    }
    m->words = true;
    ++j;
    end = j;
  }
  return end;
}

NumberMatch NumberReader::ReadWords(const QTokens& t, size_t i) const {
  NumberMatch m;
  const Word* w = Lookup(t, i);
  if (!w || w->kind == NumberWordKind::kPoint || w->kind == NumberWordKind::kNegative ||
      w->kind == NumberWordKind::kScale) {
    return m;
  }
  double total = 0, current = 0;
  if (w->kind == NumberWordKind::kFraction) {
    // Only "half" and "quarter" start a number on their own: "half of", "half a million",
    // "quarter million".
    if (w->plural || (w->value != 2 && w->value != 4)) return m;
    const Word* nx = Lookup(t, i + 1);
    const Word* nx2 = Lookup(t, i + 2);
    if (nx && nx->kind == NumberWordKind::kScale) {
      m.value = nx->value / w->value;
      m.te = i + 2;
    } else if (nx && nx->kind == NumberWordKind::kArticle && nx2 &&
               (nx2->kind == NumberWordKind::kScale || nx2->kind == NumberWordKind::kDozen)) {
      m.value = (nx2->kind == NumberWordKind::kDozen ? 12 : nx2->value) / w->value;
      m.te = i + 3;
    } else if (w->value == 2 && i + 1 < t.size() && t.IsWord(i + 1)) {
      // "half of", "half the", "half a": the caller checks the word after (bare_half)
      m.value = 0.5;
      m.bare_half = true;
      m.fraction = true;
      m.te = i + 1;
    } else {
      return m;
    }
    m.kind = NumberMatch::Kind::kNumber;
    m.tb = i;
    m.words = true;
    m.scaled = !m.fraction;
    m.base = m.value;
    return m;
  }
  size_t end = Continue(t, i, false, &total, &current, &m);
  if (end == i) return m;
  m.kind = NumberMatch::Kind::kNumber;
  m.tb = i;
  m.te = end;
  m.words = true;
  m.value = total + current;
  m.base = m.value;
  m.integer = !m.fraction && m.value == std::floor(m.value);
  return m;
}

NumberMatch NumberReader::ReadVague(const QTokens& t, size_t i) const {
  NumberMatch m;
  const Word* w = Lookup(t, i);
  if (!t.Is(i + 1, "of")) return m;
  double low = w->value;
  size_t te = i + 1;
  const Word* inner = Lookup(t, i + 2);
  if (inner && inner->kind == NumberWordKind::kVague && inner->value >= 1000 && t.Is(i + 3, "of")) {
    low *= inner->value;  // "hundreds of thousands of", "tens of millions of"
    te = i + 3;
  } else if (w->value < 12) {
    return m;  // "tens of" alone is no amount
  }
  m.kind = NumberMatch::Kind::kNumber;
  m.tb = i;
  m.te = te;
  m.vague = true;
  m.words = true;
  m.low = low;
  m.high = low * 10;
  m.value = low;
  m.base = low;
  return m;
}

}  // namespace claimex

#include "db/link_figures.h"

#include <algorithm>
#include <cmath>

#include "db/linker.h"

namespace claimex {
namespace {

constexpr double kMaxRelTolerance = 0.025;

// The head of a noun phrase: its last content token ("neighbourhood police officers" ->
// officer), else its last token; 0 for none.
uint64_t HeadOf(const LinkLexicon& lex, const std::string& phrase) {
  if (phrase.empty()) return 0;
  std::vector<LinkToken> t = lex.Tokenize(FoldNormalized(phrase));
  for (auto it = t.rbegin(); it != t.rend(); ++it) {
    if (!it->stop && !it->number) return it->hash;
  }
  return t.empty() ? 0 : t.back().hash;
}

// Half a unit of the last digit written in `text`'s first number, scaled like `value`:
// "£1.2bn" (value 1.2e9) -> 0.05e9. 0 when the text has no digits.
double HalfUnit(const std::string& text, double value) {
  size_t i = 0;
  while (i < text.size() && !(text[i] >= '0' && text[i] <= '9')) ++i;
  if (i == text.size()) return 0;
  double literal = 0;
  int decimals = -1;  // -1: no decimal point seen
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      literal = literal * 10 + (c - '0');
      if (decimals >= 0) ++decimals;
    } else if (c == ',' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
      continue;
    } else if (c == '.' && decimals < 0 && i + 1 < text.size() && text[i + 1] >= '0' &&
               text[i + 1] <= '9') {
      decimals = 0;
    } else {
      break;
    }
  }
  if (decimals > 0) literal /= std::pow(10.0, decimals);
  if (literal <= 0 || value == 0) return 0;
  const double scale = std::fabs(value) / literal;
  return 0.5 * std::pow(10.0, -std::max(decimals, 0)) * scale;
}

char QualifierClass(const std::string& q) {
  if (q == "approx") return 'a';
  if (q == "gt" || q == "ge") return 'g';
  if (q == "lt" || q == "le") return 'l';
  return 'e';
}

// "2016" and "2016-05" agree (one is the other to less precision); "" agrees with anything.
bool DatesAgree(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  const size_t n = std::min(a.size(), b.size());
  return a.compare(0, n, b, 0, n) == 0;
}

bool Close(double a, double b, double tolerance) {
  return std::fabs(a - b) <= tolerance + 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

bool EndsClose(const std::optional<double>& a, const std::optional<double>& b, double tol) {
  if (a.has_value() != b.has_value()) return false;
  return !a || Close(*a, *b, tol);
}

// Two significant digits of |v|: exponent and mantissa bins (10..99) below and above it.
void Bins(double v, std::vector<std::pair<int, int>>* out) {
  v = std::fabs(v);
  if (v == 0 || !std::isfinite(v)) {
    out->push_back({0, 0});
    return;
  }
  int e = static_cast<int>(std::floor(std::log10(v))) - 1;
  double m = v / std::pow(10.0, e);
  if (m < 10) {  // log10 rounding
    --e;
    m *= 10;
  }
  const double r = std::round(m);
  int lo, hi;
  if (std::fabs(m - r) < 1e-6 * m) {
    lo = hi = static_cast<int>(r);
  } else {
    lo = static_cast<int>(std::floor(m));
    hi = static_cast<int>(std::ceil(m));
  }
  for (int b : {lo, hi}) {
    int be = e, bm = b;
    if (bm >= 100) {
      bm /= 10;
      ++be;
    }
    std::pair<int, int> bin{be, bm};
    if (std::find(out->begin(), out->end(), bin) == out->end()) out->push_back(bin);
  }
}

}  // namespace

FigureFacts MakeFigure(const LinkLexicon& lex, const FigureInput& in) {
  FigureFacts f;
  f.unit = in.unit;
  f.qualifier = QualifierClass(in.qualifier);
  f.range = !in.value.has_value();
  if (in.value) f.value = *in.value;
  f.low = in.low;
  f.high = in.high;
  const double magnitude =
      f.range ? std::max(std::fabs(in.low.value_or(0)), std::fabs(in.high.value_or(0)))
              : std::fabs(f.value);
  double tol = HalfUnit(in.text, f.range ? in.low.value_or(in.high.value_or(0)) : f.value);
  tol = std::min(tol, kMaxRelTolerance * magnitude);
  if (f.qualifier == 'a') tol = std::max(tol, kMaxRelTolerance * magnitude);
  f.tolerance = tol;
  if (in.unit == "count") f.noun = HeadOf(lex, in.noun);
  f.per_value = in.per_value;
  f.per_noun = HeadOf(lex, in.per_noun);
  f.change = in.change == "up" ? 1 : in.change == "down" ? -1 : 0;
  f.change_kind = in.change_kind == "by" ? 1 : in.change_kind == "to" ? 2 : 0;
  f.time_from = in.time_from;
  // "since 2015" ends at each article's own date: only its start says which figure it is.
  if (in.time_kind != "since") f.time_to = in.time_to;
  if (!in.measured.empty()) f.measured = ContentSet(lex.Tokenize(FoldNormalized(in.measured)));
  for (const LinkToken& t : lex.Tokenize(FoldNormalized(in.text))) f.words.push_back(t.hash);
  if (f.noun != 0) f.words.push_back(f.noun);
  std::sort(f.words.begin(), f.words.end());
  return f;
}

bool Compatible(const FigureFacts& a, const FigureFacts& b) {
  if (a.unit != b.unit || a.range != b.range) return false;
  const double tol = std::max(a.tolerance, b.tolerance);
  if (a.range) {
    if (!EndsClose(a.low, b.low, tol) || !EndsClose(a.high, b.high, tol)) return false;
  } else if (!Close(a.value, b.value, tol)) {
    return false;
  }
  if (a.noun != 0 && b.noun != 0 && a.noun != b.noun) return false;
  if ((a.qualifier == 'g' && b.qualifier == 'l') || (a.qualifier == 'l' && b.qualifier == 'g'))
    return false;
  if (a.per_value.has_value() != b.per_value.has_value()) return false;
  if (a.per_value && !Close(*a.per_value, *b.per_value, 0)) return false;
  if (a.per_noun != 0 && b.per_noun != 0 && a.per_noun != b.per_noun) return false;
  if (a.change != 0 && b.change != 0 && a.change != b.change) return false;
  if (a.change_kind != 0 && b.change_kind != 0 && a.change_kind != b.change_kind) return false;
  return DatesAgree(a.time_from, b.time_from) && DatesAgree(a.time_to, b.time_to);
}

bool PlainFigure(const FigureFacts& f) {
  if (f.range) return f.low && f.high && *f.low > 0 && *f.high >= 10 * *f.low;
  return f.unit == "count" && f.noun == 0 && !f.per_value && std::fabs(f.value) < 10;
}

bool SmallCount(const FigureFacts& f) {
  return !f.range && f.unit == "count" && !f.per_value && std::fabs(f.value) < 10;
}

std::vector<uint64_t> FigureKeys(const FigureFacts& f) {
  std::vector<uint64_t> keys;
  if (f.unit.empty()) return keys;
  uint64_t base = MixHash(0x464947ull /* "FIG" */, Fnv1a64(f.unit));
  base = MixHash(base, f.unit == "count" ? f.noun : 0);
  if (f.per_value) {
    std::vector<std::pair<int, int>> per;
    Bins(*f.per_value, &per);
    base = MixHash(base, static_cast<uint64_t>(per[0].first * 1000 + per[0].second) + 1);
  }
  std::vector<std::pair<int, int>> bins;
  if (!f.range) {
    Bins(f.value, &bins);
    base = MixHash(base, f.value < 0 ? 1 : 2);
  } else {
    if (!f.low || !f.high) return keys;  // open ranges are too vague to index
    std::vector<std::pair<int, int>> lo;
    Bins(*f.low, &lo);
    base = MixHash(base, static_cast<uint64_t>(lo[0].first * 1000 + lo[0].second) + 7);
    Bins(*f.high, &bins);
  }
  for (const auto& [e, m] : bins) {
    keys.push_back(MixHash(base, static_cast<uint64_t>((e + 400) * 1000 + m)));
  }
  return keys;
}

}  // namespace claimex

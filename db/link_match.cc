#include "db/link_match.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>

namespace claimex {
namespace {

constexpr size_t kMaxLcsTokens = 250;
constexpr double kStopWeight = 0.1;
constexpr int64_t kRareFloor = 25;   // a rare word: in at most this many articles, or more
constexpr int64_t kRareFrom = 1000;  // articles stored before word rarity counts
constexpr int kManyContextWords = 6;

// Distinct tokens of a list (by hash), keeping the first occurrence's flags.
std::vector<LinkToken> Distinct(const std::vector<LinkToken>& tokens) {
  std::vector<LinkToken> out = tokens;
  std::sort(out.begin(), out.end(),
            [](const LinkToken& a, const LinkToken& b) { return a.hash < b.hash; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const LinkToken& a, const LinkToken& b) { return a.hash == b.hash; }),
            out.end());
  return out;
}

bool Contains(const std::vector<LinkToken>& sorted, uint64_t h) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), h,
                             [](const LinkToken& t, uint64_t v) { return t.hash < v; });
  return it != sorted.end() && it->hash == h;
}

struct Overlap {
  double jaccard = 0;         // weighted, over distinct tokens
  double unmatched_more = 0;  // content weight only one side has: the larger side
  double unmatched_less = 0;
  int extra_numbers = 0;         // numbers only one side has, both sides counted
  int shared = 0, distinct = 0;  // distinct tokens in both / in either
};

// The statement's distinct tokens: precomputed, else made in `scratch`.
const std::vector<LinkToken>& DistinctOf(const Statement& s, std::vector<LinkToken>* scratch) {
  if (!s.distinct.empty() || s.tokens.empty()) return s.distinct;
  *scratch = Distinct(s.tokens);
  return *scratch;
}

// The inverse document frequency of each of `d`'s tokens (d: DistinctOf(s)). The statement's
// own list is cached in it until the weights change (WordWeights::stamp).
const std::vector<double>& IdfOf(const Statement& s, const std::vector<LinkToken>& d,
                                 const WordWeights& w, std::vector<double>* scratch) {
  std::vector<double>* out = scratch;
  if (&d == &s.distinct) {
    if (s.idf_stamp == w.stamp() && s.idf.size() == d.size()) return s.idf;
    s.idf_stamp = w.stamp();
    out = &s.idf;
  }
  out->clear();
  out->reserve(d.size());
  for (const LinkToken& t : d) out->push_back(w.Idf(t.hash));
  return *out;
}

// da, db: distinct tokens (Distinct) of the two sides, ia, ib: their IdfOf. One merge pass.
Overlap Measure(const std::vector<LinkToken>& da, const std::vector<double>& ia,
                const std::vector<LinkToken>& db, const std::vector<double>& ib) {
  Overlap o;
  double shared = 0, total = 0, only_a = 0, only_b = 0;
  auto weight = [](const LinkToken& t, double idf) { return t.stop ? idf * kStopWeight : idf; };
  // A token only one side has: its weight to that side's unmatched content, a number noted.
  auto one_side = [&](const LinkToken& t, double idf, double* only) {
    const double x = weight(t, idf);
    total += x;
    ++o.distinct;
    if (!t.stop) *only += x;
    if (t.number) ++o.extra_numbers;
  };
  size_t i = 0, j = 0;
  while (i < da.size() || j < db.size()) {
    if (j == db.size() || (i < da.size() && da[i].hash < db[j].hash)) {
      one_side(da[i], ia[i], &only_a);
      ++i;
    } else if (i == da.size() || db[j].hash < da[i].hash) {
      one_side(db[j], ib[j], &only_b);
      ++j;
    } else {  // in both: counted once, with a's flags
      const double x = weight(da[i], ia[i]);
      total += x;
      shared += x;
      ++o.distinct;
      ++o.shared;
      ++i;
      ++j;
    }
  }
  o.jaccard = total > 0 ? shared / total : 0;
  o.unmatched_more = std::max(only_a, only_b);
  o.unmatched_less = std::min(only_a, only_b);
  return o;
}

// Whether a number changed between two token lists: each has a number the other lacks, counted
// with repeats ("three cts vs three cts" against "four cts vs three cts").
bool NumberChanged(const std::vector<LinkToken>& a, const std::vector<LinkToken>& b) {
  thread_local std::vector<uint64_t> na, nb;
  auto numbers = [](const std::vector<LinkToken>& tokens, std::vector<uint64_t>* out) {
    out->clear();
    for (const LinkToken& t : tokens) {
      if (t.number) out->push_back(t.hash);
    }
    std::sort(out->begin(), out->end());
  };
  numbers(a, &na);
  numbers(b, &nb);
  if (na.empty() || nb.empty()) return false;
  bool only_a = false, only_b = false;
  size_t i = 0, j = 0;
  while (i < na.size() || j < nb.size()) {
    if (j == nb.size() || (i < na.size() && na[i] < nb[j])) {
      only_a = true;
      ++i;
    } else if (i == na.size() || nb[j] < na[i]) {
      only_b = true;
      ++j;
    } else {
      ++i;
      ++j;
    }
  }
  return only_a && only_b;
}

double Ratio(double n, double d) { return d > 0 ? n / d : 0; }

NearFeatures Features(const Statement& sa, const Statement& sb, const Overlap& o, int lcs) {
  const double na = static_cast<double>(sa.tokens.size());
  const double nb = static_cast<double>(sb.tokens.size());
  NearFeatures f{};
  f[kLcsLonger] = Ratio(lcs, std::max(na, nb));
  f[kWeightedJaccard] = o.jaccard;
  f[kUnmatchedMore] = o.unmatched_more;
  f[kUnmatchedLess] = o.unmatched_less;
  f[kWordJaccard] = Ratio(o.shared, o.distinct);
  f[kUnmatchedNumbers] = o.extra_numbers;
  f[kLengthDifference] = std::fabs(na - nb);
  return f;
}

Overlap MeasureOverlap(const Statement& sa, const Statement& sb, const std::vector<LinkToken>& da,
                       const std::vector<LinkToken>& db, const WordWeights& w) {
  std::vector<double> scratch_a, scratch_b;
  return Measure(da, IdfOf(sa, da, w, &scratch_a), db, IdfOf(sb, db, w, &scratch_b));
}

// The most articles a rare word is in: rare_share of the stored articles, at least
// kRareFloor. Word frequencies in a small store say little: there, every word is rare.
int64_t RareDf(const WordWeights& w, double rare_share) {
  if (w.articles() < kRareFrom) return INT64_MAX;
  return std::max<int64_t>(kRareFloor,
                           static_cast<int64_t>(rare_share * static_cast<double>(w.articles())));
}

// Whether two statements (their distinct tokens) share something that ties them to one story:
// a rare content word, or kManyContextWords content words (numbers left out) of any frequency.
bool SharesStory(const std::vector<LinkToken>& da, const std::vector<LinkToken>& db,
                 const WordWeights& w, int64_t rare_df) {
  int words = 0;
  for (const LinkToken& t : da) {
    if (t.stop || t.number || !Contains(db, t.hash)) continue;
    if (w.Df(t.hash) <= rare_df || ++words >= kManyContextWords) return true;
  }
  return false;
}

struct Near {
  double score = 0;
  bool mostly_same = false;  // most words in the same order
};

// A near verdict for two statements, or nothing.
std::optional<Near> NearScore(const Statement& sa, const Statement& sb,
                              const std::vector<LinkToken>& da, const std::vector<LinkToken>& db,
                              const WordWeights& w, const MatchOptions& options) {
  if (options.model == nullptr || sa.tokens.empty() || sb.tokens.empty()) return std::nullopt;
  if (NumberChanged(sa.tokens, sb.tokens)) return std::nullopt;
  const Overlap o = MeasureOverlap(sa, sb, da, db, w);
  // The common subsequence is at most the shorter side (as cut for it). When even that bound
  // cannot make a near link (the model never weighs a longer one less), the exact length is
  // not needed: the verdict is the same.
  const int bound = static_cast<int>(std::min({sa.tokens.size(), sb.tokens.size(), kMaxLcsTokens}));
  if (bound < 6) return std::nullopt;
  if (options.model->Weight(kLcsLonger) >= 0 &&
      options.model->Probability(Features(sa, sb, o, bound)) < options.near_threshold) {
    return std::nullopt;
  }
  const int lcs = CommonSubsequence(sa.tokens, sb.tokens);
  if (lcs < 6) return std::nullopt;  // a shared name and a verb are not a statement
  const NearFeatures f = Features(sa, sb, o, lcs);
  const double p = options.model->Probability(f);
  if (p < options.near_threshold) return std::nullopt;
  // Common words alone, however alike ("Shr profit two cts vs loss four cts" in two companies'
  // results), are a template, not a repeated statement.
  if (!SharesStory(da, db, w, RareDf(w, options.rare_share))) return std::nullopt;
  return Near{p, f[kLcsLonger] >= 0.5};
}

std::optional<double> QuoteScore(const Statement& a, const Statement& b) {
  if (a.speaker.empty() || a.speaker != b.speaker) return std::nullopt;
  if (a.quote.size() < 5 || b.quote.size() < 5) return std::nullopt;
  const int lcs = CommonSubsequence(a.quote, b.quote);
  const double shorter = static_cast<double>(std::min(a.quote.size(), b.quote.size()));
  const double longer = static_cast<double>(std::max(a.quote.size(), b.quote.size()));
  if (lcs < 0.9 * shorter || lcs < 0.5 * longer) return std::nullopt;
  // A changed number inside the quote is another statement.
  if (NumberChanged(a.quote, b.quote)) return std::nullopt;
  return 0.5 + 0.5 * lcs / longer;
}

bool HasCompatible(const FigureFacts& f, const std::vector<FigureFacts>& others) {
  for (const FigureFacts& o : others) {
    if (Compatible(f, o)) return true;
  }
  return false;
}

// A figure changed between the two: same unit and counted noun, close but incompatible values
// (within a factor of 1.5), neither matched by anything on the other side: "rose to 4.48%"
// vs "rose to 4.46%", "3.1 officers per 1,000" vs "3.4". Far-apart values (a record £151m
// vs a record £1bn) are other figures, not a changed one.
bool ChangedFigure(const Statement& a, const Statement& b) {
  for (const FigureFacts& fa : a.figures) {
    if (fa.range || fa.value == 0 || HasCompatible(fa, b.figures)) continue;
    for (const FigureFacts& fb : b.figures) {
      if (fb.range || fb.value == 0 || fa.unit != fb.unit) continue;
      if (fa.noun != 0 && fb.noun != 0 && fa.noun != fb.noun) continue;
      if (HasCompatible(fb, a.figures)) continue;
      const double ratio =
          std::fabs(fa.value) > std::fabs(fb.value) ? fa.value / fb.value : fb.value / fa.value;
      if (ratio > 0 && ratio < 1.5) return true;
    }
  }
  return false;
}

std::optional<double> FigureScore(const Statement& a, const Statement& b,
                                  const std::vector<LinkToken>& da,
                                  const std::vector<LinkToken>& db, const WordWeights& w,
                                  const MatchOptions& options) {
  double best = -1;
  if (a.figures.empty() || b.figures.empty()) return std::nullopt;
  if (ChangedFigure(a, b)) return std::nullopt;
  const int64_t rare_df = RareDf(w, options.rare_share);
  for (const FigureFacts& fa : a.figures) {
    for (const FigureFacts& fb : b.figures) {
      if (PlainFigure(fa) || PlainFigure(fb) || !Compatible(fa, fb)) continue;
      // Shared content words that are not numbers and not the figures' own words.
      int words = 0;
      double weight = 0;
      bool measured = false;
      int rare = 0;  // shared context words few stored articles have
      auto own = [&](uint64_t h) {
        return std::binary_search(fa.words.begin(), fa.words.end(), h) ||
               std::binary_search(fb.words.begin(), fb.words.end(), h);
      };
      for (const LinkToken& t : da) {
        if (t.stop || t.number || own(t.hash) || !Contains(db, t.hash)) continue;
        ++words;
        weight += w.Idf(t.hash);
        if (w.Df(t.hash) <= rare_df) ++rare;
        if (std::find(fa.measured.begin(), fa.measured.end(), t.hash) != fa.measured.end() &&
            std::find(fb.measured.begin(), fb.measured.end(), t.hash) != fb.measured.end())
          measured = true;
      }
      const bool same_noun = fa.noun != 0 && fa.noun == fb.noun;
      const bool supported =
          (same_noun || measured) ? words >= 1 : (words >= 2 && weight >= options.figure_context);
      // Common words alone (a results table's "shr loss ... cts") are no context, unless many.
      const int rare_needed = SmallCount(fa) || SmallCount(fb) ? 2 : 1;
      if (!supported || (rare < rare_needed && words < kManyContextWords)) continue;
      best = std::max(best, std::min(0.95, 0.55 + 0.05 * words));
    }
  }
  if (best < 0) return std::nullopt;
  return best;
}

}  // namespace

void FinishStatement(Statement* st) {
  st->content = ContentSet(st->tokens);
  st->distinct = Distinct(st->tokens);
}

namespace {
// ln(n + 1) for small n, computed once.
struct LogTable {
  static constexpr int64_t kSize = 4096;
  double v[kSize];
  LogTable() {
    for (int64_t i = 0; i < kSize; ++i) v[i] = std::log(static_cast<double>(i) + 1.0);
  }
  double operator()(int64_t n) const {
    return n >= 0 && n < kSize ? v[n] : std::log(static_cast<double>(n) + 1.0);
  }
};
const LogTable kLog1p;
}  // namespace

void WordWeights::SetArticles(int64_t n) {
  if (n != articles_) ++stamp_;
  articles_ = n;
  log_articles_ = std::log(static_cast<double>(n) + 100.0);
}

namespace {
size_t Slot(uint64_t word, size_t mask) {
  return static_cast<size_t>((word * 0x9e3779b97f4a7c15ull) >> 17) & mask;
}
}  // namespace

const int64_t* WordWeights::Find(uint64_t word) const {
  if (keys_.empty()) return nullptr;
  const size_t mask = keys_.size() - 1;
  for (size_t i = Slot(word, mask);; i = (i + 1) & mask) {
    if (keys_[i] == word + 1) return &dfs_[i];
    if (keys_[i] == 0) return nullptr;
  }
}

void WordWeights::Grow() {
  std::vector<uint64_t> keys = std::move(keys_);
  std::vector<int64_t> dfs = std::move(dfs_);
  const size_t capacity = keys.empty() ? 1024 : keys.size() * 2;
  keys_.assign(capacity, 0);
  dfs_.assign(capacity, 0);
  const size_t mask = capacity - 1;
  for (size_t j = 0; j < keys.size(); ++j) {
    if (keys[j] == 0) continue;
    size_t i = Slot(keys[j] - 1, mask);
    while (keys_[i] != 0) i = (i + 1) & mask;
    keys_[i] = keys[j];
    dfs_[i] = dfs[j];
  }
}

void WordWeights::Set(uint64_t word, int64_t df) {
  if (2 * (size_ + 1) > keys_.size()) Grow();
  const size_t mask = keys_.size() - 1;
  size_t i = Slot(word, mask);
  while (keys_[i] != 0 && keys_[i] != word + 1) i = (i + 1) & mask;
  if (keys_[i] == word + 1) {
    if (dfs_[i] == df) return;
  } else {
    keys_[i] = word + 1;
    ++size_;
  }
  dfs_[i] = df;
  ++stamp_;
}

void WordWeights::Clear() {
  keys_.clear();
  dfs_.clear();
  size_ = 0;
  ++stamp_;
}

double WordWeights::Idf(uint64_t word) const {
  const int64_t* df = Find(word);
  // ln((articles + 100) / (df + 1)), with the logarithms of both sides cached.
  return log_articles_ - kLog1p(df == nullptr ? 1 : *df);
}

int CommonSubsequence(const std::vector<LinkToken>& a, const std::vector<LinkToken>& b) {
  // Bit-parallel (Crochemore et al. 2001): bit i of V is 0 where a[i] ends a longer common
  // subsequence; per token y of b, with M the positions of y in a,
  //   V = (V + (V & M)) | (V & ~M)
  // over words of 64 positions, the carry running up; the length is the number of 0 bits.
  constexpr size_t kWords = (kMaxLcsTokens + 63) / 64;
  const size_t n = std::min(a.size(), kMaxLcsTokens), m = std::min(b.size(), kMaxLcsTokens);
  if (n == 0 || m == 0) return 0;
  const size_t words = (n + 63) / 64;
  struct Entry {
    uint64_t hash;
    uint64_t mask[kWords];
  };
  thread_local std::vector<Entry> masks;  // a's distinct tokens, sorted by hash
  masks.clear();
  for (size_t i = 0; i < n; ++i) masks.push_back(Entry{a[i].hash, {}});
  std::sort(masks.begin(), masks.end(),
            [](const Entry& x, const Entry& y) { return x.hash < y.hash; });
  masks.erase(std::unique(masks.begin(), masks.end(),
                          [](const Entry& x, const Entry& y) { return x.hash == y.hash; }),
              masks.end());
  auto find = [&](uint64_t h) -> Entry* {
    auto it = std::lower_bound(masks.begin(), masks.end(), h,
                               [](const Entry& e, uint64_t v) { return e.hash < v; });
    return it != masks.end() && it->hash == h ? &*it : nullptr;
  };
  for (size_t i = 0; i < n; ++i) find(a[i].hash)->mask[i / 64] |= uint64_t{1} << (i % 64);
  uint64_t v[kWords];
  for (size_t k = 0; k < words; ++k) v[k] = ~uint64_t{0};
  for (size_t j = 0; j < m; ++j) {
    const Entry* e = find(b[j].hash);
    if (e == nullptr) continue;  // M = 0: V stays as it is
    uint64_t carry = 0;
    for (size_t k = 0; k < words; ++k) {
      const uint64_t u = v[k] & e->mask[k];
      const uint64_t sum = v[k] + u;
      const uint64_t sum_carry = sum + carry;
      const uint64_t next_carry = (sum < v[k]) | (sum_carry < sum);
      v[k] = sum_carry | (v[k] & ~e->mask[k]);
      carry = next_carry;
    }
  }
  int zeros = 0;
  for (size_t k = 0; k < words; ++k) {
    const size_t bits = k + 1 < words ? 64 : n - 64 * k;
    const uint64_t valid = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
    zeros += std::popcount(~v[k] & valid);
  }
  return zeros;
}

namespace {
constexpr const char* kFeatureNames[kNearFeatureCount] = {
    "lcs_longer",   "weighted_jaccard",  "unmatched_more",   "unmatched_less",
    "word_jaccard", "unmatched_numbers", "length_difference"};
}  // namespace

const char* NearFeatureName(int feature) {
  return feature >= 0 && feature < kNearFeatureCount ? kFeatureNames[feature] : "";
}

NearFeatures MeasureNear(const Statement& a, const Statement& b, const WordWeights& w) {
  std::vector<LinkToken> scratch_a, scratch_b;
  const std::vector<LinkToken>& da = DistinctOf(a, &scratch_a);
  const std::vector<LinkToken>& db = DistinctOf(b, &scratch_b);
  // Measure is not symmetric in its flags only; the counts and weights it returns are.
  return Features(a, b, MeasureOverlap(a, b, da, db, w), CommonSubsequence(a.tokens, b.tokens));
}

Result<NearModel> NearModel::Create(const RuleSet& rules) {
  auto file = rules.Get("link_near_model.txt");
  if (!file.ok()) return file.status();
  NearFeatures weights{};
  std::array<bool, kNearFeatureCount> seen{};
  double bias = 0;
  bool has_bias = false;
  for (const RuleLine& line : (*file)->lines) {
    if (line.fields.size() != 2) return (*file)->Error(line, "want NAME and WEIGHT");
    char* end = nullptr;
    const double v = std::strtod(line.fields[1].c_str(), &end);
    if (end == line.fields[1].c_str() || *end != '\0' || !std::isfinite(v)) {
      return (*file)->Error(line, "weight is not a number: " + line.fields[1]);
    }
    if (line.fields[0] == "bias") {
      if (has_bias) return (*file)->Error(line, "bias given twice");
      has_bias = true;
      bias = v;
      continue;
    }
    int f = 0;
    while (f < kNearFeatureCount && line.fields[0] != kFeatureNames[f]) ++f;
    if (f == kNearFeatureCount) return (*file)->Error(line, "no such feature: " + line.fields[0]);
    if (seen[f]) return (*file)->Error(line, "feature given twice: " + line.fields[0]);
    seen[f] = true;
    weights[f] = v;
  }
  const RuleLine last = (*file)->lines.empty() ? RuleLine{} : (*file)->lines.back();
  if (!has_bias) return (*file)->Error(last, "no bias line");
  for (int f = 0; f < kNearFeatureCount; ++f) {
    if (!seen[f]) return (*file)->Error(last, std::string("no weight for ") + kFeatureNames[f]);
  }
  return NearModel(bias, weights);
}

double NearModel::Probability(const NearFeatures& f) const {
  double z = bias_;
  for (int i = 0; i < kNearFeatureCount; ++i) z += weights_[i] * f[i];
  return 1.0 / (1.0 + std::exp(-z));
}

bool Specific(const Statement& st, const WordWeights& w, double rare_share) {
  if (!st.figures.empty() || !st.quote.empty()) return true;
  std::vector<LinkToken> scratch;
  const std::vector<LinkToken>& d = DistinctOf(st, &scratch);
  return SharesStory(d, d, w, RareDf(w, rare_share));
}

std::optional<Verdict> Compare(const Statement& a, const Statement& b, const WordWeights& w,
                               const MatchOptions& options) {
  if (auto q = QuoteScore(a, b)) return Verdict{LinkKind::kQuote, *q};
  std::vector<LinkToken> scratch_a, scratch_b;
  const std::vector<LinkToken>& da = DistinctOf(a, &scratch_a);
  const std::vector<LinkToken>& db = DistinctOf(b, &scratch_b);
  const std::optional<Near> n = NearScore(a, b, da, db, w, options);
  if (n && n->mostly_same) return Verdict{LinkKind::kNear, n->score};
  // A restatement in other words that shares a figure is a figure link.
  if (auto f = FigureScore(a, b, da, db, w, options)) return Verdict{LinkKind::kFigure, *f};
  if (n) return Verdict{LinkKind::kNear, n->score};
  return std::nullopt;
}

}  // namespace claimex

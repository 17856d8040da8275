// TimeFinder: the stage around the time grammar (timex_parse.h). It finds the article's anchor
// date, turns the grammar's finds into TimeExpr records (TIMEX value, resolved from/to, kind) and
// gives every claim the time expression that scopes it in its sentence.
#include "extractor/timex.h"

#include <algorithm>
#include <cstdint>

#include "extractor/timex_parse.h"

namespace claimex {
namespace {

using timex::Date;
using timex::Gran;
using timex::Parsed;
using timex::Point;

constexpr size_t kAnchorWindow = 2000;  // bytes at the top of a text searched for its date

// ASCII letters and digits (bullets, dashes and other non-ASCII marks around a dateline are not).
bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimEnd(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

class Impl : public TimeFinder {
 public:
  explicit Impl(std::unique_ptr<const timex::Grammar> g) : grammar_(std::move(g)) {
    datelines_ = grammar_->lexicon().Phrases(timex::Lex::kDateline);
    for (const std::string& w : grammar_->lexicon().Phrases(timex::Lex::kClause)) {
      clause_words_.push_back(" " + w + " ");
    }
  }

  std::string AnchorDate(const Document& doc) const override {
    Date d;
    if (doc.article != nullptr && timex::ParseDate(doc.article->published, &d)) {
      return doc.article->published;
    }
    std::string_view text = doc.norm.text();
    std::string_view top = text.substr(0, std::min(text.size(), kAnchorWindow));
    std::vector<Parsed> found;
    std::string own;
    std::string_view lower = LowerOf(doc, &own).substr(0, top.size());
    grammar_->FindAll(top, lower, std::nullopt, &found);
    for (const Parsed& r : found) {
      if (r.type != Parsed::Type::kPoint || r.a.gran != Gran::kDay || !r.a.HasYear() ||
          r.a.implicit_year || r.a.hour >= 0 || !timex::ValidDate(r.a.year, r.a.month, r.a.day))
        continue;
      if (IsDateline(top, r.start, r.stop)) {
        return timex::FormatDate({r.a.year, r.a.month, r.a.day});
      }
    }
    return "";
  }

  void Find(const Document& doc, const std::string& anchor,
            std::vector<TimeExpr>* times) const override {
    std::optional<Date> a;
    Date d;
    if (timex::ParseDate(anchor, &d)) a = d;
    std::vector<Parsed> found;
    std::string_view text = doc.norm.text();
    std::string own;
    grammar_->FindAll(text, LowerOf(doc, &own), a, &found);
    times->reserve(times->size() + found.size());
    for (const Parsed& r : found) {
      TimeExpr t;
      t.span = {r.start, r.stop};
      t.text = std::string(text.substr(r.start, r.stop - r.start));
      Describe(r, a, &t);
      times->push_back(std::move(t));
    }
  }

  void Scope(const Document& doc, Extraction* ex) const override {
    std::string_view text = doc.norm.text();
    for (Claim& c : ex->claims) {
      c.time = -1;
      int s = c.sentence >= 0 ? c.sentence : doc.SentenceAt(c.span.start);
      if (s < 0 || s >= static_cast<int>(doc.sentences.size())) continue;
      Span sent = doc.sentences[s].span;
      auto first =
          std::lower_bound(ex->times.begin(), ex->times.end(), sent.start,
                           [](const TimeExpr& t, uint32_t start) { return t.span.end <= start; });
      long best_cost = 0;
      for (auto it = first; it != ex->times.end() && it->span.start < sent.end; ++it) {
        const TimeExpr& t = *it;
        if (t.span.start < c.span.end && c.span.start < t.span.end) continue;  // the figure
        bool before = t.span.end <= c.span.start;
        uint32_t gap0 = before ? t.span.end : c.span.end;
        uint32_t gap1 = before ? c.span.start : t.span.start;
        long cost = static_cast<long>(gap1 - gap0);
        if (t.kind == "relative" || t.kind == "date") cost += 20;  // span cues scope better
        if (t.kind == "set") cost += 200;
        // What follows only adds to the cost: a time already dearer than the best is out.
        if (c.time >= 0 && cost >= best_cost) continue;
        std::string_view gap = text.substr(gap0, gap1 - gap0);
        // another clause: after a semicolon, a contrast, or a comma
        cost += GapCost(gap);
        if (c.time < 0 || cost < best_cost) {
          c.time = static_cast<int>(it - ex->times.begin());
          best_cost = cost;
        }
      }
    }
  }

 private:
  // What a gap between a figure and a time adds to its cost: 200 for a semicolon, 100 for each
  // clause word (" but ", ...) in it, 15 per comma. One pass over the gap: the clause words all
  // start with a space, so they are tried at spaces only.
  long GapCost(std::string_view gap) const {
    bool semicolon = false;
    long commas = 0;
    thread_local std::vector<char> seen;  // clause word k found in the gap
    seen.assign(clause_words_.size(), 0);
    for (size_t p = 0; p < gap.size(); ++p) {
      const char c = gap[p];
      if (c == ';') {
        semicolon = true;
      } else if (c == ',') {
        ++commas;
      } else if (c == ' ' && p + 1 < gap.size()) {
        for (size_t k = 0; k < clause_words_.size(); ++k) {
          const std::string& w = clause_words_[k];
          if (w.size() > 1 && w[1] == gap[p + 1] && gap.substr(p).starts_with(w)) seen[k] = 1;
        }
      }
    }
    const long clauses = static_cast<long>(std::count(seen.begin(), seen.end(), 1));
    return (semicolon ? 200 : 0) + 100 * clauses + 15 * commas;
  }

  // TIMEX value, from/to and kind of one find.
  static void Describe(const Parsed& r, const std::optional<Date>& anchor, TimeExpr* t) {
    t->kind = std::string(r.kind);
    // (made only when used: most times do not run to the anchor)
    auto anchor_day = [&] { return anchor ? timex::FormatDate(*anchor) : std::string(); };
    switch (r.type) {
      case Parsed::Type::kPoint:
        t->timex = r.a.Timex();
        t->from = r.kind == "until" ? "" : r.a.Bound(false);
        t->to = r.kind == "since" ? "" : r.a.Bound(true);
        if (r.to_anchor) t->to = anchor_day();
        break;
      case Parsed::Type::kRange:
        if (!r.a.unresolved && !r.b.unresolved) {
          t->timex = timex::RangeTimex(r.a, r.b, r.b_is_last);
        }
        t->from = r.a.Bound(false);
        t->to = r.b.Bound(true);
        break;
      case Parsed::Type::kDuration:
        t->timex = r.dur.Timex();
        if (r.lead != 0 && anchor && !r.dur.unknown) {
          Date other = r.dur.Apply(*anchor, r.lead);
          Gran g = r.dur.UnitGran() == Gran::kTime ? Gran::kDay : r.dur.UnitGran();
          Point p = Point::OfDay(other);
          if (g == Gran::kYear) p.gran = Gran::kYear;
          if (g == Gran::kMonth || g == Gran::kQuarter) p.gran = Gran::kMonth;
          (r.lead < 0 ? t->from : t->to) = p.Bound(r.lead > 0);
          (r.lead < 0 ? t->to : t->from) = anchor_day();
        }
        break;
      case Parsed::Type::kRef:
      case Parsed::Type::kSet:
        t->timex = std::string(r.value);
        break;
      case Parsed::Type::kNone:
        break;
    }
  }

  // Whether the date at [start, stop) of `top` is the article's own: after a dateline label
  // ("Created on", "Published:") on its line or the line before, alone on its line (bullets and a
  // clock time aside), or in a wire dateline ("LONDON, March 3, 2024 -").
  bool IsDateline(std::string_view top, uint32_t start, uint32_t stop) const {
    size_t ls = top.rfind('\n', start == 0 ? 0 : start - 1);
    ls = ls == std::string_view::npos || start == 0 ? 0 : ls + 1;
    size_t le = top.find('\n', stop);
    if (le == std::string_view::npos) le = top.size();
    std::string before = Lower(top.substr(ls, start - ls));
    std::string after = Lower(top.substr(stop, le - stop));
    std::string_view b = TrimEnd(before, " \t:-,|");
    if (EndsWithDateline(b)) return true;
    bool before_blank = std::none_of(b.begin(), b.end(), IsAlnum);
    if (before_blank && ls >= 2) {  // a label on the line before: "Created on\n11 November 2022"
      size_t ps = top.rfind('\n', ls - 2);
      ps = ps == std::string_view::npos ? 0 : ps + 1;
      std::string prev = Lower(top.substr(ps, ls - 1 - ps));
      if (EndsWithDateline(TrimEnd(prev, " \t:-,|"))) return true;
    }
    // alone on its line, or opening a short one ("4 March 2024 | Press release")
    if (before_blank && after.size() <= 60) return true;
    // wire dateline: upper-case place, comma, the date, then a dash or an agency
    std::string_view raw_before = TrimEnd(top.substr(ls, start - ls), " ");
    if (raw_before.size() >= 3 && raw_before.back() == ',') {
      bool caps = std::all_of(raw_before.begin(), raw_before.end() - 1, [](char c) {
        return (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '\'' || c == '-';
      });
      std::string_view a = after;
      while (!a.empty() && a.front() == ' ') a.remove_prefix(1);
      if (caps && !a.empty() && (a.front() == '-' || a.front() == '(')) return true;
    }
    return false;
  }

  bool EndsWithDateline(std::string_view s) const {
    for (const std::string& d : datelines_) {
      if (s.size() >= d.size() && s.substr(s.size() - d.size()) == d &&
          (s.size() == d.size() || !IsAlnum(s[s.size() - d.size() - 1]))) {
        return true;
      }
    }
    return false;
  }

  std::unique_ptr<const timex::Grammar> grammar_;
  std::vector<std::string> datelines_;     // "created on", "published" ...
  std::vector<std::string> clause_words_;  // " but ", " while " ...
};

}  // namespace

Result<std::unique_ptr<const TimeFinder>> TimeFinder::Create(const RuleSet& rules) {
  auto g = timex::Grammar::Create(rules);
  if (!g.ok()) return g.status();
  return std::unique_ptr<const TimeFinder>(new Impl(std::move(*g)));
}

}  // namespace claimex

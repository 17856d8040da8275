// Qualifiers, changes, ranges and not-a-figure contexts for the QuantityFinder (see
// quantity_context.h).
#include "extractor/quantity_context.h"

#include <map>
#include <string>

namespace claimex {
namespace {

bool ParseQualifier(const std::string& s, Qualifier* q) {
  static const std::pair<const char*, Qualifier> kNames[] = {
      {"exact", Qualifier::kExact}, {"approx", Qualifier::kApprox}, {"gt", Qualifier::kGt},
      {"ge", Qualifier::kGe},       {"lt", Qualifier::kLt},         {"le", Qualifier::kLe},
  };
  for (const auto& [name, value] : kNames) {
    if (s == name) {
      *q = value;
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<const ContextRules>> ContextRules::Create(const RuleSet& rules) {
  std::unique_ptr<ContextRules> c(new ContextRules());

  auto quals = rules.Get("qualifiers.txt");
  if (!quals.ok()) return quals.status();
  for (const RuleLine& line : (*quals)->lines) {
    const RuleFile& f = **quals;
    if (line.fields.size() != 3) return f.Error(line, "want: PHRASE QUALIFIER WHERE");
    Qualifier q;
    if (!ParseQualifier(line.fields[1], &q)) return f.Error(line, "unknown qualifier");
    int idx = static_cast<int>(c->quals_.size());
    c->quals_.push_back(q);
    PhraseTable* table = line.fields[2] == "before"  ? &c->qual_before_
                         : line.fields[2] == "after" ? &c->qual_after_
                                                     : nullptr;
    if (!table) return f.Error(line, "WHERE must be before or after");
    if (!table->Add(line.fields[0], idx)) return f.Error(line, "empty phrase");
  }

  auto changes = rules.Get("changes.txt");
  if (!changes.ok()) return changes.status();
  for (const RuleLine& line : (*changes)->lines) {
    const RuleFile& f = **changes;
    if (line.fields.size() != 2) return f.Error(line, "want: PHRASE up|down|skip");
    const std::string& d = line.fields[1];
    int payload = d == "skip" ? 0 : d == "up" ? 1 : d == "down" ? 2 : -1;
    if (payload < 0) return f.Error(line, "direction must be up, down or skip");
    if (!c->changes_.Add(line.fields[0], payload)) return f.Error(line, "empty phrase");
  }

  auto ranges = rules.Get("ranges.txt");
  if (!ranges.ok()) return ranges.status();
  std::map<std::string, int> joiner_ids, opener_ids;
  for (const RuleLine& line : (*ranges)->lines) {
    const RuleFile& f = **ranges;
    if (line.fields.size() != 2) return f.Error(line, "want: OPENER JOINER");
    const std::string& joiner = line.fields[1];
    auto [jt, jnew] = joiner_ids.emplace(AsciiLower(joiner), static_cast<int>(joiner_ids.size()));
    if (jnew) {
      if (!c->joiners_.Add(joiner, jt->second)) return f.Error(line, "empty joiner");
      c->joiner_openers_.emplace_back();
    }
    int opener = -1;
    if (line.fields[0] != "-") {
      auto [ot, onew] =
          opener_ids.emplace(AsciiLower(line.fields[0]), static_cast<int>(opener_ids.size()));
      if (onew && !c->openers_.Add(line.fields[0], ot->second)) {
        return f.Error(line, "empty opener");
      }
      opener = ot->second;
    }
    c->joiner_openers_[jt->second].push_back(opener);
  }

  auto scopes = rules.Get("duration_scopes.txt");
  if (!scopes.ok()) return scopes.status();
  for (const RuleLine& line : (*scopes)->lines) {
    const RuleFile& f = **scopes;
    if (line.fields.size() != 2) return f.Error(line, "want: WORD before|after");
    PhraseTable* table = line.fields[1] == "before"  ? &c->scope_before_
                         : line.fields[1] == "after" ? &c->scope_after_
                                                     : nullptr;
    if (!table) return f.Error(line, "must be before or after");
    if (!table->Add(line.fields[0], 0)) return f.Error(line, "empty phrase");
  }

  auto cues = rules.Get("figure_cues.txt");
  if (!cues.ok()) return cues.status();
  static const std::pair<const char*, FigureCue> kCues[] = {
      {"counter", FigureCue::kCounter},
      {"aux", FigureCue::kAux},
      {"boundary", FigureCue::kBoundary},
      {"determiner", FigureCue::kDeterminer},
      {"age", FigureCue::kAge},
      {"year", FigureCue::kYear},
      {"spoken-year", FigureCue::kSpokenYear},
  };
  for (const RuleLine& line : (*cues)->lines) {
    const RuleFile& f = **cues;
    if (line.fields.size() != 2) return f.Error(line, "want: WORD KIND");
    uint8_t bit = 0;
    for (const auto& [name, cue] : kCues) {
      if (line.fields[1] == name) bit = static_cast<uint8_t>(cue);
    }
    if (!bit) return f.Error(line, "unknown kind '" + line.fields[1] + "'");
    c->cues_[AsciiLower(line.fields[0])] |= bit;
  }

  auto nf = rules.Get("not_figures.txt");
  if (!nf.ok()) return nf.status();
  std::string all;
  for (const RuleLine& line : (*nf)->lines) {
    const RuleFile& f = **nf;
    if (line.fields.size() != 2) return f.Error(line, "want: NAME RE2");
    RE2 one(line.fields[1], RE2::Quiet);
    if (!one.ok()) return f.Error(line, "bad RE2: " + one.error());
    if (one.NumberOfCapturingGroups() > 0) return f.Error(line, "use (?:...) groups only");
    if (!all.empty()) all += '|';
    all += "(?:" + line.fields[1] + ")";
  }
  if (!all.empty()) {
    RE2::Options opts(RE2::Quiet);
    opts.set_max_mem(64 << 20);
    c->not_figures_ = std::make_unique<RE2>(all, opts);
    if (!c->not_figures_->ok()) {
      return Status::RuleError("patterns/not_figures.txt: " + c->not_figures_->error());
    }
  }
  return std::unique_ptr<const ContextRules>(std::move(c));
}

QualifierMatch ContextRules::QualifierBefore(const QTokens& t, size_t end) const {
  PhraseTable::Match m = qual_before_.Backward(t, end);
  if (m.payload < 0) return {};
  return {m.length, quals_[m.payload]};
}

QualifierMatch ContextRules::QualifierAfter(const QTokens& t, size_t j) const {
  PhraseTable::Match m = qual_after_.Forward(t, j);
  if (m.payload < 0) return {};
  // "5000 or less than 4000" compares with another number: no qualifier of this one.
  if (t.IsNum(j + m.length) || t.Is(j + m.length, "than")) return {};
  return {m.length, quals_[m.payload]};
}

ChangeMatch ContextRules::ChangeBefore(const QTokens& t, size_t start, bool bound) const {
  ChangeMatch out;
  size_t k = start;
  ChangeKind kind = bound ? ChangeKind::kTo : ChangeKind::kBy;
  if (k > 0 && t.Is(k - 1, "by")) {
    kind = ChangeKind::kBy;
    --k;
  } else if (k > 0 && t.Is(k - 1, "to")) {
    kind = ChangeKind::kTo;
    --k;
  }
  // Skip words ("sharply", "a further") before or after "by".
  for (int guard = 0; guard < 4 && k > 0; ++guard) {
    PhraseTable::Match m = changes_.Backward(t, k);
    if (m.payload < 0) return out;
    k -= m.length;
    if (m.payload == 0) {
      if (k > 0 && t.Is(k - 1, "by") && kind == ChangeKind::kBy) --k;
      continue;
    }
    out.first = k;
    out.change = m.payload == 1 ? Change::kUp : Change::kDown;
    out.kind = kind;
    return out;
  }
  return out;
}

RangeJoin ContextRules::Range(const QTokens& t, size_t a_start, size_t a_end,
                              size_t b_start) const {
  RangeJoin out;
  if (b_start <= a_end) return out;
  PhraseTable::Match j = joiners_.Forward(t, a_end);
  if (j.payload < 0 || a_end + j.length != b_start) return out;
  PhraseTable::Match o = openers_.Backward(t, a_start);
  for (int allowed : joiner_openers_[j.payload]) {
    if (o.payload >= 0 && allowed == o.payload) {
      out.ok = true;
      out.opener = o.length;
      return out;
    }
  }
  for (int allowed : joiner_openers_[j.payload]) {
    if (allowed == -1) out.ok = true;
  }
  return out;
}

bool ContextRules::IsTimeSpan(const QTokens& t, size_t start, size_t end) const {
  if (scope_before_.Backward(t, start).payload >= 0) return true;
  return scope_after_.Forward(t, end).payload >= 0;
}

bool ContextRules::IsChangeWord(const QTokens& t, size_t i) const {
  PhraseTable::Match m = changes_.Backward(t, i + 1);
  return m.payload > 0 && m.length == 1;
}

bool ContextRules::Is(const QTokens& t, size_t i, FigureCue cue) const {
  if (!t.IsWord(i)) return false;
  auto it = cues_.find(t.Lower(i));
  return it != cues_.end() && (it->second & static_cast<uint8_t>(cue));
}

void ContextRules::NotFigureSpans(std::string_view text, std::vector<Span>* out) const {
  if (!not_figures_) return;
  size_t pos = 0;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  while (pos < text.size() &&
         not_figures_->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    size_t b = static_cast<size_t>(m.data() - text.data());
    size_t e = b + m.size();
    if (e > b) out->push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    pos = e > pos ? e : pos + 1;
  }
}

}  // namespace claimex

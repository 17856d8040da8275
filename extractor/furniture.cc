// The page-furniture filter (see extractor/furniture.h).
#include "extractor/furniture.h"

#include <algorithm>

namespace claimex {
namespace {

constexpr size_t kMaxLine = 160;

std::string_view Trim(std::string_view s) {
  auto space_at_front = [&] {
    if (s.empty()) return size_t{0};
    char c = s.front();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return size_t{1};
    if (s.starts_with("\xC2\xA0")) return size_t{2};  // U+00A0
    return size_t{0};
  };
  auto space_at_back = [&] {
    if (s.empty()) return size_t{0};
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return size_t{1};
    if (s.ends_with("\xC2\xA0")) return size_t{2};
    return size_t{0};
  };
  for (size_t n; (n = space_at_front()) > 0;) s.remove_prefix(n);
  for (size_t n; (n = space_at_back()) > 0;) s.remove_suffix(n);
  return s;
}

bool Blank(std::string_view s) { return Trim(s).empty(); }

// Merges spans whose gap holds only whitespace.
std::vector<Span> Merge(std::string_view body, const std::vector<FurnitureSpan>& spans,
                        bool skip_datelines) {
  std::vector<Span> out;
  for (const FurnitureSpan& f : spans) {
    if (skip_datelines && f.dateline) continue;
    if (!out.empty() && Blank(body.substr(out.back().end, f.span.start - out.back().end))) {
      out.back().end = f.span.end;
    } else {
      out.push_back(f.span);
    }
  }
  return out;
}

// True when one merged span holds `s` wholly.
bool Inside(const std::vector<Span>& spans, Span s) {
  auto it = std::upper_bound(spans.begin(), spans.end(), s.start,
                             [](uint32_t v, const Span& f) { return v < f.start; });
  if (it == spans.begin()) return false;
  --it;
  return s.start >= it->start && s.end <= it->end;
}

bool Overlaps(const std::vector<Span>& spans, Span s) {
  auto it = std::upper_bound(spans.begin(), spans.end(), s.start,
                             [](uint32_t v, const Span& f) { return v < f.start; });
  if (it != spans.end() && it->start < s.end) return true;
  if (it == spans.begin()) return false;
  --it;
  return it->end > s.start;
}

int Remap(const std::vector<int>& map, int i) {
  return i >= 0 && i < static_cast<int>(map.size()) ? map[i] : -1;
}

// Keeps the items `keep` says yes to and returns old index -> new index (-1 when dropped).
template <typename T, typename Pred>
std::vector<int> Filter(std::vector<T>* items, Pred keep) {
  std::vector<int> map(items->size(), -1);
  size_t out = 0;
  for (size_t i = 0; i < items->size(); ++i) {
    if (!keep((*items)[i])) continue;
    map[i] = static_cast<int>(out);
    if (out != i) (*items)[out] = std::move((*items)[i]);
    ++out;
  }
  items->resize(out);
  return map;
}

}  // namespace

Result<std::unique_ptr<const FurnitureFilter>> FurnitureFilter::Create(const RuleSet& rules) {
  auto file = rules.Get("furniture.txt");
  if (!file.ok()) return file.status();
  std::vector<std::string> line, date, tail;
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  for (const RuleLine& l : (*file)->lines) {
    if (l.fields.size() != 2) return (*file)->Error(l, "expected KIND and PATTERN");
    RE2 probe(l.fields[1], o);
    if (!probe.ok()) return (*file)->Error(l, "bad pattern: " + probe.error());
    const std::string& kind = l.fields[0];
    std::vector<std::string>* to = kind == "line"   ? &line
                                   : kind == "date" ? &date
                                   : kind == "tail" ? &tail
                                                    : nullptr;
    if (to == nullptr) return (*file)->Error(l, "unknown kind '" + kind + "' (line, date, tail)");
    to->push_back(l.fields[1]);
  }
  std::unique_ptr<FurnitureFilter> f(new FurnitureFilter());
  for (auto [parts, out] :
       {std::pair{&line, &f->line_}, std::pair{&date, &f->date_}, std::pair{&tail, &f->tail_}}) {
    if (parts->empty()) continue;
    std::string pattern;
    for (const std::string& p : *parts) pattern += (pattern.empty() ? "(?:" : "|(?:") + p + ")";
    *out = std::make_unique<RE2>(pattern, o);
    if (!(*out)->ok()) return Status::RuleError("patterns/furniture.txt: " + (*out)->error());
  }
  auto any = std::make_unique<RE2::Set>(o, RE2::ANCHOR_BOTH);
  bool added = true;
  for (const RE2* re : {f->line_.get(), f->date_.get(), f->tail_.get()}) {
    if (re != nullptr) added = added && any->Add(re->pattern(), nullptr) >= 0;
  }
  if (added && any->Compile()) f->any_ = std::move(any);
  return std::unique_ptr<const FurnitureFilter>(std::move(f));
}

FurnitureFilter::Kind FurnitureFilter::Classify(std::string_view line) const {
  line = Trim(line);
  if (line.empty() || line.size() > kMaxLine) return Kind::kNone;
  if (any_ != nullptr) {
    RE2::Set::ErrorInfo error;
    if (!any_->Match(line, nullptr, &error) && error.kind == RE2::Set::kNoError) {
      return Kind::kNone;
    }
  }
  if (tail_ != nullptr && RE2::FullMatch(line, *tail_)) return Kind::kTail;
  if (date_ != nullptr && RE2::FullMatch(line, *date_)) return Kind::kDate;
  if (line_ != nullptr && RE2::FullMatch(line, *line_)) return Kind::kLine;
  return Kind::kNone;
}

std::vector<FurnitureSpan> FurnitureFilter::Find(std::string_view body) const {
  std::vector<FurnitureSpan> out;
  size_t start = 0;
  while (start < body.size()) {
    size_t nl = body.find('\n', start);
    size_t end = nl == std::string_view::npos ? body.size() : nl;
    std::string_view line = body.substr(start, end - start);
    Kind kind = line.size() <= kMaxLine + 16 ? Classify(line) : Kind::kNone;
    if (kind == Kind::kTail && start * 2 >= body.size()) {
      out.push_back({{static_cast<uint32_t>(start), static_cast<uint32_t>(body.size())}, false});
      break;
    }
    if (kind != Kind::kNone) {
      std::string_view trimmed = Trim(line);
      size_t s = start + static_cast<size_t>(trimmed.data() - line.data());
      size_t e = s + trimmed.size();
      out.push_back({{static_cast<uint32_t>(s), static_cast<uint32_t>(e)}, kind == Kind::kDate});
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

void FurnitureFilter::Apply(std::string_view body, Extraction* ex) const {
  std::vector<FurnitureSpan> found = Find(body);
  if (found.empty()) return;
  std::vector<Span> all = Merge(body, found, false);
  std::vector<Span> not_dates = Merge(body, found, true);
  std::vector<int> sentences =
      Filter(&ex->sentences, [&](const Sentence& s) { return !Inside(all, s.span); });
  std::vector<int> times =
      Filter(&ex->times, [&](const TimeExpr& t) { return !Overlaps(not_dates, t.span); });
  std::vector<int> claims =
      Filter(&ex->claims, [&](const Claim& c) { return !Overlaps(all, c.span); });
  Filter(&ex->quotes, [&](const Quote& q) { return !Overlaps(all, q.span); });
  for (Claim& c : ex->claims) {
    c.sentence = Remap(sentences, c.sentence);
    c.time = Remap(times, c.time);
    c.restates = Remap(claims, c.restates);
  }
}

std::vector<std::string> FurnitureFilter::KeepParagraphs(std::vector<std::string> paragraphs,
                                                         std::string* dateline) const {
  if (dateline != nullptr) dateline->clear();
  size_t total = 0;
  for (const std::string& p : paragraphs) total += p.size();
  std::vector<std::string> kept;
  size_t pos = 0;
  for (std::string& p : paragraphs) {
    Kind kind = Classify(p);
    if (kind == Kind::kTail && pos * 2 >= total) break;
    pos += p.size();
    if (kind == Kind::kNone) {
      kept.push_back(std::move(p));
    } else if (kind == Kind::kDate && dateline != nullptr && dateline->empty()) {
      *dateline = std::string(Trim(p));
    }
  }
  return kept;
}

}  // namespace claimex

#include "extractor/quote_marks.h"

#include <algorithm>
#include <string_view>

namespace claimex {
namespace {

enum class Dir { kOpen, kClose, kEither };

struct Mark {
  uint32_t pos;  // first byte of the mark
  uint32_t len;  // 1, or 2 for ''
  Dir dir;
};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool IsAlnum(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsQuoteChar(char c) { return c == '"' || c == '\''; }

// The direction the body's own character at normalized offset `pos` says: curly and angle
// quotes know whether they open or close; straight ones do not.
Dir RawHint(const Document& doc, uint32_t pos) {
  if (doc.article == nullptr) return Dir::kEither;
  const std::string& body = doc.article->body;
  uint32_t raw = doc.norm.ToRaw(pos);
  std::string_view b(body);
  if (raw >= b.size()) return Dir::kEither;
  b = b.substr(raw);
  if (b.starts_with("\u201C") || b.starts_with("\u201E") || b.starts_with("\u00AB") ||
      b.starts_with("\u2018") || b.starts_with("\u201A") || b.starts_with("`")) {
    return Dir::kOpen;
  }
  if (b.starts_with("\u201D") || b.starts_with("\u00BB") || b.starts_with("\u2019")) {
    return Dir::kClose;
  }
  return Dir::kEither;
}

// Direction from the neighbours of the mark [pos, pos + len) inside paragraph p.
Dir ContextDir(std::string_view t, Span p, uint32_t pos, uint32_t len) {
  bool at_start = pos == p.start;
  bool at_end = pos + len >= p.end;
  char prev = at_start ? ' ' : t[pos - 1];
  char next = at_end ? ' ' : t[pos + len];
  bool left_open = at_start || IsSpace(prev) || prev == '(' || prev == '[' || prev == '{' ||
                   prev == '-' || prev == '/' || IsQuoteChar(prev);
  bool right_open = at_end || IsSpace(next) || next == '.' || next == ',' || next == ';' ||
                    next == ':' || next == '!' || next == '?' || next == ')' || next == ']' ||
                    next == '}' || next == '-' || IsQuoteChar(next);
  if (left_open && !right_open) return Dir::kOpen;
  if (right_open && !left_open) return Dir::kClose;
  return Dir::kEither;
}

Dir Decide(const Document& doc, Span p, uint32_t pos, uint32_t len) {
  if (pos == p.start) return Dir::kOpen;  // a paragraph never starts with a closing mark
  Dir ctx = ContextDir(doc.norm.text(), p, pos, len);
  return ctx != Dir::kEither ? ctx : RawHint(doc, pos);
}

Span Trimmed(std::string_view t, uint32_t a, uint32_t b) {
  while (a < b && IsSpace(t[a])) ++a;
  while (b > a && IsSpace(t[b - 1])) --b;
  return Span{a, b};
}

// The first byte c of paragraph p at or after `from`, or p.end.
uint32_t NextByte(std::string_view t, Span p, char c, uint32_t from) {
  if (from >= p.end) return p.end;
  const size_t k = t.substr(0, p.end).find(c, from);
  return k == std::string_view::npos ? p.end : static_cast<uint32_t>(k);
}

// Double marks of paragraph p: '"' and the doubled apostrophe "''".
std::vector<Mark> DoubleMarks(const Document& doc, Span p) {
  std::string_view t = doc.norm.text();
  std::vector<Mark> marks;
  // the next '"' and the next apostrophe, each found by memchr and kept until passed
  uint32_t dq = NextByte(t, p, '"', p.start), ap = NextByte(t, p, '\'', p.start);
  while (std::min(dq, ap) < p.end) {
    const uint32_t i = std::min(dq, ap);
    if (i == dq) {
      marks.push_back({i, 1, Decide(doc, p, i, 1)});
      dq = NextByte(t, p, '"', i + 1);
    } else if (i + 1 < p.end && t[i + 1] == '\'' && (i + 2 >= p.end || t[i + 2] != '\'')) {
      marks.push_back({i, 2, Decide(doc, p, i, 2)});
      ap = NextByte(t, p, '\'', i + 2);
    } else {
      ap = NextByte(t, p, '\'', i + 1);
    }
  }
  return marks;
}

void PairDouble(const Document& doc, int pi, std::vector<QuoteSegment>* out) {
  const Span p = doc.paragraphs[pi];
  std::string_view t = doc.norm.text();
  std::vector<Mark> marks = DoubleMarks(doc, p);
  int depth = 0;
  Mark open{};
  for (const Mark& m : marks) {
    if (depth == 0) {
      if (m.dir == Dir::kClose) continue;  // a stray closing mark
      open = m;
      depth = 1;
      continue;
    }
    if (m.dir == Dir::kOpen) {
      ++depth;  // a quote inside the quote
      continue;
    }
    if (--depth > 0) continue;
    QuoteSegment s;
    s.open = open.pos;
    s.span = Trimmed(t, open.pos + open.len, m.pos);
    s.close = m.pos;
    s.close_end = m.pos + m.len;
    s.closed = true;
    s.paragraph = pi;
    if (s.span.end > s.span.start) out->push_back(s);
  }
  if (depth > 0) {
    QuoteSegment s;
    s.open = open.pos;
    s.span = Trimmed(t, open.pos + open.len, p.end);
    s.close = s.close_end = s.span.end;
    s.closed = false;
    s.paragraph = pi;
    if (s.span.end > s.span.start) out->push_back(s);
  }
}

// Single marks outside the double-quoted stretches [inside] of paragraph p.
void PairSingle(const Document& doc, int pi, const std::vector<Span>& inside,
                std::vector<QuoteSegment>* out) {
  const Span p = doc.paragraphs[pi];
  std::string_view t = doc.norm.text();
  // i only grows: stretches that end before it are skipped once, not rescanned per mark.
  std::vector<Span> sorted = inside;
  std::sort(sorted.begin(), sorted.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  size_t first_open = 0;
  auto covered = [&](uint32_t i) {
    while (first_open < sorted.size() && sorted[first_open].end < i) ++first_open;
    for (size_t k = first_open; k < sorted.size() && sorted[k].start <= i + 1; ++k) {
      if (i <= sorted[k].end) return true;
    }
    return false;
  };
  std::vector<uint32_t> opens, closes;
  for (uint32_t i = NextByte(t, p, '\'', p.start); i < p.end; i = NextByte(t, p, '\'', i + 1)) {
    if (covered(i)) continue;
    if (i + 1 < p.end && t[i + 1] == '\'') {  // '' is a double mark
      ++i;
      continue;
    }
    char prev = i == p.start ? ' ' : t[i - 1];
    char next = i + 1 >= p.end ? ' ' : t[i + 1];
    if (IsAlnum(prev) && IsAlnum(next)) continue;  // apostrophe inside a word
    Dir d = Decide(doc, p, i, 1);
    if (d == Dir::kOpen && IsAlnum(next)) {
      // '90s, 'em: an elision, not a quote.
      if (IsDigit(next) && i + 3 < p.end && IsDigit(t[i + 2]) && t[i + 3] == 's') continue;
      opens.push_back(i);
    } else if (d == Dir::kClose && !IsSpace(prev)) {
      closes.push_back(i);
    }
  }
  // The closing mark an opening one takes: the first after it that is followed by punctuation
  // or does not come after a plural 's' ("workers' "), else simply the first after it.
  // next_good[k] is the first such mark from closes[k] on, found once from the end.
  std::vector<size_t> next_good(closes.size() + 1, closes.size());
  for (size_t k = closes.size(); k-- > 0;) {
    const uint32_t c = closes[k];
    const char next = c + 1 >= p.end ? ' ' : t[c + 1];
    next_good[k] = t[c - 1] != 's' || (!IsSpace(next) && !IsAlnum(next)) ? k : next_good[k + 1];
  }
  uint32_t after = p.start;
  size_t first = 0;  // opens rise, so closes at or before o + 1 are passed once
  for (uint32_t o : opens) {
    if (o < after) continue;
    while (first < closes.size() && closes[first] <= o + 1) ++first;
    if (first == closes.size()) break;
    const size_t chosen = next_good[first] < closes.size() ? next_good[first] : first;
    uint32_t c = closes[chosen];
    QuoteSegment s;
    s.open = o;
    s.span = Trimmed(t, o + 1, c);
    s.close = c;
    s.close_end = c + 1;
    s.closed = true;
    s.single = true;
    s.paragraph = pi;
    if (s.span.end > s.span.start) out->push_back(s);
    after = c + 1;
  }
}

}  // namespace

std::vector<QuoteSegment> FindQuoteSegments(const Document& doc) {
  std::vector<QuoteSegment> out;
  bool prev_unclosed = false;
  std::vector<Span> inside;  // (reused paragraph after paragraph)
  for (int pi = 0; pi < static_cast<int>(doc.paragraphs.size()); ++pi) {
    size_t first = out.size();
    PairDouble(doc, pi, &out);
    inside.clear();
    for (size_t k = first; k < out.size(); ++k) inside.push_back({out[k].open, out[k].close_end});
    size_t singles = out.size();
    PairSingle(doc, pi, inside, &out);
    if (singles != out.size() && singles != first) {
      // Keep text order when singles were added after doubles.
      std::sort(out.begin() + first, out.end(),
                [](const QuoteSegment& a, const QuoteSegment& b) { return a.open < b.open; });
    }
    const Span p = doc.paragraphs[pi];
    if (out.size() > first && prev_unclosed && out[first].open == p.start && !out[first].single) {
      out[first].continued = true;
    }
    prev_unclosed = out.size() > first && !out.back().closed;
  }
  return out;
}

}  // namespace claimex

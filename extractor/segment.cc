// Segmenter: paragraphs, sentences and tokens of the normalized view (first version: a naive
// sentence split on '.', '?' and '!' followed by white space and a capital letter).
#include <algorithm>

#include "extractor/text.h"

namespace claimex {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

Span Trim(std::string_view text, Span s) {
  while (s.start < s.end && IsSpace(text[s.start])) ++s.start;
  while (s.end > s.start && IsSpace(text[s.end - 1])) --s.end;
  return s;
}

// Paragraph spans: runs of lines between blank lines; with no blank line at all, every line.
std::vector<Span> Paragraphs(std::string_view text) {
  struct Line {
    Span span;
    bool blank;
  };
  std::vector<Line> lines;
  size_t pos = 0;
  bool any_blank = false;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Span s = Trim(text, Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)});
    bool blank = s.start == s.end;
    lines.push_back({s, blank});
    if (blank) any_blank = true;
    pos = nl + 1;
  }
  // Blank lines only count when they separate text.
  std::vector<Span> paras;
  Span cur{0, 0};
  bool open = false;
  for (const Line& l : lines) {
    if (l.blank || !any_blank || (open && (text[l.span.start] == '-' || text[l.span.start] == '*' ||
                                           text.substr(l.span.start).starts_with("\u2022")))) {
      if (open) paras.push_back(cur);
      open = false;
      if (l.blank) continue;
    }
    if (!open) {
      cur = l.span;
      open = true;
    } else {
      cur.end = l.span.end;
    }
  }
  if (open) paras.push_back(cur);
  return paras;
}

class NaiveSegmenter : public Segmenter {
 public:
  Status Segment(const Article& article, Document* doc) const override {
    doc->article = &article;
    doc->norm = NormalizedText(article.body);
    doc->paragraphs = Paragraphs(doc->norm.text());
    doc->sentences.clear();
    doc->tokens.clear();
    std::string_view text = doc->norm.text();
    for (size_t p = 0; p < doc->paragraphs.size(); ++p) {
      Span para = doc->paragraphs[p];
      uint32_t start = para.start;
      for (uint32_t i = para.start; i < para.end; ++i) {
        char c = text[i];
        if ((c == '.' || c == '?' || c == '!') && i + 2 < para.end && IsSpace(text[i + 1])) {
          uint32_t k = i + 1;
          while (k < para.end && IsSpace(text[k])) ++k;
          if (k < para.end && text[k] >= 'A' && text[k] <= 'Z') {
            doc->sentences.push_back({Trim(text, Span{start, i + 1}), static_cast<int>(p)});
            start = k;
          }
        }
      }
      Span last = Trim(text, Span{start, para.end});
      if (last.start < last.end) doc->sentences.push_back({last, static_cast<int>(p)});
    }
    // Tokens.
    uint32_t i = 0;
    const auto n = static_cast<uint32_t>(text.size());
    while (i < n) {
      char c = text[i];
      if (IsSpace(c)) {
        ++i;
        continue;
      }
      uint32_t start = i;
      Token::Kind kind;
      if (IsDigit(c)) {
        kind = Token::Kind::kNumber;
        ++i;
        while (i < n && (IsDigit(text[i]) || ((text[i] == ',' || text[i] == '.' || text[i] == ':') &&
                                              i + 1 < n && IsDigit(text[i + 1]))))
          ++i;
      } else if (IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80) {
        kind = Token::Kind::kWord;
        ++i;
        while (i < n && (IsAsciiAlpha(text[i]) || IsDigit(text[i]) ||
                         static_cast<unsigned char>(text[i]) >= 0x80 ||
                         ((text[i] == '\'' || text[i] == '-') && i + 1 < n &&
                          IsAsciiAlpha(text[i + 1]))))
          ++i;
      } else {
        kind = (c == '$' || c == '%' || c == '+' || c == '=' || c == '<' || c == '>')
                   ? Token::Kind::kSymbol
                   : Token::Kind::kPunct;
        ++i;
      }
      doc->tokens.push_back({Span{start, i}, kind});
    }
    return Status::Ok();
  }
};

}  // namespace

Result<std::unique_ptr<const Segmenter>> Segmenter::Create(const RuleSet& rules) {
  return std::unique_ptr<const Segmenter>(new NaiveSegmenter());
}

int Document::SentenceAt(uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t o, const Sentence& s) { return o < s.span.start; });
  if (it == sentences.begin()) return -1;
  --it;
  if (offset >= it->span.end) return -1;
  return static_cast<int>(it - sentences.begin());
}

}  // namespace claimex

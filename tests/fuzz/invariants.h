// Internal: what must hold for any input, shared by the libFuzzer targets (tests/fuzz/*_fuzz.cc)
// and the hostile-input tests (tests/hostile_test.cc). Each check returns "" when all is well,
// else what broke; the fuzz targets abort on a problem (FuzzCheck), the tests CHECK for "".
#ifndef CLAIMEX_TESTS_FUZZ_INVARIANTS_H_
#define CLAIMEX_TESTS_FUZZ_INVARIANTS_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "extractor/article.h"
#include "extractor/extraction.h"
#include "extractor/json_writer.h"

namespace claimex::invariants {

// For the fuzz targets: prints "fuzz check failed: <problem>" and aborts when `problem` is not
// empty (libFuzzer then saves the input as a crash).
inline void FuzzCheck(const std::string& problem) {
  if (problem.empty()) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", problem.c_str());
  std::abort();
}

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
inline bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = 0;  // continuation bytes
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

// A reader's article: a valid UTF-8 body, not blank, no NUL, at most `max_bytes`; an encoding.
inline std::string ArticleProblem(const Article& a, size_t max_bytes) {
  if (a.body.find_first_not_of(" \t\r\n\f\v") == std::string::npos) return "blank article body";
  if (a.body.size() > max_bytes) {
    return "article body " + std::to_string(a.body.size()) + " > " + std::to_string(max_bytes);
  }
  if (a.body.find('\0') != std::string::npos) return "article body holds a NUL";
  if (!IsValidUtf8(a.body)) return "article body is not valid UTF-8";
  if (a.encoding.empty()) return "article has no encoding";
  return "";
}

namespace internal {

inline std::string SpanProblem(const char* what, size_t i, const Span& s, size_t body) {
  if (s.start <= s.end && s.end <= body) return "";
  return std::string(what) + " " + std::to_string(i) + " span [" + std::to_string(s.start) + "," +
         std::to_string(s.end) + ") outside the body (" + std::to_string(body) + " bytes)";
}

inline std::string IndexProblem(const char* what, size_t i, int idx, size_t n) {
  if (idx >= -1 && (idx < 0 || static_cast<size_t>(idx) < n)) return "";
  return std::string(what) + " " + std::to_string(i) + " refers to " + std::to_string(idx) +
         " of " + std::to_string(n);
}

}  // namespace internal

// An extraction fits its article: every span inside the body, every index in range, sentences
// disjoint and in order, claims and times in body order, their text the body bytes at their span.
inline std::string ExtractionProblem(const Article& a, const Extraction& ex) {
  using internal::IndexProblem;
  using internal::SpanProblem;
  const size_t n = a.body.size();
  std::string p;
  for (size_t i = 0; i < ex.sentences.size() && p.empty(); ++i) {
    p = SpanProblem("sentence", i, ex.sentences[i].span, n);
    if (p.empty() && i > 0 && ex.sentences[i - 1].span.end > ex.sentences[i].span.start) {
      p = "sentence " + std::to_string(i) + " overlaps the one before";
    }
  }
  for (size_t i = 0; i < ex.times.size() && p.empty(); ++i) {
    const TimeExpr& t = ex.times[i];
    p = SpanProblem("time", i, t.span, n);
    if (p.empty() && t.text != a.body.substr(t.span.start, t.span.size())) {
      p = "time " + std::to_string(i) + " text differs from the body at its span";
    }
    if (p.empty() && i > 0 && ex.times[i - 1].span.start > t.span.start) {
      p = "time " + std::to_string(i) + " out of body order";
    }
  }
  for (size_t i = 0; i < ex.claims.size() && p.empty(); ++i) {
    const Claim& c = ex.claims[i];
    p = SpanProblem("claim", i, c.span, n);
    if (p.empty() && c.text != a.body.substr(c.span.start, c.span.size())) {
      p = "claim " + std::to_string(i) + " text differs from the body at its span";
    }
    if (p.empty() && i > 0 && ex.claims[i - 1].span.start > c.span.start) {
      p = "claim " + std::to_string(i) + " out of body order";
    }
    if (p.empty()) p = IndexProblem("claim sentence", i, c.sentence, ex.sentences.size());
    if (p.empty()) p = IndexProblem("claim time", i, c.time, ex.times.size());
    if (p.empty()) p = IndexProblem("claim speaker", i, c.speaker, ex.speakers.size());
    if (p.empty()) p = IndexProblem("claim restates", i, c.restates, ex.claims.size());
  }
  for (size_t i = 0; i < ex.quotes.size() && p.empty(); ++i) {
    p = SpanProblem("quote", i, ex.quotes[i].span, n);
    if (p.empty()) p = IndexProblem("quote speaker", i, ex.quotes[i].speaker, ex.speakers.size());
  }
  return p;
}

// The JSON Lines contract printed for (a, ex) is one valid JSON object per line whatever bytes
// the article holds, the first an "article" record.
inline std::string JsonOutputProblem(const Article& a, const Extraction& ex) {
  std::ostringstream out;
  JsonLinesWriter writer(&out);
  if (!writer.Put(a, ex).ok() || !writer.Finish().ok()) return "JsonLinesWriter failed";
  std::istringstream in(out.str());
  std::string line;
  size_t lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded()) return "output line " + std::to_string(lines) + " is not JSON";
    if (!record.is_object()) return "output line " + std::to_string(lines) + " is no object";
    if (lines == 1 && record.value("type", "") != "article") return "first record no article";
  }
  return lines == 0 ? "no output record" : "";
}

// No claim value (value, low, high, rate) is NaN.
inline std::string ValueProblem(const Extraction& ex) {
  for (size_t i = 0; i < ex.claims.size(); ++i) {
    const Claim& c = ex.claims[i];
    for (const std::optional<double>& v : {c.value, c.low, c.high}) {
      if (v && *v != *v) return "claim " + std::to_string(i) + " has a NaN value";
    }
    if (c.per && c.per->value != c.per->value) return "claim " + std::to_string(i) + " NaN rate";
  }
  return "";
}

}  // namespace claimex::invariants

#endif  // CLAIMEX_TESTS_FUZZ_INVARIANTS_H_

#include "extractor/flat_json.h"

#include <cstdint>
#include <cstring>

#include "extractor/encoding.h"

namespace claimex {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void SkipSpace(std::string_view s, size_t* i) {
  while (*i < s.size() && IsSpace(s[*i])) ++*i;
}

// Four hex digits at s[i]; -1 when they are not.
int Hex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  int v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    const char c = s[k];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// A JSON string starting at s[*i] == '"'; decoded into *out (when out is not null).
bool ReadString(std::string_view s, size_t* i, std::string* out) {
  if (*i >= s.size() || s[*i] != '"') return false;
  size_t p = *i + 1;
  if (out) out->clear();
  while (true) {
    size_t run = JsonPlainRunEnd(s, p, false);
    if (out) out->append(s.data() + p, run - p);
    if (run >= s.size()) return false;
    if (s[run] == '"') {
      *i = run + 1;
      return true;
    }
    if (s[run] != '\\' || run + 1 >= s.size()) return false;  // a raw control character
    const char e = s[run + 1];
    p = run + 2;
    char plain = 0;
    switch (e) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': {
        int cp = Hex4(s, p);
        if (cp < 0) return false;
        p += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (p + 2 > s.size() || s[p] != '\\' || s[p + 1] != 'u') return false;
          int lo = Hex4(s, p + 2);
          if (lo < 0xDC00 || lo > 0xDFFF) return false;
          p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (out) AppendUtf8(static_cast<char32_t>(cp), out);
        continue;
      }
      default: return false;
    }
    if (out) out->push_back(plain);
  }
}

}  // namespace

size_t JsonPlainRunEnd(std::string_view s, size_t p, bool ascii_only) {
  // Exact tests on the whole word: a byte below 0x20, equal to '"' or '\\' (a zero byte after
  // XOR), or with its high bit set.
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  auto has_zero = [](uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  const uint64_t highs = ascii_only ? kHighs : 0;
  for (; p + 8 <= s.size(); p += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + p, 8);
    if ((w & highs) != 0 || ((w - kOnes * 0x20) & ~w & kHighs) != 0 ||
        has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\'))) {
      break;
    }
  }
  for (; p < s.size(); ++p) {
    const auto b = static_cast<unsigned char>(s[p]);
    if (b == '"' || b == '\\' || b < 0x20 || (ascii_only && b >= 0x80)) break;
  }
  return p;
}

bool ReadFlatJsonObject(std::string_view s, FlatField* fields, size_t n) {
  size_t i = 0;
  SkipSpace(s, &i);
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  SkipSpace(s, &i);
  std::string key;
  bool first = true;
  while (true) {
    if (i >= s.size()) return false;
    if (s[i] == '}') {
      if (!first) return false;  // "{... ,}" is no JSON; only "{}" closes here
      ++i;
      break;
    }
    if (!ReadString(s, &i, &key)) return false;
    SkipSpace(s, &i);
    if (i >= s.size() || s[i] != ':') return false;
    ++i;
    SkipSpace(s, &i);
    FlatField* field = nullptr;
    for (size_t k = 0; k < n; ++k) {
      if (fields[k].key == key) field = &fields[k];
    }
    if (field != nullptr && field->found) return false;  // a duplicate: nlohmann keeps the last
    if (!ReadString(s, &i, field ? field->value : nullptr)) return false;
    if (field != nullptr) field->found = true;
    first = false;
    SkipSpace(s, &i);
    if (i < s.size() && s[i] == ',') {
      ++i;
      SkipSpace(s, &i);
      if (i < s.size() && s[i] == '}') return false;
      continue;
    }
    if (i < s.size() && s[i] == '}') {
      ++i;
      break;
    }
    return false;
  }
  SkipSpace(s, &i);
  return i == s.size();
}

}  // namespace claimex

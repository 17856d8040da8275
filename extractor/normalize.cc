// NormalizedText: the normalized view of an article body with its byte map back to the body.
// ASCII runs are copied with an identity map; every other character (with the combining marks
// that follow it) is normalized on its own, so each output byte maps to exactly one source
// cluster.
#include <utf8proc.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "extractor/text.h"

namespace claimex {
namespace {

// What an ASCII byte becomes: 0 = itself, 1 = ' ', 2 = special (CR).
struct AsciiTable {
  uint8_t kind[128];
  constexpr AsciiTable() : kind() {
    for (int c = 0; c < 128; ++c) kind[c] = 0;
    for (int c = 0; c < 0x20; ++c) kind[c] = 1;  // C0 controls and tab -> ' '
    kind[static_cast<int>('\n')] = 0;
    kind[static_cast<int>('\r')] = 2;
    kind[0x7f] = 1;  // DEL
  }
};
constexpr AsciiTable kAscii;

// A replacement for code points the normalization treats specially: the ASCII byte it becomes,
// 0 when it is dropped, or -1 when NFKC decides.
int Special(int32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:  // ‘ ’ ‚ ‛ ′
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:  // “ ” „ ‟ ″
    case 0x00AB:
    case 0x00BB:  // « »
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
    case 0xFE58:
      return '-';
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return ' ';
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return 0;
    case 0x2028:
    case 0x2029:
    case 0x0085:  // line / paragraph separators, NEL
      return '\n';
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return ' ';
  if (cp >= 0x80 && cp < 0xA0) return ' ';  // C1 controls
  return -1;
}

// True for code points that attach to the character before them (combining marks).
bool IsCombining(int32_t cp) {
  if (cp < 0x300) return false;
  const utf8proc_property_t* p = utf8proc_get_property(cp);
  return p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
         p->category == UTF8PROC_CATEGORY_ME || p->category == UTF8PROC_CATEGORY_MC;
}

// True when NFKC leaves the lone code point as it is.
// Precomposed letters ("é", "ü") have a decomposition but compose back; whether NFKC keeps such
// a character is worked out once and remembered (Basic Multilingual Plane only).
bool IsStable(int32_t cp) {
  const utf8proc_property_t* p = utf8proc_get_property(cp);
  if (p->decomp_seqindex == UINT16_MAX) return p->category != UTF8PROC_CATEGORY_CN;
  if (p->decomp_type != 0 || cp >= 0x10000) return false;  // compatibility: NFKC changes it
  static std::atomic<uint8_t> memo[0x10000];               // 0 unknown, 1 stable, 2 not
  uint8_t known = memo[cp].load(std::memory_order_relaxed);
  if (known != 0) return known == 1;
  uint8_t in[4];
  utf8proc_ssize_t len = utf8proc_encode_char(cp, in);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t olen = utf8proc_map(
      in, len, &out,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  bool stable = olen == len && out != nullptr && std::memcmp(in, out, len) == 0;
  std::free(out);
  memo[cp].store(stable ? 1 : 2, std::memory_order_relaxed);
  return stable;
}

}  // namespace

NormalizedText::NormalizedText(std::string_view body) {
  const auto* s = reinterpret_cast<const uint8_t*>(body.data());
  const size_t n = body.size();
  text_.reserve(n);
  map_.clear();
  map_.reserve(n + 1);
  map_end_.reserve(n);

  auto emit = [&](char c, uint32_t from, uint32_t to) {
    text_.push_back(c);
    map_.push_back(from);
    map_end_.push_back(to);
  };
  // Appends a normalized code point that came from body[from, to), mapping specials on the way.
  auto emit_cp = [&](int32_t cp, uint32_t from, uint32_t to) {
    int sp = Special(cp);
    if (sp == 0) return;
    if (sp > 0) {
      emit(static_cast<char>(sp), from, to);
      return;
    }
    uint8_t buf[4];
    utf8proc_ssize_t len = utf8proc_encode_char(cp, buf);
    for (utf8proc_ssize_t k = 0; k < len; ++k) emit(static_cast<char>(buf[k]), from, to);
  };

  size_t i = 0;
  while (i < n) {
    // ASCII fast path: a run of bytes that stay as they are.
    size_t j = i;
    while (j < n && s[j] < 0x80 && kAscii.kind[s[j]] == 0) ++j;
    if (j > i && j < n && s[j] >= 0xCC) {  // the last ASCII letter may carry combining marks
      int32_t next;
      if (utf8proc_iterate(s + j, static_cast<utf8proc_ssize_t>(n - j), &next) > 0 &&
          IsCombining(next))
        --j;
    }
    if (j > i) {
      text_.append(body.data() + i, j - i);
      size_t base = map_.size();
      map_.resize(base + (j - i));
      map_end_.resize(base + (j - i));
      for (size_t k = i; k < j; ++k) {
        map_[base + (k - i)] = static_cast<uint32_t>(k);
        map_end_[base + (k - i)] = static_cast<uint32_t>(k + 1);
      }
      i = j;
      if (i >= n) break;
    }
    uint8_t c = s[i];
    if (c < 0x80 && kAscii.kind[c] != 0) {
      if (kAscii.kind[c] == 2) {  // CR or CR LF -> '\n'
        size_t end = (i + 1 < n && s[i + 1] == '\n') ? i + 2 : i + 1;
        emit('\n', static_cast<uint32_t>(i), static_cast<uint32_t>(end));
        i = end;
      } else {
        emit(' ', static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1));
        ++i;
      }
      continue;
    }
    // A character (non-ASCII, or ASCII with combining marks) and the marks that follow it.
    int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(s + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0) {  // invalid UTF-8: one byte becomes a space
      emit(' ', static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1));
      ++i;
      continue;
    }
    size_t start = i;
    size_t end = i + static_cast<size_t>(len);
    int marks = 0;
    while (end < n && s[end] >= 0xCC) {  // marks start at U+0300 (lead byte 0xCC)
      int32_t next;
      utf8proc_ssize_t l2 =
          utf8proc_iterate(s + end, static_cast<utf8proc_ssize_t>(n - end), &next);
      if (l2 <= 0 || !IsCombining(next)) break;
      end += static_cast<size_t>(l2);
      ++marks;
    }
    const auto from = static_cast<uint32_t>(start), to = static_cast<uint32_t>(end);
    const int special = Special(cp);
    if (marks == 0 && (special != -1 || IsStable(cp))) {
      if (special != -1) {
        emit_cp(cp, from, to);
      } else {
        for (size_t k = start; k < end; ++k) emit(static_cast<char>(s[k]), from, to);
      }
      i = end;
      continue;
    }
    // NFKC of the cluster; specials inside the result are mapped too.
    utf8proc_uint8_t* out = nullptr;
    utf8proc_ssize_t olen =
        utf8proc_map(s + start, static_cast<utf8proc_ssize_t>(end - start), &out,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                    UTF8PROC_COMPAT | UTF8PROC_IGNORE));
    if (olen < 0 || out == nullptr) {  // unassigned or otherwise unmappable: keep as is
      for (size_t k = start; k < end; ++k) emit(static_cast<char>(s[k]), from, to);
    } else {
      utf8proc_ssize_t k = 0;
      while (k < olen) {
        int32_t ocp;
        utf8proc_ssize_t l3 = utf8proc_iterate(out + k, olen - k, &ocp);
        if (l3 <= 0) break;
        if (ocp < 0x80) {
          uint8_t kind = kAscii.kind[ocp];
          emit(kind == 0 ? static_cast<char>(ocp) : kind == 2 ? '\n' : ' ', from, to);
        } else {
          emit_cp(ocp, from, to);
        }
        k += l3;
      }
    }
    std::free(out);
    i = end;
  }
  map_.push_back(static_cast<uint32_t>(n));
}

Span NormalizedText::ToRaw(Span span) const {
  if (map_.empty()) return Span{0, 0};
  Span raw;
  raw.start = map_[span.start];
  raw.end = span.end > span.start ? map_end_[span.end - 1] : raw.start;
  return raw;
}

uint32_t NormalizedText::FromRaw(uint32_t raw) const {
  auto it = std::lower_bound(map_.begin(), map_.end(), raw);
  if (it == map_.end()) return static_cast<uint32_t>(text_.size());
  return static_cast<uint32_t>(it - map_.begin());
}

}  // namespace claimex

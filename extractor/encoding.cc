// DecodeToUtf8 (extractor/reader.h) and its byte-level helpers (extractor/encoding.h).
// Order of decisions: BOM -> valid UTF-8 -> BOM-less UTF-16 sniff -> ICU charset detector
// (unicode/ucsdet.h) when its guess is good -> windows-1252 -> ISO-8859-1 (which maps every
// byte, so only text with a BOM that promises UTF-16/32 can fail to decode).
#include "extractor/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "extractor/reader.h"
#include "extractor/status.h"

namespace claimex {
namespace {

// A detector guess below this confidence (0..100) is "poor": we fall back to windows-1252.
constexpr int kMinConfidence = 50;
// The detector sees at most this many bytes: the head of the text plus windows around the
// non-ASCII bytes after it (they carry the evidence; ASCII runs only dilute it).
constexpr size_t kSampleHead = 16 * 1024;
constexpr size_t kSampleWindow = 64;
constexpr size_t kSampleMax = 256 * 1024;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

// Converts `bytes` from `charset` to UTF-8. Any byte sequence the charset does not define makes
// it fail (no silent U+FFFD), so that the caller can try another charset.
Status Convert(std::string_view bytes, const char* charset, std::string* utf8,
               std::string* canonical = nullptr) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr src(ucnv_open(charset, &err));
  if (U_FAILURE(err)) return Status::Encoding(std::string("no converter for ") + charset);
  ucnv_setToUCallBack(src.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  ConverterPtr dst(ucnv_open("UTF-8", &err));
  if (U_FAILURE(err)) return Status::Internal("ICU has no UTF-8 converter");

  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  const char* source_limit = source + bytes.size();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  bool reset = true;
  for (;;) {
    err = U_ZERO_ERROR;
    ucnv_convertEx(dst.get(), src.get(), &target, out.data() + out.size(), &source, source_limit,
                   pivot, &pivot_source, &pivot_target, pivot + 1024, reset, /*flush=*/true, &err);
    reset = false;
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    size_t used = static_cast<size_t>(target - out.data());
    out.resize(out.size() * 2);
    target = out.data() + used;
  }
  if (U_FAILURE(err)) {
    size_t at = static_cast<size_t>(source - bytes.data());
    return Status::Encoding(std::string("invalid ") + charset + " bytes near byte " +
                            std::to_string(at > 0 ? at - 1 : 0));
  }
  out.resize(static_cast<size_t>(target - out.data()));
  *utf8 = std::move(out);
  if (canonical != nullptr) {
    err = U_ZERO_ERROR;
    const char* name = ucnv_getName(src.get(), &err);
    if (U_FAILURE(err) || name == nullptr) name = charset;
    // ICU's internal names ("ibm-5347_P100-1998") mean little to people: prefer the MIME name
    // ("windows-1251", "ISO-8859-1"), then the IANA one.
    const char* standard = nullptr;
    for (const char* which : {"MIME", "IANA"}) {
      UErrorCode e2 = U_ZERO_ERROR;
      standard = ucnv_getStandardName(name, which, &e2);
      if (U_SUCCESS(e2) && standard != nullptr) break;
      standard = nullptr;
    }
    *canonical = standard != nullptr ? standard : name;
  }
  return Status::Ok();
}

// The bytes the detector gets to see (see kSample* above).
std::string_view DetectorSample(std::string_view bytes, std::string* storage) {
  if (bytes.size() <= kSampleMax) return bytes;
  storage->assign(bytes.substr(0, kSampleHead));
  size_t covered = kSampleHead;
  for (size_t i = kSampleHead; i < bytes.size() && storage->size() < kSampleMax; ++i) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) continue;
    size_t from = std::max(covered, i >= kSampleWindow ? i - kSampleWindow : 0);
    size_t to = std::min(bytes.size(), i + kSampleWindow);
    if (from > covered) storage->push_back('\n');
    storage->append(bytes.substr(from, to - from));
    covered = to;
    i = to > 0 ? to - 1 : 0;
  }
  return *storage;
}

bool IsAsciiCompatible(std::string_view name) {
  return !(name.starts_with("UTF-16") || name.starts_with("UTF-32") || name.starts_with("IBM4"));
}

bool IsWesternLatin(std::string_view name) {
  return name == "ISO-8859-1" || name == "windows-1252";
}

// The detector's best guess when it is good enough to trust, else "". News text is mostly
// western: when ISO-8859-1/windows-1252 is within kLatinMargin of a better single-byte guess
// (ISO-8859-2 would make a pound sign 'Ł'), the western charset wins.
constexpr int kLatinMargin = 10;

// Text whose letters are mostly bytes >= 0x80 (Cyrillic, Greek, CJK in a legacy charset) reads as
// gibberish in windows-1252, so a weaker guess of the detector is still the better bet there.
constexpr int kMinConfidenceNonLatin = 25;

bool MostlyHighBytes(std::string_view sample) {
  size_t high = 0, ascii_letters = 0;
  for (char ch : sample) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      ++high;
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      ++ascii_letters;
    }
  }
  return high * 10 > (high + ascii_letters) * 3;  // over 30%
}

std::string DetectCharset(std::string_view bytes) {
  std::string storage;
  std::string_view sample = DetectorSample(bytes, &storage);
  UErrorCode err = U_ZERO_ERROR;
  DetectorPtr detector(ucsdet_open(&err));
  if (U_FAILURE(err)) return "";
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &err);
  if (U_FAILURE(err) || matches == nullptr || count == 0) return "";
  std::string best;
  int32_t best_confidence = 0;
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &e);
    int32_t confidence = ucsdet_getConfidence(matches[i], &e);
    if (U_FAILURE(e) || name == nullptr) continue;
    std::string_view guess(name);
    // Text that is not valid UTF-8 is not UTF-8, whatever the detector says; and text made of
    // ASCII bytes with a few high ones is never EBCDIC or UTF-16/32.
    if (guess == "UTF-8" || !IsAsciiCompatible(guess)) continue;
    if (best.empty()) {
      if (confidence < (MostlyHighBytes(sample) ? kMinConfidenceNonLatin : kMinConfidence)) {
        return "";
      }
      best = guess;
      best_confidence = confidence;
      if (IsWesternLatin(guess) || guess.find("8859") == std::string_view::npos) break;
    } else if (IsWesternLatin(guess) && confidence + kLatinMargin >= best_confidence) {
      return std::string(guess);
    }
  }
  return best;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char* end = p + bytes.size();
  while (p < end) {
    // Fast path: 8 ASCII bytes at a time.
    if (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        p += 8;
        continue;
      }
    }
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    size_t n;
    uint32_t min;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      n = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (static_cast<size_t>(end - p) < n) return false;
    for (size_t i = 1; i < n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += n;
  }
  return true;
}

Bom DetectBom(std::string_view b, size_t* length) {
  auto starts = [&](std::string_view prefix) { return b.starts_with(prefix); };
  using std::literals::string_view_literals::operator""sv;
  Bom bom = Bom::kNone;
  size_t len = 0;
  if (starts("\xEF\xBB\xBF"sv)) {
    bom = Bom::kUtf8, len = 3;
  } else if (starts("\xFF\xFE\x00\x00"sv)) {
    bom = Bom::kUtf32Le, len = 4;
  } else if (starts("\x00\x00\xFE\xFF"sv)) {
    bom = Bom::kUtf32Be, len = 4;
  } else if (starts("\xFF\xFE"sv)) {
    bom = Bom::kUtf16Le, len = 2;
  } else if (starts("\xFE\xFF"sv)) {
    bom = Bom::kUtf16Be, len = 2;
  }
  if (length != nullptr) *length = len;
  return bom;
}

const char* BomEncodingName(Bom bom) {
  switch (bom) {
    case Bom::kNone:
      return "";
    case Bom::kUtf8:
      return "UTF-8";
    case Bom::kUtf16Le:
      return "UTF-16LE";
    case Bom::kUtf16Be:
      return "UTF-16BE";
    case Bom::kUtf32Le:
      return "UTF-32LE";
    case Bom::kUtf32Be:
      return "UTF-32BE";
  }
  return "";
}

void ReplaceNuls(std::string* text) {
  // memchr skips the (nearly always NUL-free) text many bytes at a time.
  char* p = text->data();
  char* const end = p + text->size();
  while ((p = static_cast<char*>(std::memchr(p, '\0', static_cast<size_t>(end - p)))) != nullptr) {
    *p++ = ' ';
  }
}

const char* SniffBomlessUtf16(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return nullptr;
  size_t even_nuls = 0, odd_nuls = 0;
  size_t n = std::min(bytes.size(), size_t{4096});
  for (size_t i = 0; i < n; ++i) {
    if (bytes[i] == '\0') ++(i % 2 == 0 ? even_nuls : odd_nuls);
  }
  size_t pairs = n / 2;
  // ASCII-range UTF-16: the high byte of (nearly) every code unit is 0, the low byte never is.
  if (odd_nuls * 10 >= pairs * 7 && even_nuls * 50 <= pairs) return "UTF-16LE";
  if (even_nuls * 10 >= pairs * 7 && odd_nuls * 50 <= pairs) return "UTF-16BE";
  return nullptr;
}

Status ConvertToUtf8(std::string_view bytes, const char* charset, std::string* utf8,
                     std::string* canonical) {
  return Convert(bytes, charset, utf8, canonical);
}

namespace {

// windows-1252's characters for bytes 0x80..0x9F (0 where it leaves a byte undefined).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The length of the well-formed UTF-8 sequence at the start of `s` (0 when there is none).
size_t Utf8SequenceLength(std::string_view s) {
  if (s.empty()) return 0;
  auto c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80             ? 1
             : (c & 0xE0) == 0xC0 ? 2
             : (c & 0xF0) == 0xE0 ? 3
             : (c & 0xF8) == 0xF0 ? 4
                                  : 0;
  if (n == 0 || s.size() < n) return 0;
  return IsValidUtf8(s.substr(0, n)) ? n : 0;
}

}  // namespace

char32_t Windows1252Char(unsigned char b) {
  if (b >= 0x80 && b < 0xA0 && kCp1252High[b - 0x80] != 0) return kCp1252High[b - 0x80];
  return b;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string RepairUtf8(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + 16);
  size_t i = 0;
  while (i < bytes.size()) {
    size_t n = Utf8SequenceLength(bytes.substr(i));
    if (n > 0) {
      out.append(bytes.substr(i, n));
      i += n;
      continue;
    }
    AppendUtf8(Windows1252Char(static_cast<unsigned char>(bytes[i++])), &out);
  }
  return out;
}

Status DecodeToUtf8(std::string_view bytes, std::string* utf8, std::string* encoding) {
  size_t bom_length = 0;
  Bom bom = DetectBom(bytes, &bom_length);
  if (bom != Bom::kNone && bom != Bom::kUtf8) {
    const char* name = BomEncodingName(bom);
    CLAIMEX_RETURN_IF_ERROR(Convert(bytes.substr(bom_length), name, utf8));
    ReplaceNuls(utf8);
    *encoding = name;
    return Status::Ok();
  }
  bytes.remove_prefix(bom_length);  // a UTF-8 BOM is dropped; the rest is judged as it is
  if (IsValidUtf8(bytes)) {
    if (const char* utf16 = bom == Bom::kNone ? SniffBomlessUtf16(bytes) : nullptr) {
      if (Convert(bytes, utf16, utf8).ok()) {
        ReplaceNuls(utf8);
        *encoding = utf16;
        return Status::Ok();
      }
    }
    utf8->assign(bytes);
    ReplaceNuls(utf8);
    *encoding = "UTF-8";
    return Status::Ok();
  }
  if (const char* utf16 = SniffBomlessUtf16(bytes)) {
    if (Convert(bytes, utf16, utf8).ok()) {
      ReplaceNuls(utf8);
      *encoding = utf16;
      return Status::Ok();
    }
  }
  std::string guess = DetectCharset(bytes);
  if (!guess.empty() && Convert(bytes, guess.c_str(), utf8).ok()) {
    ReplaceNuls(utf8);
    *encoding = guess;
    return Status::Ok();
  }
  for (const char* fallback : {"windows-1252", "ISO-8859-1"}) {
    if (Convert(bytes, fallback, utf8).ok()) {
      ReplaceNuls(utf8);
      *encoding = fallback;
      return Status::Ok();
    }
  }
  return Status::Encoding("no converter accepts these bytes");
}

}  // namespace claimex

// Internal: byte-level helpers behind DecodeToUtf8 (declared in extractor/reader.h, defined in
// encoding.cc). The readers use them to decide cheaply whether bytes need decoding at all.
#ifndef CLAIMEX_EXTRACTOR_ENCODING_H_
#define CLAIMEX_EXTRACTOR_ENCODING_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "extractor/status.h"

namespace claimex {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// NUL bytes are valid UTF-8.
bool IsValidUtf8(std::string_view bytes);

// The byte-order marks DecodeToUtf8 honours, longest first where prefixes overlap
// (a UTF-32LE BOM starts with the UTF-16LE one).
enum class Bom { kNone, kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

// The BOM at the start of `bytes` (kNone when there is none); *length gets its size in bytes.
Bom DetectBom(std::string_view bytes, size_t* length);

// The ICU converter name of a BOM's encoding ("UTF-16LE", ...); "" for kNone.
const char* BomEncodingName(Bom bom);

// Replaces every NUL byte of *text with a space (UTF-8 safe: NUL never occurs inside a
// multi-byte sequence).
void ReplaceNuls(std::string* text);

// When bytes without a BOM look like UTF-16 (many NUL bytes, nearly all on odd or all on even
// positions, as ASCII-range text in UTF-16 has), returns "UTF-16LE" or "UTF-16BE"; else nullptr.
const char* SniffBomlessUtf16(std::string_view bytes);

// Converts `bytes` from `charset` (any ICU converter name or alias: "big5", "utf_16",
// "windows-1251") to UTF-8. A byte sequence the charset does not define fails the call (no
// silent U+FFFD), and so does an unknown charset ("no converter for bogus"). On success
// *canonical (when not null) gets ICU's name for the charset ("windows-1251", "UTF-16BE").
Status ConvertToUtf8(std::string_view bytes, const char* charset, std::string* utf8,
                     std::string* canonical = nullptr);

// The character windows-1252 gives byte `b` (ISO-8859-1's where windows-1252 leaves 0x81, 0x8D,
// 0x8F, 0x90 and 0x9D undefined): 0x92 -> U+2019, 0xE9 -> U+00E9.
char32_t Windows1252Char(unsigned char b);

// Appends code point `cp` (at most U+10FFFF, no surrogates) to *out as UTF-8.
void AppendUtf8(char32_t cp, std::string* out);

// Decodes bytes that are meant to be UTF-8 but hold a few stray bytes: each byte that is not
// part of a well-formed UTF-8 sequence is read as windows-1252 (ISO-8859-1 where windows-1252
// leaves it undefined). Valid UTF-8 is copied unchanged.
std::string RepairUtf8(std::string_view bytes);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_ENCODING_H_

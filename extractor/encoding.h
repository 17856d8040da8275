// Internal: byte-level helpers behind DecodeToUtf8 (declared in extractor/reader.h, defined in
// encoding.cc). The readers use them to decide cheaply whether bytes need decoding at all.
#ifndef CLAIMEX_EXTRACTOR_ENCODING_H_
#define CLAIMEX_EXTRACTOR_ENCODING_H_

#include <cstddef>
#include <string>
#include <string_view>

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

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_ENCODING_H_

// Charset decisions for feeds and web pages (see extractor/markup_charset.h).
#include "extractor/markup_charset.h"

#include <algorithm>
#include <cctype>

#include "extractor/encoding.h"
#include "extractor/reader.h"

namespace claimex {
namespace {

constexpr size_t kMetaWindow = 8 * 1024;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The charset name at `at` in `s` after optional spaces, '=' and a quote: `= "utf-8"`.
std::string NameAfter(std::string_view s, size_t at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t' || s[at] == '\n' || s[at] == '\r')) ++at;
  if (at >= s.size() || s[at] != '=') return "";
  ++at;
  while (at < s.size() && (s[at] == ' ' || s[at] == '"' || s[at] == '\'')) ++at;
  size_t end = at;
  while (end < s.size() && IsNameChar(s[end])) ++end;
  return std::string(s.substr(at, end - at));
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool IsUtf8Name(std::string_view lower) {
  return lower == "utf-8" || lower == "utf8" || lower == "utf_8";
}

// XML's autodetection of BOM-less UTF-16/32 from the encoding of "<" (or "<?") at the start.
const char* SniffWideXml(std::string_view b) {
  using std::literals::string_view_literals::operator""sv;
  if (b.starts_with("\0\0\0<"sv)) return "UTF-32BE";
  if (b.starts_with("<\0\0\0"sv)) return "UTF-32LE";
  if (b.starts_with("\0<\0"sv)) return "UTF-16BE";
  if (b.starts_with("<\0"sv) && b.size() >= 4 && b[3] == '\0') return "UTF-16LE";
  return nullptr;
}

}  // namespace

std::string DeclaredCharset(std::string_view bytes, bool html) {
  std::string_view head = bytes.substr(0, std::min(bytes.size(), kMetaWindow));
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && head.substr(start).starts_with("<?xml")) {
    size_t end = head.find("?>", start);
    std::string decl = Lower(head.substr(start, end == std::string_view::npos ? 200 : end - start));
    size_t at = decl.find("encoding");
    if (at != std::string::npos) {
      std::string name = NameAfter(decl, at + 8);
      if (!name.empty()) return name;
    }
  }
  if (!html) return "";
  std::string lower = Lower(head);
  size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    size_t close = lower.find('>', pos);
    if (close == std::string::npos) break;
    std::string_view tag = std::string_view(lower).substr(pos, close - pos);
    size_t at = tag.find("charset");
    if (at != std::string_view::npos) {
      std::string name = NameAfter(tag, at + 7);
      if (!name.empty()) return name;
    }
    pos = close;
  }
  return "";
}

Status DecodeMarkup(std::string_view bytes, bool html, std::string* utf8, std::string* encoding,
                    std::string* note) {
  if (note != nullptr) note->clear();
  // 1. A BOM (UTF-8 or wide): DecodeToUtf8 honours it.
  size_t bom_length = 0;
  if (DetectBom(bytes, &bom_length) != Bom::kNone) {
    Status st = DecodeToUtf8(bytes, utf8, encoding);
    if (st.ok()) return st;
    // A BOM that promises UTF-8 (or UTF-16) over bytes that are not: keep what decodes.
    if (note != nullptr) *note = "invalid bytes after a byte-order mark";
    *utf8 = RepairUtf8(bytes.substr(bom_length));
    *encoding = "UTF-8";
    return Status::Ok();
  }
  // 2. BOM-less UTF-16/32.
  const char* wide = SniffWideXml(bytes);
  if (wide == nullptr) wide = SniffBomlessUtf16(bytes);
  if (wide != nullptr && ConvertToUtf8(bytes, wide, utf8).ok()) {
    ReplaceNuls(utf8);
    *encoding = wide;
    return Status::Ok();
  }
  std::string declared = Lower(DeclaredCharset(bytes, html));
  bool valid_utf8 = IsValidUtf8(bytes);
  // 3. Valid UTF-8 with non-ASCII characters is UTF-8.
  if (valid_utf8 && (HasNonAscii(bytes) || declared.empty() || IsUtf8Name(declared))) {
    if (note != nullptr && !declared.empty() && !IsUtf8Name(declared) && HasNonAscii(bytes)) {
      *note = "declared " + declared + " but the bytes are UTF-8";
    }
    utf8->assign(bytes);
    ReplaceNuls(utf8);
    *encoding = "UTF-8";
    return Status::Ok();
  }
  // 4. The declared charset.
  if (!declared.empty()) {
    if (IsUtf8Name(declared)) {
      *utf8 = RepairUtf8(bytes);
      ReplaceNuls(utf8);
      *encoding = "UTF-8";
      if (note != nullptr) *note = "declared UTF-8 but some bytes are not";
      return Status::Ok();
    }
    std::string canonical;
    if (ConvertToUtf8(bytes, declared.c_str(), utf8, &canonical).ok()) {
      ReplaceNuls(utf8);
      *encoding = canonical;
      return Status::Ok();
    }
    if (note != nullptr) *note = "declared charset " + declared + " does not fit; detected instead";
  }
  // 5. Detection.
  return DecodeToUtf8(bytes, utf8, encoding);
}

}  // namespace claimex

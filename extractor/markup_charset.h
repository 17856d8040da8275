// Internal: the charset of an XML feed or an HTML page, for the feed and HTML readers. Markup says
// its charset in the document (XML declaration, <meta charset>), and often lies; this decides
// which charset to trust and decodes the document to UTF-8 before libxml2 sees it (libxml2 then
// parses UTF-8 and ignores the declaration).
#ifndef CLAIMEX_EXTRACTOR_MARKUP_CHARSET_H_
#define CLAIMEX_EXTRACTOR_MARKUP_CHARSET_H_

#include <string>
#include <string_view>

#include "extractor/status.h"

namespace claimex {

// The charset named in the document's head: the XML declaration's encoding="..." (at the very
// start), else, for HTML, the first <meta charset="..."> or <meta http-equiv content="...;
// charset=..."> in the first 8 KiB. "" when none is declared. Only ASCII-compatible bytes are
// read, so call it after ruling out UTF-16/32.
std::string DeclaredCharset(std::string_view bytes, bool html);

// Decodes a markup document to UTF-8. Decisions, in order:
//  1. a byte-order mark wins (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
//  2. BOM-less UTF-16/32 is recognised from how '<' is encoded in the first 4 bytes (XML's
//     autodetection), or from the pattern of NUL bytes;
//  3. bytes that are valid UTF-8 and hold non-ASCII characters are UTF-8, whatever is declared
//     (a feed that says ISO-8859-1 but writes C2 A9 for '©' means UTF-8);
//  4. the declared charset when ICU knows it and it decodes every byte; a document declared
//     UTF-8 with a few stray bytes keeps its UTF-8 and reads the stray bytes as windows-1252;
//  5. otherwise DecodeToUtf8's detection (ICU's charset detector, windows-1252 fallback).
// *encoding gets the charset used (ICU name); *note (when not null) a short remark when the
// declaration was overridden or unknown ("declared ISO-8859-1 but the bytes are UTF-8"), else "".
Status DecodeMarkup(std::string_view bytes, bool html, std::string* utf8, std::string* encoding,
                    std::string* note = nullptr);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_MARKUP_CHARSET_H_

// Internal: HTML page intake for OpenInputs (extractor/reader.h) — one article per page. The
// page is decoded (markup_charset.h: BOM, <meta charset>, detection), its main text kept
// (html_text.h) and its metadata read: title, published date, author, site name (as source) and
// canonical URL. The article's id is the file name without its extensions (".html", ".html.gz").
#ifndef CLAIMEX_EXTRACTOR_HTML_READER_H_
#define CLAIMEX_EXTRACTOR_HTML_READER_H_

#include <string>
#include <string_view>

#include "extractor/html_text.h"
#include "extractor/reader.h"

namespace claimex {

// Makes the article of a page's raw bytes. Rejections: "empty file", "cannot decode: ...",
// "not HTML: ...", "no article text in the page" and "too large: ..." (the text, after
// extraction, over options.max_article_bytes).
ReadItem HtmlArticleFromBytes(std::string_view bytes, const std::string& origin,
                              const std::string& id, const WebRules& rules,
                              const ReaderOptions& options);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_HTML_READER_H_

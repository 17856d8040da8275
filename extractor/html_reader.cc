// One HTML page -> one Article (see extractor/html_reader.h).
#include "extractor/html_reader.h"

#include "extractor/markup_charset.h"
#include "extractor/text_reader.h"

namespace claimex {

ReadItem HtmlArticleFromBytes(std::string_view bytes, const std::string& origin,
                              const std::string& id, const WebRules& rules,
                              const ReaderOptions& options) {
  if (bytes.empty()) return Rejection{origin, id, "empty file"};
  std::string html, encoding;
  Status st = DecodeMarkup(bytes, /*html=*/true, &html, &encoding);
  if (!st.ok()) return Rejection{origin, id, "cannot decode: " + st.message()};
  WebPage page;
  st = PageToText(html, rules, &page);
  if (!st.ok()) return Rejection{origin, id, st.message()};
  if (IsBlank(page.text)) return Rejection{origin, id, "no article text in the page"};
  if (page.text.size() > options.max_article_bytes) {
    return Rejection{origin, id, TooLargeReason(page.text.size(), options.max_article_bytes)};
  }
  Article a;
  a.id = id;
  a.body = std::move(page.text);
  a.title = std::move(page.meta.title);
  a.source = std::move(page.meta.source);
  a.url = std::move(page.meta.url);
  a.published = std::move(page.meta.published);
  a.author = std::move(page.meta.author);
  a.encoding = std::move(encoding);
  a.origin = origin;
  return a;
}

}  // namespace claimex

// Internal: a web page's metadata — title, publication date, author, site name, canonical URL —
// from its <meta> elements (names in patterns/html_meta.txt), JSON-LD (schema.org NewsArticle,
// Article, BlogPosting, ... also inside @graph), <link rel="canonical">, <title>, <time
// datetime> and the first <h1>. Also the date formats feeds and pages write.
#ifndef CLAIMEX_EXTRACTOR_HTML_META_H_
#define CLAIMEX_EXTRACTOR_HTML_META_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "extractor/html_rules.h"

namespace claimex {

struct PageMeta {
  std::string title;      // og:title, JSON-LD headline, <title>, or the first <h1>
  std::string published;  // "YYYY-MM-DD" or ""
  std::string author;     // "Jo Bloggs" (several joined with ", ")
  std::string source;     // the site's name (og:site_name, JSON-LD publisher)
  std::string url;        // canonical URL
  std::string language;   // <html lang>
  std::string body;       // JSON-LD articleBody, when the page gives one
};

// Reads the metadata of the page whose root element is `root` (an iterative walk).
void ReadPageMeta(const xmlNode* root, const HtmlRules& rules, PageMeta* meta);

// "YYYY-MM-DD" from the date formats of feeds and pages: ISO 8601 ("2019-11-19",
// "2019-11-19T05:00:00-05:00", "2019/11/19"), RFC 822 ("Tue, 19 Nov 2019 10:00:00 GMT", two-digit
// years read as 19xx from 70, else 20xx), "November 19, 2019" and "19 November 2019"; "" when
// the text is none of these or not a real date.
std::string NormalizeDate(std::string_view text);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_HTML_META_H_

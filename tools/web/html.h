// Internal to the web app (tools/web/): building HTML safely. Every piece of text from the
// database or the request goes through Html() (or an Url helper) before it reaches a page.
#ifndef CLAIMEX_TOOLS_WEB_HTML_H_
#define CLAIMEX_TOOLS_WEB_HTML_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/query_figures.h"

namespace claimex::web {

// Escapes & < > " ' for text and attribute values.
std::string Html(std::string_view text);
// Percent-encodes everything but unreserved characters (RFC 3986) for a query value.
std::string UrlEncode(std::string_view text);
// "/path?k1=v1&k2=v2" with the values encoded and the whole escaped for an href attribute.
std::string Href(std::string_view path,
                 const std::vector<std::pair<std::string_view, std::string>>& params,
                 std::string_view fragment = "");

std::string FigureHref(const FigureKey& key);
std::string ArticleHref(std::string_view ext_id, int64_t claim = -1, int sentence = -1);
std::string SpeakerHref(std::string_view name);
std::string SearchHref(std::string_view query);

// What a figure counts: its unit, and the counted noun when there is one ("count · officers").
std::string UnitLabel(const FigureKey& key);

// "1 quote", "4 quotes": `n` and `noun`, plural unless n is 1.
std::string Count(int64_t n, std::string_view noun);

// `text` cut to at most `bytes` bytes on a UTF-8 boundary, with "…" when cut (not escaped).
std::string Clip(std::string_view text, size_t bytes);
// `sentence` escaped, with the first occurrence of `part` wrapped in <mark class="fig">.
std::string MarkPart(std::string_view sentence, std::string_view part);

// A whole page: head with the style sheet, a top bar with the search box (holding `query`), the
// `body` HTML and a footer. `title` is text (escaped here).
std::string Page(std::string_view title, std::string_view body, std::string_view query = "");

}  // namespace claimex::web

#endif  // CLAIMEX_TOOLS_WEB_HTML_H_

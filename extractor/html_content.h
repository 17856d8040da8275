// Internal: choosing a page's article text among its blocks (extractor/html_layout.h). A
// Readability-style score: every paragraph of 25+ characters gives its container and their
// ancestors points for its length and commas; class/id words (patterns/html_boilerplate.txt) add
// or remove points; a container's score shrinks with its link density. The best container and
// its siblings that score close to it are the article; blocks inside furniture (nav, footer,
// share bars, cookie banners, comment forms), link lists and the <h1> headline are left out.
#ifndef CLAIMEX_EXTRACTOR_HTML_CONTENT_H_
#define CLAIMEX_EXTRACTOR_HTML_CONTENT_H_

#include <vector>

#include "extractor/html_layout.h"

namespace claimex {

// The indices of the blocks that make the article's text, in document order. Tries strict
// settings first (unlikely class/id words remove elements) and relaxes them when that leaves
// less than 500 characters, keeping the longest result.
std::vector<int> SelectArticleBlocks(const HtmlLayout& layout);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_HTML_CONTENT_H_

// Internal: the layout of an HTML tree as text — its elements (with DFS order numbers, scores and
// text totals) and its text blocks (paragraph candidates) in document order. Built by one
// iterative walk over a libxml2 tree (no recursion: a page nested 100,000 levels deep is walked
// with O(1) native stack). html_content.cc chooses the article's blocks from it; html_text.cc
// joins them.
#ifndef CLAIMEX_EXTRACTOR_HTML_LAYOUT_H_
#define CLAIMEX_EXTRACTOR_HTML_LAYOUT_H_

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/html_rules.h"

namespace claimex {

struct HtmlElem {
  const xmlNode* node = nullptr;
  std::string_view tag;        // lower-case local name (points into node->name when it is)
  int parent = -1;             // index into HtmlLayout::elems, -1 for the root
  uint32_t pre = 0, post = 0;  // DFS entry/exit numbers: a contains b iff pre/post nest
  TagClass cls = TagClass::kInline;
  bool furniture = false;  // a furniture tag or ARIA role (patterns/html_tags.txt, boilerplate)
  bool unlikely = false;   // an 'unlikely' class/id without a 'maybe' word
  int class_weight = 0;    // HtmlRules::ClassWeight of its class and id
  std::string class_name;  // its class attribute ("" when none), to compare siblings
  bool block_children = false;  // holds block-level elements (a container, not a paragraph)
  uint32_t chars = 0;           // characters of text in the blocks under it
  uint32_t link_chars = 0;      // of which inside <a>
};

struct HtmlBlock {
  std::string text;                  // whitespace collapsed, trimmed, never empty
  int elem = -1;                     // the innermost block-level element that holds it
  uint32_t chars = 0;                // characters (code points) in text
  uint32_t link_chars = 0;           // characters inside links
  uint32_t commas = 0;               // ',' and its full-width form
  TagClass kind = TagClass::kBlock;  // kBlock, kHeading or kItem (of `elem`)
  int heading = 0;                   // 1..6 for <h1>..<h6>, else 0
};

struct HtmlLayout {
  std::vector<HtmlElem> elems;  // in document (pre-)order; elems[0] is the root
  std::vector<HtmlBlock> blocks;
  uint32_t total_chars = 0;
  // True when elems[a] is elems[b] or one of its ancestors.
  bool Contains(int a, int b) const {
    return elems[a].pre <= elems[b].pre && elems[b].post <= elems[a].post;
  }
};

// Lays out the tree under `root` (an element; its siblings are not visited). Elements of class
// kDrop and hidden ones (hidden attribute, aria-hidden="true", display:none) are skipped with all
// they hold. Text is whitespace-collapsed; characters U+0080..U+009F (cp1252 numbers written as
// &#146;) become the cp1252 characters they stand for.
void LayoutHtml(const xmlNode* root, const HtmlRules& rules, HtmlLayout* out);

// Appends UTF-8 `text` to *out with HTML whitespace collapsing: runs of ASCII whitespace and
// U+00A0 become one space (none at the start of *out); *pending_space carries a space that is
// still owed across calls. Returns the number of characters appended.
uint32_t AppendCollapsed(std::string_view text, std::string* out, bool* pending_space);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_HTML_LAYOUT_H_

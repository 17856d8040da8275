// Internal: HTML to clean article text with libxml2's HTML parser, for the HTML and feed readers.
//
//  - A page: its main text (html_content.h chooses it: no navigation, share bars, cookie banners,
//    comment forms, "Skip to main content", footers, headline) with its metadata (html_meta.h).
//  - A fragment (a feed item's HTML): all of its text; only scripts and the like are dropped.
//  - A node (an Atom entry's XHTML content, already parsed): the same as a fragment.
// Text is made of paragraphs (block elements, list items, <br>) joined by "\n\n", whitespace
// collapsed inside them; furniture paragraphs (patterns/furniture.txt) are dropped. Parsing is
// libxml2's (recover mode, no network); the tree is walked without recursion.
#ifndef CLAIMEX_EXTRACTOR_HTML_TEXT_H_
#define CLAIMEX_EXTRACTOR_HTML_TEXT_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "extractor/furniture.h"
#include "extractor/html_meta.h"
#include "extractor/html_rules.h"
#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

// The rules of the web readers, compiled once: patterns/html_*.txt and patterns/furniture.txt.
struct WebRules {
  std::unique_ptr<const HtmlRules> html;
  std::unique_ptr<const FurnitureFilter> furniture;
  static Result<std::shared_ptr<const WebRules>> Create(const RuleSet& rules);
  // The rules compiled into the binary (created on first use, then shared), or, when `dir` is
  // not "", the rule files in `dir`.
  static Result<std::shared_ptr<const WebRules>> Load(const std::string& dir);
};

struct WebPage {
  std::string text;  // paragraphs joined by "\n\n"; "" when the page has no article text
  PageMeta meta;     // meta.published falls back to a dateline paragraph dropped from the text
};

// Converts a page given as UTF-8. Fails (kMalformed) only when libxml2 makes no tree at all.
// When the chosen text is short (under 200 characters) and the page's JSON-LD has a longer
// articleBody, that is used instead.
Status PageToText(std::string_view html, const WebRules& rules, WebPage* page);

// The text of an HTML fragment given as UTF-8 (feed content); plain text comes back with its
// entities decoded and whitespace collapsed. Paragraphs that are mostly link text are dropped
// when other paragraphs remain.
std::string FragmentToText(std::string_view html, const WebRules& rules);

// Plain text (no markup) as paragraphs: a blank line ends one, whitespace is collapsed inside,
// furniture paragraphs are dropped.
std::string PlainToText(std::string_view text, const WebRules& rules);

// The same for an element subtree that is already parsed (XHTML inside an Atom entry).
std::string NodeToText(const xmlNode* node, const WebRules& rules);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_HTML_TEXT_H_

// HTML pages and fragments to text (see extractor/html_text.h).
#include "extractor/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <limits>
#include <mutex>
#include <unordered_set>
#include <vector>

#include "extractor/html_content.h"
#include "extractor/html_layout.h"

namespace claimex {
namespace {

constexpr uint32_t kShortText = 200;  // below this, a JSON-LD articleBody may do better
constexpr size_t kMinRepeat = 40;     // a paragraph this long is dropped when it repeats

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// Parses UTF-8 HTML: recover from any error silently, never touch the network, ignore a
// <meta charset> (the bytes are UTF-8 already).
DocPtr ParseHtml(std::string_view html) {
  if (html.size() > static_cast<size_t>(std::numeric_limits<int>::max())) return nullptr;
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  return DocPtr(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", kOptions));
}

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

uint32_t CountChars(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Plain text as paragraphs, whitespace collapsed inside each. A paragraph ends at a blank line,
// or at every line end when `lines_are_paragraphs` (JSON-LD articleBody writes one per line).
std::vector<std::string> TextParagraphs(std::string_view body, bool lines_are_paragraphs) {
  std::vector<std::string> out;
  std::string p;
  bool pending = false;
  auto flush = [&] {
    while (!p.empty() && p.back() == ' ') p.pop_back();
    if (!p.empty()) out.push_back(std::move(p));
    p.clear();
    pending = false;
  };
  size_t start = 0;
  while (start <= body.size()) {
    size_t nl = body.find('\n', start);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(start, nl - start);
    if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) {
      flush();
    } else {
      AppendCollapsed(line, &p, &pending);
      pending = true;
      if (lines_are_paragraphs) flush();
    }
    start = nl + 1;
  }
  flush();
  return out;
}

// All blocks of a fragment's layout, link lists dropped when other text remains.
std::string LayoutText(const HtmlLayout& layout, const WebRules& rules) {
  std::vector<std::string> paragraphs;
  bool any_prose = false;
  for (const HtmlBlock& b : layout.blocks) any_prose |= b.link_chars * 2 <= b.chars;
  for (const HtmlBlock& b : layout.blocks) {
    if (any_prose && b.link_chars * 2 > b.chars) continue;
    paragraphs.push_back(b.text);
  }
  return Join(rules.furniture->KeepParagraphs(std::move(paragraphs)));
}

}  // namespace

Result<std::shared_ptr<const WebRules>> WebRules::Create(const RuleSet& rules) {
  auto web = std::make_shared<WebRules>();
  auto html = HtmlRules::Create(rules);
  if (!html.ok()) return html.status();
  web->html = std::move(*html);
  auto furniture = FurnitureFilter::Create(rules);
  if (!furniture.ok()) return furniture.status();
  web->furniture = std::move(*furniture);
  return std::shared_ptr<const WebRules>(std::move(web));
}

Result<std::shared_ptr<const WebRules>> WebRules::Load(const std::string& dir) {
  auto load = [](const std::string& d) -> Result<std::shared_ptr<const WebRules>> {
    auto rules = RuleSet::Load(d);
    if (!rules.ok()) return rules.status();
    return Create(**rules);
  };
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });  // once, before any thread parses
  if (!dir.empty()) return load(dir);
  static std::once_flag once;
  static Result<std::shared_ptr<const WebRules>>* built = nullptr;
  std::call_once(once, [&] { built = new Result<std::shared_ptr<const WebRules>>(load("")); });
  return *built;
}

Status PageToText(std::string_view html, const WebRules& rules, WebPage* page) {
  *page = WebPage();
  DocPtr doc = ParseHtml(html);
  if (doc == nullptr) return Status::Malformed("not HTML: the parser made no document");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Status::Ok();
  ReadPageMeta(root, *rules.html, &page->meta);
  HtmlLayout layout;
  LayoutHtml(root, *rules.html, &layout);
  std::vector<std::string> paragraphs;
  std::unordered_set<std::string_view> seen;
  for (int b : SelectArticleBlocks(layout)) {
    const std::string& text = layout.blocks[b].text;
    if (paragraphs.empty() && text == page->meta.title) continue;  // the headline again
    // A caption repeated by a slide show (short ones, like table figures, may well repeat).
    if (text.size() >= kMinRepeat && !seen.insert(text).second) continue;
    paragraphs.push_back(text);
  }
  std::string dateline;
  paragraphs = rules.furniture->KeepParagraphs(std::move(paragraphs), &dateline);
  if (page->meta.published.empty() && !dateline.empty()) {
    page->meta.published = NormalizeDate(dateline);
  }
  page->text = Join(paragraphs);
  if (CountChars(page->text) < kShortText && CountChars(page->meta.body) > CountChars(page->text)) {
    page->text = Join(rules.furniture->KeepParagraphs(TextParagraphs(page->meta.body, true)));
  }
  return Status::Ok();
}

std::string FragmentToText(std::string_view html, const WebRules& rules) {
  if (html.find_first_of("<&") == std::string_view::npos) {
    return PlainToText(html, rules);
  }
  DocPtr doc = ParseHtml(html);
  if (doc == nullptr) return "";
  HtmlLayout layout;
  LayoutHtml(xmlDocGetRootElement(doc.get()), *rules.html, &layout);
  return LayoutText(layout, rules);
}

std::string PlainToText(std::string_view text, const WebRules& rules) {
  return Join(rules.furniture->KeepParagraphs(TextParagraphs(text, false)));
}

std::string NodeToText(const xmlNode* node, const WebRules& rules) {
  HtmlLayout layout;
  LayoutHtml(node, *rules.html, &layout);
  return LayoutText(layout, rules);
}

}  // namespace claimex

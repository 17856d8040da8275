// Internal: the rules that turn HTML into article text, compiled once from patterns/html_tags.txt
// (what each element is: dropped, furniture, block, heading, list item, line break) and
// patterns/html_boilerplate.txt (class/id words of furniture and of article bodies, ARIA roles).
// and patterns/html_meta.txt (which <meta> names carry a page's title, date, author, source and
// URL). Immutable after Create; shared by the HTML and feed readers.
#ifndef CLAIMEX_EXTRACTOR_HTML_RULES_H_
#define CLAIMEX_EXTRACTOR_HTML_RULES_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimex {

// The page metadata fields of patterns/html_meta.txt.
enum class MetaField : uint8_t { kNone, kTitle, kPublished, kAuthor, kSource, kUrl };

// What an element is, for text conversion (patterns/html_tags.txt). kInline: everything else;
// kCell is inline too, with a space before it.
enum class TagClass : uint8_t {
  kInline,
  kDrop,
  kFurniture,
  kBlock,
  kHeading,
  kItem,
  kBreak,
  kCell
};

class HtmlRules {
 public:
  static Result<std::unique_ptr<const HtmlRules>> Create(const RuleSet& rules);

  // The class of a lower-case tag name ("p" -> kBlock, "span" -> kInline).
  TagClass Classify(std::string_view tag) const;

  // Class/id tests over "class id" (either may be empty); false on empty input.
  bool Unlikely(std::string_view class_and_id) const;
  bool Maybe(std::string_view class_and_id) const;
  // +25 for a positive word, -25 for a negative one (both may apply: 0).
  int ClassWeight(std::string_view class_and_id) const;
  // True when `role` (any case) is an ARIA role of page furniture.
  bool FurnitureRole(std::string_view role) const;
  // The field a <meta> name (any case) gives, and its rank (0 = best) among that field's names.
  MetaField Meta(std::string_view name, int* rank) const;

 private:
  HtmlRules() = default;
  std::unordered_map<std::string, TagClass> tags_;
  std::unique_ptr<RE2> unlikely_, maybe_, negative_, positive_;
  std::unordered_set<std::string> roles_;
  std::unordered_map<std::string, std::pair<MetaField, int>> meta_;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_HTML_RULES_H_

// The iterative layout walk over a libxml2 tree (see extractor/html_layout.h).
#include "extractor/html_layout.h"

#include <cstring>

#include "extractor/encoding.h"

namespace claimex {
namespace {

std::string_view Name(const xmlNode* n) {
  return n->name != nullptr ? std::string_view(reinterpret_cast<const char*>(n->name))
                            : std::string_view();
}

// The value of attribute `name` when it is plain text ("" when absent). No allocation.
std::string_view Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) {
      continue;
    }
    const xmlNode* v = a->children;
    if (v != nullptr && v->content != nullptr && v->next == nullptr) {
      return reinterpret_cast<const char*>(v->content);
    }
    return "";
  }
  return "";
}

bool HasAttr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      return true;
    }
  }
  return false;
}

bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t j = 0;
    while (j < needle.size() && (hay[i + j] | 0x20) == needle[j]) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

// Hidden from readers: the hidden attribute, aria-hidden="true", or an inline display:none /
// visibility:hidden.
bool IsHidden(const xmlNode* n) {
  if (n->properties == nullptr) return false;
  if (HasAttr(n, "hidden")) return true;
  if (Attr(n, "aria-hidden") == "true") return true;
  std::string_view style = Attr(n, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') compact += static_cast<char>(c | 0x20);
  }
  return ContainsNoCase(compact, "display:none") || ContainsNoCase(compact, "visibility:hidden");
}

bool IsBlockLevel(const HtmlElem& e) {
  return (e.cls != TagClass::kInline && e.cls != TagClass::kCell) || e.furniture || e.unlikely;
}

int HeadingLevel(std::string_view tag) {
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return tag[1] - '0';
  return 0;
}

class Walker {
 public:
  Walker(const HtmlRules& rules, HtmlLayout* out) : rules_(rules), out_(out) {}

  // Handles `n` on the way down. True when `n` is an element that was entered (Leave() follows).
  bool Enter(const xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) AddText(reinterpret_cast<const char*>(n->content));
      return false;
    }
    if (n->type != XML_ELEMENT_NODE) return false;
    std::string_view tag = Name(n);
    TagClass cls = rules_.Classify(tag);
    if (cls == TagClass::kDrop || IsHidden(n)) return false;
    if (cls == TagClass::kBreak) {
      Flush();
      return false;
    }
    HtmlElem e;
    e.node = n;
    e.tag = tag;
    e.parent = current_;
    e.pre = counter_++;
    e.cls = cls;
    std::string_view klass = Attr(n, "class");
    std::string_view id = Attr(n, "id");
    if (!klass.empty() || !id.empty()) {
      std::string both;
      both.reserve(klass.size() + id.size() + 1);
      both.append(klass).append(" ").append(id);
      e.class_weight = rules_.ClassWeight(both);
      e.unlikely = cls != TagClass::kInline && cls != TagClass::kCell && tag != "body" &&
                   tag != "html" && rules_.Unlikely(both) && !rules_.Maybe(both);
      e.class_name = std::string(klass);
    }
    e.furniture = cls == TagClass::kFurniture || rules_.FurnitureRole(Attr(n, "role"));
    bool block = IsBlockLevel(e);
    if (block) Flush();
    if (block && current_ >= 0) out_->elems[current_].block_children = true;
    if (cls == TagClass::kCell) pending_space_ = true;  // cells of a row: "Pos. Name Points"
    out_->elems.push_back(std::move(e));
    current_ = static_cast<int>(out_->elems.size()) - 1;
    if (block) block_stack_.push_back(current_);
    if (tag == "a") ++link_depth_;
    return true;
  }

  // Closes the element entered for `n`.
  void Leave(const xmlNode* n) {
    HtmlElem& e = out_->elems[current_];
    if (IsBlockLevel(e)) {
      Flush();
      block_stack_.pop_back();
    }
    if (e.tag == "a" && link_depth_ > 0) --link_depth_;
    e.post = counter_++;
    int parent = e.parent;
    if (parent >= 0) {
      out_->elems[parent].chars += e.chars;
      out_->elems[parent].link_chars += e.link_chars;
    }
    current_ = parent;
  }

  void Finish() { Flush(); }

 private:
  void AddText(std::string_view text) {
    uint32_t added = AppendCollapsed(text, &buffer_, &pending_space_);
    if (link_depth_ > 0) link_chars_ += added;
  }

  void Flush() {
    while (!buffer_.empty() && buffer_.back() == ' ') buffer_.pop_back();
    pending_space_ = false;
    if (buffer_.empty()) {
      link_chars_ = 0;
      return;
    }
    HtmlBlock b;
    b.elem = block_stack_.empty() ? 0 : block_stack_.back();
    b.text = std::move(buffer_);
    buffer_.clear();
    for (size_t i = 0; i < b.text.size(); ++i) {
      auto c = static_cast<unsigned char>(b.text[i]);
      if ((c & 0xC0) != 0x80) ++b.chars;
      if (c == ',') ++b.commas;
      if (c == 0xEF && i + 2 < b.text.size() && b.text[i + 1] == '\xBC' &&
          b.text[i + 2] == '\x8C') {
        ++b.commas;  // U+FF0C FULLWIDTH COMMA
      }
    }
    b.link_chars = std::min(link_chars_, b.chars);
    link_chars_ = 0;
    if (!out_->elems.empty()) {
      HtmlElem& e = out_->elems[b.elem];
      b.kind = e.cls == TagClass::kHeading || e.cls == TagClass::kItem ? e.cls : TagClass::kBlock;
      b.heading = HeadingLevel(e.tag);
      e.chars += b.chars;
      e.link_chars += b.link_chars;
    }
    out_->total_chars += b.chars;
    out_->blocks.push_back(std::move(b));
  }

  const HtmlRules& rules_;
  HtmlLayout* out_;
  int current_ = -1;
  uint32_t counter_ = 0;
  std::vector<int> block_stack_;  // heap, not the native stack: bounded by the tree's depth
  int link_depth_ = 0;
  std::string buffer_;
  bool pending_space_ = false;
  uint32_t link_chars_ = 0;
};

}  // namespace

uint32_t AppendCollapsed(std::string_view text, std::string* out, bool* pending_space) {
  uint32_t added = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    size_t len = 1;
    char32_t c1 = 0;  // a C1 control written as a cp1252 number: &#146;
    if (c == 0xC2 && i + 1 < text.size()) {
      auto d = static_cast<unsigned char>(text[i + 1]);
      if (d == 0xA0) {
        space = true;
        len = 2;
      } else if (d >= 0x80 && d < 0xA0) {
        c1 = Windows1252Char(d);
        len = 2;
      }
    }
    if (space) {
      *pending_space = true;
      i += len - 1;
      continue;
    }
    if (*pending_space && !out->empty()) {
      out->push_back(' ');
      ++added;
    }
    *pending_space = false;
    if (c1 != 0) {
      AppendUtf8(c1 >= 0x80 && c1 < 0xA0 ? U' ' : c1, out);
      ++added;
      i += len - 1;
      continue;
    }
    out->push_back(static_cast<char>(c));
    if ((c & 0xC0) != 0x80) ++added;
  }
  return added;
}

void LayoutHtml(const xmlNode* root, const HtmlRules& rules, HtmlLayout* out) {
  out->elems.clear();
  out->blocks.clear();
  out->total_chars = 0;
  if (root == nullptr) return;
  Walker w(rules, out);
  const xmlNode* n = root;
  for (;;) {
    bool entered = w.Enter(n);
    if (entered && n->children != nullptr) {
      n = n->children;
      continue;
    }
    if (entered) w.Leave(n);
    while (n != root && n->next == nullptr) {
      n = n->parent;
      w.Leave(n);
    }
    if (n == root) break;
    n = n->next;
  }
  w.Finish();
}

}  // namespace claimex

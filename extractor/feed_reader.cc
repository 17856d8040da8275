// RSS/Atom feeds to articles (see extractor/feed_reader.h).
#include "extractor/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <strings.h>

#include <cstring>
#include <limits>
#include <unordered_set>

#include "extractor/html_layout.h"
#include "extractor/html_meta.h"
#include "extractor/markup_charset.h"
#include "extractor/text_reader.h"

namespace claimex {
namespace {

constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kMediaNs = "http://search.yahoo.com/mrss/";
constexpr const char* kItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";

std::string_view Name(const xmlNode* n) {
  return n->name != nullptr ? std::string_view(reinterpret_cast<const char*>(n->name))
                            : std::string_view();
}

std::string_view Ns(const xmlNode* n) {
  return n->ns != nullptr && n->ns->href != nullptr
             ? std::string_view(reinterpret_cast<const char*>(n->ns->href))
             : std::string_view();
}

std::string_view Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      const xmlNode* v = a->children;
      if (v != nullptr && v->content != nullptr && v->next == nullptr) {
        return reinterpret_cast<const char*>(v->content);
      }
      return "";
    }
  }
  return "";
}

bool HasElementChildren(const xmlNode* n) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

// The text and CDATA directly under `n`, as written (escaped HTML stays markup).
std::string RawText(const xmlNode* n) {
  std::string out;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
      out += reinterpret_cast<const char*>(c->content);
    }
  }
  return out;
}

// A short field (title, link, id, date): its text with whitespace collapsed.
std::string ShortText(const xmlNode* n) {
  std::string out;
  bool pending = false;
  AppendCollapsed(RawText(n), &out, &pending);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The text of a content-like element: Atom type="xhtml" (or raw XHTML children) is walked as a
// tree, type="text" is plain text, anything else is HTML (escaped or in CDATA).
std::string ContentText(const xmlNode* n, const WebRules& rules) {
  if (!Attr(n, "src").empty()) return "";  // Atom out-of-line content
  std::string_view type = Attr(n, "type");
  if (type.ends_with("xhtml") || HasElementChildren(n)) return NodeToText(n, rules);
  std::string raw = RawText(n);
  if (type == "text" || type == "text/plain") return PlainToText(raw, rules);
  return FragmentToText(raw, rules);
}

// A title: HTML when it says so (Atom type="html") or holds a tag; else plain.
std::string TitleText(const xmlNode* n, const WebRules& rules) {
  std::string raw = RawText(n);
  if (Attr(n, "type") == "html" || Attr(n, "type") == "xhtml" || HasElementChildren(n) ||
      raw.find('<') != std::string::npos) {
    std::string text = HasElementChildren(n) ? NodeToText(n, rules) : FragmentToText(raw, rules);
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    return text;
  }
  return ShortText(n);
}

// RSS <author> is "jo@example.com (Jo Bloggs)" or a name; Atom <author> holds <name>.
std::string AuthorText(const xmlNode* n) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == "name") return ShortText(c);
  }
  std::string text = ShortText(n);
  size_t open = text.find('('), close = text.rfind(')');
  if (text.find('@') != std::string::npos && open != std::string::npos && close > open) {
    return text.substr(open + 1, close - open - 1);
  }
  return text.find('@') != std::string::npos && text.find(' ') == std::string::npos ? "" : text;
}

// Rank of a date element (lower is better), or -1.
int DateRank(std::string_view name) {
  static constexpr std::string_view kDates[] = {"pubDate", "published", "date",    "issued",
                                                "created", "updated",   "modified"};
  for (size_t i = 0; i < std::size(kDates); ++i) {
    if (name == kDates[i]) return static_cast<int>(i);
  }
  return -1;
}

// Rank of a body element (lower is better), or -1.
int BodyRank(std::string_view name, std::string_view ns) {
  if (name == "encoded" && ns == kContentNs) return 0;
  if (name == "content" && ns != kMediaNs) return 1;
  if (name == "description" && ns != kMediaNs) return 2;
  if (name == "summary" && ns != kItunesNs) return 3;
  if (name == "summary" && ns == kItunesNs) return 4;
  if (name == "description" && ns == kMediaNs) return 5;
  return -1;
}

// Collects the parser's errors: the first one (message and line) and how many there were.
struct ErrorLog {
  int count = 0;
  int line = 0;
  std::string first;
};

void OnError(void* user, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
  if (ctxt == nullptr || ctxt->_private == nullptr || error == nullptr) return;
  if (error->level < XML_ERR_ERROR) return;  // warnings do not break a feed
  auto* log = static_cast<ErrorLog*>(ctxt->_private);
  if (log->count++ == 0) {
    log->line = error->line;
    log->first = error->message != nullptr ? error->message : "error";
    while (!log->first.empty() && (log->first.back() == '\n' || log->first.back() == ' ')) {
      log->first.pop_back();
    }
  }
}

// An <item> or <entry> of any namespace but the media/podcast modules' (feeds put RSS in
// namespaces of their own), with something in it (an empty <item/> is no item).
bool IsItem(const xmlNode* n) {
  std::string_view name = Name(n);
  if (name != "item" && name != "entry") return false;
  std::string_view ns = Ns(n);
  if (ns == kMediaNs || ns == kItunesNs) return false;
  return HasElementChildren(n);
}

const xmlNode* ChildNamed(const xmlNode* n, std::string_view name) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == name) return c;
  }
  return nullptr;
}

}  // namespace

FeedReader::FeedReader(std::string bytes, std::string origin, std::string stem,
                       std::shared_ptr<const WebRules> rules, const ReaderOptions& options)
    : bytes_(std::move(bytes)),
      origin_(std::move(origin)),
      stem_(std::move(stem)),
      rules_(std::move(rules)),
      options_(options) {}

FeedReader::~FeedReader() {
  if (doc_ != nullptr) xmlFreeDoc(doc_);
}

void FeedReader::Parse() {
  parsed_ = true;
  std::string utf8;
  Status st = DecodeMarkup(bytes_, /*html=*/false, &utf8, &encoding_);
  std::string().swap(bytes_);
  if (!st.ok()) {
    tail_.push_back(Rejection{origin_, "", "cannot decode: " + st.message()});
    return;
  }
  if (IsBlank(utf8)) {
    tail_.push_back(Rejection{origin_, "", "empty file"});
    return;
  }
  // Blank lines before the XML declaration (a common slip) would make it an error.
  size_t lead = utf8.find_first_not_of(" \t\r\n");
  if (lead != std::string::npos && lead > 0 &&
      std::string_view(utf8).substr(lead).starts_with("<?xml")) {
    utf8.erase(0, lead);
  }
  if (utf8.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    tail_.push_back(Rejection{origin_, "", TooLargeReason(utf8.size(), options_.max_feed_bytes)});
    return;
  }
  ErrorLog log;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) {
    tail_.push_back(Rejection{origin_, "", "out of memory (XML parser)"});
    return;
  }
  ctxt->_private = &log;
  ctxt->sax->serror = OnError;
  // No XML_PARSE_NOENT (no entity substitution), no DTDLOAD/DTDATTR (no external DTD), no HUGE
  // (libxml2's depth and entity-expansion limits stay); NONET forbids any network access.
  constexpr int kOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING | XML_PARSE_COMPACT | XML_PARSE_IGNORE_ENC |
                           XML_PARSE_BIG_LINES;
  doc_ = xmlCtxtReadMemory(ctxt, utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                           kOptions);
  bool well_formed = ctxt->wellFormed != 0;
  ctxt->_private = nullptr;
  xmlFreeParserCtxt(ctxt);
  std::string where = log.line > 0 ? origin_ + ":" + std::to_string(log.line) : origin_;
  const xmlNode* root = doc_ != nullptr ? xmlDocGetRootElement(doc_) : nullptr;
  if (root == nullptr) {
    tail_.push_back(
        Rejection{where, "", "not a feed: " + (log.first.empty() ? "no XML element" : log.first)});
    return;
  }
  std::string_view root_name = Name(root);
  if (root_name != "rss" && root_name != "RDF" && root_name != "feed" && root_name != "channel") {
    tail_.push_back(Rejection{
        origin_, "",
        "not a feed: the root element is <" + std::string(root_name) + ">, not rss, RDF or feed"});
    return;
  }
  const xmlNode* channel =
      root_name == "feed" || root_name == "channel" ? root : ChildNamed(root, "channel");
  if (channel != nullptr) {
    if (const xmlNode* title = ChildNamed(channel, "title"))
      feed_title_ = TitleText(title, *rules_);
  }
  // Every item/entry, nested ones too (a feed that never closes its items nests them).
  const xmlNode* n = root;
  while (n != nullptr) {
    if (n->type == XML_ELEMENT_NODE && n != root && IsItem(n)) items_.push_back(n);
    if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n != root && n->next == nullptr) n = n->parent;
    n = n == nullptr || n == root ? nullptr : n->next;
  }
  if (!well_formed || log.count > 0) {
    tail_.push_back(
        Rejection{where, "",
                  "broken XML: " + log.first + " (" + std::to_string(log.count) + " error" +
                      (log.count == 1 ? "" : "s") + "; " + std::to_string(items_.size()) +
                      " items read, those after the error may be missing or incomplete)"});
  } else if (items_.empty()) {
    tail_.push_back(Rejection{origin_, "", "no items: the feed holds no <item> or <entry>"});
  }
}

bool FeedReader::Next(ReadItem* item) {
  if (!parsed_) Parse();
  if (next_ < items_.size()) {
    *item = MakeItem(items_[next_], static_cast<int>(next_) + 1);
    ++next_;
    return true;
  }
  if (!tail_.empty()) {
    *item = std::move(tail_.front());
    tail_.erase(tail_.begin());
    return true;
  }
  return false;
}

ReadItem FeedReader::MakeItem(const xmlNode* node, int n) {
  Article a;
  a.origin = origin_ + ":" + std::to_string(xmlGetLineNo(node));
  a.source = feed_title_;
  a.encoding = encoding_;
  std::string id, link_text;
  int date_rank = 1 << 20;
  std::vector<std::pair<int, const xmlNode*>> bodies;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view name = Name(c);
    if (name == "title" && a.title.empty()) {
      a.title = TitleText(c, *rules_);
    } else if (name == "link") {
      std::string_view href = Attr(c, "href");
      std::string_view rel = Attr(c, "rel");
      if (!href.empty()) {
        if (a.url.empty() && (rel.empty() || rel == "alternate")) a.url = std::string(href);
      } else if (link_text.empty()) {
        link_text = ShortText(c);
      }
    } else if ((name == "guid" || name == "id") && id.empty()) {
      id = ShortText(c);
    } else if (name == "author" || name == "creator") {
      if (a.author.empty()) a.author = AuthorText(c);
    } else if (int r = DateRank(name); r >= 0 && r < date_rank) {
      std::string date = NormalizeDate(ShortText(c));
      if (!date.empty()) {
        a.published = std::move(date);
        date_rank = r;
      }
    } else if (int b = BodyRank(name, Ns(c)); b >= 0) {
      bodies.emplace_back(b, c);
    } else if (name == "group" && Ns(c) == kMediaNs) {  // <media:group><media:description>
      for (const xmlNode* g = c->children; g != nullptr; g = g->next) {
        if (g->type != XML_ELEMENT_NODE) continue;
        if (int gb = BodyRank(Name(g), Ns(g)); gb >= 0) bodies.emplace_back(gb, g);
      }
    }
  }
  if (a.url.empty()) a.url = link_text;
  std::stable_sort(bodies.begin(), bodies.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (const auto& [rank, c] : bodies) {
    a.body = ContentText(c, *rules_);
    if (!IsBlank(a.body)) break;
  }
  if (id.empty()) id = !a.url.empty() ? a.url : stem_ + "-" + std::to_string(n);
  // A repeated id gets the item's number; if an item already took that too (a guid "x#5"),
  // a further suffix: ids stay unique within a feed.
  const std::string base = id;
  for (int k = 0; !seen_ids_.insert(id).second; ++k) {
    id = base + "#" + std::to_string(n) + (k > 0 ? "." + std::to_string(k) : "");
  }
  a.id = std::move(id);
  // A headline-only item (no content, description or summary) is its headline.
  if (IsBlank(a.body)) a.body = a.title;
  if (IsBlank(a.body)) {
    return Rejection{a.origin, a.id, "no text: the item has no title, content or description"};
  }
  if (a.body.size() > options_.max_article_bytes) {
    return Rejection{a.origin, a.id, TooLargeReason(a.body.size(), options_.max_article_bytes)};
  }
  return a;
}

}  // namespace claimex

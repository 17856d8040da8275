// Page metadata and date formats (see extractor/html_meta.h).
#include "extractor/html_meta.h"

#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <vector>

#include "extractor/html_layout.h"

namespace claimex {
namespace {

using Json = nlohmann::json;

std::string_view Name(const xmlNode* n) {
  return n->name != nullptr ? std::string_view(reinterpret_cast<const char*>(n->name))
                            : std::string_view();
}

std::string_view Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && strcasecmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      const xmlNode* v = a->children;
      if (v != nullptr && v->content != nullptr && v->next == nullptr) {
        return reinterpret_cast<const char*>(v->content);
      }
      return "";
    }
  }
  return "";
}

// The text directly under `n` (its text and CDATA children), whitespace collapsed.
std::string DirectText(const xmlNode* n) {
  std::string out;
  bool pending = false;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
      AppendCollapsed(reinterpret_cast<const char*>(c->content), &out, &pending);
    }
  }
  return out;
}

// The text anywhere under `n` (an iterative walk), whitespace collapsed; for <h1>.
std::string DeepText(const xmlNode* root) {
  std::string out;
  bool pending = false;
  const xmlNode* n = root->children;
  while (n != nullptr) {
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != nullptr) {
      AppendCollapsed(reinterpret_cast<const char*>(n->content), &out, &pending);
    }
    if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n->next == nullptr) {
      n = n->parent;
      if (n == root) n = nullptr;
    }
    if (n != nullptr) n = n->next;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct Candidates {
  std::string value[6];
  int rank[6] = {1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 20};
  void Offer(MetaField f, int r, std::string v) {
    int i = static_cast<int>(f);
    if (v.empty() || r >= rank[i]) return;
    rank[i] = r;
    value[i] = std::move(v);
  }
  std::string& operator[](MetaField f) { return value[static_cast<int>(f)]; }
};

bool IsArticleType(const Json& type) {
  auto one = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" ||
           s == "LiveBlogPosting" || s == "NewsArticle";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

std::string NameOf(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object() && j.contains("name") && j["name"].is_string())
    return j["name"].get<std::string>();
  if (j.is_array()) {
    std::string out;
    for (const Json& x : j) {
      std::string n = NameOf(x);
      if (n.empty()) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
    return out;
  }
  return "";
}

std::string StringOf(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  if (it == j.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object() && it->contains("@id") && (*it)["@id"].is_string()) {
    return (*it)["@id"].get<std::string>();
  }
  return "";
}

// Reads one JSON-LD script: the first article-typed object, searched breadth-first through
// arrays and @graph (a queue, not recursion).
void ReadJsonLd(std::string_view text, Candidates* c, std::string* body) {
  Json root = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return;
  std::vector<const Json*> queue{&root};
  for (size_t i = 0; i < queue.size() && i < 256; ++i) {
    const Json& j = *queue[i];
    if (j.is_array()) {
      for (const Json& x : j) queue.push_back(&x);
      continue;
    }
    if (!j.is_object()) continue;
    if (j.contains("@graph")) queue.push_back(&j["@graph"]);
    if (!j.contains("@type") || !IsArticleType(j["@type"])) continue;
    constexpr int kRank = 1000;  // after every <meta> name
    c->Offer(MetaField::kTitle, kRank, StringOf(j, "headline"));
    c->Offer(MetaField::kPublished, kRank, NormalizeDate(StringOf(j, "datePublished")));
    if (j.contains("author")) c->Offer(MetaField::kAuthor, kRank, NameOf(j["author"]));
    if (j.contains("publisher")) c->Offer(MetaField::kSource, kRank, NameOf(j["publisher"]));
    c->Offer(MetaField::kUrl, kRank, StringOf(j, "url"));
    c->Offer(MetaField::kUrl, kRank + 1, StringOf(j, "mainEntityOfPage"));
    if (body->empty()) *body = StringOf(j, "articleBody");
    return;
  }
}

int MonthOf(std::string_view word) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (strncasecmp(word.data(), kMonths[m], 3) == 0) return m + 1;
  }
  return 0;
}

bool ValidDay(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m != 2 || d < 29 || leap;
}

std::string Format(int y, int m, int d) {
  if (!ValidDay(y, m, d)) return "";
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Splits "Tue, 19 Nov 2019 10:00:00 GMT" into words of letters or digits.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (!std::isalnum(c)) {
      ++i;
      continue;
    }
    bool digit = std::isdigit(c);
    size_t j = i;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j])) &&
           (std::isdigit(static_cast<unsigned char>(s[j])) != 0) == digit) {
      ++j;
    }
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool AllDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Digits to int, saturating at 1,000,000,000: a 20-digit "year" must not overflow (found by
// feed_reader_fuzz); no date part is that large, so callers reject it.
int ToInt(std::string_view w) {
  int v = 0;
  for (char c : w) {
    if (v >= 100000000) return 1000000000;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::string NormalizeDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  if (text.size() > 200) return "";
  // ISO 8601 and its slashed form: YYYY-MM-DD / YYYY/MM/DD, then anything.
  if (text.size() >= 10 && AllDigits(text.substr(0, 4)) && (text[4] == '-' || text[4] == '/') &&
      text[7] == text[4] && AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2)) &&
      (text.size() == 10 || !std::isdigit(static_cast<unsigned char>(text[10])))) {
    return Format(ToInt(text.substr(0, 4)), ToInt(text.substr(5, 2)), ToInt(text.substr(8, 2)));
  }
  std::vector<std::string_view> w = Words(text);
  for (size_t i = 0; i + 2 < w.size(); ++i) {
    // 19 Nov 2019 / 19 November 19
    if (AllDigits(w[i]) && w[i].size() <= 2 && MonthOf(w[i + 1]) && AllDigits(w[i + 2])) {
      int y = ToInt(w[i + 2]);
      if (w[i + 2].size() == 2) y += y >= 70 ? 1900 : 2000;
      if (w[i + 2].size() == 2 || w[i + 2].size() == 4) {
        return Format(y, MonthOf(w[i + 1]), ToInt(w[i]));
      }
    }
    // November 19, 2019
    if (MonthOf(w[i]) && !AllDigits(w[i]) && AllDigits(w[i + 1]) && w[i + 1].size() <= 2 &&
        AllDigits(w[i + 2]) && w[i + 2].size() == 4) {
      return Format(ToInt(w[i + 2]), MonthOf(w[i]), ToInt(w[i + 1]));
    }
  }
  return "";
}

void ReadPageMeta(const xmlNode* root, const HtmlRules& rules, PageMeta* meta) {
  *meta = PageMeta();
  if (root == nullptr) return;
  Candidates c;
  std::string title_tag, time_tag, h1, canonical;
  meta->language = std::string(Attr(root, "lang"));
  const xmlNode* n = root;
  while (n != nullptr) {
    bool descend = n->type == XML_ELEMENT_NODE;
    if (descend) {
      std::string_view tag = Name(n);
      int rank = 0;
      if (tag == "meta") {
        std::string_view content = Attr(n, "content");
        for (const char* key : {"property", "name", "itemprop"}) {
          MetaField f = rules.Meta(Attr(n, key), &rank);
          if (f == MetaField::kNone) continue;
          std::string v(content);
          if (f == MetaField::kPublished) v = NormalizeDate(v);
          // An author given as a profile URL names no one.
          if (f == MetaField::kAuthor && v.starts_with("http")) v.clear();
          c.Offer(f, rank, std::move(v));
        }
      } else if (tag == "link" &&
                 strcasecmp(std::string(Attr(n, "rel")).c_str(), "canonical") == 0) {
        if (canonical.empty()) canonical = Attr(n, "href");
      } else if (tag == "script" && Attr(n, "type") == "application/ld+json") {
        ReadJsonLd(DirectText(n), &c, &meta->body);
        descend = false;
      } else if (tag == "title" && title_tag.empty()) {
        title_tag = DirectText(n);
      } else if (tag == "time" && time_tag.empty()) {
        time_tag = NormalizeDate(Attr(n, "datetime"));
      } else if (tag == "h1" && h1.empty()) {
        h1 = DeepText(n);
      } else if (!Attr(n, "itemprop").empty()) {
        MetaField f = rules.Meta(Attr(n, "itemprop"), &rank);
        if (f == MetaField::kPublished) {
          std::string_view v = Attr(n, "datetime");
          c.Offer(f, rank, NormalizeDate(v.empty() ? Attr(n, "content") : v));
        }
      }
      if (tag == "script" || tag == "style") descend = false;
    }
    if (descend && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n != root && n->next == nullptr) n = n->parent;
    n = n == root || n == nullptr ? nullptr : n->next;
  }
  c.Offer(MetaField::kTitle, 2000, title_tag);
  c.Offer(MetaField::kTitle, 2001, h1);
  c.Offer(MetaField::kPublished, 2000, time_tag);
  c.Offer(MetaField::kUrl, 0, canonical);
  meta->title = std::move(c[MetaField::kTitle]);
  meta->published = std::move(c[MetaField::kPublished]);
  meta->author = std::move(c[MetaField::kAuthor]);
  meta->source = std::move(c[MetaField::kSource]);
  meta->url = std::move(c[MetaField::kUrl]);
}

}  // namespace claimex

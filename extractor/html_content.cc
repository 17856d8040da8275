// Main-text selection over an HTML layout (see extractor/html_content.h).
#include "extractor/html_content.h"

#include <algorithm>

namespace claimex {
namespace {

constexpr uint32_t kMinParagraphChars = 25;  // shorter blocks give no points
constexpr uint32_t kEnoughChars = 500;       // a result this long ends the relaxing

struct Settings {
  bool strip_unlikely;  // elements with 'unlikely' class/id words are removed
  bool use_weights;     // class/id words add or remove points
};

// Points a tag gives an element the first time it is scored.
double TagPoints(std::string_view tag) {
  if (tag == "div" || tag == "article" || tag == "main" || tag == "section") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
      tag == "li" || tag == "form") {
    return -3;
  }
  if (tag == "th" || (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'))
    return -5;
  return 0;
}

double LinkDensity(uint32_t link_chars, uint32_t chars) {
  return chars == 0 ? 0 : static_cast<double>(link_chars) / chars;
}

class Selector {
 public:
  explicit Selector(const HtmlLayout& layout) : L_(layout), n_(layout.elems.size()), end_(n_) {
    // Pre-order: a subtree is the index range [i, end_[i]); pre grows with the index.
    for (size_t i = 0; i < n_; ++i) {
      uint32_t post = L_.elems[i].post;
      auto it = std::lower_bound(L_.elems.begin() + i, L_.elems.end(), post,
                                 [](const HtmlElem& e, uint32_t p) { return e.pre < p; });
      end_[i] = static_cast<size_t>(it - L_.elems.begin());
    }
  }

  std::vector<int> Run(const Settings& s, uint32_t* chars) {
    MarkExcluded(s);
    Score(s);
    std::vector<int> out;
    int best = Best();
    if (best >= 0) best = Refine(best);
    if (best < 0) {
      for (size_t b = 0; b < L_.blocks.size(); ++b) {
        if (Keep(b)) out.push_back(static_cast<int>(b));
      }
    } else {
      std::vector<std::pair<size_t, size_t>> ranges = Siblings(best);
      size_t r = 0;
      for (size_t b = 0; b < L_.blocks.size(); ++b) {
        auto e = static_cast<size_t>(L_.blocks[b].elem);
        while (r < ranges.size() && ranges[r].second <= e) ++r;
        if (r == ranges.size()) break;
        if (e >= ranges[r].first && Keep(b)) out.push_back(static_cast<int>(b));
      }
    }
    *chars = 0;
    for (int b : out) *chars += L_.blocks[b].chars;
    return out;
  }

 private:
  void MarkExcluded(const Settings& s) {
    excluded_.assign(n_, 0);
    for (size_t i = 0; i < n_; ++i) {
      const HtmlElem& e = L_.elems[i];
      bool big = L_.total_chars > 0 && e.chars * 2 > L_.total_chars;  // a page-wide <form>
      bool furniture = (e.furniture || (s.strip_unlikely && e.unlikely)) && !big;
      excluded_[i] = (e.parent >= 0 && excluded_[e.parent]) || furniture;
    }
  }

  void Score(const Settings& s) {
    score_.assign(n_, 0);
    scored_.assign(n_, 0);
    for (const HtmlBlock& b : L_.blocks) {
      if (excluded_[b.elem] || b.kind == TagClass::kHeading || b.chars < kMinParagraphChars) {
        continue;
      }
      double points = 1 + b.commas + std::min<uint32_t>(b.chars / 100, 3);
      // The paragraph is the block's element, or, for text loose in a container that also
      // holds blocks, a paragraph of its own inside that container.
      const HtmlElem& holder = L_.elems[b.elem];
      int p = holder.block_children ? b.elem : holder.parent;
      for (int level = 0; level < 5 && p >= 0; ++level, p = L_.elems[p].parent) {
        if (!scored_[p]) {
          scored_[p] = 1;
          score_[p] = TagPoints(L_.elems[p].tag) + (s.use_weights ? L_.elems[p].class_weight : 0);
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        score_[p] += points / divider;
      }
    }
    for (size_t i = 0; i < n_; ++i) {
      if (scored_[i]) score_[i] *= 1 - LinkDensity(L_.elems[i].link_chars, L_.elems[i].chars);
    }
  }

  int Best() const {
    int best = -1;
    for (size_t i = 0; i < n_; ++i) {
      if (scored_[i] && !excluded_[i] && (best < 0 || score_[i] > score_[best])) {
        best = static_cast<int>(i);
      }
    }
    return best;
  }

  // Moves the best element up the tree where the article is spread over several containers:
  // to the nearest ancestor that holds 3 of the runners-up (each paragraph in a card of its
  // own), to a scored parent that scores higher, and past parents that hold nothing else.
  int Refine(int best) const {
    std::vector<int> top;
    for (size_t i = 0; i < n_; ++i) {
      if (scored_[i] && !excluded_[i] && static_cast<int>(i) != best &&
          score_[i] >= 0.75 * score_[best]) {
        top.push_back(static_cast<int>(i));
      }
    }
    std::sort(top.begin(), top.end(), [&](int a, int b) { return score_[a] > score_[b]; });
    if (top.size() > 4) top.resize(4);
    if (top.size() >= 3) {
      for (int p = L_.elems[best].parent; p >= 0 && L_.elems[p].tag != "body";
           p = L_.elems[p].parent) {
        int holds = 0;
        for (int t : top) holds += L_.Contains(p, t);
        if (holds >= 3) {
          best = p;
          break;
        }
      }
    }
    double last = score_[best];
    for (int p = L_.elems[best].parent; p >= 0 && L_.elems[p].tag != "body";
         p = L_.elems[p].parent) {
      if (!scored_[p]) continue;
      if (score_[p] < score_[best] / 3) break;
      if (score_[p] > last) {
        best = p;
        break;
      }
      last = score_[p];
    }
    for (int p = L_.elems[best].parent; p >= 0 && L_.elems[p].tag != "body" && Children(p) == 1;
         p = L_.elems[p].parent) {
      best = p;
    }
    return best;
  }

  // The number of elements directly under element `p`.
  int Children(int p) const {
    int count = 0;
    for (size_t c = p + 1; c < end_[p]; c = end_[c]) ++count;
    return count;
  }

  // The element ranges that make the article: the best element and its siblings that score
  // close to it (or are good paragraphs), in document order.
  std::vector<std::pair<size_t, size_t>> Siblings(int best) const {
    const HtmlElem& top = L_.elems[best];
    int parent = top.parent;
    if (parent < 0) return {{static_cast<size_t>(best), end_[best]}};
    double threshold = std::max(10.0, score_[best] * 0.2);
    std::vector<std::pair<size_t, size_t>> ranges;
    for (size_t c = parent + 1; c < end_[parent]; c = end_[c]) {
      const HtmlElem& e = L_.elems[c];
      bool take = static_cast<int>(c) == best;
      if (!take && !excluded_[c]) {
        double bonus =
            !top.class_name.empty() && e.class_name == top.class_name ? score_[best] * 0.2 : 0;
        if (scored_[c] && score_[c] + bonus >= threshold) take = true;
        if (!take && e.tag == "p") {
          double ld = LinkDensity(e.link_chars, e.chars);
          if (e.chars > 80 && ld < 0.25) take = true;
          if (e.chars > 0 && e.chars <= 80 && e.link_chars == 0 && EndsSentence(c)) take = true;
        }
      }
      if (take) ranges.emplace_back(c, end_[c]);
    }
    return ranges;
  }

  // True when the last block inside element `c` ends with a full stop.
  bool EndsSentence(size_t c) const {
    for (size_t b = L_.blocks.size(); b-- > 0;) {
      auto e = static_cast<size_t>(L_.blocks[b].elem);
      if (e >= c && e < end_[c]) {
        const std::string& t = L_.blocks[b].text;
        return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
      }
    }
    return false;
  }

  bool Keep(size_t b) const {
    const HtmlBlock& k = L_.blocks[b];
    if (excluded_[k.elem]) return false;
    if (k.heading == 1) return false;              // the headline is the title
    if (k.link_chars * 2 > k.chars) return false;  // a link or a list of links
    return true;
  }

  const HtmlLayout& L_;
  size_t n_;
  std::vector<size_t> end_;
  std::vector<uint8_t> excluded_;
  std::vector<double> score_;
  std::vector<uint8_t> scored_;
};

}  // namespace

std::vector<int> SelectArticleBlocks(const HtmlLayout& layout) {
  if (layout.blocks.empty()) return {};
  Selector selector(layout);
  std::vector<int> longest;
  uint32_t longest_chars = 0;
  for (Settings s : {Settings{true, true}, Settings{false, true}, Settings{false, false}}) {
    uint32_t chars = 0;
    std::vector<int> blocks = selector.Run(s, &chars);
    if (chars >= kEnoughChars) return blocks;
    if (chars > longest_chars || longest.empty()) {
      longest = std::move(blocks);
      longest_chars = chars;
    }
  }
  return longest;
}

}  // namespace claimex

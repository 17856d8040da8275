// The article page: the text with figures, quotes and speakers marked, each linking to where
// else it appears, with the article's speakers, figures and repeated statements beside it.
#include <map>
#include <set>

#include "tools/web/html.h"
#include "tools/web/pages.h"

namespace claimex::web {
namespace {

using Kind = ArticleView::MarkKind;

// Sentence idx -> the links of that sentence to other articles.
using LinksBySentence = std::map<int, std::vector<const ArticleView::Elsewhere*>>;

class BodyRenderer : public MarkWalker {
 public:
  BodyRenderer(const ArticleView& v, const LinksBySentence& links, int64_t current_claim)
      : v_(v), links_(links), current_(current_claim) {
    for (const auto& s : v.sentences) {
      starts_[s.span.start] = s.idx;
      ends_[s.span.end] = s.idx;
    }
  }
  std::vector<uint32_t> Points() const {
    std::set<uint32_t> p;
    for (const auto& [pos, idx] : starts_) p.insert(pos);
    for (const auto& [pos, idx] : ends_) p.insert(pos);
    return {p.begin(), p.end()};
  }

  void Text(std::string_view t) override { out += Html(t); }
  void Point(uint32_t pos) override {
    if (auto e = ends_.find(pos); e != ends_.end()) {
      auto l = links_.find(e->second);
      if (l != links_.end()) {
        std::set<std::string> others;
        for (const auto* x : l->second) others.insert(x->article);
        out += "<sup class=\"also\" title=\"repeated in " + std::to_string(others.size()) +
               " other article(s)\"><a href=\"#also-s" + std::to_string(e->second) + "\">↔" +
               std::to_string(others.size()) + "</a></sup>";
      }
    }
    if (auto s = starts_.find(pos); s != starts_.end()) {
      out += "<span class=\"anchor\" id=\"s" + std::to_string(s->second) + "\"></span>";
    }
  }
  void Open(const ArticleView::Mark& m) override {
    switch (m.kind) {
      case Kind::kFigure: {
        std::string title = m.said_by.empty() ? "figure" : "figure, said by " + m.said_by;
        if (m.elsewhere > 0)
          title += "; stated in " + std::to_string(m.elsewhere) + " other article(s)";
        std::string cls = std::string("fig") + (m.row_id == current_ ? " current" : "");
        if (m.has_key) {
          out += "<a class=\"" + cls + "\" id=\"c" + std::to_string(m.row_id) + "\" href=\"" +
                 FigureHref(m.key) + "\" title=\"" + Html(title) + "\">";
        } else {
          out += "<span class=\"" + cls + "\" id=\"c" + std::to_string(m.row_id) + "\" title=\"" +
                 Html(title) + "\">";
        }
        break;
      }
      case Kind::kQuote:
        out += "<span class=\"quote\" id=\"q" + std::to_string(m.row_id) + "\" title=\"" +
               Html(m.said_by.empty() ? "quote, speaker unknown" : "quote: " + m.said_by) + "\">";
        break;
      case Kind::kSpeaker:
        out += "<a class=\"who\" href=\"" + SpeakerHref(m.said_by) + "\">";
        break;
    }
  }
  void Close(const ArticleView::Mark& m) override {
    switch (m.kind) {
      case Kind::kFigure:
        out += m.has_key ? "</a>" : "</span>";
        if (m.has_key && m.elsewhere > 0) {
          out += "<sup class=\"also\"><a href=\"" + FigureHref(m.key) + "\" title=\"stated in " +
                 std::to_string(m.elsewhere) + " other article(s)\">" +
                 std::to_string(m.elsewhere) + "</a></sup>";
        }
        break;
      case Kind::kQuote:
        out += "</span>";
        if (m.elsewhere > 0) {
          out += "<sup class=\"also\"><a href=\"#also-s" + std::to_string(LinkedSentence(m)) +
                 "\" title=\"repeated in " + std::to_string(m.elsewhere) + " other article(s)\">" +
                 std::to_string(m.elsewhere) + "</a></sup>";
        }
        break;
      case Kind::kSpeaker:
        out += "</a>";
        break;
    }
  }
  std::string out;

 private:
  // The first sentence with links that the quote overlaps.
  int LinkedSentence(const ArticleView::Mark& m) const {
    for (const auto& s : v_.sentences) {
      if (s.span.end > m.span.start && s.span.start < m.span.end && links_.count(s.idx)) {
        return s.idx;
      }
    }
    return 0;
  }
  const ArticleView& v_;
  const LinksBySentence& links_;
  int64_t current_;
  std::map<uint32_t, int> starts_, ends_;
};

std::string SpeakersCard(const ArticleView& v) {
  if (v.speakers.empty()) return "";
  std::string out = "<div class=\"card\"><h2>Speakers</h2><ul class=\"plain\" id=\"speakers\">";
  for (size_t r = 0; r < v.speakers.size(); ++r) {
    out += "<li><a class=\"who\" href=\"" + SpeakerHref(v.speakers.Text(r, "name")) + "\">" +
           Html(v.speakers.Text(r, "name")) + "</a>";
    if (!v.speakers.Null(r, "role")) {
      out += " <span class=\"meta\">" + Html(v.speakers.Text(r, "role")) + "</span>";
    }
    out += " <span class=\"meta\">· " + std::to_string(v.speakers.Int(r, "quotes")) + " q, " +
           std::to_string(v.speakers.Int(r, "figures")) + " fig.</span></li>";
  }
  return out + "</ul></div>";
}

std::string FiguresCard(const ArticleView& v) {
  std::string out =
      "<div class=\"card\"><h2>Figures</h2><table id=\"figures\"><thead><tr>"
      "<th>Figure</th><th>Said by</th><th>Elsewhere</th></tr></thead><tbody>";
  int n = 0;
  for (const auto& m : v.marks) {
    if (m.kind != Kind::kFigure) continue;
    ++n;
    std::string text = v.body.substr(m.span.start, m.span.size());
    out += "<tr><td><a href=\"#c" + std::to_string(m.row_id) + "\">" + Html(text) +
           "</a></td><td>" + Html(m.said_by) + "</td><td class=\"num\">";
    if (m.has_key && m.elsewhere > 0) {
      out += "<a href=\"" + FigureHref(m.key) + "\">" + std::to_string(m.elsewhere) + "</a>";
    }
    out += "</td></tr>";
  }
  if (n == 0) out += "<tr><td colspan=\"3\">none</td></tr>";
  return out + "</tbody></table></div>";
}

std::string RepeatsCard(const ArticleView& v, const LinksBySentence& links) {
  if (links.empty()) return "";
  std::string out = "<div class=\"card\"><h2>Repeated elsewhere</h2>";
  for (const auto& [idx, list] : links) {
    std::string text;
    for (const auto& s : v.sentences) {
      if (s.idx == idx) text = v.body.substr(s.span.start, s.span.size());
    }
    out += "<div id=\"also-s" + std::to_string(idx) + "\"><p class=\"sentence\"><a href=\"#s" +
           std::to_string(idx) + "\">" + Html(Clip(text, 160)) + "</a></p><ul>";
    for (const auto* e : list) {
      out += "<li><a href=\"" + ArticleHref(e->article, -1, e->other_idx) + "\">" +
             Html(Clip(e->title.empty() ? e->article : e->title, 80)) +
             "</a> <span class=\"meta\">" + Html(e->date) + " · " + Html(e->kind) + "</span></li>";
    }
    out += "</ul></div>";
  }
  return out + "</div>";
}

}  // namespace

PageResponse ArticlePage(sqlite3* db, const std::string& ext_id, int64_t claim) {
  auto v = LoadArticle(db, ext_id);
  if (!v.ok()) return ErrorPage(v.status());
  LinksBySentence links;
  for (const auto& e : v->elsewhere) links[e.sentence_idx].push_back(&e);
  BodyRenderer body(*v, links, claim);
  WalkMarks(*v, body.Points(), &body);

  const std::string title = v->title.empty() ? v->ext_id : v->title;
  std::string html = "<h1>" + Html(title) + "</h1><p class=\"meta\">";
  for (const std::string* f : {&v->date, &v->source}) {
    if (!f->empty()) html += Html(*f) + " · ";
  }
  if (v->url.rfind("http://", 0) == 0 || v->url.rfind("https://", 0) == 0) {
    html += "<a href=\"" + Html(v->url) + "\" rel=\"noopener noreferrer\">original</a> · ";
  }
  html += "id " + Html(v->ext_id) +
          "</p><p class=\"legend meta\"><span><mark>figure</mark> "
          "links to every article stating it</span><span class=\"quote\">quote</span> "
          "<span class=\"who\">speaker</span> <span><sup class=\"also\"><a>n</a></sup> other "
          "articles</span></p>";
  html += "<div class=\"grid\"><article class=\"body\" id=\"text\">" + body.out +
          "</article><aside>" + SpeakersCard(*v) + FiguresCard(*v) + RepeatsCard(*v, links) +
          "</aside></div>";
  return {200, Page(title, html)};
}

}  // namespace claimex::web

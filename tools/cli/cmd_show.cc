// `claimex show ARTICLE`: the article's text with its figures, quotes and speakers marked
// (colour on a terminal, brackets otherwise: [figure]F1, «quote»Q1, {speaker}), then per
// statement where else it appears. --format jsonl|csv|tsv prints the marked statements as rows.
#include <map>
#include <set>

#include "db/query_article.h"
#include "tools/cli/query_options.h"
#include "tools/cli/table_output.h"

namespace claimex {
namespace {

using Kind = ArticleView::MarkKind;

struct ShowOpts : QueryOptions {
  std::string article;
  std::string colour = "auto";
};

// Tags "F1", "Q2" by mark position.
std::map<const ArticleView::Mark*, std::string> Tags(const ArticleView& v) {
  std::map<const ArticleView::Mark*, std::string> tags;
  int figures = 0, quotes = 0;
  for (const auto& m : v.marks) {
    if (m.kind == Kind::kFigure) tags[&m] = "F" + std::to_string(++figures);
    if (m.kind == Kind::kQuote) tags[&m] = "Q" + std::to_string(++quotes);
  }
  return tags;
}

class TextPrinter : public MarkWalker {
 public:
  TextPrinter(bool colour, const std::map<const ArticleView::Mark*, std::string>& tags)
      : colour_(colour), tags_(tags) {}
  void Text(std::string_view t) override { out += t; }
  void Open(const ArticleView::Mark& m) override {
    stack_.push_back(&m);
    out += colour_ ? Style(m)
                   : std::string(m.kind == Kind::kFigure  ? "["
                                 : m.kind == Kind::kQuote ? "«"
                                                          : "{");
  }
  void Close(const ArticleView::Mark& m) override {
    stack_.pop_back();
    auto tag = tags_.find(&m);
    std::string t = tag == tags_.end() ? "" : tag->second;
    if (colour_) {
      out += "\x1b[0m";
      if (!t.empty()) out += "\x1b[2m" + t + "\x1b[0m";
      for (const auto* outer : stack_) out += Style(*outer);
    } else {
      out += (m.kind == Kind::kFigure ? "]" : m.kind == Kind::kQuote ? "»" : "}") + t;
    }
  }
  std::string out;

 private:
  static std::string Style(const ArticleView::Mark& m) {
    switch (m.kind) {
      case Kind::kFigure:
        return "\x1b[1;33m";
      case Kind::kQuote:
        return "\x1b[32m";
      case Kind::kSpeaker:
        return "\x1b[1;36m";
    }
    return "";
  }
  bool colour_;
  const std::map<const ArticleView::Mark*, std::string>& tags_;
  std::vector<const ArticleView::Mark*> stack_;
};

std::string Text(const ArticleView& v, Span s) { return v.body.substr(s.start, s.size()); }

// Other articles stating each figure, "a (2024-01-18), b" (at most 6 named).
Result<std::string> FigureElsewhere(sqlite3* db, const ArticleView& v, const ArticleView::Mark& m) {
  if (!m.has_key || m.elsewhere == 0) return std::string();
  auto t = FigureStatements(db, m.key);
  if (!t.ok()) return t.status();
  std::set<std::string> seen = {v.ext_id};
  std::string out;
  int named = 0;
  for (size_t r = 0; r < t->size(); ++r) {
    std::string a = t->Text(r, "article");
    if (!seen.insert(a).second) continue;
    if (++named > 6) {
      out += ", ...";
      break;
    }
    out += (out.empty() ? "" : ", ") + a;
    if (!t->Null(r, "date")) out += " (" + t->Text(r, "date") + ")";
  }
  return out;
}

// The statements as a table: tag, kind, text, said_by, detail, start_byte, end_byte, elsewhere.
Result<Table> Statements(sqlite3* db, const ArticleView& v,
                         const std::map<const ArticleView::Mark*, std::string>& tags) {
  Table t;
  t.columns = {"tag", "kind", "text", "said_by", "detail", "start_byte", "end_byte", "elsewhere"};
  for (const auto& m : v.marks) {
    if (m.kind == Kind::kSpeaker) continue;
    std::string elsewhere;
    if (m.kind == Kind::kFigure) {
      auto e = FigureElsewhere(db, v, m);
      if (!e.ok()) return e.status();
      elsewhere = *e;
    } else {
      std::set<std::string> others;
      for (const auto& s : v.sentences) {
        if (s.span.end <= m.span.start || s.span.start >= m.span.end) continue;
        for (const auto& e : v.elsewhere) {
          if (e.sentence_idx == s.idx && others.insert(e.article).second) {
            elsewhere += (elsewhere.empty() ? "" : ", ") + e.article + " (" + e.kind + ")";
          }
        }
      }
    }
    t.rows.push_back({tags.at(&m), std::string(m.kind == Kind::kFigure ? "figure" : "quote"),
                      Text(v, m.span), m.said_by, m.detail, int64_t{m.span.start},
                      int64_t{m.span.end}, elsewhere});
  }
  return t;
}

int RunShow(const ShowOpts& o) {
  auto store = OpenReadOnly(o.db);
  if (!store.ok()) return Fatal(store.status());
  sqlite3* db = (*store)->handle();
  auto v = LoadArticle(db, o.article);
  if (!v.ok()) return Fatal(v.status());
  const auto tags = Tags(*v);
  auto statements = Statements(db, *v, tags);
  if (!statements.ok()) return Fatal(statements.status());
  const OutputFormat format = ParseOutputFormat(o.format);
  if (format != OutputFormat::kTable) {
    Status st = WriteTable(*statements, format, {}, stdout);
    return st.ok() ? kExitOk : Fatal(st);
  }
  const bool colour = o.colour == "always" || (o.colour == "auto" && UseColour(stdout));
  const char* bold = colour ? "\x1b[1m" : "";
  const char* reset = colour ? "\x1b[0m" : "";
  std::printf("%s%s%s\n", bold, (v->title.empty() ? v->ext_id : v->title).c_str(), reset);
  std::string meta = v->title.empty() ? "" : v->ext_id;
  for (const std::string* f : {&v->date, &v->source, &v->url}) {
    if (!f->empty()) meta += (meta.empty() ? "" : " · ") + *f;
  }
  if (!meta.empty()) std::printf("%s\n", meta.c_str());
  if (!v->speakers.empty()) {
    std::string who;
    for (size_t r = 0; r < v->speakers.size(); ++r) {
      who += (r ? "; " : "") + v->speakers.Text(r, "name");
      if (!v->speakers.Null(r, "role")) who += " (" + v->speakers.Text(r, "role") + ")";
    }
    std::printf("Speakers: %s\n", who.c_str());
  }
  TextPrinter printer(colour, tags);
  WalkMarks(*v, {}, &printer);
  std::printf("\n%s\n", printer.out.c_str());
  if (!colour) std::printf("([figure]F1, «quote»Q1, {speaker})\n");

  std::printf("\n%sFigures and quotes%s\n", bold, reset);
  Status st = WriteTable(*statements, format, {"tag", "text", "said_by", "elsewhere"}, stdout);
  if (st.ok() && !v->elsewhere.empty()) {
    std::printf("\n%sSentences repeated elsewhere%s\n", bold, reset);
    Table links;
    links.columns = {"sentence", "kind", "article", "date", "other_sentence"};
    for (const auto& e : v->elsewhere) {
      links.rows.push_back({int64_t{e.sentence_idx}, e.kind, e.article, e.date, e.other_sentence});
    }
    st = WriteTable(links, format, {}, stdout);
  }
  return st.ok() ? kExitOk : Fatal(st);
}

const bool kShow = RegisterCommand(
    {"show",
     "One article with its figures, quotes and speakers marked, and where else each appears", 60,
     [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<ShowOpts>();
       cmd->add_option("article", o->article, "Article id (as in `claimex export` / the web page)")
           ->required();
       cmd->add_option("--color", o->colour, "auto (on a terminal), always or never")
           ->check(CLI::IsMember({"auto", "always", "never"}));
       AddQueryOptions(cmd, o.get(), 0, true);
       return [o] { return RunShow(*o); };
     }});

}  // namespace
}  // namespace claimex

// The router and request checks, the error page, the overview and the list pages.
#include "tools/web/pages.h"

#include <cmath>
#include <cstdlib>
#include <set>

#include "db/query_speakers.h"
#include "extractor/encoding.h"
#include "tools/web/html.h"

namespace claimex::web {
namespace {

constexpr size_t kMaxParam = 500;  // bytes in any one parameter

// Request text for a message: invalid UTF-8 is shown as windows-1252 (never echoed raw), cut to
// `bytes`.
std::string Shown(std::string_view text, size_t bytes) {
  return Clip(IsValidUtf8(text) ? std::string(text) : RepairUtf8(text), bytes);
}

// Checks every parameter of `req`: only names in `allowed`, each given once, well-formed UTF-8
// (IsValidUtf8: no overlongs, surrogates or code points above U+10FFFF), no control characters,
// at most kMaxParam bytes.
Status CheckParams(const PageRequest& req, const std::set<std::string>& allowed) {
  for (const auto& [k, v] : req.params) {
    if (!allowed.count(k))
      return Status::InvalidArgument("unknown parameter '" + Shown(k, 40) + "'");
    if (req.params.count(k) > 1)
      return Status::InvalidArgument("parameter '" + k + "' given twice");
    if (v.size() > kMaxParam) return Status::InvalidArgument("parameter '" + k + "' is too long");
    if (!IsValidUtf8(v)) return Status::InvalidArgument("parameter '" + k + "' is not UTF-8");
    for (unsigned char c : v) {
      if (c < 0x20 || c == 0x7f) {
        return Status::InvalidArgument("parameter '" + k + "' holds a control character");
      }
    }
  }
  return Status::Ok();
}

std::string Get(const PageRequest& req, const std::string& name) {
  auto it = req.params.find(name);
  return it == req.params.end() ? "" : it->second;
}

Result<std::string> Required(const PageRequest& req, const std::string& name) {
  std::string v = Get(req, name);
  if (v.empty()) return Status::InvalidArgument("missing parameter '" + name + "'");
  return v;
}

Result<double> ParseNumber(const std::string& name, const std::string& text) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || text.size() > 40 || end != text.c_str() + text.size() || !std::isfinite(v)) {
    return Status::InvalidArgument("parameter '" + name + "' is not a number");
  }
  return v;
}

Result<int64_t> ParseId(const std::string& name, const std::string& text) {
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("parameter '" + name + "' is not a row id");
  }
  return static_cast<int64_t>(std::strtoll(text.c_str(), nullptr, 10));
}

PageResponse Route(sqlite3* db, const PageRequest& req) {
  const std::string& p = req.path;
  auto check = [&](std::set<std::string> allowed) { return CheckParams(req, allowed); };
  if (p == "/" || p == "/index.html") {
    if (Status s = check({}); !s.ok()) return ErrorPage(s);
    return OverviewPage(db);
  }
  if (p == "/articles" || p == "/speakers") {
    if (Status s = check({}); !s.ok()) return ErrorPage(s);
    return p == "/articles" ? ArticlesPage(db) : SpeakersPage(db);
  }
  if (p == "/figure") {
    if (Status s = check({"value", "unit", "noun"}); !s.ok()) return ErrorPage(s);
    auto value = Required(req, "value");
    if (!value.ok()) return ErrorPage(value.status());
    auto number = ParseNumber("value", *value);
    if (!number.ok()) return ErrorPage(number.status());
    auto unit = Required(req, "unit");
    if (!unit.ok()) return ErrorPage(unit.status());
    if (unit->size() > 40)
      return ErrorPage(Status::InvalidArgument("parameter 'unit' is too long"));
    return FigurePage(db, {*number, *unit, Get(req, "noun")});
  }
  if (p == "/article") {
    if (Status s = check({"id", "claim"}); !s.ok()) return ErrorPage(s);
    auto id = Required(req, "id");
    if (!id.ok()) return ErrorPage(id.status());
    int64_t claim = -1;
    if (std::string c = Get(req, "claim"); !c.empty()) {
      auto n = ParseId("claim", c);
      if (!n.ok()) return ErrorPage(n.status());
      claim = *n;
    }
    return ArticlePage(db, *id, claim);
  }
  if (p == "/speaker") {
    if (Status s = check({"name"}); !s.ok()) return ErrorPage(s);
    auto name = Required(req, "name");
    if (!name.ok()) return ErrorPage(name.status());
    return SpeakerPage(db, *name);
  }
  if (p == "/search") {
    if (Status s = check({"q", "figures"}); !s.ok()) return ErrorPage(s);
    std::string figures = Get(req, "figures");
    if (!figures.empty() && figures != "0" && figures != "1" && figures != "on") {
      return ErrorPage(Status::InvalidArgument("parameter 'figures' must be 0 or 1"));
    }
    return SearchPage(db, Get(req, "q"), figures == "1" || figures == "on");
  }
  return ErrorPage(Status::NotFound("no page at " + Shown(p, 80)));
}

std::string Num(int64_t n) { return "<td class=\"num\">" + std::to_string(n) + "</td>"; }

std::string ArticleLink(const Table& t, size_t r, std::string_view id_col = "article") {
  std::string id = t.Text(r, id_col);
  std::string title = t.Text(r, "title");
  return "<a href=\"" + ArticleHref(id) + "\">" + Html(Clip(title.empty() ? id : title, 90)) +
         "</a>";
}

// The recycled figures table of the overview.
std::string RecycledTable(const Table& t) {
  std::string out =
      "<table id=\"recycled\"><thead><tr><th>Figure</th><th>Articles</th><th>Statements</th>"
      "<th>First seen</th><th>Last seen</th><th>First stated as</th></tr></thead><tbody>";
  for (size_t r = 0; r < t.size(); ++r) {
    FigureKey key{t.Number(r, "value"), t.Text(r, "unit"), t.Text(r, "noun_key")};
    std::string first = t.Text(r, "first_article");
    out += "<tr><td><a class=\"figure-link\" href=\"" + FigureHref(key) + "\"><mark>" +
           Html(t.Text(r, "first_text")) + "</mark></a><br><span class=\"meta\">" +
           Html(UnitLabel(key)) + "</span></td>" + Num(t.Int(r, "articles")) +
           Num(t.Int(r, "statements")) + "<td><span class=\"nowrap\">" +
           Html(t.Text(r, "first_seen")) + "</span><br><a class=\"meta id\" href=\"" +
           ArticleHref(first) + "\">" + Html(Clip(first, 60)) + "</a></td><td class=\"nowrap\">" +
           Html(t.Text(r, "last_seen")) + "</td><td class=\"sentence\">" +
           MarkPart(Clip(t.Text(r, "first_sentence"), 240), t.Text(r, "first_text"));
    if (!t.Null(r, "first_said_by")) {
      out += " <span class=\"meta\">— " + Html(t.Text(r, "first_said_by")) + "</span>";
    }
    out += "</td></tr>";
  }
  if (t.empty()) out += "<tr><td colspan=\"6\">No figure is stated in two articles yet.</td></tr>";
  return out + "</tbody></table>";
}

std::string SpeakerList(const Table& t) {
  std::string out = "<ul class=\"plain\">";
  for (size_t r = 0; r < t.size(); ++r) {
    out += "<li><a class=\"who\" href=\"" + SpeakerHref(t.Text(r, "name")) + "\">" +
           Html(t.Text(r, "name")) + "</a> <span class=\"meta\">" +
           std::to_string(t.Int(r, "quotes")) + " quotes, " + std::to_string(t.Int(r, "figures")) +
           " figures</span></li>";
  }
  return out + "</ul>";
}

}  // namespace

PageResponse RenderPage(sqlite3* db, const PageRequest& request) { return Route(db, request); }

PageResponse ErrorPage(const Status& status) {
  PageResponse r;
  r.status = status.code() == Status::Code::kInvalidArgument ? 400
             : status.code() == Status::Code::kNotFound      ? 404
                                                             : 500;
  const char* title = r.status == 400 ? "Bad request" : r.status == 404 ? "Not found" : "Error";
  r.html = Page(title, "<div class=\"error\"><h1>" + std::string(title) +
                           "</h1><p id=\"message\">" + Html(status.message()) +
                           "</p><p><a href=\"/\">Back to the overview</a>"
                           "</p></div>");
  return r;
}

PageResponse OverviewPage(sqlite3* db) {
  auto totals = Totals(db);
  if (!totals.ok()) return ErrorPage(totals.status());
  FigureFilter top;
  top.limit = 50;
  auto recycled = RecycledFigures(db, top);
  if (!recycled.ok()) return ErrorPage(recycled.status());
  FigureFilter few;
  few.limit = 12;
  auto speakers = Speakers(db, few);
  if (!speakers.ok()) return ErrorPage(speakers.status());
  const Table& t = *totals;
  std::string body =
      "<h1>Recycled figures</h1><p class=\"meta\">" + std::to_string(t.Int(0, "articles")) +
      " articles · " + std::to_string(t.Int(0, "figures")) + " figures · " +
      std::to_string(t.Int(0, "quotes")) + " quotes · " + std::to_string(t.Int(0, "speakers")) +
      " speakers · " + std::to_string(t.Int(0, "links")) + " links between articles · " +
      std::to_string(t.Int(0, "recycled")) + " figures stated in two or more articles</p>";
  body += RecycledTable(*recycled);
  body += "<div class=\"columns\"><div class=\"card\"><h2>Who says the most</h2>" +
          SpeakerList(*speakers) + "<p><a href=\"/speakers\">All speakers →</a></p></div>";
  body +=
      "<div class=\"card\"><h2>Search</h2><p class=\"meta\">Words must all occur "
      "(<a href=\"" +
      SearchHref("knife crime") +
      "\">knife crime</a>); quote a phrase "
      "(<a href=\"" +
      SearchHref("\"council tax\"") +
      "\">\"council tax\"</a>); OR, NOT and "
      "prefix* work too.</p><p><a href=\"/articles\">All articles →</a></p></div></div>";
  return {200, Page("Recycled figures", body)};
}

PageResponse ArticlesPage(sqlite3* db) {
  auto t = Articles(db, {});
  if (!t.ok()) return ErrorPage(t.status());
  std::string body =
      "<h1>Articles</h1><table><thead><tr><th>Date</th><th>Article</th>"
      "<th>Source</th><th>Figures</th><th>Quotes</th><th>Links</th></tr></thead>"
      "<tbody>";
  for (size_t r = 0; r < t->size(); ++r) {
    body += "<tr><td class=\"nowrap\">" + Html(t->Text(r, "date")) + "</td><td>" +
            ArticleLink(*t, r) + "<br><span class=\"meta\">" + Html(t->Text(r, "article")) +
            "</span></td><td>" + Html(t->Text(r, "source")) + "</td>" + Num(t->Int(r, "figures")) +
            Num(t->Int(r, "quotes")) + Num(t->Int(r, "links")) + "</tr>";
  }
  return {200, Page("Articles", body + "</tbody></table>")};
}

PageResponse SpeakersPage(sqlite3* db) {
  auto t = Speakers(db, {});
  if (!t.ok()) return ErrorPage(t.status());
  std::string body =
      "<h1>Speakers and sources</h1><table><thead><tr><th>Name</th><th>Role</th>"
      "<th>Articles</th><th>Quotes</th><th>Figures</th><th>First seen</th>"
      "<th>Last seen</th></tr></thead><tbody>";
  for (size_t r = 0; r < t->size(); ++r) {
    body += "<tr><td><a class=\"who\" href=\"" + SpeakerHref(t->Text(r, "name")) + "\">" +
            Html(t->Text(r, "name")) + "</a>" +
            (t->Text(r, "via") == "source" ? " <span class=\"badge\">source</span>" : "") +
            "</td><td>" + Html(t->Text(r, "role")) + "</td>" + Num(t->Int(r, "articles")) +
            Num(t->Int(r, "quotes")) + Num(t->Int(r, "figures")) + "<td class=\"nowrap\">" +
            Html(t->Text(r, "first_seen")) + "</td><td class=\"nowrap\">" +
            Html(t->Text(r, "last_seen")) + "</td></tr>";
  }
  return {200, Page("Speakers", body + "</tbody></table>")};
}

}  // namespace claimex::web

// The pages that list statements: one figure across articles, one speaker, search results.
#include <set>

#include "db/query_search.h"
#include "db/query_speakers.h"
#include "tools/web/html.h"
#include "tools/web/pages.h"

namespace claimex::web {
namespace {

std::string Title(const Table& t, size_t r) {
  std::string title = t.Text(r, "title");
  return Clip(title.empty() ? t.Text(r, "article") : title, 100);
}

// Search results: \x02 and \x03 mark the matched words in `sentence` (see SearchPage).
std::string Highlighted(const std::string& marked) {
  std::string out;
  for (char c : Html(marked)) {
    if (c == '\x02') {
      out += "<mark>";
    } else if (c == '\x03') {
      out += "</mark>";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

PageResponse FigurePage(sqlite3* db, const FigureKey& key) {
  auto t = FigureStatements(db, key);
  if (!t.ok()) return ErrorPage(t.status());
  if (t->empty()) return ErrorPage(Status::NotFound("no statement of " + FigureKeyLabel(key)));
  std::set<std::string> articles;
  for (size_t r = 0; r < t->size(); ++r) articles.insert(t->Text(r, "article"));
  std::string first_text = t->Text(0, "text");
  std::string body = "<h1><mark>" + Html(first_text) + "</mark> <span class=\"meta\">" +
                     Html(UnitLabel(key)) +
                     "</span></h1><p class=\"meta\" id=\"summary\">"
                     "Stated " +
                     std::to_string(t->size()) + " times in " + std::to_string(articles.size()) +
                     " article" + (articles.size() == 1 ? "" : "s") + "; first seen " +
                     Html(t->Null(0, "date") ? "undated" : t->Text(0, "date")) + " in " +
                     Html(t->Text(0, "article")) + ".</p><ol class=\"timeline\" id=\"statements\">";
  std::set<std::string> seen;
  for (size_t r = 0; r < t->size(); ++r) {
    std::string article = t->Text(r, "article");
    bool first = r == 0;
    bool repeat = !seen.insert(article).second;
    body += std::string("<li class=\"statement") + (first ? " first" : "") + "\"><div>" +
            "<span class=\"nowrap\">" + Html(t->Null(r, "date") ? "undated" : t->Text(r, "date")) +
            "</span> · <a class=\"article-link\" href=\"" +
            ArticleHref(article, t->Int(r, "claim_id")) + "\">" + Html(Title(*t, r)) + "</a>" +
            (first ? "<span class=\"badge first\">first seen</span>" : "") +
            (repeat ? "<span class=\"badge\">again in this article</span>" : "") + "</div>";
    body += "<div class=\"sentence\">" + MarkPart(t->Text(r, "sentence"), t->Text(r, "text")) +
            "</div><div class=\"meta\">";
    if (!t->Null(r, "speaker")) {
      body += "said by <a class=\"who\" href=\"" + SpeakerHref(t->Text(r, "speaker")) + "\">" +
              Html(t->Text(r, "speaker")) + "</a>";
    } else if (!t->Null(r, "source")) {
      body += "source: <a class=\"who\" href=\"" + SpeakerHref(t->Text(r, "source")) + "\">" +
              Html(t->Text(r, "source")) + "</a>";
    } else {
      body += "in the article's own voice";
    }
    if (!t->Null(r, "time_text")) body += " · about: " + Html(t->Text(r, "time_text"));
    body += " · " + Html(article) + "</div></li>";
  }
  body += "</ol>";
  return {200, Page(first_text + " — " + FigureKeyLabel(key), body)};
}

PageResponse SpeakerPage(sqlite3* db, const std::string& name) {
  auto resolved = ResolveSpeaker(db, name);
  if (!resolved.ok()) return ErrorPage(resolved.status());
  FigureFilter who;
  who.speaker = *resolved;
  auto summary = Speakers(db, who);
  if (!summary.ok()) return ErrorPage(summary.status());
  auto t = SpeakerStatements(db, *resolved, {});
  if (!t.ok()) return ErrorPage(t.status());
  std::string body = "<h1 class=\"who\">" + Html(*resolved) + "</h1>";
  for (size_t r = 0; r < summary->size(); ++r) {
    if (summary->Text(r, "name") != *resolved) continue;
    body += "<p class=\"meta\">";
    if (!summary->Null(r, "role")) body += Html(summary->Text(r, "role")) + " · ";
    if (summary->Text(r, "via") == "source") body += "named source · ";
    body += Count(summary->Int(r, "quotes"), "quote") + " and " +
            Count(summary->Int(r, "figures"), "figure") + " in " +
            Count(summary->Int(r, "articles"), "article") + "</p>";
  }
  body +=
      "<table id=\"statements\"><thead><tr><th>Date</th><th>Article</th><th>What</th>"
      "<th>Said</th></tr></thead><tbody>";
  for (size_t r = 0; r < t->size(); ++r) {
    bool figure = t->Text(r, "kind") == "figure";
    body += "<tr><td class=\"nowrap\">" + Html(t->Text(r, "date")) + "</td><td><a href=\"" +
            ArticleHref(t->Text(r, "article")) + "\">" + Html(Title(*t, r)) + "</a></td><td>" +
            (figure ? "figure" : Html(t->Text(r, "detail")) + " quote") + "</td><td>";
    if (figure) {
      body += "<div class=\"sentence\">" + MarkPart(t->Text(r, "sentence"), t->Text(r, "text")) +
              "</div>";
    } else {
      body += "<span class=\"quote\">“" + Html(t->Text(r, "text")) + "”</span>";
    }
    body += "</td></tr>";
  }
  body += "</tbody></table>";
  return {200, Page(*resolved, body)};
}

PageResponse SearchPage(sqlite3* db, const std::string& query, bool figures_only) {
  std::string body =
      "<h1>Search</h1><form class=\"card\" action=\"/search\" method=\"get\">"
      "<input type=\"search\" name=\"q\" value=\"" +
      Html(query) +
      "\" size=\"50\" aria-label=\"Query\"> <label><input type=\"checkbox\" "
      "name=\"figures\" value=\"1\"" +
      (figures_only ? " checked" : "") +
      "> only sentences with a figure</label> <button type=\"submit\">Search"
      "</button><p class=\"meta\">FTS5 syntax: all words must occur (“cuts” "
      "finds “cut”); \"a phrase\"; OR; NOT; prefix*.</p></form>";
  if (query.empty()) return {200, Page("Search", body)};
  SearchOptions so;
  so.figures_only = figures_only;
  so.mark_open = "\x02";
  so.mark_close = "\x03";
  so.filter.limit = 200;
  auto t = Search(db, query, so);
  if (!t.ok()) {
    PageResponse error = ErrorPage(t.status());
    if (error.status == 400) {
      error.html = Page(
          "Bad search",
          body + "<div class=\"error\" id=\"message\">" + Html(t.status().message()) + "</div>",
          query);
    }
    return error;
  }
  body += "<p class=\"meta\" id=\"summary\">" + std::to_string(t->size()) +
          (t->size() == 200 ? "+" : "") +
          " sentences</p><table id=\"results\"><thead><tr>"
          "<th>Date</th><th>Article</th><th>Sentence</th><th>Figures</th></tr></thead><tbody>";
  for (size_t r = 0; r < t->size(); ++r) {
    body += "<tr><td class=\"nowrap\">" + Html(t->Text(r, "date")) + "</td><td><a href=\"" +
            ArticleHref(t->Text(r, "article"), -1, static_cast<int>(t->Int(r, "sentence_idx"))) +
            "\">" + Html(Title(*t, r)) + "</a></td><td class=\"sentence\">" +
            Highlighted(t->Text(r, "sentence")) + "</td><td>" + Html(t->Text(r, "figures")) +
            "</td></tr>";
  }
  body += "</tbody></table>";
  return {200, Page("Search: " + query, body, query)};
}

}  // namespace claimex::web

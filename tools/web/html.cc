#include "tools/web/html.h"

#include <cctype>

namespace claimex::web {
namespace {

constexpr char kStyle[] = R"css(
:root{--ink:#1d232b;--muted:#5d6875;--line:#dde3ea;--bg:#f6f8fa;--accent:#0b5cad;
--fig:#ffe58a;--quote:#e3f4e1;--who:#0b5cad}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
background:var(--bg)}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.top{background:#14324f;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;
align-items:center;flex-wrap:wrap}
header.top a{color:#fff}header.top .brand{font-weight:700;font-size:1.1rem;letter-spacing:.02em}
header.top nav{display:flex;gap:1rem}
header.top form{margin-left:auto;display:flex;gap:.4rem}
header.top input[type=search]{width:22rem;max-width:60vw;padding:.35rem .6rem;border-radius:4px;
border:0;font:inherit}
header.top button{padding:.35rem .8rem;border:0;border-radius:4px;background:#f0b429;font:inherit;
cursor:pointer}
main{max-width:1180px;margin:1.2rem auto;padding:0 1.2rem}
h1{font-size:1.5rem;margin:.2rem 0 .4rem}h2{font-size:1.15rem;margin:1.4rem 0 .5rem}
.meta{color:var(--muted);font-size:.9rem}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem 1.2rem;
margin-bottom:1rem}
.grid{display:grid;grid-template-columns:minmax(0,2.2fr) minmax(0,1fr);gap:1.2rem}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem;margin-top:1.2rem}
@media (max-width:900px){.grid,.columns{grid-template-columns:1fr}}
a.id{word-break:break-all}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.4rem .55rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.nowrap{white-space:nowrap}
.sentence{color:#38424d}
mark,.fig{background:var(--fig);border-radius:2px;padding:0 .1em;color:inherit}
a.fig{color:inherit;border-bottom:2px solid #d49b00}
a.fig.current{outline:3px solid #e4572e;outline-offset:1px}
.fig[id]{scroll-margin-top:35vh}
.quote{background:var(--quote)}
.who{color:var(--who);font-weight:600}
sup.also{font-size:.7rem;margin-left:1px}
sup.also a{background:#14324f;color:#fff;border-radius:8px;padding:0 .35em}
.body{white-space:pre-wrap;font:17px/1.65 Georgia,"Times New Roman",serif;background:#fff;
border:1px solid var(--line);border-radius:6px;padding:1.2rem 1.5rem}
.badge{display:inline-block;font-size:.75rem;padding:0 .45em;border-radius:8px;background:#e8eef5;
color:#14324f;margin-left:.3em}
.badge.first{background:#14324f;color:#fff}
ol.timeline{list-style:none;padding:0;margin:0}
ol.timeline li{background:#fff;border:1px solid var(--line);border-left:4px solid #9db4cc;
border-radius:4px;padding:.6rem .9rem;margin-bottom:.6rem}
ol.timeline li.first{border-left-color:#e4572e}
.error{background:#fff0ee;border:1px solid #f3b3a8;border-radius:6px;padding:1rem 1.2rem}
.legend span{margin-right:1rem}
ul.plain{list-style:none;padding:0;margin:0}ul.plain li{padding:.2rem 0}
footer{max-width:1180px;margin:1rem auto 2rem;padding:0 1.2rem;color:var(--muted);font-size:.8rem}
)css";

bool Unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

}  // namespace

std::string Html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (Unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Href(std::string_view path,
                 const std::vector<std::pair<std::string_view, std::string>>& params,
                 std::string_view fragment) {
  std::string url(path);
  char sep = '?';
  for (const auto& [k, v] : params) {
    url += sep;
    url += k;
    url += '=';
    url += UrlEncode(v);
    sep = '&';
  }
  if (!fragment.empty()) url += "#" + UrlEncode(fragment);
  return Html(url);
}

std::string FigureHref(const FigureKey& key) {
  return Href("/figure",
              {{"value", FormatDouble(key.value)}, {"unit", key.unit}, {"noun", key.noun}});
}

std::string ArticleHref(std::string_view ext_id, int64_t claim, int sentence) {
  std::vector<std::pair<std::string_view, std::string>> params = {{"id", std::string(ext_id)}};
  std::string fragment;
  if (claim >= 0) {
    params.emplace_back("claim", std::to_string(claim));
    fragment = "c" + std::to_string(claim);
  } else if (sentence >= 0) {
    fragment = "s" + std::to_string(sentence);
  }
  return Href("/article", params, fragment);
}

std::string SpeakerHref(std::string_view name) {
  return Href("/speaker", {{"name", std::string(name)}});
}

std::string SearchHref(std::string_view query) {
  return Href("/search", {{"q", std::string(query)}});
}

std::string UnitLabel(const FigureKey& key) {
  return key.noun.empty() ? key.unit : key.unit + " · " + key.noun;
}

std::string Count(int64_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::string Clip(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

std::string MarkPart(std::string_view sentence, std::string_view part) {
  size_t at = part.empty() ? std::string_view::npos : sentence.find(part);
  if (at == std::string_view::npos) return Html(sentence);
  return Html(sentence.substr(0, at)) + "<mark class=\"fig\">" + Html(part) + "</mark>" +
         Html(sentence.substr(at + part.size()));
}

std::string Page(std::string_view title, std::string_view body, std::string_view query) {
  std::string out;
  out.reserve(body.size() + sizeof kStyle + 1024);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>";
  out += Html(title);
  out += " · claimex</title><style>";
  out += kStyle;
  out +=
      "</style></head><body><header class=\"top\"><a class=\"brand\" href=\"/\">claimex</a>"
      "<nav><a href=\"/\">Recycled figures</a><a href=\"/articles\">Articles</a>"
      "<a href=\"/speakers\">Speakers</a></nav>"
      "<form action=\"/search\" method=\"get\" role=\"search\">"
      "<input type=\"search\" name=\"q\" placeholder=\"Search sentences: knife crime, &quot;"
      "council tax&quot;, cut*\" aria-label=\"Search\" value=\"";
  out += Html(query);
  out += "\"><button type=\"submit\">Search</button></form></header><main>";
  out += body;
  out += "</main><footer>claimex · read-only view of the claims database</footer></body></html>\n";
  return out;
}

}  // namespace claimex::web

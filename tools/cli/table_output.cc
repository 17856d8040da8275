#include "tools/cli/table_output.h"

#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <numeric>

namespace claimex {
namespace {

constexpr int kMinColumn = 6;  // a column is never cut narrower than this

// Decodes one UTF-8 character at s[i]; returns its length (1 for a bad byte, cp = -1).
size_t Decode(std::string_view s, size_t i, int32_t* cp) {
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), cp);
  if (n <= 0) {
    *cp = -1;
    return 1;
  }
  return static_cast<size_t>(n);
}

// Length of an ANSI escape sequence at s[i] ("\x1b[...m"), 0 if none.
size_t EscapeLength(std::string_view s, size_t i) {
  if (s[i] != '\x1b' || i + 1 >= s.size() || s[i + 1] != '[') return 0;
  size_t j = i + 2;
  while (j < s.size() && !(s[j] >= '@' && s[j] <= '~')) ++j;
  return j < s.size() ? j + 1 - i : 0;
}

int CharWidth(int32_t cp) {
  if (cp < 0) return 1;
  int w = utf8proc_charwidth(cp);
  return w < 0 ? 0 : w;
}

// `text` cut to at most `width` columns, ending in "…" when cut.
std::string Clip(std::string_view text, int width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::string out;
  int used = 0;
  bool escapes = false;
  for (size_t i = 0; i < text.size();) {
    if (size_t e = EscapeLength(text, i)) {
      out.append(text.substr(i, e));
      escapes = true;
      i += e;
      continue;
    }
    int32_t cp;
    size_t n = Decode(text, i, &cp);
    int w = CharWidth(cp);
    if (used + w > width - 1) break;
    out.append(text.substr(i, n));
    used += w;
    i += n;
  }
  out += "…";
  if (escapes) out += "\x1b[0m";
  return out;
}

// One line per cell: line breaks and tabs become spaces.
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string TsvField(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void WriteDelimited(const Table& t, char sep, FILE* out) {
  auto field = [&](const std::string& s) { return sep == ',' ? CsvField(s) : TsvField(s); };
  std::string line;
  for (size_t c = 0; c < t.columns.size(); ++c)
    line += (c ? std::string(1, sep) : "") + field(t.columns[c]);
  std::fprintf(out, "%s\n", line.c_str());
  for (const auto& row : t.rows) {
    line.clear();
    for (size_t c = 0; c < row.size(); ++c)
      line += (c ? std::string(1, sep) : "") + field(CellText(row[c]));
    std::fprintf(out, "%s\n", line.c_str());
  }
}

void WriteJsonl(const Table& t, FILE* out) {
  for (const auto& row : t.rows) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (size_t c = 0; c < row.size(); ++c) {
      const Cell& v = row[c];
      if (auto* n = std::get_if<int64_t>(&v)) {
        j[t.columns[c]] = *n;
      } else if (auto* d = std::get_if<double>(&v)) {
        j[t.columns[c]] = *d;
      } else if (auto* s = std::get_if<std::string>(&v)) {
        j[t.columns[c]] = *s;
      } else {
        j[t.columns[c]] = nullptr;
      }
    }
    std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fprintf(out, "%s\n", line.c_str());
  }
}

void WriteAligned(const Table& t, const std::vector<std::string>& columns, FILE* out) {
  std::vector<int> pick;
  for (const std::string& name : columns) {
    if (int c = t.Col(name); c >= 0) pick.push_back(c);
  }
  if (columns.empty()) {
    pick.resize(t.columns.size());
    std::iota(pick.begin(), pick.end(), 0);
  }
  if (t.rows.empty()) {
    std::fprintf(out, "(none)\n");
    return;
  }
  std::vector<std::vector<std::string>> cells;
  std::vector<int> width(pick.size());
  std::vector<std::string> header;
  for (size_t i = 0; i < pick.size(); ++i) {
    header.push_back(t.columns[static_cast<size_t>(pick[i])]);
    width[i] = DisplayWidth(header.back());
  }
  for (const auto& row : t.rows) {
    auto& line = cells.emplace_back();
    for (size_t i = 0; i < pick.size(); ++i) {
      line.push_back(OneLine(CellText(row[static_cast<size_t>(pick[i])])));
      width[i] = std::max(width[i], DisplayWidth(line.back()));
    }
  }
  // On a terminal, narrow the widest column until the table fits.
  if (IsTerminal(out)) {
    const int avail = TerminalWidth(out) - 2 * static_cast<int>(pick.size() - 1);
    for (;;) {
      int total = std::accumulate(width.begin(), width.end(), 0);
      auto widest = std::max_element(width.begin(), width.end());
      if (total <= avail || *widest <= kMinColumn) break;
      *widest = std::max(kMinColumn, *widest - (total - avail));
    }
  }
  auto print = [&](const std::vector<std::string>& line) {
    std::string s;
    for (size_t i = 0; i < line.size(); ++i) {
      std::string cell = Clip(line[i], width[i]);
      s += cell;
      if (i + 1 < line.size())
        s.append(static_cast<size_t>(width[i] - DisplayWidth(cell) + 2), ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::fprintf(out, "%s\n", s.c_str());
  };
  print(header);
  std::vector<std::string> rule;
  for (int w : width) rule.emplace_back(static_cast<size_t>(w), '-');
  print(rule);
  for (const auto& line : cells) print(line);
}

}  // namespace

void AddFormatOption(CLI::App* cmd, std::string* format) {
  cmd->add_option("--format", *format, "Output: table (default), jsonl, csv or tsv")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "tsv"}));
}

OutputFormat ParseOutputFormat(const std::string& f) {
  if (f == "jsonl") return OutputFormat::kJsonl;
  if (f == "csv") return OutputFormat::kCsv;
  if (f == "tsv") return OutputFormat::kTsv;
  return OutputFormat::kTable;
}

bool IsTerminal(FILE* f) { return isatty(fileno(f)) != 0; }

int TerminalWidth(FILE* f) {
  struct winsize ws {};
  if (IsTerminal(f) && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  if (const char* c = std::getenv("COLUMNS")) {
    int n = std::atoi(c);
    if (n > 20) return n;
  }
  return 80;
}

bool UseColour(FILE* f) {
  const char* no = std::getenv("NO_COLOR");
  return IsTerminal(f) && !(no && *no);
}

int DisplayWidth(std::string_view text) {
  int w = 0;
  for (size_t i = 0; i < text.size();) {
    if (size_t e = EscapeLength(text, i)) {
      i += e;
      continue;
    }
    int32_t cp;
    i += Decode(text, i, &cp);
    w += CharWidth(cp);
  }
  return w;
}

Status WriteTable(const Table& table, OutputFormat format, const std::vector<std::string>& columns,
                  FILE* out) {
  switch (format) {
    case OutputFormat::kJsonl:
      WriteJsonl(table, out);
      break;
    case OutputFormat::kCsv:
      WriteDelimited(table, ',', out);
      break;
    case OutputFormat::kTsv:
      WriteDelimited(table, '\t', out);
      break;
    case OutputFormat::kTable:
      WriteAligned(table, columns, out);
      break;
  }
  if (std::fflush(out) != 0 || std::ferror(out)) return Status::IoError("cannot write the output");
  return Status::Ok();
}

}  // namespace claimex

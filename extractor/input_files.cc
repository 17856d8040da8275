// Format detection and directory listing for OpenInputs (see extractor/input_files.h).
#include "extractor/input_files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace claimex {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  return Lower(s.substr(0, prefix.size())) == prefix;
}

// The extension of the file name (after the last '.' of the last path component), lower-case,
// without the dot; "" when there is none.
std::string Extension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return Lower(name.substr(dot + 1));
}

struct ExtensionFormat {
  std::string_view extension;
  InputFormat format;
};

constexpr ExtensionFormat kExtensions[] = {
    {"jsonl", InputFormat::kJsonLines}, {"ndjson", InputFormat::kJsonLines},
    {"html", InputFormat::kHtml},       {"htm", InputFormat::kHtml},
    {"xhtml", InputFormat::kHtml},      {"xml", InputFormat::kFeed},
    {"rss", InputFormat::kFeed},        {"atom", InputFormat::kFeed},
    {"gz", InputFormat::kCompressed},   {"bz2", InputFormat::kCompressed},
    {"xz", InputFormat::kCompressed},   {"zip", InputFormat::kCompressed},
    {"pdf", InputFormat::kBinary},      {"png", InputFormat::kBinary},
    {"jpg", InputFormat::kBinary},      {"jpeg", InputFormat::kBinary},
    {"gif", InputFormat::kBinary},      {"doc", InputFormat::kBinary},
    {"docx", InputFormat::kBinary},     {"db", InputFormat::kBinary},
};

struct MagicFormat {
  std::string_view magic;  // compared case-insensitively for the markup ones
  InputFormat format;
};

constexpr MagicFormat kMagic[] = {
    {"\x1f\x8b", InputFormat::kCompressed},
    {"PK\x03\x04", InputFormat::kCompressed},
    {"%PDF-", InputFormat::kBinary},
    {"\x89PNG", InputFormat::kBinary},
    {"GIF8", InputFormat::kBinary},
    {"\xFF\xD8\xFF", InputFormat::kBinary},
    {"SQLite format 3", InputFormat::kBinary},
};

constexpr MagicFormat kMarkup[] = {
    {"<!doctype html", InputFormat::kHtml}, {"<html", InputFormat::kHtml},
    {"<?xml", InputFormat::kFeed},          {"<rss", InputFormat::kFeed},
    {"<feed", InputFormat::kFeed},
};

}  // namespace

InputFormat DetectFormat(std::string_view path, std::string_view head) {
  // gzip bytes are gzip whatever the name says ("feed.xml" that is compressed).
  if (head.starts_with("\x1f\x8b")) return InputFormat::kCompressed;
  std::string ext = Extension(path);
  for (const auto& e : kExtensions) {
    if (ext == e.extension) return e.format;
  }
  for (const auto& m : kMagic) {
    if (head.starts_with(m.magic)) return m.format;
  }
  std::string_view text = head;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t first = text.find_first_not_of(" \t\r\n");
  text = first == std::string_view::npos ? std::string_view() : text.substr(first);
  for (const auto& m : kMarkup) {
    if (StartsWithNoCase(text, m.magic)) return m.format;
  }
  if (path == "-" && text.starts_with('{')) return InputFormat::kJsonLines;
  return InputFormat::kText;
}

std::string FileStem(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

namespace {

// Files a directory walk reads: article extensions only (text, JSON Lines, web pages, feeds, and
// any of these gzip-compressed: "page.html.gz"). Everything else beside them (README.md, LICENSE,
// index.tsv, scripts, images) is skipped silently; named on the command line, any file is read.
bool IsArticleFile(const std::string& name) {
  static constexpr std::string_view kArticleExtensions[] = {
      "txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml", "xml", "rss", "atom"};
  std::string ext = Extension(name);
  if (ext == "gz") ext = Extension(name.substr(0, name.size() - 3));
  for (std::string_view e : kArticleExtensions) {
    if (ext == e) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> ListDirectory(const std::string& dir, std::string* error) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    *error = ec.message();
    return files;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      *error = ec.message();
      break;
    }
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    if (name.starts_with('.')) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(ec) && IsArticleFile(name)) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace claimex

#include "extractor/rules.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractor/embedded_data.h"

namespace claimex {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Splits on tabs, or on runs of two or more spaces.
std::vector<std::string> SplitFields(std::string_view line) {
  std::vector<std::string> fields;
  size_t i = 0, start = 0;
  auto flush = [&](size_t end) {
    std::string_view f = Trim(line.substr(start, end - start));
    if (!f.empty()) fields.emplace_back(f);
  };
  while (i < line.size()) {
    if (line[i] == '\t') {
      flush(i);
      start = ++i;
    } else if (line[i] == ' ' && i + 1 < line.size() && line[i + 1] == ' ') {
      flush(i);
      while (i < line.size() && line[i] == ' ') ++i;
      start = i;
    } else {
      ++i;
    }
  }
  flush(line.size());
  return fields;
}

}  // namespace

Status RuleFile::Error(const RuleLine& line, const std::string& message) const {
  return Status::RuleError(path + ":" + std::to_string(line.line) + ": " + message);
}

RuleFile ParseRuleFile(const std::string& name, const std::string& path, std::string_view text) {
  RuleFile file;
  file.name = name;
  file.path = path;
  int lineno = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++lineno;
    // '#' starts a comment when it opens the line or follows white space ("C#" stays).
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        line = line.substr(0, i);
        break;
      }
    }
    if (Trim(line).empty()) continue;
    file.lines.push_back({lineno, SplitFields(line)});
  }
  return file;
}

Result<std::shared_ptr<const RuleSet>> RuleSet::Load(const std::string& dir) {
  auto set = std::make_shared<RuleSet>();
  if (dir.empty()) {
    for (const EmbeddedFile& f : Embedded_patterns()) {
      std::string name(f.name);
      set->files_[name] = ParseRuleFile(name, "patterns/" + name, f.content);
    }
    return std::shared_ptr<const RuleSet>(std::move(set));
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("patterns directory " + dir);
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    if (!in) return Status::IoError("cannot read " + entry.path().string());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string name = entry.path().filename().string();
    set->files_[name] = ParseRuleFile(name, entry.path().string(), ss.str());
  }
  if (ec) return Status::IoError("cannot list " + dir + ": " + ec.message());
  return std::shared_ptr<const RuleSet>(std::move(set));
}

Result<std::shared_ptr<const RuleSet>> RuleSet::FromStrings(
    const std::map<std::string, std::string>& files) {
  auto set = std::make_shared<RuleSet>();
  for (const auto& [name, content] : files) {
    set->files_[name] = ParseRuleFile(name, "patterns/" + name, content);
  }
  return std::shared_ptr<const RuleSet>(std::move(set));
}

const RuleFile* RuleSet::Find(const std::string& name) const {
  auto it = files_.find(name);
  return it == files_.end() ? nullptr : &it->second;
}

Result<const RuleFile*> RuleSet::Get(const std::string& name) const {
  const RuleFile* f = Find(name);
  if (f == nullptr) return Status::RuleError("patterns/" + name + ": missing rule file");
  return f;
}

std::string RuleSet::Fingerprint() const {
  // FNV-1a over the files in name order; fields end with 0x1F, lines with 0x1E, files with 0x1D.
  uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::string_view bytes) {
    for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  };
  for (const auto& [name, file] : files_) {
    mix(name);
    for (const RuleLine& line : file.lines) {
      for (const std::string& f : line.fields) {
        mix(f);
        mix("\x1F");
      }
      mix("\x1E");
    }
    mix("\x1D");
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 15];
  return out;
}

}  // namespace claimex

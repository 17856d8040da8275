// Compiles patterns/html_tags.txt and patterns/html_boilerplate.txt (see extractor/html_rules.h).
#include "extractor/html_rules.h"

#include <cctype>
#include <sstream>
#include <vector>

namespace claimex {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ParseTagClass(const std::string& name, TagClass* out) {
  static const std::pair<const char*, TagClass> kNames[] = {
      {"drop", TagClass::kDrop},   {"furniture", TagClass::kFurniture},
      {"block", TagClass::kBlock}, {"heading", TagClass::kHeading},
      {"item", TagClass::kItem},   {"break", TagClass::kBreak},
      {"cell", TagClass::kCell},
  };
  for (const auto& [n, c] : kNames) {
    if (name == n) {
      *out = c;
      return true;
    }
  }
  return false;
}

// Joins the fragments of one kind into "(?i)(?:a|b|c)"; null when there are none.
Result<std::unique_ptr<RE2>> Join(const std::vector<std::string>& parts) {
  if (parts.empty()) return std::unique_ptr<RE2>();
  std::string pattern = "(?:";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) pattern += '|';
    pattern += "(?:" + parts[i] + ")";
  }
  pattern += ")";
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, o);
  if (!re->ok()) return Status::RuleError("html_boilerplate.txt: " + re->error());
  return re;
}

bool Matches(const std::unique_ptr<RE2>& re, std::string_view s) {
  return re != nullptr && !s.empty() && RE2::PartialMatch(s, *re);
}

}  // namespace

Result<std::unique_ptr<const HtmlRules>> HtmlRules::Create(const RuleSet& rules) {
  std::unique_ptr<HtmlRules> r(new HtmlRules());
  auto tags = rules.Get("html_tags.txt");
  if (!tags.ok()) return tags.status();
  for (const RuleLine& line : (*tags)->lines) {
    TagClass c;
    if (line.fields.size() != 2) return (*tags)->Error(line, "expected CLASS and TAGS");
    if (!ParseTagClass(line.fields[0], &c)) {
      return (*tags)->Error(line, "unknown class '" + line.fields[0] + "'");
    }
    std::istringstream words(line.fields[1]);
    std::string tag;
    while (words >> tag) {
      if (tag != Lower(tag)) return (*tags)->Error(line, "tag '" + tag + "' is not lower-case");
      if (!r->tags_.emplace(tag, c).second) {
        return (*tags)->Error(line, "tag '" + tag + "' listed twice");
      }
    }
  }
  auto words = rules.Get("html_boilerplate.txt");
  if (!words.ok()) return words.status();
  std::vector<std::string> unlikely, maybe, negative, positive;
  for (const RuleLine& line : (*words)->lines) {
    if (line.fields.size() != 2) return (*words)->Error(line, "expected KIND and WORD");
    const std::string& kind = line.fields[0];
    const std::string& word = line.fields[1];
    if (kind == "role") {
      r->roles_.insert(Lower(word));
      continue;
    }
    RE2::Options o;
    o.set_log_errors(false);
    RE2 probe(word, o);
    if (!probe.ok()) return (*words)->Error(line, "bad pattern: " + probe.error());
    if (kind == "unlikely") {
      unlikely.push_back(word);
    } else if (kind == "maybe") {
      maybe.push_back(word);
    } else if (kind == "negative") {
      negative.push_back(word);
    } else if (kind == "positive") {
      positive.push_back(word);
    } else {
      return (*words)->Error(line, "unknown kind '" + kind + "'");
    }
  }
  for (auto [parts, out] :
       {std::pair{&unlikely, &r->unlikely_}, std::pair{&maybe, &r->maybe_},
        std::pair{&negative, &r->negative_}, std::pair{&positive, &r->positive_}}) {
    auto re = Join(*parts);
    if (!re.ok()) return re.status();
    *out = std::move(*re);
  }
  auto meta = rules.Get("html_meta.txt");
  if (!meta.ok()) return meta.status();
  static const std::pair<const char*, MetaField> kFields[] = {{"title", MetaField::kTitle},
                                                              {"published", MetaField::kPublished},
                                                              {"author", MetaField::kAuthor},
                                                              {"source", MetaField::kSource},
                                                              {"url", MetaField::kUrl}};
  int rank[6] = {0, 0, 0, 0, 0, 0};
  for (const RuleLine& line : (*meta)->lines) {
    if (line.fields.size() != 2) return (*meta)->Error(line, "expected FIELD and NAME");
    MetaField field = MetaField::kNone;
    for (const auto& [name, f] : kFields) {
      if (line.fields[0] == name) field = f;
    }
    if (field == MetaField::kNone) {
      return (*meta)->Error(line, "unknown field '" + line.fields[0] + "'");
    }
    int& next = rank[static_cast<int>(field)];
    if (!r->meta_.emplace(Lower(line.fields[1]), std::pair{field, next++}).second) {
      return (*meta)->Error(line, "name '" + line.fields[1] + "' listed twice");
    }
  }
  return std::unique_ptr<const HtmlRules>(std::move(r));
}

TagClass HtmlRules::Classify(std::string_view tag) const {
  auto it = tags_.find(std::string(tag));
  return it == tags_.end() ? TagClass::kInline : it->second;
}

bool HtmlRules::Unlikely(std::string_view s) const { return Matches(unlikely_, s); }
bool HtmlRules::Maybe(std::string_view s) const { return Matches(maybe_, s); }

int HtmlRules::ClassWeight(std::string_view s) const {
  if (s.empty()) return 0;
  int w = 0;
  if (Matches(negative_, s)) w -= 25;
  if (Matches(positive_, s)) w += 25;
  return w;
}

MetaField HtmlRules::Meta(std::string_view name, int* rank) const {
  if (name.empty()) return MetaField::kNone;
  auto it = meta_.find(Lower(name));
  if (it == meta_.end()) return MetaField::kNone;
  *rank = it->second.second;
  return it->second.first;
}

bool HtmlRules::FurnitureRole(std::string_view role) const {
  return !role.empty() && roles_.count(Lower(role)) > 0;
}

}  // namespace claimex

// Rule files: the data in patterns/ (lexicons, unit tables, cue words, regular expressions).
// A rule file is UTF-8 text; '#' starts a comment, blank lines are skipped, and each remaining
// line is split on tab characters (or on runs of 2+ spaces) into fields. Loaded once into an
// immutable RuleSet, which is thread-safe to read. Errors name the file and line.
#ifndef CLAIMEX_EXTRACTOR_RULES_H_
#define CLAIMEX_EXTRACTOR_RULES_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extractor/status.h"

namespace claimex {

struct RuleLine {
  int line = 0;                     // 1-based line number in its file
  std::vector<std::string> fields;  // trimmed, non-empty
};

struct RuleFile {
  std::string name;  // "units.txt"
  std::string path;  // "patterns/units.txt" (for messages)
  std::vector<RuleLine> lines;
  // "patterns/units.txt:12: <message>" as a kRuleError Status.
  Status Error(const RuleLine& line, const std::string& message) const;
};

class RuleSet {
 public:
  // Loads every *.txt in `dir`; an empty dir means the copy compiled into the binary.
  static Result<std::shared_ptr<const RuleSet>> Load(const std::string& dir = "");
  // Builds a set from in-memory files (tests): name -> content.
  static Result<std::shared_ptr<const RuleSet>> FromStrings(
      const std::map<std::string, std::string>& files);

  // The file called `name` ("units.txt"), or nullptr when there is none.
  const RuleFile* Find(const std::string& name) const;
  // Like Find, but a missing file is a kRuleError.
  Result<const RuleFile*> Get(const std::string& name) const;
  // A stable hash of the rules (file names and every line's fields; comments, blank lines and
  // line numbers do not count), as 16 hex digits: it changes when a rule changes.
  std::string Fingerprint() const;

 private:
  std::map<std::string, RuleFile> files_;
};

// Parses one rule file's text (exposed for tests).
RuleFile ParseRuleFile(const std::string& name, const std::string& path, std::string_view text);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_RULES_H_

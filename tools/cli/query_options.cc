#include "tools/cli/query_options.h"

#include "tools/cli/table_output.h"

namespace claimex {
namespace {

// CLI11 validator for --since/--until.
std::string DateCheck(const std::string& s) {
  Status st = CheckDate(s);
  return st.ok() ? "" : st.message();
}

}  // namespace

void AddQueryOptions(CLI::App* cmd, QueryOptions* o, unsigned flags, bool format, int limit) {
  AddDbOption(cmd, &o->db);
  if (format) AddFormatOption(cmd, &o->format);
  FigureFilter* f = &o->filter;
  if (flags & kFilterArticle) {
    cmd->add_option("--article", f->articles, "Only this article id (repeat for more)");
  }
  if (flags & kFilterUnit) {
    cmd->add_option("--unit", f->unit, "Only figures in this unit (GBP, percent, count, ...)");
  }
  if (flags & kFilterSpeaker) {
    cmd->add_option("--speaker", f->speaker,
                    "Only what this speaker or source said (part of the name, any case)");
  }
  if (flags & kFilterDates) {
    cmd->add_option("--since", f->since, "Only articles dated on or after DATE (YYYY[-MM[-DD]])")
        ->check(CLI::Validator(DateCheck, "DATE"));
    cmd->add_option("--until", f->until, "Only articles dated on or before DATE (YYYY[-MM[-DD]])")
        ->check(CLI::Validator(DateCheck, "DATE"));
  }
  if (flags & kFilterLimit) {
    f->limit = limit;
    cmd->add_option("--limit", f->limit,
                    "At most N rows (0 = all; default " + std::to_string(limit) + ")")
        ->check(CLI::NonNegativeNumber);
  }
}

}  // namespace claimex

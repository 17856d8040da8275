// `claimex who [NAME]`: everyone quoted or credited with a figure, or one speaker's quotes and
// figures in date order.
#include "db/query_speakers.h"
#include "tools/cli/query_options.h"
#include "tools/cli/table_output.h"

namespace claimex {
namespace {

struct WhoOpts : QueryOptions {
  std::string name;
};

int RunWho(const WhoOpts& o) {
  auto store = OpenReadOnly(o.db);
  if (!store.ok()) return Fatal(store.status());
  sqlite3* db = (*store)->handle();
  const OutputFormat format = ParseOutputFormat(o.format);
  if (o.name.empty()) {
    auto t = Speakers(db, o.filter);
    if (!t.ok()) return Fatal(t.status());
    Status st = WriteTable(
        *t, format, {"name", "role", "articles", "quotes", "figures", "first_seen", "last_seen"},
        stdout);
    return st.ok() ? kExitOk : Fatal(st);
  }
  auto name = ResolveSpeaker(db, o.name);
  if (!name.ok()) return Fatal(name.status());
  auto t = SpeakerStatements(db, *name, o.filter);
  if (!t.ok()) return Fatal(t.status());
  if (format == OutputFormat::kTable) std::printf("%s\n\n", name->c_str());
  Status st = WriteTable(*t, format, {"date", "article", "kind", "text"}, stdout);
  return st.ok() ? kExitOk : Fatal(st);
}

const bool kWho = RegisterCommand(
    {"who", "Speakers, or one speaker's quotes and figures (claimex who \"Teodora Quayle\")", 50,
     [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<WhoOpts>();
       cmd->add_option("name", o->name,
                       "A speaker or source (any case; a unique part of the name will do)");
       AddQueryOptions(cmd, o.get(), kFilterArticle | kFilterDates | kFilterLimit, true, 0);
       return [o] { return RunWho(*o); };
     }});

}  // namespace
}  // namespace claimex

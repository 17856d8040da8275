// `claimex links ARTICLE`: for each statement of a stored article, where else it appears (the
// links the linker made, db/linker.h), with the kind, the score and which side came first.
#include <cstdio>

#include "db/link_queries.h"
#include "tools/cli/command.h"

namespace claimex {
namespace {

struct LinksOpts {
  std::string db = DefaultDb();
  std::string article;
  bool all = false;
};

std::string Clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

int RunLinks(const LinksOpts& o) {
  auto store = OpenReadOnly(o.db);
  if (!store.ok()) return Fatal(store.status());
  std::vector<LinkedStatement> statements;
  Status st = ArticleLinks(**store, o.article, o.all, &statements);
  if (!st.ok()) return Fatal(st);
  size_t linked = 0;
  for (const LinkedStatement& s : statements) linked += !s.links.empty();
  std::printf("%s: %zu statement%s linked to other articles\n", o.article.c_str(), linked,
              linked == 1 ? "" : "s");
  for (const LinkedStatement& s : statements) {
    std::printf("\n[%d] %s\n", s.idx, Clip(s.text, 160).c_str());
    for (const StatementLink& l : s.links) {
      std::printf("    %-8s %.2f  %s %s%s%s\n", l.kind.c_str(), l.score,
                  l.other_is_source ? "first seen in" : "repeated in  ", l.article.c_str(),
                  l.published.empty() ? "" : " ", l.published.c_str());
      std::printf("                   \"%s\"\n", Clip(l.sentence, 140).c_str());
    }
  }
  return kExitOk;
}

const bool kLinks = RegisterCommand(
    {"links", "For each statement of a stored article, where else it appears", 60,
     [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<LinksOpts>();
       AddDbOption(cmd, &o->db);
       cmd->add_option("article", o->article, "Article id (as in the input)")->required();
       cmd->add_flag("--all", o->all, "Also list the statements that have no link");
       return [o] { return RunLinks(*o); };
     }});

}  // namespace
}  // namespace claimex

// `claimex figures`: figures in a database. `--recycled` lists the figures repeated across
// articles (claims in linked statements that state the same figure, db/link_queries.h) with how
// many articles carry them and where each was first and last seen. Options live in FiguresOpts:
// add a field and an add_option/add_flag line to add a filter.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

#include "db/link_queries.h"
#include "db/query_figures.h"
#include "db/sqlite_util.h"
#include "tools/cli/command.h"

namespace claimex {
namespace {

struct FiguresOpts {
  std::string db = DefaultDb();
  bool recycled = false;  // only figures repeated across articles
  int min_articles = 2;   // with --recycled: seen in at least this many articles
  int limit = 0;          // at most this many rows (0 = all)
  std::string unit;       // only figures in this unit
  std::string speaker;    // only figures said by someone whose name holds this (any case)
  std::string since;      // only figures seen on or after this date (YYYY[-MM[-DD]])
};

// Case-insensitive (ASCII) substring test for --speaker.
bool Holds(const std::string& hay, const std::string& needle) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  return lower(hay).find(lower(needle)) != std::string::npos;
}

// The --unit/--speaker/--since filters on a recycled figure (speaker: first or last sighting;
// since: last seen).
bool Keep(const RecycledFigure& f, const FiguresOpts& o) {
  if (!o.unit.empty() && f.unit != o.unit) return false;
  if (!o.speaker.empty() && !Holds(f.first.who, o.speaker) && !Holds(f.last.who, o.speaker)) {
    return false;
  }
  return o.since.empty() || f.last.published >= o.since;
}

std::string Clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string Describe(const RecycledFigure& f) {
  std::string v = f.value ? Number(*f.value)
                          : (f.low ? Number(*f.low) : "") + "-" + (f.high ? Number(*f.high) : "");
  v += " " + f.unit;
  if (!f.noun.empty()) v += " " + f.noun;
  return v;
}

std::string Seen(const Sighting& s) {
  std::string out = s.article;
  if (!s.published.empty()) out += " " + s.published;
  if (!s.who.empty()) out += " (" + s.who + ")";
  return out;
}

int RunRecycled(const Store& store, const FiguresOpts& o) {
  RecycledOptions ro;
  ro.min_articles = o.min_articles;
  ro.limit = o.limit;
  std::vector<RecycledFigure> figures;
  Status st = RecycledFigures(store, ro, &figures);
  if (!st.ok()) return Fatal(st);
  std::erase_if(figures, [&](const RecycledFigure& f) { return !Keep(f, o); });
  std::printf("%zu recycled figure%s (in %d or more articles)\n", figures.size(),
              figures.size() == 1 ? "" : "s", std::max(2, o.min_articles));
  for (const RecycledFigure& f : figures) {
    std::printf("\n%s — %d articles\n", Describe(f).c_str(), f.articles);
    std::printf("  first seen: %s: \"%s\"\n", Seen(f.first).c_str(),
                Clip(f.first.sentence, 140).c_str());
    std::printf("  last seen:  %s: \"%s\"\n", Seen(f.last).c_str(),
                Clip(f.last.sentence, 140).c_str());
  }
  return kExitOk;
}

// Every figure, in ingest order.
int RunAll(const Store& store, const FiguresOpts& o) {
  auto st = Stmt::Prepare(store.handle(),
                          "SELECT a.ext_id, c.text, c.value, c.unit, coalesce(c.noun, ''), "
                          "coalesce(sp.name, c.source, '') FROM claims c "
                          "JOIN articles a ON a.id = c.article "
                          "LEFT JOIN speakers sp ON sp.id = c.speaker "
                          "WHERE (?2 = '' OR c.unit = ?2) "
                          "AND (?3 = '' OR instr(lower(coalesce(sp.name, c.source, '')), lower(?3)) > 0) "
                          "AND (?4 = '' OR coalesce(a.published, a.anchor_date) >= ?4) "
                          "ORDER BY a.ingest_seq, c.idx LIMIT ?1");
  if (!st.ok()) return Fatal(st.status());
  st->BindInt(1, o.limit > 0 ? o.limit : -1);
  st->BindText(2, o.unit).BindText(3, o.speaker).BindText(4, o.since);
  for (;;) {
    Result<bool> r = st->Step();
    if (!r.ok()) return Fatal(r.status());
    if (!*r) break;
    std::printf("%s\t%s\t%s\t%s\t%s\t%s\n", st->Text(0).c_str(), st->Text(1).c_str(),
                st->IsNull(2) ? "" : Number(st->Double(2)).c_str(), st->Text(3).c_str(),
                st->Text(4).c_str(), st->Text(5).c_str());
  }
  return kExitOk;
}

int RunFigures(const FiguresOpts& o) {
  auto store = OpenReadOnly(o.db);
  if (!store.ok()) return Fatal(store.status());
  return o.recycled ? RunRecycled(**store, o) : RunAll(**store, o);
}

const bool kFigures = RegisterCommand(
    {"figures", "List figures; --recycled: figures repeated across articles", 50,
     [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<FiguresOpts>();
       AddDbOption(cmd, &o->db);
       cmd->add_flag("--recycled", o->recycled,
                     "Only figures repeated across articles, with first and last sighting");
       cmd->add_option("--min-articles", o->min_articles,
                       "With --recycled: seen in at least this many articles (default 2)");
       cmd->add_option("--limit", o->limit, "At most this many rows (default all)");
       cmd->add_option("--unit", o->unit, "Only figures in this unit (GBP, percent, count, ...)");
       cmd->add_option("--speaker", o->speaker,
                       "Only figures said by this speaker or source (part of the name, any case)");
       cmd->add_option("--since", o->since, "Only figures seen on or after DATE (YYYY[-MM[-DD]])")
           ->check(CLI::Validator(
               [](const std::string& d) {
                 Status s = CheckDate(d);
                 return s.ok() ? std::string() : s.message();
               },
               "DATE"));
       return [o] { return RunFigures(*o); };
     }});

}  // namespace
}  // namespace claimex

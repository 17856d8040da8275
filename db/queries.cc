#include "db/queries.h"

#include <cmath>
#include <string>

#include "db/sqlite_util.h"

namespace claimex {
namespace {

// "£700 million" style rendering is the body's business; here a value prints compactly.
std::string FormatValue(double v) {
  char buf[64];
  if (std::fabs(v) >= 1e6 && std::fmod(v, 1e5) == 0) {
    std::snprintf(buf, sizeof buf, "%gm", v / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

std::string Clip(std::string s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "...";
}

Status Totals(sqlite3* db, FILE* out) {
  auto st = Stmt::Prepare(db,
                          "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims),"
                          " (SELECT count(*) FROM quotes), (SELECT count(DISTINCT name) FROM speakers),"
                          " (SELECT count(*) FROM links)");
  if (!st.ok()) return st.status();
  auto row = st->Step();
  if (!row.ok()) return row.status();
  std::fprintf(out, "%lld articles, %lld figures, %lld quotes, %lld speakers, %lld links\n",
               static_cast<long long>(st->Int(0)), static_cast<long long>(st->Int(1)),
               static_cast<long long>(st->Int(2)), static_cast<long long>(st->Int(3)),
               static_cast<long long>(st->Int(4)));
  return Status::Ok();
}

// Figures with the same value, unit and counted noun in two or more articles, most widespread
// first, with where each was first seen (earliest published date, else ingest order) and by whom.
constexpr char kRecurring[] = R"sql(
WITH f AS (
  SELECT c.value, c.unit, lower(coalesce(c.noun, '')) AS noun, a.ext_id,
         coalesce(a.published, '') AS published, coalesce(sp.name, c.source, '') AS who,
         s.text AS sentence,
         row_number() OVER (PARTITION BY c.value, c.unit, lower(coalesce(c.noun, ''))
                            ORDER BY coalesce(a.published, '9999'), a.ingest_seq, c.idx) AS rn
  FROM claims c JOIN articles a ON a.id = c.article
  LEFT JOIN speakers sp ON sp.id = c.speaker
  LEFT JOIN sentences s ON s.id = c.sentence
  WHERE c.value IS NOT NULL AND c.restates IS NULL
), g AS (
  SELECT value, unit, noun, count(DISTINCT ext_id) AS n FROM f
  GROUP BY value, unit, noun HAVING n >= 2
)
SELECT g.value, g.unit, g.noun, g.n, f.ext_id, f.published, f.who, f.sentence
FROM g JOIN f ON f.value = g.value AND f.unit = g.unit AND f.noun = g.noun AND f.rn = 1
ORDER BY g.n DESC, g.value DESC
LIMIT ?1
)sql";

Status Recurring(sqlite3* db, int limit, FILE* out) {
  auto st = Stmt::Prepare(db, kRecurring);
  if (!st.ok()) return st.status();
  st->BindInt(1, limit);
  std::fprintf(out, "\nFigures that recur across articles (same value, unit and noun):\n");
  int rows = 0;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ++rows;
    std::string what = FormatValue(st->Double(0)) + " " + st->Text(1);
    if (!st->Text(2).empty()) what += " " + st->Text(2);
    std::fprintf(out, "  %-34s in %lld articles; first seen %s %s%s%s\n", Clip(what, 34).c_str(),
                 static_cast<long long>(st->Int(3)), st->Text(4).c_str(), st->Text(5).c_str(),
                 st->Text(6).empty() ? "" : ", stated by ", st->Text(6).c_str());
    std::fprintf(out, "  %-34s   \"%s\"\n", "", Clip(st->Text(7), 110).c_str());
  }
  if (rows == 0) std::fprintf(out, "  (none)\n");
  return Status::Ok();
}

// Speakers by canonical name across articles, with their quotes and the figures they stated.
constexpr char kWho[] = R"sql(
SELECT sp.name, coalesce(max(sp.role), ''), count(DISTINCT sp.article),
       (SELECT count(*) FROM quotes q JOIN speakers s2 ON s2.id = q.speaker WHERE s2.name = sp.name),
       (SELECT count(*) FROM claims c JOIN speakers s3 ON s3.id = c.speaker WHERE s3.name = sp.name),
       (SELECT group_concat(t, '; ') FROM (
          SELECT DISTINCT c.text AS t FROM claims c JOIN speakers s4 ON s4.id = c.speaker
          WHERE s4.name = sp.name LIMIT 4))
FROM speakers sp
GROUP BY sp.name
ORDER BY 4 + 5 DESC, 3 DESC, sp.name
LIMIT ?1
)sql";

Status Who(sqlite3* db, int limit, FILE* out) {
  auto st = Stmt::Prepare(db, kWho);
  if (!st.ok()) return st.status();
  st->BindInt(1, limit);
  std::fprintf(out, "\nWho said what:\n");
  int rows = 0;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ++rows;
    std::string who = st->Text(0);
    if (!st->Text(1).empty()) who += " (" + st->Text(1) + ")";
    std::fprintf(out, "  %-50s %lld articles, %lld quotes, %lld figures%s%s\n",
                 Clip(who, 50).c_str(), static_cast<long long>(st->Int(2)),
                 static_cast<long long>(st->Int(3)), static_cast<long long>(st->Int(4)),
                 st->Text(5).empty() ? "" : ": ", Clip(st->Text(5), 60).c_str());
  }
  if (rows == 0) std::fprintf(out, "  (none)\n");
  return Status::Ok();
}

}  // namespace

Status PrintReport(const Store& store, int limit, FILE* out) {
  sqlite3* db = store.handle();
  CLAIMEX_RETURN_IF_ERROR(Totals(db, out));
  CLAIMEX_RETURN_IF_ERROR(Recurring(db, limit, out));
  return Who(db, limit, out);
}

}  // namespace claimex

#include "db/query_figures.h"

#include <cctype>

namespace claimex {
namespace {

// Parameters ?1..?6 of every filtered query: articles, unit, speaker, since, until, limit.
std::vector<Param> FilterParams(const FigureFilter& f) {
  return {JsonArrayOrNull(f.articles), TextOrNull(f.unit),  TextOrNull(f.speaker),
          TextOrNull(f.since),         TextOrNull(f.until), LimitParam(f.limit)};
}

// The filter as SQL conditions on a row of the `figures` view named `f` (parameters ?1..?5).
#define CLAIMEX_FIGURE_CONDITIONS(f)               \
  "(?1 IS NULL OR " f                              \
  ".article IN (SELECT value FROM json_each(?1)))" \
  " AND (?2 IS NULL OR " f                         \
  ".unit = ?2)"                                    \
  " AND (?3 IS NULL OR instr(lower(" f             \
  ".said_by), lower(?3)) > 0)"                     \
  " AND (?4 IS NULL OR " f                         \
  ".date >= ?4)"                                   \
  " AND (?5 IS NULL OR substr(" f ".date, 1, length(?5)) <= ?5)"

constexpr char kFigures[] =
    "SELECT f.article, f.title, f.date, f.text, f.value, f.low, f.high, f.unit, f.noun,"
    " f.qualifier, f.per_value, f.per_noun, f.change, f.change_kind, f.measured, f.said_by,"
    " f.speaker, f.speaker_role, f.source, f.time_text, f.timex, f.from_date, f.to_date,"
    " f.time_kind, f.sentence, f.start_byte, f.end_byte, f.claim_id"
    " FROM figures f WHERE " CLAIMEX_FIGURE_CONDITIONS(
        "f") " ORDER BY coalesce(f.date, '9999'), f.ingest_seq, f.start_byte LIMIT ?6";

constexpr char kRecycled[] =
    "SELECT r.value, r.unit, r.noun, r.noun_key, r.articles, r.statements, r.first_article,"
    " r.first_seen, r.last_seen, r.first_text, r.first_said_by, r.first_sentence"
    " FROM recycled_figures r"
    " WHERE (?2 IS NULL OR r.unit = ?2)"
    " AND ((?1 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL) OR EXISTS ("
    "  SELECT 1 FROM figures f WHERE f.value = r.value AND f.unit = r.unit"
    "  AND f.noun_key = r.noun_key AND f.restates IS NULL AND " CLAIMEX_FIGURE_CONDITIONS("f") "))"
    " ORDER BY r.articles DESC, r.statements DESC, coalesce(r.first_seen, '9999'), r.value DESC"
    " LIMIT ?6";

#undef CLAIMEX_FIGURE_CONDITIONS

constexpr char kStatements[] =
    "SELECT f.article, f.title, f.date, f.text, f.qualifier, f.said_by, f.speaker, f.source,"
    " f.time_text, f.sentence, f.start_byte, f.end_byte, f.claim_id"
    " FROM figures f WHERE f.value = ?1 AND f.unit = ?2 AND f.noun_key = ?3"
    " AND f.restates IS NULL"
    " ORDER BY coalesce(f.date, '9999'), f.ingest_seq, f.start_byte";

}  // namespace

Status CheckDate(std::string_view d) {
  if (d.empty()) return Status::Ok();
  static constexpr std::string_view kShape = "dddd-dd-dd";
  bool ok = d.size() == 4 || d.size() == 7 || d.size() == 10;
  for (size_t i = 0; ok && i < d.size(); ++i) {
    ok = kShape[i] == 'd' ? std::isdigit(static_cast<unsigned char>(d[i])) != 0 : d[i] == '-';
  }
  if (ok) return Status::Ok();
  return Status::InvalidArgument("bad date '" + std::string(d) +
                                 "': expected YYYY, YYYY-MM or YYYY-MM-DD");
}

Status CheckFilter(const FigureFilter& filter) {
  CLAIMEX_RETURN_IF_ERROR(CheckDate(filter.since));
  CLAIMEX_RETURN_IF_ERROR(CheckDate(filter.until));
  if (filter.limit < 0) return Status::InvalidArgument("limit must be 0 (all) or more");
  return Status::Ok();
}

Result<Table> Figures(sqlite3* db, const FigureFilter& filter) {
  CLAIMEX_RETURN_IF_ERROR(CheckFilter(filter));
  return RunQuery(db, kFigures, FilterParams(filter));
}

Result<Table> RecycledFigures(sqlite3* db, const FigureFilter& filter) {
  CLAIMEX_RETURN_IF_ERROR(CheckFilter(filter));
  return RunQuery(db, kRecycled, FilterParams(filter));
}

Result<Table> FigureStatements(sqlite3* db, const FigureKey& key) {
  return RunQuery(db, kStatements, {key.value, key.unit, key.noun});
}

std::string FigureKeyLabel(const FigureKey& key) {
  std::string out = FormatDouble(key.value) + " " + key.unit;
  if (!key.noun.empty()) out += " " + key.noun;
  return out;
}

}  // namespace claimex

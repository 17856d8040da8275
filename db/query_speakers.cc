#include "db/query_speakers.h"

#include <cctype>
#include <string_view>

namespace claimex {
namespace {

// ?1 articles (JSON array), ?2 speaker part, ?3 since, ?4 until, ?5 limit; w is who_said_what.
constexpr char kSpeakers[] =
    "SELECT w.speaker AS name, max(w.role) AS role, max(w.org) AS org, w.via,"
    " count(DISTINCT w.article_id) AS articles, sum(w.kind = 'quote') AS quotes,"
    " sum(w.kind = 'figure') AS figures, min(w.date) AS first_seen, max(w.date) AS last_seen"
    " FROM who_said_what w"
    " WHERE (?1 IS NULL OR w.article IN (SELECT value FROM json_each(?1)))"
    " AND (?2 IS NULL OR instr(lower(w.speaker), lower(?2)) > 0)"
    " AND (?3 IS NULL OR w.date >= ?3)"
    " AND (?4 IS NULL OR substr(w.date, 1, length(?4)) <= ?4)"
    " GROUP BY w.speaker, w.via"
    " ORDER BY count(*) DESC, articles DESC, name LIMIT ?5";

constexpr char kStatements[] =
    "SELECT w.date, w.article, w.title, w.kind, w.detail, w.text, w.value, w.unit, w.sentence,"
    " w.via, w.start_byte, w.end_byte"
    " FROM who_said_what w WHERE w.speaker = ?2"
    " AND (?1 IS NULL OR w.article IN (SELECT value FROM json_each(?1)))"
    " AND (?3 IS NULL OR w.date >= ?3)"
    " AND (?4 IS NULL OR substr(w.date, 1, length(?4)) <= ?4)"
    " ORDER BY coalesce(w.date, '9999'), w.ingest_seq, w.start_byte LIMIT ?5";

constexpr char kMatches[] =
    "SELECT DISTINCT speaker FROM who_said_what"
    " WHERE lower(speaker) = lower(?1) OR instr(lower(speaker), lower(?1)) > 0"
    " ORDER BY lower(speaker) = lower(?1) DESC, speaker LIMIT 12";

std::vector<Param> Params(const FigureFilter& f, const std::string& speaker) {
  return {JsonArrayOrNull(f.articles), TextOrNull(speaker), TextOrNull(f.since),
          TextOrNull(f.until), LimitParam(f.limit)};
}

bool CaseFoldEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

}  // namespace

Result<Table> Speakers(sqlite3* db, const FigureFilter& filter) {
  CLAIMEX_RETURN_IF_ERROR(CheckFilter(filter));
  return RunQuery(db, kSpeakers, Params(filter, filter.speaker));
}

Result<std::string> ResolveSpeaker(sqlite3* db, const std::string& name) {
  if (name.empty()) return Status::InvalidArgument("empty speaker name");
  auto t = RunQuery(db, kMatches, {name});
  if (!t.ok()) return t.status();
  if (t->empty()) return Status::NotFound("no speaker matches '" + name + "'");
  // An exact (case-insensitive) match sorts first and wins.
  std::string first = t->Text(0, "speaker");
  if (t->size() == 1 || CaseFoldEqual(first, name)) return first;
  std::string list;
  for (size_t r = 0; r < t->size(); ++r) list += (r ? ", " : "") + t->Text(r, "speaker");
  return Status::InvalidArgument("several speakers match '" + name + "': " + list);
}

Result<Table> SpeakerStatements(sqlite3* db, const std::string& name, const FigureFilter& filter) {
  CLAIMEX_RETURN_IF_ERROR(CheckFilter(filter));
  return RunQuery(db, kStatements, Params(filter, name));
}

}  // namespace claimex

#include "db/query_export.h"

#include "db/query_article.h"

namespace claimex {
namespace {

// ?1 selected article ids (JSON array), ?2 speaker part, ?3 limit.
constexpr char kQuotes[] =
    "SELECT a.ext_id AS article, coalesce(a.published, a.anchor_date) AS date, q.idx, q.kind,"
    " q.text, sp.name AS speaker, sp.role, q.cue, q.rule, q.start_byte, q.end_byte"
    " FROM quotes q JOIN articles a ON a.id = q.article LEFT JOIN speakers sp ON sp.id = q.speaker"
    " WHERE a.ext_id IN (SELECT value FROM json_each(?1))"
    " AND (?2 IS NULL OR instr(lower(sp.name), lower(?2)) > 0)"
    " ORDER BY a.ingest_seq, q.idx LIMIT ?3";

constexpr char kStatements[] =
    "SELECT w.speaker, w.role, w.org, w.via, w.kind, w.detail, w.text, w.value, w.unit,"
    " w.sentence, w.article, w.title, w.date, w.start_byte, w.end_byte"
    " FROM who_said_what w WHERE w.article IN (SELECT value FROM json_each(?1))"
    " AND (?2 IS NULL OR instr(lower(w.speaker), lower(?2)) > 0)"
    " ORDER BY w.ingest_seq, w.start_byte LIMIT ?3";

constexpr char kLinks[] =
    "SELECT l.kind, l.score, aa.ext_id AS a_article,"
    " coalesce(aa.published, aa.anchor_date) AS a_date, sa.text AS a_sentence,"
    " ba.ext_id AS b_article, coalesce(ba.published, ba.anchor_date) AS b_date,"
    " sb.text AS b_sentence"
    " FROM links l JOIN articles aa ON aa.id = l.a_article JOIN articles ba ON ba.id = l.b_article"
    " JOIN sentences sa ON sa.id = l.a_sentence JOIN sentences sb ON sb.id = l.b_sentence"
    " WHERE (aa.ext_id IN (SELECT value FROM json_each(?1))"
    "   OR ba.ext_id IN (SELECT value FROM json_each(?1)))"
    " ORDER BY l.id LIMIT ?3";

}  // namespace

const std::vector<std::string>& ExportTableNames() {
  static const std::vector<std::string> names = {"figures", "quotes", "statements", "links",
                                                 "articles"};
  return names;
}

Result<Table> ExportTable(sqlite3* db, const std::string& name, const FigureFilter& filter) {
  if (name == "figures") return Figures(db, filter);
  if (name == "articles") return Articles(db, filter);
  const char* sql = name == "quotes"       ? kQuotes
                    : name == "statements" ? kStatements
                    : name == "links"      ? kLinks
                                           : nullptr;
  if (sql == nullptr) return Status::InvalidArgument("no export table '" + name + "'");
  // The articles the filter selects (the limit applies to the rows, not to them).
  FigureFilter articles = filter;
  articles.limit = 0;
  auto selected = Articles(db, articles);
  if (!selected.ok()) return selected.status();
  std::vector<std::string> ids;
  for (size_t r = 0; r < selected->size(); ++r) ids.push_back(selected->Text(r, "article"));
  return RunQuery(db, sql,
                  {JsonArrayOrNull(ids), TextOrNull(filter.speaker), LimitParam(filter.limit)});
}

}  // namespace claimex

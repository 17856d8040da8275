#include "db/query_search.h"

namespace claimex {
namespace {

// ?1 query, ?2 figures only, ?3/?4 marks, ?5 articles, ?6 since, ?7 until, ?8 limit.
constexpr char kSearch[] =
    "SELECT a.ext_id AS article, a.title, coalesce(a.published, a.anchor_date) AS date,"
    " highlight(sentences_fts, 0, ?3, ?4) AS sentence,"
    " (SELECT group_concat(c.text, '; ') FROM claims c WHERE c.sentence = s.id) AS figures,"
    " (SELECT count(*) FROM quotes q WHERE q.article = s.article"
    "   AND q.start_byte >= s.start_byte AND q.start_byte < s.end_byte) AS quotes,"
    " s.paragraph, s.idx AS sentence_idx, s.start_byte, s.end_byte"
    " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
    " JOIN articles a ON a.id = s.article"
    " WHERE sentences_fts MATCH ?1"
    " AND (?2 = 0 OR EXISTS (SELECT 1 FROM claims c WHERE c.sentence = s.id))"
    " AND (?5 IS NULL OR a.ext_id IN (SELECT value FROM json_each(?5)))"
    " AND (?6 IS NULL OR coalesce(a.published, a.anchor_date) >= ?6)"
    " AND (?7 IS NULL OR substr(coalesce(a.published, a.anchor_date), 1, length(?7)) <= ?7)"
    " ORDER BY sentences_fts.rank, a.ingest_seq, s.idx LIMIT ?8";

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

Result<Table> Search(sqlite3* db, const std::string& query, const SearchOptions& options) {
  if (Blank(query)) return Status::InvalidArgument("bad search query: it is empty");
  if (query.size() > kMaxSearchQuery) {
    return Status::InvalidArgument("bad search query: longer than " +
                                   std::to_string(kMaxSearchQuery) + " bytes");
  }
  const FigureFilter& f = options.filter;
  CLAIMEX_RETURN_IF_ERROR(CheckFilter(f));
  auto t = RunQuery(
      db, kSearch,
      {query, int64_t{options.figures_only ? 1 : 0}, options.mark_open, options.mark_close,
       JsonArrayOrNull(f.articles), TextOrNull(f.since), TextOrNull(f.until), LimitParam(f.limit)});
  if (!t.ok() && t.status().code() == Status::Code::kInvalidArgument) {
    return Status::InvalidArgument("bad search query: " + t.status().message());
  }
  return t;
}

}  // namespace claimex

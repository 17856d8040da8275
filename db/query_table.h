// Query results as plain tables: column names and rows of typed cells. The query functions
// (db/query_*.h) return Tables; the CLI prints them (aligned, JSON Lines, CSV, TSV) and the web
// pages read cells by column name. Queries are prepared statements with bound parameters only.
#ifndef CLAIMEX_DB_QUERY_TABLE_H_
#define CLAIMEX_DB_QUERY_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "extractor/status.h"

struct sqlite3;

namespace claimex {

// One value: NULL, an integer, a real or a text (SQLite's types; a BLOB is read as text).
using Cell = std::variant<std::monostate, int64_t, double, std::string>;

bool IsNull(const Cell& c);
// The cell as text: "" for NULL, integers in decimal, reals in the shortest form that reads
// back the same ("48000000", "4.99").
std::string CellText(const Cell& c);
// The cell as a number: integers and reals as they are, numeric text parsed, else 0.
double CellNumber(const Cell& c);
int64_t CellInt(const Cell& c);

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;

  // The index of column `name`, or -1.
  int Col(std::string_view name) const;
  // Cell of row `r` in column `name` (NULL when there is no such column).
  const Cell& At(size_t r, std::string_view name) const;
  std::string Text(size_t r, std::string_view name) const { return CellText(At(r, name)); }
  int64_t Int(size_t r, std::string_view name) const { return CellInt(At(r, name)); }
  double Number(size_t r, std::string_view name) const { return CellNumber(At(r, name)); }
  bool Null(size_t r, std::string_view name) const { return IsNull(At(r, name)); }
  size_t size() const { return rows.size(); }
  bool empty() const { return rows.empty(); }
};

// A bound parameter: NULL, integer, real or text. Parameters bind to ?1, ?2, ... in order.
using Param = Cell;

// Parameter helpers: "" becomes NULL (no filter); a list becomes a JSON array for
// `x IN (SELECT value FROM json_each(?N))`; a limit of 0 (all) becomes -1 (SQLite's no limit).
Param TextOrNull(const std::string& s);
Param JsonArrayOrNull(const std::vector<std::string>& items);
Param LimitParam(int limit);

// Runs one SELECT with `params` and returns every row. Column names are the statement's
// ("AS name"). A statement that fails is Status::Database with SQLite's message, except one
// that fails while running with SQLITE_ERROR because of what was bound (a full-text query FTS5
// cannot parse): that is Status::InvalidArgument with SQLite's message.
Result<Table> RunQuery(sqlite3* db, std::string_view sql, const std::vector<Param>& params);

// Shortest decimal form of `v` that reads back as the same double ("0.1", "48000000", "1e+21").
std::string FormatDouble(double v);

}  // namespace claimex

#endif  // CLAIMEX_DB_QUERY_TABLE_H_

#include "db/query_table.h"

#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>

namespace claimex {
namespace {

const Cell kNullCell;

struct Finalize {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

Status Bind(sqlite3_stmt* st, int i, const Param& p) {
  int rc = SQLITE_OK;
  if (std::holds_alternative<std::monostate>(p)) {
    rc = sqlite3_bind_null(st, i);
  } else if (auto* n = std::get_if<int64_t>(&p)) {
    rc = sqlite3_bind_int64(st, i, *n);
  } else if (auto* d = std::get_if<double>(&p)) {
    rc = sqlite3_bind_double(st, i, *d);
  } else {
    const std::string& s = std::get<std::string>(p);
    rc = sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  if (rc == SQLITE_OK) return Status::Ok();
  return Status::Database("bind parameter " + std::to_string(i) + ": " + sqlite3_errstr(rc));
}

// A statement that fails while running (not while preparing) with SQLITE_ERROR was given input
// it cannot use, such as a full-text query FTS5 cannot parse ("fts5: syntax error near ...",
// "unterminated string", "no such column: x" for "x: word").
Status StepError(sqlite3* db, int rc, bool running) {
  std::string msg = sqlite3_errmsg(db);
  if (running && (rc & 0xff) == SQLITE_ERROR) return Status::InvalidArgument(msg);
  return Status::Database(msg + " (code " + std::to_string(rc) + ")");
}

}  // namespace

bool IsNull(const Cell& c) { return std::holds_alternative<std::monostate>(c); }

std::string FormatDouble(double v) {
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<int64_t>(v));
  }
  char buf[40];
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string CellText(const Cell& c) {
  if (auto* n = std::get_if<int64_t>(&c)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&c)) return FormatDouble(*d);
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  return "";
}

double CellNumber(const Cell& c) {
  if (auto* n = std::get_if<int64_t>(&c)) return static_cast<double>(*n);
  if (auto* d = std::get_if<double>(&c)) return *d;
  if (auto* s = std::get_if<std::string>(&c)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

int64_t CellInt(const Cell& c) {
  if (auto* n = std::get_if<int64_t>(&c)) return *n;
  return static_cast<int64_t>(CellNumber(c));
}

int Table::Col(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

const Cell& Table::At(size_t r, std::string_view name) const {
  int c = Col(name);
  if (c < 0 || r >= rows.size()) return kNullCell;
  return rows[r][static_cast<size_t>(c)];
}

Param TextOrNull(const std::string& s) {
  if (s.empty()) return std::monostate{};
  return s;
}

Param JsonArrayOrNull(const std::vector<std::string>& items) {
  if (items.empty()) return std::monostate{};
  return nlohmann::json(items).dump();
}

Param LimitParam(int limit) { return int64_t{limit > 0 ? limit : -1}; }

Result<Table> RunQuery(sqlite3* db, std::string_view sql, const std::vector<Param>& params) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  std::unique_ptr<sqlite3_stmt, Finalize> st(raw);
  if (rc != SQLITE_OK) return StepError(db, rc, false);
  for (size_t i = 0; i < params.size(); ++i) {
    CLAIMEX_RETURN_IF_ERROR(Bind(st.get(), static_cast<int>(i + 1), params[i]));
  }
  Table out;
  const int ncol = sqlite3_column_count(st.get());
  for (int i = 0; i < ncol; ++i) out.columns.emplace_back(sqlite3_column_name(st.get(), i));
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    std::vector<Cell>& row = out.rows.emplace_back();
    row.reserve(static_cast<size_t>(ncol));
    for (int i = 0; i < ncol; ++i) {
      switch (sqlite3_column_type(st.get(), i)) {
        case SQLITE_NULL:
          row.emplace_back();
          break;
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<int64_t>(sqlite3_column_int64(st.get(), i)));
          break;
        case SQLITE_FLOAT:
          row.emplace_back(sqlite3_column_double(st.get(), i));
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), i));
          row.emplace_back(std::string(text ? text : "",
                                       static_cast<size_t>(sqlite3_column_bytes(st.get(), i))));
        }
      }
    }
  }
  if (rc != SQLITE_DONE) return StepError(db, rc, true);
  return out;
}

}  // namespace claimex

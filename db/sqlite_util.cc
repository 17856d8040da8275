#include "db/sqlite_util.h"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace claimex {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  // sqlite3_errmsg describes the failure just reported on the connection; without a connection
  // there is only the code's generic text.
  if (db != nullptr) {
    msg += sqlite3_errmsg(db);
  } else {
    msg += sqlite3_errstr(rc);
  }
  msg += " (code " + std::to_string(rc) + ")";
  return Status::Database(std::move(msg));
}

Status ExecSql(sqlite3* db, std::string_view sql) {
  std::string text(sql);  // sqlite3_exec wants a NUL-terminated string
  char* err = nullptr;
  int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  std::string head = text.substr(0, text.find('\n'));
  if (head.size() > 60) head = head.substr(0, 60) + "...";
  return Status::Database(head + ": " + msg + " (code " + std::to_string(rc) + ")");
}

Result<Stmt> Stmt::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    std::string head(sql.substr(0, 60));
    return SqliteError(db, rc, "prepare \"" + head + "\"");
  }
  return Stmt(db, stmt);
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt::Stmt(Stmt&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      bind_error_(std::move(other.bind_error_)) {}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = std::move(other.bind_error_);
  }
  return *this;
}

Stmt& Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = Status::Ok();
  return *this;
}

void Stmt::Check(int rc, int i) {
  if (rc != SQLITE_OK && bind_error_.ok()) {
    bind_error_ = SqliteError(db_, rc, "bind parameter " + std::to_string(i));
  }
}

Stmt& Stmt::BindInt(int i, int64_t v) {
  Check(sqlite3_bind_int64(stmt_, i, v), i);
  return *this;
}

Stmt& Stmt::BindDouble(int i, double v) {
  Check(sqlite3_bind_double(stmt_, i, v), i);
  return *this;
}

Stmt& Stmt::BindText(int i, std::string_view v) {
  // SQLITE_STATIC: every caller keeps the bytes alive until the statement has run.
  Check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8), i);
  return *this;
}

Stmt& Stmt::BindBlob(int i, std::string_view bytes) {
  Check(sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_STATIC), i);
  return *this;
}

Stmt& Stmt::BindTextOrNull(int i, std::string_view v) {
  return v.empty() ? BindNull(i) : BindText(i, v);
}

Stmt& Stmt::BindNull(int i) {
  Check(sqlite3_bind_null(stmt_, i), i);
  return *this;
}

Stmt& Stmt::BindDouble(int i, const std::optional<double>& v) {
  return v ? BindDouble(i, *v) : BindNull(i);
}

Stmt& Stmt::BindIdOrNull(int i, int64_t id) { return id < 0 ? BindNull(i) : BindInt(i, id); }

Result<bool> Stmt::Step() {
  if (!bind_error_.ok()) return bind_error_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status st = SqliteError(db_, rc, "step");
  sqlite3_reset(stmt_);
  return st;
}

Status Stmt::Run() {
  Result<bool> r = Step();
  while (r.ok() && *r) r = Step();
  sqlite3_reset(stmt_);
  return r.ok() ? Status::Ok() : r.status();
}

bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

double Stmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }

std::optional<double> Stmt::OptDouble(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Double(col);
}

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string_view Stmt::BlobView(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (p == nullptr) return {};
  return std::string_view(static_cast<const char*>(p),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

int64_t Stmt::IdOrMinus1(int col) const { return IsNull(col) ? -1 : Int(col); }

}  // namespace claimex

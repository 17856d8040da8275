// Internal: a small RAII layer over the SQLite C API for the store. A Stmt owns one prepared
// statement; binding and stepping errors become Status::Database carrying SQLite's message.
// Values are only ever bound, never spliced into SQL text.
#ifndef CLAIMEX_DB_SQLITE_UTIL_H_
#define CLAIMEX_DB_SQLITE_UTIL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace claimex {

// Status::Database("WHAT: <sqlite message> (code N)") for a failed SQLite call on `db`.
Status SqliteError(sqlite3* db, int rc, std::string_view what);

// Runs one or more SQL statements without parameters (pragmas, migrations, BEGIN/COMMIT).
Status ExecSql(sqlite3* db, std::string_view sql);

// One prepared statement. Bind* calls keep the first error and Step()/Run() report it, so binds
// can be written in a row without checking each. Parameter and column indexes: binds count from
// 1 (as in SQLite), columns from 0.
class Stmt {
 public:
  Stmt() = default;
  static Result<Stmt> Prepare(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool valid() const { return stmt_ != nullptr; }

  // Resets the statement and clears its bindings and any pending bind error.
  Stmt& Reset();

  Stmt& BindInt(int i, int64_t v);
  Stmt& BindDouble(int i, double v);
  Stmt& BindText(int i, std::string_view v);        // "" stays ""
  Stmt& BindTextOrNull(int i, std::string_view v);  // "" becomes NULL
  Stmt& BindNull(int i);
  Stmt& BindDouble(int i, const std::optional<double>& v);  // unset becomes NULL
  Stmt& BindIdOrNull(int i, int64_t id);                    // id < 0 becomes NULL
  Stmt& BindBlob(int i, std::string_view bytes);            // kept alive by the caller

  // Steps once: true when a row is ready, false when the statement is done.
  Result<bool> Step();
  // Steps to completion (INSERT/UPDATE/DELETE), then resets the statement for reuse.
  Status Run();

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::optional<double> OptDouble(int col) const;  // NULL -> unset
  std::string Text(int col) const;                 // NULL -> ""
  int64_t IdOrMinus1(int col) const;               // NULL -> -1
  // A BLOB (or TEXT) column's bytes, valid until the next Step/Reset; NULL -> "".
  std::string_view BlobView(int col) const;

 private:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void Check(int rc, int i);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Status bind_error_;
};

}  // namespace claimex

#endif  // CLAIMEX_DB_SQLITE_UTIL_H_

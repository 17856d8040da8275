// Errors as values. Every fallible function in claimex returns a Status or a Result<T>; no
// exception crosses a module boundary. ICU, SQLite and libxml2 error codes become a Status where
// they enter our code.
#ifndef CLAIMEX_EXTRACTOR_STATUS_H_
#define CLAIMEX_EXTRACTOR_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace claimex {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // a caller passed something unusable (bad flag, bad query)
    kNotFound,         // a file, article or row that is not there
    kIoError,          // the OS refused a read or write
    kMalformed,        // input that does not parse (bad JSON line, broken feed)
    kTooLarge,         // input over a configured size limit
    kEncoding,         // bytes that cannot be decoded to text
    kEmpty,            // an article with no text
    kRuleError,        // a bad line in a patterns/ file (message names file:line)
    kDatabase,         // SQLite reported an error
    kInternal,         // a bug: an invariant did not hold
  };

  Status() = default;  // OK
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {Code::kIoError, std::move(m)}; }
  static Status Malformed(std::string m) { return {Code::kMalformed, std::move(m)}; }
  static Status TooLarge(std::string m) { return {Code::kTooLarge, std::move(m)}; }
  static Status Encoding(std::string m) { return {Code::kEncoding, std::move(m)}; }
  static Status Empty(std::string m) { return {Code::kEmpty, std::move(m)}; }
  static Status RuleError(std::string m) { return {Code::kRuleError, std::move(m)}; }
  static Status Database(std::string m) { return {Code::kDatabase, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "malformed: line 7: unexpected end of input" (or "ok").
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// A short lower-case name for a code ("malformed", "too large", ...).
const char* CodeName(Status::Code code);

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace claimex

// Returns early with the Status of an expression that is not OK.
#define CLAIMEX_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::claimex::Status _st = (expr);            \
    if (!_st.ok()) return _st;                 \
  } while (0)

#endif  // CLAIMEX_EXTRACTOR_STATUS_H_

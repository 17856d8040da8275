#include "extractor/status.h"

namespace claimex {

const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk: return "ok";
    case Status::Code::kInvalidArgument: return "invalid argument";
    case Status::Code::kNotFound: return "not found";
    case Status::Code::kIoError: return "I/O error";
    case Status::Code::kMalformed: return "malformed";
    case Status::Code::kTooLarge: return "too large";
    case Status::Code::kEncoding: return "undecodable";
    case Status::Code::kEmpty: return "empty";
    case Status::Code::kRuleError: return "bad rule";
    case Status::Code::kDatabase: return "database error";
    case Status::Code::kInternal: return "internal error";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(CodeName(code_)) + ": " + message_;
}

}  // namespace claimex

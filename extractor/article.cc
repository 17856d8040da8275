// Rejection::Message (see extractor/article.h).
#include "extractor/article.h"

namespace claimex {
namespace {

// Appends `text` with line breaks and tabs turned into spaces: a message is one line.
void AppendOneLine(std::string_view text, std::string* out) {
  for (char c : text) out->push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
}

}  // namespace

std::string Rejection::Message() const {
  std::string message;
  message.reserve(origin.size() + id.size() + reason.size() + 8);
  AppendOneLine(origin.empty() ? std::string_view("<input>") : std::string_view(origin), &message);
  if (!id.empty()) {
    message += " (id ";
    AppendOneLine(id, &message);
    message += ')';
  }
  message += ": ";
  AppendOneLine(reason.empty() ? std::string_view("rejected") : std::string_view(reason), &message);
  return message;
}

}  // namespace claimex

// One text file -> one Article (see extractor/text_reader.h).
#include "extractor/text_reader.h"

#include <utility>

#include "extractor/status.h"

namespace claimex {
namespace {

Rejection Reject(const std::string& origin, const std::string& id, std::string reason) {
  return Rejection{origin, id, std::move(reason)};
}

}  // namespace

std::string TooLargeReason(size_t bytes, size_t limit) {
  return "too large: " + std::to_string(bytes) + " bytes > " + std::to_string(limit);
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

ReadItem TextArticleFromBytes(std::string_view bytes, const std::string& origin,
                              const std::string& id, const ReaderOptions& options) {
  if (bytes.empty()) return Reject(origin, id, "empty file");
  Article article;
  Status st = DecodeToUtf8(bytes, &article.body, &article.encoding);
  if (!st.ok()) return Reject(origin, id, "cannot decode: " + st.message());
  if (IsBlank(article.body)) return Reject(origin, id, "empty body");
  if (article.body.size() > options.max_article_bytes) {
    return Reject(origin, id, TooLargeReason(article.body.size(), options.max_article_bytes));
  }
  article.id = id;
  article.origin = origin;
  return article;
}

ReadItem ReadTextArticle(ByteStream* stream, const std::string& origin, const std::string& id,
                         const ReaderOptions& options) {
  int64_t size = stream->FileSize();
  if (size >= 0 && static_cast<uint64_t>(size) > options.max_article_bytes) {
    return Reject(origin, id, TooLargeReason(static_cast<size_t>(size), options.max_article_bytes));
  }
  std::string bytes;
  if (size > 0) bytes.reserve(static_cast<size_t>(size));
  size_t length = 0;
  bool fits = stream->ReadAll(options.max_article_bytes, &bytes, &length);
  if (!stream->error().empty()) return Reject(origin, id, "cannot read: " + stream->error());
  if (!fits) return Reject(origin, id, TooLargeReason(length, options.max_article_bytes));
  return TextArticleFromBytes(bytes, origin, id, options);
}

}  // namespace claimex

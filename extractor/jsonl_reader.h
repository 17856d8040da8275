// Internal: JSON Lines intake for OpenInputs (extractor/reader.h) — one article per line:
//   {"id": "...", "body": "...", "title"?, "source"?, "url"?, "published"?}
// Other fields are ignored. A numeric id is taken in its decimal form. "published" keeps the
// "YYYY-MM-DD" of an ISO date or date-time (anything else is dropped). Blank lines are skipped.
// Each bad line is a Rejection naming "feed.jsonl:LINE" and the reason, and reading goes on.
// The feed is read line by line through a ByteStream: memory holds one line at most, and a line
// longer than max_article_bytes + slack is skipped to its newline without being held.
#ifndef CLAIMEX_EXTRACTOR_JSONL_READER_H_
#define CLAIMEX_EXTRACTOR_JSONL_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "extractor/byte_stream.h"
#include "extractor/reader.h"

namespace claimex {

class JsonLinesReader : public ArticleReader {
 public:
  // Reads the feed `stream`, named `origin` in messages ("feed.jsonl", "<stdin>").
  JsonLinesReader(std::unique_ptr<ByteStream> stream, std::string origin,
                  const ReaderOptions& options);
  bool Next(ReadItem* item) override;

  // The longest line that is parsed at all: the article limit plus room for JSON escapes and
  // the other fields (max/2 + 64 KiB).
  static size_t LineLimit(const ReaderOptions& options);

 private:
  std::unique_ptr<ByteStream> stream_;
  std::string origin_;
  ReaderOptions options_;
  size_t line_number_ = 0;
  std::string line_;
  bool done_ = false;
};

// Makes the item for one line of a feed (no '\n'); `origin` is "feed.jsonl:7". A line that is
// not valid UTF-8 is decoded (DecodeToUtf8) before parsing and the article records the encoding.
ReadItem ParseJsonLine(std::string_view line, const std::string& origin,
                       const ReaderOptions& options);

// "YYYY-MM-DD" from "2007-04-10", "2007-04-10T12:44:00Z", "2007-04-10 12:44"; "" otherwise.
std::string IsoDate(std::string_view published);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_JSONL_READER_H_

// Reads `claimex extract --with-body` output (the JSON Lines output contract,
// ../shared/eval/README.md) back into Articles with their Extractions, so that extraction can run
// anywhere (GNU parallel, Spark `pipe`, Hadoop Streaming) while one `claimex ingest` stores and
// links the result.
//
// Per article the input holds an "article" record followed by its "claim", "time" and "quote"
// records (other record types, e.g. "link", are skipped). The article record must carry the
// extras that `--with-body` adds (extractor/json_writer.h): "body" (the body as extracted; every
// offset points into it), "sentences" ([[start, end, paragraph], ...]) and "speakers" ([{"name",
// "role", "org", "aliases"}, ...]). Claims and quotes refer to speakers by name, to their time and
// sentence by span and to a restated claim by its start offset; these are resolved back to
// indexes. An article whose records do not fit (no body, a span outside the body, a time or
// sentence span that is not in the article, a bad JSON line) becomes one Rejection naming
// "file:LINE" and reading goes on with the next article record.
//
// Memory holds one article with its records at a time.
#ifndef CLAIMEX_EXTRACTOR_CONTRACT_READER_H_
#define CLAIMEX_EXTRACTOR_CONTRACT_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "extractor/article.h"
#include "extractor/extraction.h"
#include "extractor/status.h"

namespace claimex {

class ByteStream;

// One article read back with what was extracted from it.
struct ExtractedArticle {
  Article article;
  Extraction extraction;
};

using ContractItem = std::variant<ExtractedArticle, Rejection>;

class ContractReader {
 public:
  // Reads `stream` (not shared), named `origin` in messages ("out.jsonl", "<stdin>"). Lines
  // longer than `max_line_bytes` are rejected without being held (default: room for a 10 MiB
  // body with its escapes and sentence list).
  ContractReader(std::unique_ptr<ByteStream> stream, std::string origin,
                 size_t max_line_bytes = 64 * 1024 * 1024);
  ~ContractReader();

  // Fills *item with the next article or rejection. Returns false at the end of the input.
  bool Next(ContractItem* item);

 private:
  bool ReadLine(std::string* line);

  std::unique_ptr<ByteStream> stream_;
  std::string origin_;
  size_t max_line_bytes_;
  size_t line_number_ = 0;
  std::string pending_;      // an article record read ahead (the start of the next article)
  size_t pending_line_ = 0;  // its line number, 0 when none is pending
  bool done_ = false;
};

// Whether `head` (the first bytes of an input) starts with a contract "article" record: its first
// non-blank line is a JSON object whose first key is "type" with the value "article" (as `claimex
// extract` writes it).
bool LooksLikeContract(std::string_view head);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_CONTRACT_READER_H_

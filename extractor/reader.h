// Readers turn inputs (files, directories, feeds, standard input) into a stream of Articles.
// Reading is streaming: a reader holds one article (or one line) at a time, so memory stays
// bounded whatever the size of a feed. Inputs that cannot become an Article are delivered as
// Rejections in the same stream, in input order, and reading goes on.
#ifndef CLAIMEX_EXTRACTOR_READER_H_
#define CLAIMEX_EXTRACTOR_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "extractor/article.h"

namespace claimex {

// The formats a file can hold. kAuto sniffs by extension and first bytes. kHtml is one web page
// (its main text becomes the body), kFeed an RSS/Atom feed (one article per item). kCompressed:
// gzip is read transparently (by its magic bytes, whatever the name) and the format of what it
// holds is sniffed in turn; other compression (.bz2, .xz, .zip) is rejected. kBinary (PDF,
// images) is never text.
enum class InputFormat { kAuto, kText, kJsonLines, kHtml, kFeed, kCompressed, kBinary };

struct ReaderOptions {
  size_t max_article_bytes = 10 * 1024 * 1024;  // larger bodies are rejected ("too large")
  InputFormat format = InputFormat::kAuto;      // kAuto sniffs each input; another value forces it
  // The largest feed or web page (its raw markup, decompressed); larger ones are rejected. A gzip
  // file stops decompressing at the limit of what it holds: max_article_bytes for a text
  // article, max_feed_bytes for a page or feed, 16 x max_feed_bytes for JSON Lines (which is
  // streamed) — so a gzip bomb is rejected ("gzip: decompresses to more than N bytes").
  size_t max_feed_bytes = 64 * 1024 * 1024;
  std::string patterns_dir;  // rule files for the HTML and feed readers ("" = built in)
};

// One item of the stream: an article, or a rejected input.
using ReadItem = std::variant<Article, Rejection>;

// Reads one kind of input. Not thread-safe; one reader per input.
class ArticleReader {
 public:
  virtual ~ArticleReader() = default;
  // Fills *item with the next article or rejection. Returns false at the end of the input.
  virtual bool Next(ReadItem* item) = 0;
};

// Opens a reader over every input named in `paths`, in order: a file (format by extension, else
// by its first bytes: .jsonl/.ndjson are JSON Lines, .html/.htm/.xhtml a web page (its article
// text, extractor/html_reader.h), .xml/.rss/.atom an RSS/Atom feed (extractor/feed_reader.h), a
// gzip file what it holds, anything else one text article), a directory (its files recursively,
// sorted by path, hidden files skipped) or "-" (standard input, sniffed: a first byte '{' means
// JSON Lines). A path that does not exist is reported as a Rejection, not a failure.
std::unique_ptr<ArticleReader> OpenInputs(const std::vector<std::string>& paths,
                                          const ReaderOptions& options = {});

// Decodes raw bytes to UTF-8: a UTF-8 or UTF-16/32 BOM wins; valid UTF-8 is kept as is; other
// bytes are detected with ICU's charset detector (falling back to windows-1252) and converted.
// NUL bytes become spaces. Sets *encoding to the name of the encoding assumed.
// Fails (kEncoding) only when no converter can make text of the bytes.
class Status;
Status DecodeToUtf8(std::string_view bytes, std::string* utf8, std::string* encoding);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_READER_H_

// Internal: plain-text intake for OpenInputs (extractor/reader.h) — one article per file.
// The article's id is the file name without its extension, its origin the path as given, its
// body the decoded text (DecodeToUtf8: BOM dropped, NULs made spaces, line ends kept).
#ifndef CLAIMEX_EXTRACTOR_TEXT_READER_H_
#define CLAIMEX_EXTRACTOR_TEXT_READER_H_

#include <string>
#include <string_view>

#include "extractor/byte_stream.h"
#include "extractor/reader.h"

namespace claimex {

// Reads the rest of `stream` as one text article named `id`, from `origin`. A regular file over
// options.max_article_bytes is rejected from its size (fstat) before anything is read; a pipe is
// read in chunks and dropped as soon as it passes the limit. 0 bytes: "empty file".
ReadItem ReadTextArticle(ByteStream* stream, const std::string& origin, const std::string& id,
                         const ReaderOptions& options);

// Makes the article from raw bytes: decodes them, then rejects an undecodable ("cannot
// decode: ..."), blank ("empty body") or, after decoding, too large body.
ReadItem TextArticleFromBytes(std::string_view bytes, const std::string& origin,
                              const std::string& id, const ReaderOptions& options);

// "too large: 12582912 bytes > 10485760" — shared by every reader.
std::string TooLargeReason(size_t bytes, size_t limit);

// True when `text` holds nothing but ASCII whitespace (spaces, tabs, line ends).
bool IsBlank(std::string_view text);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_TEXT_READER_H_

// Internal: a buffered, bounded byte reader over a file or standard input (or the decompressed
// bytes of either), for the readers (extractor/text_reader.h, extractor/jsonl_reader.h, ...). It
// never holds more than one buffer plus the caller's line: a line longer than the caller's limit is
// skipped to its newline in chunks.
#ifndef CLAIMEX_EXTRACTOR_BYTE_STREAM_H_
#define CLAIMEX_EXTRACTOR_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/gunzip.h"
#include "extractor/status.h"

namespace claimex {

class ByteStream {
 public:
  // Opens `path` for reading; "-" is standard input (not closed at the end). Fails with
  // kNotFound / kIoError and the OS's reason ("No such file or directory").
  static Result<std::unique_ptr<ByteStream>> Open(const std::string& path);
  // Reads from an open descriptor; closes it at the end when `owns` is true.
  ByteStream(int fd, bool owns, size_t buffer_size = 256 * 1024);
  // A stream of the decompressed bytes of `raw`, whose next bytes are gzip data
  // (extractor/gunzip.h). Reading stops after `limit` decompressed bytes with error() "gzip:
  // decompresses to more than N bytes", and on bad data with error() "corrupt gzip: ...",
  // "truncated gzip" and the like. FileSize() is -1.
  static std::unique_ptr<ByteStream> Gunzip(std::unique_ptr<ByteStream> raw, size_t limit);
  // Changes the decompressed-size limit of a Gunzip stream (no effect on others).
  void set_limit(size_t limit) { limit_ = limit; }
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // The size of a regular file (from fstat, before anything is read), or -1 for a pipe or a
  // terminal whose size is unknown.
  int64_t FileSize() const;

  // Buffers at least `n` bytes when the input has that many (n ≤ buffer size) and returns the
  // buffered bytes without consuming them.
  std::string_view Peek(size_t n);

  enum class Line { kLine, kTooLong, kEnd };
  // Reads the next line (its '\n' consumed, not stored; a last line without one counts too).
  // kLine: *line holds it (at most `max` bytes). kTooLong: the line had more than `max` bytes;
  // it was skipped without being held, *line holds its first `keep` bytes. *length gets the
  // line's full size in bytes. kEnd: no more input (or a read error: see error()).
  Line ReadLine(size_t max, size_t keep, std::string* line, size_t* length);

  // Reads the rest of the input into *out when it has at most `max` bytes and returns true;
  // otherwise reads (and drops) it all, sets *length to its size and returns false.
  bool ReadAll(size_t max, std::string* out, size_t* length);

  // Consumes and returns the next buffered bytes (reading more when none are buffered): a view
  // that stays valid until the next call on this stream. Empty at the end of the input (or on a
  // read error: see error()).
  std::string_view ReadChunk();

  // The OS's reason for a failed read, "" when every read succeeded.
  const std::string& error() const { return error_; }

 private:
  // Reads more bytes after the buffered ones (compacting the buffer first). False at the end of
  // the input or on a read error.
  bool Fill();
  bool FillGzip();  // Fill() of a Gunzip stream

  int fd_;
  bool owns_;
  std::vector<char> buffer_;
  size_t begin_ = 0;  // the unread bytes are buffer_[begin_, end_)
  size_t end_ = 0;
  bool eof_ = false;
  std::string error_;
  // A Gunzip stream: the compressed source, its inflater and the source bytes not yet inflated.
  std::unique_ptr<ByteStream> source_;
  std::unique_ptr<GzipInflater> inflater_;
  std::string_view pending_;
  size_t limit_ = 0;
  size_t total_ = 0;  // decompressed bytes so far
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_BYTE_STREAM_H_

// Internal: gzip decompression (zlib) for the readers. A gzip file is read transparently whatever
// its name: the readers look at its magic bytes (1f 8b), not only at ".gz". ByteStream::Gunzip
// (extractor/byte_stream.h) wraps a stream in a GzipInflater, so every reader streams
// decompressed bytes; the stream stops at a decompressed-size limit, so a gzip bomb costs at most
// that many bytes (and the time to make them) and is rejected.
#ifndef CLAIMEX_EXTRACTOR_GUNZIP_H_
#define CLAIMEX_EXTRACTOR_GUNZIP_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "extractor/status.h"

namespace claimex {

// True when `head` starts with the gzip magic bytes 1f 8b.
bool IsGzip(std::string_view head);

// The name a compressed file stands for: "dir/page.html.gz" -> "dir/page.html"; "x.xml" (gzip
// bytes under another name) stays "x.xml".
std::string StripGzExtension(std::string_view path);

// Pull-style decompression of one gzip input: one or more concatenated members (as `cat a.gz
// b.gz` makes), zero padding after a member allowed.
class GzipInflater {
 public:
  GzipInflater();
  ~GzipInflater();
  GzipInflater(const GzipInflater&) = delete;
  GzipInflater& operator=(const GzipInflater&) = delete;

  // Decompresses from *input (consuming what it uses) into out[0, capacity); *produced gets the
  // bytes written. Returns kMalformed ("not gzip: ..." before any output, "corrupt gzip: ..."
  // after) on bad data. Call again with more input when *input is used up.
  Status Inflate(std::string_view* input, char* out, size_t capacity, size_t* produced);
  // True between members: the input may end here without being truncated.
  bool AtMemberEnd() const { return at_member_end_; }

 private:
  struct State;
  std::unique_ptr<State> state_;
  bool at_member_end_ = false;
  bool started_ = false;
  bool any_output_ = false;
};

// Decompresses gzip bytes held in memory into *out. kTooLarge ("decompresses to more than N
// bytes") once the output passes `max`; kMalformed on bad or truncated ("truncated gzip") data.
Status GunzipBytes(std::string_view bytes, size_t max, std::string* out);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_GUNZIP_H_

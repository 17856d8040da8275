// Buffered bounded reading for the readers (see extractor/byte_stream.h).
#include "extractor/byte_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace claimex {

Result<std::unique_ptr<ByteStream>> ByteStream::Open(const std::string& path) {
  if (path == "-") return std::make_unique<ByteStream>(STDIN_FILENO, /*owns=*/false);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    std::string reason = std::strerror(e);
    if (e == ENOENT || e == ENOTDIR) return Status::NotFound(reason);
    return Status::IoError("cannot read: " + reason);
  }
  return std::make_unique<ByteStream>(fd, /*owns=*/true);
}

ByteStream::ByteStream(int fd, bool owns, size_t buffer_size)
    : fd_(fd), owns_(owns), buffer_(std::max<size_t>(buffer_size, 16)) {}

ByteStream::~ByteStream() {
  if (owns_ && fd_ >= 0) ::close(fd_);
}

std::unique_ptr<ByteStream> ByteStream::Gunzip(std::unique_ptr<ByteStream> raw, size_t limit) {
  auto s = std::make_unique<ByteStream>(-1, /*owns=*/false);
  s->source_ = std::move(raw);
  s->inflater_ = std::make_unique<GzipInflater>();
  s->limit_ = limit;
  return s;
}

int64_t ByteStream::FileSize() const {
  if (inflater_ != nullptr) return -1;
  struct stat st;
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<int64_t>(st.st_size);
}

bool ByteStream::Fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) return true;  // full: the caller consumes first
  if (inflater_ != nullptr) return FillGzip();
  for (;;) {
    ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n > 0) {
      end_ += static_cast<size_t>(n);
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error_ = std::strerror(errno);
    eof_ = true;
    return false;
  }
}

bool ByteStream::FillGzip() {
  for (;;) {
    if (pending_.empty()) {
      pending_ = source_->ReadChunk();
      if (pending_.empty()) {
        if (!source_->error().empty()) {
          error_ = source_->error();
        } else if (!inflater_->AtMemberEnd()) {
          error_ = "truncated gzip";
        }
        eof_ = true;
        return false;
      }
    }
    size_t produced = 0;
    Status st =
        inflater_->Inflate(&pending_, buffer_.data() + end_, buffer_.size() - end_, &produced);
    if (!st.ok()) {
      error_ = st.message();
      eof_ = true;
      return false;
    }
    total_ += produced;
    if (total_ > limit_) {
      error_ = "gzip: decompresses to more than " + std::to_string(limit_) + " bytes";
      eof_ = true;
      return false;
    }
    end_ += produced;
    if (produced > 0) return true;
  }
}

std::string_view ByteStream::Peek(size_t n) {
  n = std::min(n, buffer_.size());
  while (end_ - begin_ < n && Fill()) {
  }
  return std::string_view(buffer_.data() + begin_, end_ - begin_);
}

ByteStream::Line ByteStream::ReadLine(size_t max, size_t keep, std::string* line, size_t* length) {
  line->clear();
  size_t total = 0;
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (begin_ == end_ && !Fill()) break;
    any = true;
    const char* start = buffer_.data() + begin_;
    size_t avail = end_ - begin_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
    size_t take = nl != nullptr ? static_cast<size_t>(nl - start) : avail;
    total += take;
    if (!too_long && total > max) {
      too_long = true;
      line->resize(std::min(line->size(), keep));
    }
    if (!too_long) {
      line->append(start, take);
    } else if (line->size() < keep) {
      line->append(start, std::min(take, keep - line->size()));
    }
    begin_ += take;
    if (nl != nullptr) {
      ++begin_;  // the '\n'
      *length = total;
      return too_long ? Line::kTooLong : Line::kLine;
    }
  }
  *length = total;
  if (!any) return Line::kEnd;
  return too_long ? Line::kTooLong : Line::kLine;
}

bool ByteStream::ReadAll(size_t max, std::string* out, size_t* length) {
  out->clear();
  size_t total = 0;
  bool fits = true;
  for (;;) {
    if (begin_ == end_ && !Fill()) break;
    size_t avail = end_ - begin_;
    total += avail;
    if (fits && total > max) {
      fits = false;
      out->clear();
      out->shrink_to_fit();
    }
    if (fits) out->append(buffer_.data() + begin_, avail);
    begin_ = end_;
  }
  *length = total;
  return fits;
}

std::string_view ByteStream::ReadChunk() {
  if (begin_ == end_ && !Fill()) return {};
  std::string_view chunk(buffer_.data() + begin_, end_ - begin_);
  begin_ = end_;
  return chunk;
}

}  // namespace claimex

// gzip decompression with zlib (see extractor/gunzip.h).
#include "extractor/gunzip.h"

#include <zlib.h>

#include <algorithm>

namespace claimex {

struct GzipInflater::State {
  z_stream z{};
  bool ok = false;
};

GzipInflater::GzipInflater() : state_(std::make_unique<State>()) {
  // 16 + MAX_WBITS: a gzip wrapper (header and CRC checked), not raw deflate or zlib.
  state_->ok = inflateInit2(&state_->z, 16 + MAX_WBITS) == Z_OK;
}

GzipInflater::~GzipInflater() {
  if (state_->ok) inflateEnd(&state_->z);
}

Status GzipInflater::Inflate(std::string_view* input, char* out, size_t capacity,
                             size_t* produced) {
  *produced = 0;
  if (!state_->ok) return Status::Internal("zlib: inflateInit2 failed");
  z_stream& z = state_->z;
  while (!input->empty() && *produced < capacity) {
    if (at_member_end_ || !started_) {
      // Zero padding after a member is allowed; anything else starts a (new) member.
      if (started_) {
        size_t nz = input->find_first_not_of('\0');
        if (nz == std::string_view::npos) {
          input->remove_prefix(input->size());
          break;
        }
        input->remove_prefix(nz);
        if (inflateReset(&z) != Z_OK) return Status::Internal("zlib: inflateReset failed");
      }
      started_ = true;
      at_member_end_ = false;
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input->data()));
    z.avail_in = static_cast<uInt>(std::min<size_t>(input->size(), 1u << 30));
    z.next_out = reinterpret_cast<Bytef*>(out + *produced);
    z.avail_out = static_cast<uInt>(std::min<size_t>(capacity - *produced, 1u << 30));
    uInt in_before = z.avail_in, out_before = z.avail_out;
    int rc = inflate(&z, Z_NO_FLUSH);
    size_t consumed = in_before - z.avail_in;
    size_t made = out_before - z.avail_out;
    input->remove_prefix(consumed);
    *produced += made;
    any_output_ |= made > 0;
    if (rc == Z_STREAM_END) {
      at_member_end_ = true;
      continue;
    }
    if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR || rc == Z_STREAM_ERROR) {
      std::string why = z.msg != nullptr ? z.msg : "bad data";
      return Status::Malformed((any_output_ ? "corrupt gzip: " : "not gzip: ") + why);
    }
    if (consumed == 0 && made == 0) break;  // needs more input (Z_BUF_ERROR): never spin
  }
  return Status::Ok();
}

bool IsGzip(std::string_view head) {
  return head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b';
}

Status GunzipBytes(std::string_view bytes, size_t max, std::string* out) {
  out->clear();
  GzipInflater inflater;
  char buffer[64 * 1024];
  std::string_view input = bytes;
  while (!input.empty()) {
    size_t produced = 0;
    CLAIMEX_RETURN_IF_ERROR(inflater.Inflate(&input, buffer, sizeof(buffer), &produced));
    if (out->size() + produced > max) {
      return Status::TooLarge("decompresses to more than " + std::to_string(max) + " bytes");
    }
    out->append(buffer, produced);
    if (produced == 0 && !input.empty()) return Status::Malformed("corrupt gzip: no progress");
  }
  if (!inflater.AtMemberEnd()) return Status::Malformed("truncated gzip");
  return Status::Ok();
}

std::string StripGzExtension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash + 1)) {
    std::string ext(path.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(c | 0x20);
    if (ext == "gz") return std::string(path.substr(0, dot));
  }
  return std::string(path);
}

}  // namespace claimex

// OpenInputs: walks the inputs in order and dispatches each file to the reader for its format
// (see extractor/reader.h). The dispatch point is OpenFile(): HTML and RSS/Atom readers plug in
// there when they exist; until then those formats are rejected with a clear reason.
#include "extractor/reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <utility>

#include "extractor/byte_stream.h"
#include "extractor/input_files.h"
#include "extractor/jsonl_reader.h"
#include "extractor/status.h"
#include "extractor/text_reader.h"

namespace claimex {
namespace {

constexpr const char* kStdinOrigin = "<stdin>";
constexpr const char* kStdinId = "stdin";
// Bytes read ahead to sniff a file's format.
constexpr size_t kSniffBytes = 512;

// Yields one ready-made item.
class SingleItemReader : public ArticleReader {
 public:
  explicit SingleItemReader(ReadItem item) : item_(std::move(item)) {}
  bool Next(ReadItem* item) override {
    if (done_) return false;
    done_ = true;
    *item = std::move(item_);
    return true;
  }

 private:
  ReadItem item_;
  bool done_ = false;
};

std::unique_ptr<ArticleReader> Single(ReadItem item) {
  return std::make_unique<SingleItemReader>(std::move(item));
}

std::unique_ptr<ArticleReader> Reject(const std::string& origin, std::string reason) {
  return Single(Rejection{origin, "", std::move(reason)});
}

// Opens the reader for one file (or standard input when path is "-").
std::unique_ptr<ArticleReader> OpenFile(const std::string& path, const ReaderOptions& options) {
  bool is_stdin = path == "-";
  std::string origin = is_stdin ? kStdinOrigin : path;
  Result<std::unique_ptr<ByteStream>> opened = ByteStream::Open(path);
  if (!opened.ok()) {
    const Status& st = opened.status();
    return Reject(
        origin, st.code() == Status::Code::kNotFound ? "no such file or directory" : st.message());
  }
  std::unique_ptr<ByteStream> stream = std::move(opened.value());
  InputFormat format = options.format != InputFormat::kAuto
                           ? options.format
                           : DetectFormat(path, stream->Peek(kSniffBytes));
  switch (format) {
    case InputFormat::kJsonLines:
      return std::make_unique<JsonLinesReader>(std::move(stream), origin, options);
    case InputFormat::kAuto:  // (DetectFormat never says kAuto)
    case InputFormat::kText:
      return Single(
          ReadTextArticle(stream.get(), origin, is_stdin ? kStdinId : FileStem(path), options));
    case InputFormat::kHtml:
    case InputFormat::kFeed:
    case InputFormat::kCompressed:
      return Reject(origin, "unsupported format (HTML/feeds come later)");
    case InputFormat::kBinary:
      return Reject(origin, "unsupported format (binary file)");
  }
  return Reject(origin, "unsupported format");
}

// Walks the inputs: each path in order; a directory is replaced by its files.
class InputsReader : public ArticleReader {
 public:
  InputsReader(const std::vector<std::string>& paths, const ReaderOptions& options)
      : pending_(paths.begin(), paths.end()), options_(options) {}

  bool Next(ReadItem* item) override {
    for (;;) {
      if (current_ != nullptr) {
        if (current_->Next(item)) return true;
        current_.reset();
      }
      if (pending_.empty()) return false;
      std::string path = std::move(pending_.front());
      pending_.pop_front();
      current_ = Open(path);
    }
  }

 private:
  std::unique_ptr<ArticleReader> Open(const std::string& path) {
    if (path == "-") return OpenFile(path, options_);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      int e = errno;
      if (e == ENOENT || e == ENOTDIR) return Reject(path, "no such file or directory");
      return Reject(path, std::string("cannot read: ") + std::strerror(e));
    }
    if (S_ISDIR(st.st_mode)) {
      std::string error;
      std::vector<std::string> files = ListDirectory(path, &error);
      pending_.insert(pending_.begin(), files.begin(), files.end());
      if (!error.empty()) return Reject(path, "cannot list directory: " + error);
      return nullptr;
    }
    return OpenFile(path, options_);
  }

  std::deque<std::string> pending_;
  ReaderOptions options_;
  std::unique_ptr<ArticleReader> current_;
};

}  // namespace

std::unique_ptr<ArticleReader> OpenInputs(const std::vector<std::string>& paths,
                                          const ReaderOptions& options) {
  return std::make_unique<InputsReader>(paths, options);
}

}  // namespace claimex

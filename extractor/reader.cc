// OpenInputs: walks the inputs in order and dispatches each file to the reader for its format
// (see extractor/reader.h). The dispatch point is OpenFile(): gzip is unwrapped there, then text,
// JSON Lines, HTML and RSS/Atom each go to their reader.
#include "extractor/reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <utility>

#include "extractor/byte_stream.h"
#include "extractor/feed_reader.h"
#include "extractor/gunzip.h"
#include "extractor/html_reader.h"
#include "extractor/html_text.h"
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

// The web readers' rules, loaded on first use (most runs read no HTML or feed).
class WebRulesCache {
 public:
  explicit WebRulesCache(std::string dir) : dir_(std::move(dir)) {}
  const Result<std::shared_ptr<const WebRules>>& Get() {
    if (!loaded_) {
      rules_ = WebRules::Load(dir_);
      loaded_ = true;
    }
    return rules_;
  }

 private:
  std::string dir_;
  bool loaded_ = false;
  Result<std::shared_ptr<const WebRules>> rules_ = Status::Internal("not loaded");
};

// Why a read failed: gzip messages say so themselves, others are "cannot read: <OS reason>".
std::string ReadFailure(const ByteStream& stream) {
  const std::string& e = stream.error();
  return e.find("gzip") != std::string::npos ? e : "cannot read: " + e;
}

// Reads the rest of `stream` (a page or a feed) when it fits options.max_feed_bytes; else sets
// *reason and returns false.
bool ReadMarkup(ByteStream* stream, const ReaderOptions& options, std::string* bytes,
                std::string* reason) {
  int64_t size = stream->FileSize();
  if (size >= 0 && static_cast<uint64_t>(size) > options.max_feed_bytes) {
    *reason = TooLargeReason(static_cast<size_t>(size), options.max_feed_bytes);
    return false;
  }
  size_t length = 0;
  bool fits = stream->ReadAll(options.max_feed_bytes, bytes, &length);
  if (!stream->error().empty()) {
    *reason = ReadFailure(*stream);
    return false;
  }
  if (!fits) {
    *reason = TooLargeReason(length, options.max_feed_bytes);
    return false;
  }
  return true;
}

// Opens the reader for one file (or standard input when path is "-").
std::unique_ptr<ArticleReader> OpenFile(const std::string& path, const ReaderOptions& options,
                                        WebRulesCache* web) {
  bool is_stdin = path == "-";
  std::string origin = is_stdin ? kStdinOrigin : path;
  Result<std::unique_ptr<ByteStream>> opened = ByteStream::Open(path);
  if (!opened.ok()) {
    const Status& st = opened.status();
    return Reject(
        origin, st.code() == Status::Code::kNotFound ? "no such file or directory" : st.message());
  }
  std::unique_ptr<ByteStream> stream = std::move(opened.value());
  std::string name = path;  // what the file stands for: "a.html.gz" stands for "a.html"
  InputFormat format = options.format;
  if (format == InputFormat::kAuto || format == InputFormat::kCompressed) {
    std::string_view head = stream->Peek(kSniffBytes);
    if (IsGzip(head)) {
      stream = ByteStream::Gunzip(std::move(stream), options.max_feed_bytes * 16);
      name = StripGzExtension(path);
      head = stream->Peek(kSniffBytes);
      if (head.empty() && !stream->error().empty()) return Reject(origin, ReadFailure(*stream));
      if (IsGzip(head)) return Reject(origin, "unsupported format (gzip inside gzip)");
      format = InputFormat::kAuto;
    }
    if (format == InputFormat::kAuto) format = DetectFormat(name, head);
  }
  std::string id = is_stdin ? kStdinId : FileStem(name);
  switch (format) {
    case InputFormat::kJsonLines:
      return std::make_unique<JsonLinesReader>(std::move(stream), origin, options);
    case InputFormat::kAuto:  // (DetectFormat never says kAuto)
    case InputFormat::kText:
      stream->set_limit(options.max_article_bytes);
      return Single(ReadTextArticle(stream.get(), origin, id, options));
    case InputFormat::kHtml:
    case InputFormat::kFeed: {
      stream->set_limit(options.max_feed_bytes);
      const Result<std::shared_ptr<const WebRules>>& rules = web->Get();
      if (!rules.ok()) return Reject(origin, rules.status().ToString());
      std::string bytes, reason;
      if (!ReadMarkup(stream.get(), options, &bytes, &reason)) return Reject(origin, reason);
      if (format == InputFormat::kHtml) {
        return Single(HtmlArticleFromBytes(bytes, origin, id, *rules.value(), options));
      }
      return std::make_unique<FeedReader>(std::move(bytes), origin, id, rules.value(), options);
    }
    case InputFormat::kCompressed:
      return Reject(origin, "unsupported format (compressed; only gzip is read)");
    case InputFormat::kBinary:
      return Reject(origin, "unsupported format (binary file)");
  }
  return Reject(origin, "unsupported format");
}

// Walks the inputs: each path in order; a directory is replaced by its files.
class InputsReader : public ArticleReader {
 public:
  InputsReader(const std::vector<std::string>& paths, const ReaderOptions& options)
      : pending_(paths.begin(), paths.end()), options_(options), web_(options.patterns_dir) {}

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
    if (path == "-") return OpenFile(path, options_, &web_);
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
    return OpenFile(path, options_, &web_);
  }

  std::deque<std::string> pending_;
  ReaderOptions options_;
  WebRulesCache web_;
  std::unique_ptr<ArticleReader> current_;
};

}  // namespace

std::unique_ptr<ArticleReader> OpenInputs(const std::vector<std::string>& paths,
                                          const ReaderOptions& options) {
  return std::make_unique<InputsReader>(paths, options);
}

}  // namespace claimex

// The pipeline's inputs: raw articles and `claimex extract --with-body` output (see
// tools/cli/pipeline_inputs.h).
#include "tools/cli/pipeline_inputs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <limits>
#include <thread>
#include <utility>

#include "extractor/byte_stream.h"
#include "extractor/gunzip.h"

namespace claimex {
namespace {

// Bytes looked at to tell contract output from articles.
constexpr size_t kSniffBytes = 4096;

// Makes standard input a pipe that yields the bytes of `stream` (a stream over the original
// standard input, part of it already buffered by sniffing) so that the article readers see
// standard input whole. A detached thread copies; it ends at the end of the input (or when the
// reader has gone and the pipe is closed).
void ReplayAsStdin(std::unique_ptr<ByteStream> stream) {
  int fds[2];
  if (::pipe(fds) != 0) return;
  ::dup2(fds[0], STDIN_FILENO);
  ::close(fds[0]);
  std::thread([stream = std::move(stream), out = fds[1]] {
    for (std::string_view chunk = stream->ReadChunk(); !chunk.empty();
         chunk = stream->ReadChunk()) {
      while (!chunk.empty()) {
        ssize_t n = ::write(out, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {  // the reader has gone
          ::close(out);
          return;
        }
        chunk.remove_prefix(static_cast<size_t>(n));
      }
    }
    ::close(out);
  }).detach();
}

// A stream over `path` ("-" = a duplicate of standard input) positioned at its start, with gzip
// unwrapped; nullptr for a directory or a path that cannot be opened (OpenInputs reports it).
std::unique_ptr<ByteStream> OpenForSniffing(const std::string& path) {
  std::unique_ptr<ByteStream> stream;
  if (path == "-") {
    int fd = ::dup(STDIN_FILENO);
    if (fd < 0) return nullptr;
    stream = std::make_unique<ByteStream>(fd, /*owns=*/true);
  } else {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
    auto opened = ByteStream::Open(path);
    if (!opened.ok()) return nullptr;
    stream = std::move(opened.value());
  }
  return stream;
}

// Unwraps gzip for contract input (no size limit: the output of a large feed is large).
std::unique_ptr<ByteStream> Gunzipped(std::unique_ptr<ByteStream> stream) {
  if (!IsGzip(stream->Peek(kSniffBytes))) return stream;
  return ByteStream::Gunzip(std::move(stream), std::numeric_limits<size_t>::max());
}

}  // namespace

PipelineInputs::PipelineInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                               bool accept_contract)
    : pending_(paths.begin(), paths.end()), options_(options), accept_contract_(accept_contract) {}

PipelineInputs::~PipelineInputs() = default;

// Opens the next run of inputs: one contract input, or the longest run of article inputs (read
// by one OpenInputs, so that its per-run state such as the web rules is loaded once).
void PipelineInputs::OpenNext() {
  if (!accept_contract_) {
    raw_ = OpenInputs({pending_.begin(), pending_.end()}, options_);
    pending_.clear();
    return;
  }
  std::vector<std::string> run;
  while (!pending_.empty()) {
    const std::string path = pending_.front();
    if (path == "-" && !run.empty()) break;  // sniffed on its own (it cannot be read twice)
    std::unique_ptr<ByteStream> stream = OpenForSniffing(path);
    if (stream != nullptr) {
      stream = Gunzipped(std::move(stream));
      if (LooksLikeContract(stream->Peek(kSniffBytes))) {
        if (!run.empty()) break;  // opened again after the run
        pending_.pop_front();
        contract_ =
            std::make_unique<ContractReader>(std::move(stream), path == "-" ? "<stdin>" : path);
        return;
      }
      if (path == "-") {
        ReplayAsStdin(std::move(stream));
        pending_.pop_front();
        run.push_back(path);
        break;
      }
    }
    pending_.pop_front();
    run.push_back(path);
  }
  raw_ = OpenInputs(run, options_);
}

bool PipelineInputs::Next(WorkItem* work) {
  for (;;) {
    if (contract_ != nullptr) {
      ContractItem item;
      if (contract_->Next(&item)) {
        if (auto* ex = std::get_if<ExtractedArticle>(&item)) {
          work->item = std::move(ex->article);
          work->extraction = std::move(ex->extraction);
        } else {
          work->item = std::move(std::get<Rejection>(item));
          work->extraction.reset();
        }
        return true;
      }
      contract_.reset();
    }
    if (raw_ != nullptr) {
      if (raw_->Next(&work->item)) {
        work->extraction.reset();
        return true;
      }
      raw_.reset();
    }
    if (pending_.empty()) return false;
    OpenNext();
  }
}

}  // namespace claimex

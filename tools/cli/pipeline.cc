#include "tools/cli/pipeline.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace claimex {
namespace {

class Progress {
 public:
  explicit Progress(bool on) : on_(on && isatty(STDERR_FILENO)), start_(Clock::now()) {}
  ~Progress() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }
  void Update(const PipelineCounts& c) {
    if (!on_ || (c.articles + c.rejected) % 64 != 0) return;
    double s = std::chrono::duration<double>(Clock::now() - start_).count();
    std::fprintf(stderr, "\r\033[K%lld articles, %lld rejected, %lld claims, %.1f MB in %.1fs",
                 static_cast<long long>(c.articles), static_cast<long long>(c.rejected),
                 static_cast<long long>(c.claims), c.bytes / 1e6, s);
    shown_ = true;
  }
  // Clears the progress line before a message is printed on its own line.
  void Clear() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  bool shown_ = false;
  Clock::time_point start_;
};

void Reject(const Rejection& r, Progress* progress, PipelineCounts* counts) {
  progress->Clear();
  std::fprintf(stderr, "claimex: rejected %s\n", r.Message().c_str());
  ++counts->rejected;
}

}  // namespace

Status RunPipeline(const PipelineOptions& options, const Extractor& extractor, Sink* sink,
                   PipelineCounts* counts) {
  Progress progress(options.progress);
  std::unique_ptr<ArticleReader> reader = OpenInputs(options.inputs, options.reader);
  ReadItem item;
  while (reader->Next(&item)) {
    if (auto* rej = std::get_if<Rejection>(&item)) {
      Reject(*rej, &progress, counts);
      continue;
    }
    Article& article = std::get<Article>(item);
    Result<Extraction> ex = extractor.Extract(article);
    if (!ex.ok()) {
      Reject({article.origin, article.id, ex.status().ToString()}, &progress, counts);
      continue;
    }
    CLAIMEX_RETURN_IF_ERROR(sink->Put(article, *ex));
    ++counts->articles;
    counts->claims += ex->claims.size();
    counts->quotes += ex->quotes.size();
    counts->times += ex->times.size();
    counts->bytes += article.body.size();
    progress.Update(*counts);
  }
  return sink->Finish();
}

}  // namespace claimex

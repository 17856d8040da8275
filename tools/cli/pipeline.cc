// The reader -> extractor -> output loop, on one thread or on many (see tools/cli/pipeline.h).
#include "tools/cli/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <sstream>
#include <thread>

#include "tools/cli/pipeline_inputs.h"

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

// The work of the extraction threads: extracts an article that is not extracted yet (a failure
// makes it a rejection) and prepares its output.
void Process(const Extractor& extractor, const PipelineOutput& output, WorkItem* w) {
  Article* article = std::get_if<Article>(&w->item);
  if (article == nullptr) return;
  if (!w->extraction) {
    Result<Extraction> ex = extractor.Extract(*article);
    if (!ex.ok()) {
      w->item = Rejection{article->origin, article->id, ex.status().ToString()};
      return;
    }
    w->extraction = std::move(ex.value());
  }
  w->prepared.clear();
  output.Prepare(*article, *w->extraction, &w->prepared);
}

// The in-order end of the pipeline: reports rejections, writes articles, counts.
class Writer {
 public:
  Writer(PipelineOutput* output, bool progress, PipelineCounts* counts)
      : output_(output), progress_(progress), counts_(counts) {}

  Status Write(WorkItem* w) {
    if (auto* rej = std::get_if<Rejection>(&w->item)) {
      progress_.Clear();
      std::fprintf(stderr, "claimex: rejected %s\n", rej->Message().c_str());
      ++counts_->rejected;
      return Status::Ok();
    }
    const Article& article = std::get<Article>(w->item);
    const Extraction& ex = *w->extraction;
    CLAIMEX_RETURN_IF_ERROR(output_->Write(article, ex, w->prepared));
    ++counts_->articles;
    counts_->claims += ex.claims.size();
    counts_->quotes += ex.quotes.size();
    counts_->times += ex.times.size();
    counts_->bytes += article.body.size();
    progress_.Update(*counts_);
    return Status::Ok();
  }

 private:
  PipelineOutput* output_;
  Progress progress_;
  PipelineCounts* counts_;
};

Status RunSerial(PipelineInputs* inputs, const Extractor& extractor, PipelineOutput* output,
                 Writer* writer) {
  WorkItem w;
  while (inputs->Next(&w)) {
    Process(extractor, *output, &w);
    CLAIMEX_RETURN_IF_ERROR(writer->Write(&w));
  }
  return Status::Ok();
}

// The threaded pipeline. Items live in a ring of `window` slots indexed by sequence number:
// the reader (calling thread) fills slot `read_`, workers take slots from `taken_` on and mark
// them done, the writer thread empties slot `written_` once it is done. The reader waits while
// the ring is full, so at most `window` items are held.
class Parallel {
 public:
  Parallel(const Extractor& extractor, PipelineOutput* output, Writer* writer, int jobs, int window)
      : extractor_(extractor),
        output_(output),
        writer_(writer),
        jobs_(jobs),
        ring_(static_cast<size_t>(window)),
        done_(ring_.size(), false) {}

  Status Run(PipelineInputs* inputs) {
    std::vector<std::thread> workers;
    for (int i = 0; i < jobs_; ++i) workers.emplace_back([this] { Work(); });
    std::thread writer([this] { WriteLoop(); });
    WorkItem w;
    while (inputs->Next(&w)) {
      std::unique_lock lock(mu_);
      space_.wait(lock, [&] { return read_ - written_ < ring_.size() || failed_; });
      if (failed_) break;
      size_t slot = read_ % ring_.size();
      ring_[slot] = std::move(w);
      done_[slot] = false;
      ++read_;
      work_.notify_one();
    }
    {
      std::lock_guard lock(mu_);
      end_of_input_ = true;
    }
    work_.notify_all();
    finished_.notify_all();
    for (std::thread& t : workers) t.join();
    writer.join();
    return status_;
  }

 private:
  void Work() {
    for (;;) {
      std::unique_lock lock(mu_);
      work_.wait(lock, [&] { return taken_ < read_ || end_of_input_; });
      if (taken_ >= read_) return;  // end of input and nothing left
      size_t seq = taken_++;
      lock.unlock();
      WorkItem& w = ring_[seq % ring_.size()];
      if (!failed_.load()) Process(extractor_, *output_, &w);
      lock.lock();
      done_[seq % ring_.size()] = true;
      if (seq == written_) finished_.notify_one();
    }
  }

  void WriteLoop() {
    for (;;) {
      std::unique_lock lock(mu_);
      finished_.wait(lock, [&] {
        return (written_ < read_ && done_[written_ % ring_.size()]) ||
               (end_of_input_ && written_ == read_ && taken_ == read_);
      });
      if (written_ == read_) return;
      WorkItem& w = ring_[written_ % ring_.size()];
      lock.unlock();
      if (!failed_.load()) {
        Status st = writer_->Write(&w);
        if (!st.ok()) {
          status_ = st;
          failed_ = true;
        }
      }
      w = WorkItem();  // release the article's memory before the slot is reused
      lock.lock();
      ++written_;
      space_.notify_one();
    }
  }

  const Extractor& extractor_;
  PipelineOutput* output_;
  Writer* writer_;
  int jobs_;
  std::vector<WorkItem> ring_;
  std::vector<bool> done_;  // per slot: processed by a worker (guarded by mu_)
  std::mutex mu_;
  std::condition_variable work_, finished_, space_;
  size_t read_ = 0, taken_ = 0, written_ = 0;  // sequence numbers, guarded by mu_
  bool end_of_input_ = false;
  std::atomic<bool> failed_{false};
  Status status_;  // the writer's failure
};

}  // namespace

int DefaultJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

void JsonLinesOutput::Prepare(const Article& a, const Extraction& ex, std::string* prepared) const {
  std::ostringstream out;
  JsonLinesWriter writer(&out, options_);
  writer.Put(a, ex);  // a string stream does not fail
  *prepared = std::move(out).str();
}

Status JsonLinesOutput::Write(const Article&, const Extraction&, std::string& prepared) {
  out_->write(prepared.data(), static_cast<std::streamsize>(prepared.size()));
  if (!*out_) return Status::IoError("cannot write output");
  return Status::Ok();
}

Status JsonLinesOutput::Finish() {
  out_->flush();
  if (!*out_) return Status::IoError("cannot write output");
  return Status::Ok();
}

Status RunPipeline(const PipelineOptions& options, const Extractor& extractor,
                   PipelineOutput* output, PipelineCounts* counts) {
  PipelineInputs inputs(options.inputs, options.reader, options.accept_contract);
  Writer writer(output, options.progress, counts);
  int jobs = options.jobs > 0 ? options.jobs : DefaultJobs();
  Status st;
  if (jobs == 1) {
    st = RunSerial(&inputs, extractor, output, &writer);
  } else {
    int window = options.window > 0 ? options.window : 4 * jobs + 4;
    st = Parallel(extractor, output, &writer, jobs, window).Run(&inputs);
  }
  CLAIMEX_RETURN_IF_ERROR(st);
  return output->Finish();
}

}  // namespace claimex

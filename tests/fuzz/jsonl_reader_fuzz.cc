// libFuzzer target: arbitrary bytes as a JSON Lines feed, read through the streaming reader
// (ByteStream over an in-memory file, so line splitting and the too-long-line skip run too).
// Every line must become an article with a clean body or a rejection naming its line.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>

#include "extractor/byte_stream.h"
#include "extractor/jsonl_reader.h"
#include "tests/fuzz/invariants.h"

using namespace claimex;
using invariants::FuzzCheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  int fd = memfd_create("fuzz.jsonl", 0);
  FuzzCheck(fd >= 0 ? "" : "memfd_create failed");
  for (size_t done = 0; done < size;) {
    ssize_t n = write(fd, data + done, size - done);
    FuzzCheck(n > 0 ? "" : "write to memfd failed");
    done += static_cast<size_t>(n);
  }
  lseek(fd, 0, SEEK_SET);
  ReaderOptions options;
  options.max_article_bytes = 2048;  // tiny, so over-long lines are skipped, not parsed
  // A 64-byte buffer makes lines cross buffer refills.
  JsonLinesReader reader(std::make_unique<ByteStream>(fd, true, 64), "fuzz.jsonl", options);
  size_t lines = 1;
  for (size_t i = 0; i < size; ++i) lines += data[i] == '\n';
  ReadItem item;
  for (size_t items = 1; reader.Next(&item); ++items) {
    FuzzCheck(items <= lines ? "" : "more items than lines");
    if (const Article* a = std::get_if<Article>(&item)) {
      FuzzCheck(invariants::ArticleProblem(*a, options.max_article_bytes));
      FuzzCheck(a->id.empty() ? "article without an id" : "");
      FuzzCheck(a->origin.starts_with("fuzz.jsonl:") ? "" : "origin without a line: " + a->origin);
      FuzzCheck(a->published.empty() || a->published.size() == 10 ? "" : "published no date");
    } else {
      const Rejection& r = std::get<Rejection>(item);
      FuzzCheck(r.origin.starts_with("fuzz.jsonl") ? "" : "rejection origin " + r.origin);
      FuzzCheck(r.reason.empty() ? "rejection without a reason" : "");
    }
  }
  return 0;
}

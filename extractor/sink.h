// Sinks receive what the extractor found (reader -> extractor -> sink). The JSON Lines printer
// (json_writer.h), the SQLite store (db/store.h) and the tests' collector are sinks.
#ifndef CLAIMEX_EXTRACTOR_SINK_H_
#define CLAIMEX_EXTRACTOR_SINK_H_

#include "extractor/article.h"
#include "extractor/extraction.h"
#include "extractor/status.h"

namespace claimex {

class Sink {
 public:
  virtual ~Sink() = default;
  // Takes one article with its extraction. A failure stops the run (the input was fine; the sink
  // could not take it: disk full, database locked).
  virtual Status Put(const Article& article, const Extraction& extraction) = 0;
  // Called once after the last Put: flush buffers, commit.
  virtual Status Finish() { return Status::Ok(); }
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_SINK_H_

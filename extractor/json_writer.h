// JSON Lines printer of the output contract (../shared/eval/README.md): per article one "article"
// record, then its "claim", "time" and "quote" records; "link" records through PutLink. Fields
// beyond the contract (the contract welcomes extras): claim "change_kind" ("by"/"to"), "measured",
// "role", "rule", "restates" (offset of the restated figure); time "kind"; quote "text", "cue",
// "rule"; article "anchor_date". Strings are valid UTF-8 (bad bytes become U+FFFD).
// With Options::with_body the article record also carries what `claimex ingest` needs to store
// the article without extracting it again (extractor/contract_reader.h): "body", "sentences"
// ([[start, end, paragraph], ...]) and "speakers" ([{"name", "role", "org", "aliases"}, ...]).
#ifndef CLAIMEX_EXTRACTOR_JSON_WRITER_H_
#define CLAIMEX_EXTRACTOR_JSON_WRITER_H_

#include <ostream>

#include "extractor/sink.h"

namespace claimex {

class JsonLinesWriter : public Sink {
 public:
  struct Options {
    bool with_body = false;  // add body, sentences and speakers to the article record
  };
  // `out` is not owned.
  explicit JsonLinesWriter(std::ostream* out) : out_(out) {}
  JsonLinesWriter(std::ostream* out, Options options) : out_(out), options_(options) {}
  Status Put(const Article& article, const Extraction& extraction) override;
  Status PutLink(const Link& link);
  Status Finish() override;

 private:
  std::ostream* out_;
  Options options_;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_JSON_WRITER_H_

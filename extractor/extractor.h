// claimex's public facade: Extractor turns an Article into an Extraction (sentences, claims,
// times, quotes, speakers), with every span a byte range into the article's body.
//
//   auto ex = claimex::Extractor::Create({});     // rules compiled into the binary
//   if (!ex.ok()) { ... ex.status().ToString() ... }
//   claimex::Result<claimex::Extraction> r = (*ex)->Extract(article);
//
// An Extractor is immutable after Create and Extract() is thread-safe: share one across threads.
// The extractor never touches a database; results go to a Sink (sink.h).
#ifndef CLAIMEX_EXTRACTOR_EXTRACTOR_H_
#define CLAIMEX_EXTRACTOR_EXTRACTOR_H_

#include <memory>
#include <string>

#include "extractor/article.h"
#include "extractor/extraction.h"
#include "extractor/status.h"

namespace claimex {

class Segmenter;
class QuantityFinder;
class TimeFinder;
class QuoteFinder;
class Attributor;
class FurnitureFilter;
class RuleSet;

class Extractor {
 public:
  struct Options {
    std::string patterns_dir;  // "" = the rule files compiled into the binary
  };
  static Result<std::unique_ptr<Extractor>> Create(const Options& options);
  ~Extractor();

  // Extracts everything from one article. Fails only for an article with no text (kEmpty).
  Result<Extraction> Extract(const Article& article) const;

  // What this extractor is, as a stable string: "<kCodeVersion>+rules-<16 hex digits>", the code
  // version below and a hash of the loaded rules (RuleSet::Fingerprint: names and fields of
  // every patterns/*.txt line; comments do not count). Two extractors with the same version give
  // the same output for the same article, so a store can treat an article extracted under
  // another version as changed.
  const std::string& version() const { return version_; }
  // Bump when a code change alters what Extract() returns for some article.
  static constexpr const char* kCodeVersion = "claimex-extract-2";

 private:
  Extractor() = default;
  std::shared_ptr<const RuleSet> rules_;
  std::string version_;
  std::unique_ptr<const Segmenter> segmenter_;
  std::unique_ptr<const QuantityFinder> quantities_;
  std::unique_ptr<const TimeFinder> times_;
  std::unique_ptr<const QuoteFinder> quotes_;
  std::unique_ptr<const Attributor> attributor_;
  std::unique_ptr<const FurnitureFilter> furniture_;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_EXTRACTOR_H_

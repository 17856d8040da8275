// libFuzzer target: arbitrary bytes as an RSS/Atom feed (FeedReader: charset, libxml2 in recover
// mode without entity substitution or network, items, HTML in items). Every item must become an
// article with a clean body and an id no other item has, or a rejection.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <variant>

#include "extractor/feed_reader.h"
#include "extractor/html_text.h"
#include "tests/fuzz/invariants.h"

using namespace claimex;
using invariants::FuzzCheck;

namespace {

std::shared_ptr<const WebRules> Rules() {
  static const std::shared_ptr<const WebRules> rules = [] {
    auto loaded = WebRules::Load("");
    FuzzCheck(loaded.ok() ? "" : "WebRules::Load: " + loaded.status().ToString());
    return *loaded;
  }();
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ReaderOptions options;
  options.max_article_bytes = 32 * 1024;
  FeedReader reader(std::string(reinterpret_cast<const char*>(data), size), "fuzz.xml", "fuzz",
                    Rules(), options);
  std::set<std::string> ids;
  ReadItem item;
  for (int n = 0; reader.Next(&item); ++n) {
    FuzzCheck(n <= static_cast<int>(size) ? "" : "more items than input bytes");
    if (const Article* a = std::get_if<Article>(&item)) {
      FuzzCheck(invariants::ArticleProblem(*a, options.max_article_bytes));
      FuzzCheck(a->id.empty() ? "item without an id" : "");
      FuzzCheck(ids.insert(a->id).second ? "" : "two items share the id " + a->id);
      FuzzCheck(invariants::IsValidUtf8(a->title) ? "" : "item title is not UTF-8");
    } else {
      FuzzCheck(std::get<Rejection>(item).reason.empty() ? "rejection without a reason" : "");
    }
  }
  return 0;
}

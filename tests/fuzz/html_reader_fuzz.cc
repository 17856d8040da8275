// libFuzzer target: arbitrary bytes as a web page (HtmlArticleFromBytes: charset sniffing,
// libxml2's HTML parser in recover mode, main-text choice, metadata, JSON-LD) and as a feed
// item's HTML fragment (FragmentToText). The page must give an article with a clean body or a
// rejection; the fragment's text must be UTF-8 when the fragment was.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "extractor/html_reader.h"
#include "extractor/html_text.h"
#include "tests/fuzz/invariants.h"

using namespace claimex;
using invariants::FuzzCheck;

namespace {

const WebRules& Rules() {
  static const std::shared_ptr<const WebRules> rules = [] {
    auto loaded = WebRules::Load("");
    FuzzCheck(loaded.ok() ? "" : "WebRules::Load: " + loaded.status().ToString());
    return *loaded;
  }();
  return *rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReaderOptions options;
  options.max_article_bytes = 32 * 1024;
  ReadItem item = HtmlArticleFromBytes(bytes, "fuzz.html", "fuzz", Rules(), options);
  if (const Article* a = std::get_if<Article>(&item)) {
    FuzzCheck(invariants::ArticleProblem(*a, options.max_article_bytes));
    FuzzCheck(invariants::IsValidUtf8(a->title) ? "" : "page title is not UTF-8");
  } else {
    FuzzCheck(std::get<Rejection>(item).reason.empty() ? "rejection without a reason" : "");
  }
  if (invariants::IsValidUtf8(bytes)) {
    std::string text = FragmentToText(bytes, Rules());
    FuzzCheck(invariants::IsValidUtf8(text) ? "" : "fragment text is not UTF-8");
  }
  return 0;
}

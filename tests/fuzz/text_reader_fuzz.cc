// libFuzzer target: arbitrary bytes as a text file (any encoding, BOMs, NULs, truncated
// sequences). The reader must give an article with a clean UTF-8 body or a rejection.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "extractor/reader.h"
#include "extractor/status.h"
#include "extractor/text_reader.h"
#include "tests/fuzz/invariants.h"

using namespace claimex;
using invariants::FuzzCheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReaderOptions options;
  options.max_article_bytes = 64 * 1024;  // small, so the too-large path is reached too
  ReadItem item = TextArticleFromBytes(bytes, "fuzz.txt", "fuzz", options);
  if (const Article* a = std::get_if<Article>(&item)) {
    FuzzCheck(invariants::ArticleProblem(*a, options.max_article_bytes));
    FuzzCheck(a->id == "fuzz" && a->origin == "fuzz.txt" ? "" : "id or origin lost");
  } else {
    FuzzCheck(std::get<Rejection>(item).reason.empty() ? "rejection without a reason" : "");
  }
  // The decoder alone: it either fails with a message or makes UTF-8 without NULs.
  std::string utf8, encoding;
  Status st = DecodeToUtf8(bytes, &utf8, &encoding);
  if (st.ok()) {
    FuzzCheck(invariants::IsValidUtf8(utf8) ? "" : "DecodeToUtf8 made bad UTF-8 from " + encoding);
    FuzzCheck(utf8.find('\0') == std::string::npos ? "" : "DecodeToUtf8 kept a NUL");
  } else {
    FuzzCheck(st.message().empty() ? "decode failure without a message" : "");
  }
  return 0;
}

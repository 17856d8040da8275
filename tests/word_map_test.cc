// Tests for WordMap (extractor/word_map.h): the string-keyed map the lexicons use. Its look-up
// rejects most misses with two cheap filters before hashing; a filter must never reject a key.
#include "extractor/word_map.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace claimex {
namespace {

// Regression (issue 8, speed): the first/second/last-byte signature filter added before the hash
// must let every stored key through, whatever its length or bytes.
TEST_CASE("WordMap finds every key and no other word", "[word_map]") {
  const std::vector<std::string> keys = {
      "",  "a", "to", "the", "two", "said", "according", "a-very-long-key-of-more-than-31-bytes",
      "caf\xC3\xA9", "\xE2\x82\xAC", "U.S.", "'s", "1st", "x y"};
  const std::vector<std::string> others = {
      "b", "tO", "thE", "tee", "one", "sai", "saidd", "according to",
      "a-very-long-key-of-more-than-31-bytez", "cafe", "\xE2\x82\xAD", "U.S", "s", "2nd", "x"};
  WordMap<int> m;
  for (size_t i = 0; i < keys.size(); ++i) m[keys[i]] = static_cast<int>(i);
  REQUIRE(m.size() == keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    INFO(keys[i]);
    const int* v = m.Get(keys[i]);
    REQUIRE(v != nullptr);
    CHECK(*v == static_cast<int>(i));
    CHECK(m.contains(keys[i]));
  }
  for (const std::string& w : others) {
    INFO(w);
    CHECK(m.Get(w) == nullptr);
    CHECK(m.find(w) == m.end());
  }
  // Many keys (rehashes, a well-filled signature table): still all found.
  WordMap<int> big;
  for (int i = 0; i < 5000; ++i) big["w" + std::to_string(i * 7919)] = i;
  for (int i = 0; i < 5000; ++i) CHECK(big.count("w" + std::to_string(i * 7919)) == 1);
  big.clear();
  CHECK(big.Get("w0") == nullptr);
  big["w0"] = 1;
  CHECK(big.Get("w0") != nullptr);
}

}  // namespace
}  // namespace claimex

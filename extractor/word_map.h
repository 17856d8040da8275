// Internal: WordMap, the string-keyed hash map the stages' lexicons use (words, phrases' first
// words, cue words), looked up with string_views without allocating.
//
// Most look-ups are of words that are in no lexicon, so a miss must be cheap: the table is a flat
// array of slots, each holding 32 bits of the key's hash and the entry's index (open addressing,
// linear probing, at most half full); a miss usually reads one slot and never touches a key.
// Entries live in a deque: references to values stay valid when other keys are added (as with
// std::unordered_map), iteration is in insertion order. No erase. Before hashing, a look-up
// checks a 256-entry table of the key lengths (bit min(length, 31)) seen per first byte: most
// words in no lexicon stop there; then a 4,096-bit table of a signature of each key's first,
// second and last bytes and length stops most of the rest.
#ifndef CLAIMEX_EXTRACTOR_WORD_MAP_H_
#define CLAIMEX_EXTRACTOR_WORD_MAP_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace claimex {

// A fast 64-bit hash for short strings (8 bytes at a time, then a final mix).
inline uint64_t WordHash(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) {
    w |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  h = (h ^ w) * 0x94D049BB133111EBull;
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

template <typename V>
class WordMap {
 public:
  using value_type = std::pair<const std::string, V>;
  using iterator = typename std::deque<value_type>::iterator;
  using const_iterator = typename std::deque<value_type>::const_iterator;

  iterator begin() { return entries_.begin(); }
  iterator end() { return entries_.end(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void clear() {
    entries_.clear();
    slots_.clear();
    first_len_.fill(0);
    sigs_.fill(0);
  }

  iterator find(std::string_view key) {
    const int64_t i = Lookup(key);
    return i < 0 ? entries_.end() : entries_.begin() + i;
  }
  const_iterator find(std::string_view key) const {
    const int64_t i = Lookup(key);
    return i < 0 ? entries_.end() : entries_.begin() + i;
  }
  // The value for `key`, or nullptr.
  const V* Get(std::string_view key) const {
    const int64_t i = Lookup(key);
    return i < 0 ? nullptr : &entries_[i].second;
  }
  size_t count(std::string_view key) const { return Lookup(key) < 0 ? 0 : 1; }
  bool contains(std::string_view key) const { return count(key) != 0; }

  V& operator[](std::string_view key) { return try_emplace(key).first->second; }
  template <typename... Args>
  std::pair<iterator, bool> try_emplace(std::string_view key, Args&&... args) {
    const uint64_t h = WordHash(key);
    const int64_t i = IndexOf(key, h);
    if (i >= 0) return {entries_.begin() + i, false};
    entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                          std::forward_as_tuple(std::forward<Args>(args)...));
    first_len_[FirstByte(key)] |= LengthBit(key);
    const uint32_t sig = Sig(key);
    sigs_[sig >> 6] |= uint64_t{1} << (sig & 63);
    if (2 * entries_.size() > slots_.size()) {
      Rehash();
    } else {
      Place(h, entries_.size() - 1);
    }
    return {entries_.end() - 1, true};
  }
  template <typename T>
  std::pair<iterator, bool> emplace(std::string_view key, T&& value) {
    return try_emplace(key, std::forward<T>(value));
  }

 private:
  // A slot: high 32 bits of the hash, low 32 bits entry index + 1 (0 = empty).
  static uint64_t Tag(uint64_t h) { return h & 0xFFFFFFFF00000000ull; }

  static unsigned char FirstByte(std::string_view key) {
    return key.empty() ? 0 : static_cast<unsigned char>(key[0]);
  }
  static uint32_t LengthBit(std::string_view key) {
    return uint32_t{1} << (key.size() < 31 ? key.size() : 31);
  }
  // A 12-bit signature of the first, second and last bytes and the length: a second cheap
  // filter before the hash ("the" passes the first-byte/length test of a map holding "two").
  static uint32_t Sig(std::string_view key) {
    const size_t n = key.size();
    if (n == 0) return 0;
    const uint32_t a = static_cast<unsigned char>(key[0]);
    const uint32_t b = static_cast<unsigned char>(key[n > 1 ? 1 : 0]);
    const uint32_t z = static_cast<unsigned char>(key[n - 1]);
    const uint32_t h = (a * 0x9E3779B1u) ^ (b * 0x85EBCA77u) ^ (z * 0xC2B2AE3Du) ^
                       (static_cast<uint32_t>(n) * 0x27D4EB2Fu);
    return (h ^ (h >> 15)) * 0x2C1B3C6Du >> 20;  // the top 12 bits
  }
  int64_t Lookup(std::string_view key) const {
    if ((first_len_[FirstByte(key)] & LengthBit(key)) == 0) return -1;
    const uint32_t sig = Sig(key);
    if ((sigs_[sig >> 6] & (uint64_t{1} << (sig & 63))) == 0) return -1;
    return IndexOf(key, WordHash(key));
  }
  int64_t IndexOf(std::string_view key, uint64_t h) const {
    if (slots_.empty()) return -1;
    const size_t mask = slots_.size() - 1;
    for (size_t s = h & mask;; s = (s + 1) & mask) {
      const uint64_t slot = slots_[s];
      if (slot == 0) return -1;
      if ((slot & 0xFFFFFFFF00000000ull) == Tag(h)) {
        const size_t i = static_cast<uint32_t>(slot) - 1;
        if (entries_[i].first == key) return static_cast<int64_t>(i);
      }
    }
  }
  void Place(uint64_t h, size_t index) {
    const size_t mask = slots_.size() - 1;
    size_t s = h & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = Tag(h) | (index + 1);
  }
  void Rehash() {
    size_t cap = 16;
    while (cap < 2 * entries_.size()) cap *= 2;
    slots_.assign(cap * 2, 0);  // at most a quarter full after growing
    for (size_t i = 0; i < entries_.size(); ++i) Place(WordHash(entries_[i].first), i);
  }

  std::deque<value_type> entries_;
  std::vector<uint64_t> slots_;
  std::array<uint32_t, 256> first_len_{};
  std::array<uint64_t, 64> sigs_{};  // bit Sig(key) of every key (4,096 bits)
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_WORD_MAP_H_

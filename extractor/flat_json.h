// Internal: a fast reader for the common shape of a JSON Lines article — one flat object whose
// values are all strings — without building a JSON tree. It only says "yes, and here are the
// fields" or "not that shape"; callers then parse the line with nlohmann::json, which also words
// the errors. For the lines it accepts it gives exactly the strings nlohmann would (escapes,
// \uXXXX with surrogate pairs, '\0' kept), and it refuses everything nlohmann would reject or read
// differently: other value types, nesting, duplicate keys, raw control characters, lone
// surrogates, trailing bytes. The input must be valid UTF-8 (checked by the caller).
#ifndef CLAIMEX_EXTRACTOR_FLAT_JSON_H_
#define CLAIMEX_EXTRACTOR_FLAT_JSON_H_

#include <string>
#include <string_view>

namespace claimex {

struct FlatField {
  std::string_view key;
  std::string* value;  // receives the decoded string; not touched when the key is absent
  bool found = false;  // set when the key was present
};

// Reads `line` as {"key": "string", ...}: fields named in `fields[0..n)` are decoded into their
// `value`, others are skipped. Returns false when the line is not of that shape (the fields'
// values are then unspecified).
bool ReadFlatJsonObject(std::string_view line, FlatField* fields, size_t n);

// The end of the run of bytes from s[from] that a JSON string holds as they are: none is '"',
// '\\' or below 0x20 (nor, when ascii_only, 0x80 or above). Eight bytes at a time, then byte by
// byte; the JSON reader and writer (json_writer.cc) both scan strings with it.
size_t JsonPlainRunEnd(std::string_view s, size_t from, bool ascii_only);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_FLAT_JSON_H_

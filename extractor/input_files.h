// Internal: naming inputs for OpenInputs (extractor/reader.h) — which files a path stands for
// (directories recursively, sorted, hidden entries skipped) and which format a file holds
// (DetectFormat: the one dispatch point where the HTML and RSS/Atom readers will plug in).
#ifndef CLAIMEX_EXTRACTOR_INPUT_FILES_H_
#define CLAIMEX_EXTRACTOR_INPUT_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/reader.h"

namespace claimex {

// What a file holds, as far as the readers care.
enum class FileFormat {
  kText,        // one article per file (the default for any extension we do not know)
  kJsonLines,   // .jsonl / .ndjson, or standard input whose first byte is '{'
  kHtml,        // .html / .htm, or bytes starting "<!DOCTYPE html" / "<html" (later issue)
  kFeed,        // .xml / .rss / .atom, or bytes starting "<?xml" / "<rss" / "<feed" (later issue)
  kCompressed,  // .gz / .bz2 / .xz / .zip, or gzip/zip magic bytes
  kBinary,      // PDF, images, office files: magic bytes of a format that is not text
};

// "text", "JSON Lines", "HTML", ...
const char* FileFormatName(FileFormat format);

// The format of a file: by its extension first (case-insensitive), else by its first bytes
// (`head`, a few hundred bytes are enough; may be empty). Standard input (path "-") has no
// extension, so its first bytes decide (leading whitespace and a UTF-8 BOM skipped).
FileFormat DetectFormat(std::string_view path, std::string_view head);

// The file name without directory and without its last extension: "dir/a.b.txt" -> "a.b".
std::string FileStem(std::string_view path);

// Lists the regular files under `dir` recursively, sorted by path; entries whose name starts
// with '.' are skipped (and hidden directories are not entered). Symbolic links to files are
// listed, links to directories are not followed. On an error *error gets a short reason and the
// files found so far are returned.
std::vector<std::string> ListDirectory(const std::string& dir, std::string* error);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_INPUT_FILES_H_

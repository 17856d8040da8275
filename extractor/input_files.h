// Internal: naming inputs for OpenInputs (extractor/reader.h) — which files a path stands for
// (directories recursively, sorted, hidden entries skipped) and which format a file holds
// (DetectFormat; OpenFile() in reader.cc is the dispatch point where the HTML and RSS/Atom
// readers will plug in).
#ifndef CLAIMEX_EXTRACTOR_INPUT_FILES_H_
#define CLAIMEX_EXTRACTOR_INPUT_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/reader.h"

namespace claimex {

// The format of a file (never kAuto): gzip magic bytes first (kCompressed whatever the name), then
// by its extension (case-insensitive: .jsonl/.ndjson,
// .html/.htm/.xhtml, .xml/.rss/.atom, .gz/.bz2/.xz/.zip, .pdf and image types), else by its
// first bytes (`head`, a few hundred bytes are enough; may be empty): gzip/zip/PDF/image magic,
// "<!DOCTYPE html"/"<html", "<?xml"/"<rss"/"<feed" (leading whitespace and a UTF-8 BOM
// skipped); otherwise text. Standard input (path "-") has no extension: a first '{' there
// means JSON Lines.
InputFormat DetectFormat(std::string_view path, std::string_view head);

// The file name without directory and without its last extension: "dir/a.b.txt" -> "a.b".
std::string FileStem(std::string_view path);

// Lists the article files under `dir` recursively, sorted by path: those with an article
// extension (.txt .text .jsonl .ndjson .html .htm .xhtml .xml .rss .atom, each also with .gz
// after it); other files (README.md, LICENSE, index.tsv, scripts, images) are skipped, and so are
// entries whose name starts with '.' (hidden directories are not entered). Symbolic links to
// files are listed, links to directories are not followed. On an error *error gets a short reason
// and the files found so far are returned.
std::vector<std::string> ListDirectory(const std::string& dir, std::string* error);

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_INPUT_FILES_H_

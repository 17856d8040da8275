// Internal: rule files and schema migrations compiled into the binary (tools/embed_data.cmake).
#ifndef CLAIMEX_EXTRACTOR_EMBEDDED_DATA_H_
#define CLAIMEX_EXTRACTOR_EMBEDDED_DATA_H_

#include <string_view>
#include <vector>

namespace claimex {

struct EmbeddedFile {
  std::string_view name;     // file name without directory, e.g. "units.txt"
  std::string_view content;  // the file's bytes
};

// patterns/*.txt, sorted by name.
const std::vector<EmbeddedFile>& Embedded_patterns();
// db/migrations/*.sql, sorted by name (NNN_name.sql; NNN is the schema version it brings).
const std::vector<EmbeddedFile>& Embedded_migrations();

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_EMBEDDED_DATA_H_

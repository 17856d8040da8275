// Internal: a statement's link signature (db/linker.h), stored once when the statement is
// linked (link_statements.sig, migration 004) so that it is verified as a candidate later
// without reading its sentence, claims and quotes back or tokenizing it again.
//
// The signature is a compact little-endian BLOB: a version byte, the word tokens (32-bit word
// hashes, link_text.h, with their stop/number flags), the quote's speaker and tokens, and each
// figure's facts (link_figures.h). Decode rebuilds the Statement (its content set included);
// a BLOB of another version or a truncated one is refused, never misread.
#ifndef CLAIMEX_DB_LINK_SIGNATURE_H_
#define CLAIMEX_DB_LINK_SIGNATURE_H_

#include <string>
#include <string_view>

#include "db/link_match.h"
#include "db/linker.h"

namespace claimex {

// Appends the signature of `st` to *out.
void EncodeStatement(const Statement& st, std::string* out);
// Rebuilds a statement from its signature; false when `sig` is not a valid signature.
bool DecodeStatement(std::string_view sig, Statement* st);

// A statement's derived fields (content set and distinct tokens, FinishStatement), so that the
// thread that prepared it computes them, not the writer. DecodeStatement with them rebuilds the
// statement from its signature without computing them again (reusing *st's memory).
void EncodeDerived(const Statement& st, std::string* out);
bool DecodeStatement(std::string_view sig, std::string_view derived, Statement* st);

// A prepared article (linker.h: Linker::PreparedArticle) as bytes, so that the extraction thread
// that prepared it can hand it to the writer thread (tools/cli: PipelineOutput::Prepare).
// Appends to *out. DecodePrepared reuses the memory of *out; false when `bytes` is not such an
// encoding (nothing is misread).
void EncodePrepared(const Linker::PreparedArticle& p, std::string* out);
bool DecodePrepared(std::string_view bytes, Linker::PreparedArticle* out);

}  // namespace claimex

#endif  // CLAIMEX_DB_LINK_SIGNATURE_H_

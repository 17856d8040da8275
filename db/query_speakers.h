// Questions about who said what, over the `who_said_what` view (db/SCHEMA.md): everyone quoted
// or credited with a figure, and one speaker's quotes and figures. A speaker is followed across
// articles by name; a named source ("Office for Regional Statistics") counts as a speaker with
// via = 'source'.
#ifndef CLAIMEX_DB_QUERY_SPEAKERS_H_
#define CLAIMEX_DB_QUERY_SPEAKERS_H_

#include <string>

#include "db/query_figures.h"
#include "db/query_table.h"
#include "extractor/status.h"

struct sqlite3;

namespace claimex {

// Speakers matching `filter.speaker` (case-insensitive part of the name; "" = all) who said
// something in the filter's date range / articles, most statements first: name, role, org, via,
// articles, quotes, figures, first_seen, last_seen.
Result<Table> Speakers(sqlite3* db, const FigureFilter& filter);

// The one speaker `name` means: an exact case-insensitive match, else the only name containing
// it. NotFound when none matches; InvalidArgument listing the candidates when several do.
Result<std::string> ResolveSpeaker(sqlite3* db, const std::string& name);

// Everything `name` (exact, as ResolveSpeaker returns it) said, in date order: date, article,
// title, kind ('quote' or 'figure'), detail ('direct'/'reported' for a quote, the unit for a
// figure), text, value, unit, sentence, via, start_byte, end_byte. `filter` narrows it
// (its `speaker` field is ignored).
Result<Table> SpeakerStatements(sqlite3* db, const std::string& name, const FigureFilter& filter);

}  // namespace claimex

#endif  // CLAIMEX_DB_QUERY_SPEAKERS_H_

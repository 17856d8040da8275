// Internal to the CLI: printing query results (db/query_table.h) for people and for pipes.
//   table  aligned columns (the default); on a terminal, long cells are cut to fit its width
//   jsonl  one JSON object per row, keys in column order, numbers as numbers, NULL as null
//   csv    RFC 4180: a header row, fields quoted when they hold , " or a line break
//   tsv    a header row; tab, line breaks and backslash in a field written as \t \n \r \\ .
#ifndef CLAIMEX_TOOLS_CLI_TABLE_OUTPUT_H_
#define CLAIMEX_TOOLS_CLI_TABLE_OUTPUT_H_

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "db/query_table.h"
#include "extractor/status.h"

namespace claimex {

enum class OutputFormat { kTable, kJsonl, kCsv, kTsv };

// Adds --format table|jsonl|csv|tsv (checked by CLI11) storing into `format`.
void AddFormatOption(CLI::App* cmd, std::string* format);
OutputFormat ParseOutputFormat(const std::string& format);  // unknown -> kTable

// Whether `f` is a terminal; the terminal's width in columns (80 when unknown or not one).
bool IsTerminal(FILE* f);
int TerminalWidth(FILE* f);
// Whether to colour output to `f`: a terminal and $NO_COLOR unset.
bool UseColour(FILE* f);

// Columns of a display: UTF-8 text with wide (CJK) characters counting 2 and ANSI colour
// escapes ("\x1b[1m") counting 0.
int DisplayWidth(std::string_view text);

// Writes `table` to `out`. For kTable, `columns` picks and orders the columns shown (empty = all);
// the other formats always write every column so that nothing is lost in a pipe.
Status WriteTable(const Table& table, OutputFormat format, const std::vector<std::string>& columns,
                  FILE* out);

}  // namespace claimex

#endif  // CLAIMEX_TOOLS_CLI_TABLE_OUTPUT_H_

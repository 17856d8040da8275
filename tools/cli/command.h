// Internal to the CLI: subcommands register themselves here, one file per subcommand
// (tools/cli/cmd_<name>.cc), so that adding a command touches no other file:
//
//   namespace {
//   struct Opts { std::string db = DefaultDb(); };
//   const bool kRegistered = RegisterCommand({"who", "Speakers and what they said", 50,
//       [](CLI::App* cmd) -> CommandRun {
//         auto o = std::make_shared<Opts>();
//         AddDbOption(cmd, &o->db);
//         return [o] { return RunWho(*o); };
//       }});
//   }
#ifndef CLAIMEX_TOOLS_CLI_COMMAND_H_
#define CLAIMEX_TOOLS_CLI_COMMAND_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "db/store.h"
#include "extractor/status.h"

namespace claimex {

// Exit statuses of the program.
constexpr int kExitOk = 0;        // all went well
constexpr int kExitRejected = 1;  // some input was rejected (the rest was processed)
constexpr int kExitFatal = 2;     // bad arguments, unusable database, bad rule file, ...

using CommandRun = std::function<int()>;

struct CommandSpec {
  std::string name;  // "extract"
  std::string help;  // one line for --help
  int order = 100;   // position in --help (lower first)
  // Adds the command's options to `cmd` and returns what runs when the command is chosen.
  std::function<CommandRun(CLI::App* cmd)> setup;
};

// Adds a command; call from a namespace-scope initializer. Returns true.
bool RegisterCommand(CommandSpec spec);
// Every registered command, in `order`.
std::vector<CommandSpec> RegisteredCommands();

// --- helpers shared by commands ---------------------------------------------------------------

// Prints "claimex: <status>" to stderr and returns kExitFatal.
int Fatal(const Status& status);
// $CLAIMEX_DB, else "claims.db".
std::string DefaultDb();
// Adds --db PATH.
void AddDbOption(CLI::App* cmd, std::string* db);
// Opens an existing database read-only (a missing file is an error, not a new database).
Result<std::unique_ptr<Store>> OpenReadOnly(const std::string& path);

}  // namespace claimex

#endif  // CLAIMEX_TOOLS_CLI_COMMAND_H_

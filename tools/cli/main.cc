// claimex: the command-line program. Each subcommand lives in tools/cli/cmd_<name>.cc and
// registers itself (command.h). Exit status: 0 all went well; 1 some input was rejected (the
// rest was processed); 2 a fatal error (bad arguments, unusable database, bad rule file).
#include <CLI/CLI.hpp>

#include "tools/cli/command.h"

int main(int argc, char** argv) {
  using namespace claimex;
  CLI::App app{"claimex: extracts quantitative claims from news, with who said them, and links "
               "figures recycled across articles"};
  app.require_subcommand(1);
  app.failure_message(CLI::FailureMessage::simple);  // one-line argument errors
  std::vector<std::pair<CLI::App*, CommandRun>> commands;
  for (const CommandSpec& spec : RegisteredCommands()) {
    CLI::App* cmd = app.add_subcommand(spec.name, spec.help);
    commands.emplace_back(cmd, spec.setup(cmd));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitFatal;
  }
  for (auto& [cmd, run] : commands) {
    if (*cmd) return run();
  }
  return kExitFatal;
}

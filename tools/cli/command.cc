#include "tools/cli/command.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace claimex {
namespace {

std::vector<CommandSpec>& Registry() {
  static std::vector<CommandSpec> commands;
  return commands;
}

}  // namespace

bool RegisterCommand(CommandSpec spec) {
  Registry().push_back(std::move(spec));
  return true;
}

std::vector<CommandSpec> RegisteredCommands() {
  std::vector<CommandSpec> out = Registry();
  std::stable_sort(out.begin(), out.end(),
                   [](const CommandSpec& a, const CommandSpec& b) { return a.order < b.order; });
  return out;
}

int Fatal(const Status& s) {
  std::fprintf(stderr, "claimex: %s\n", s.ToString().c_str());
  return kExitFatal;
}

std::string DefaultDb() {
  const char* env = std::getenv("CLAIMEX_DB");
  return env && *env ? env : "claims.db";
}

void AddDbOption(CLI::App* cmd, std::string* db) {
  cmd->add_option("--db", *db, "Database file (default $CLAIMEX_DB, else claims.db)");
}

Result<std::unique_ptr<Store>> OpenReadOnly(const std::string& path) {
  Store::Options so;
  so.path = path;
  so.read_only = true;
  return Store::Open(so);
}

}  // namespace claimex

// `claimex serve`: the web app for editors over a database (tools/web/server.h).
#include <cstdio>

#include "tools/cli/command.h"
#include "tools/web/server.h"

namespace claimex {
namespace {

int RunServe(const web::WebOptions& o) {
  auto server = web::WebServer::Create(o);
  if (!server.ok()) return Fatal(server.status());
  std::fprintf(stderr, "claimex: serving %s at http://%s:%d/ (Ctrl-C to stop)\n", o.db.c_str(),
               o.host.c_str(), (*server)->port());
  Status st = (*server)->Run();
  return st.ok() ? kExitOk : Fatal(st);
}

const bool kServe = RegisterCommand(
    {"serve", "Web pages for editors over a database: recycled figures, articles, speakers, search",
     70, [](CLI::App* cmd) -> CommandRun {
       auto o = std::make_shared<web::WebOptions>();
       o->db = DefaultDb();
       AddDbOption(cmd, &o->db);
       cmd->add_option("--host", o->host, "Address to listen on (default 127.0.0.1: this machine)");
       cmd->add_option("--port", o->port, "Port (default 8080; 0 = any free port)")
           ->check(CLI::Range(0, 65535));
       return [o] { return RunServe(*o); };
     }});

}  // namespace
}  // namespace claimex

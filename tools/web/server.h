// claimex's web app for editors (`claimex serve`): a small HTTP server (cpp-httplib) over a
// read-only connection to a claims database, rendering the pages of tools/web/pages.h.
//
//   auto server = web::WebServer::Create({.db = "demo.db"});   // binds 127.0.0.1:8080
//   if (!server.ok()) ...;
//   (*server)->Run();                                          // until Stop()
//
// Only GET and HEAD are answered (405 otherwise). Responses carry a strict Content-Security-
// Policy (no scripts), nosniff and no-referrer headers. Requests are served one at a time on the
// single connection (pages take a few milliseconds); the database is never written.
#ifndef CLAIMEX_TOOLS_WEB_SERVER_H_
#define CLAIMEX_TOOLS_WEB_SERVER_H_

#include <memory>
#include <string>

#include "extractor/status.h"

namespace claimex::web {

struct WebOptions {
  std::string db = "claims.db";
  std::string host = "127.0.0.1";  // loopback only unless asked otherwise
  int port = 8080;                 // 0 = any free port (see WebServer::port())
  int threads = 4;                 // connection threads
};

class WebServer {
 public:
  // Opens the database read-only and binds the address; fails with one clear message (missing
  // database, not a claimex database, port in use).
  static Result<std::unique_ptr<WebServer>> Create(const WebOptions& options);
  ~WebServer();

  int port() const;  // the bound port
  // Serves until Stop() is called (from another thread or a signal handler's thread).
  Status Run();
  void Stop();

  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

 private:
  struct Impl;
  explicit WebServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimex::web

#endif  // CLAIMEX_TOOLS_WEB_SERVER_H_

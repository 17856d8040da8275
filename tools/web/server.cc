#include "tools/web/server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <mutex>

#include "db/sqlite_util.h"
#include "db/store.h"
#include "tools/web/pages.h"

namespace claimex::web {

struct WebServer::Impl {
  std::unique_ptr<Store> store;
  std::mutex db_mutex;  // one request at a time on the connection
  httplib::Server http;
  int port = 0;

  void Handle(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                   "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
    if (req.method != "GET" && req.method != "HEAD") {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content("method not allowed\n", "text/plain; charset=utf-8");
      return;
    }
    if (req.path == "/favicon.ico") {
      res.status = 204;
      return;
    }
    PageRequest page;
    page.path = req.path;
    for (const auto& [k, v] : req.params) page.params.emplace(k, v);
    const auto start = std::chrono::steady_clock::now();
    PageResponse out;
    {
      std::lock_guard<std::mutex> lock(db_mutex);
      out = RenderPage(store->handle(), page);
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    char timing[48];
    std::snprintf(timing, sizeof timing, "page;dur=%.2f", ms);
    res.set_header("Server-Timing", timing);
    res.status = out.status;
    res.set_content(std::move(out.html), "text/html; charset=utf-8");
  }
};

WebServer::WebServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WebServer::~WebServer() {
  if (impl_) impl_->http.stop();
}

Result<std::unique_ptr<WebServer>> WebServer::Create(const WebOptions& options) {
  if (options.port < 0 || options.port > 65535) {
    return Status::InvalidArgument("port must be 0..65535");
  }
  auto impl = std::make_unique<Impl>();
  Store::Options so;
  so.path = options.db;
  so.read_only = true;
  auto store = Store::Open(so);
  if (!store.ok()) return store.status();
  impl->store = std::move(store.value());
  // Belt and braces: the connection is opened read-only, and refuses writes at the SQL level too.
  CLAIMEX_RETURN_IF_ERROR(ExecSql(impl->store->handle(), "PRAGMA query_only = ON"));

  const int threads = options.threads > 0 ? options.threads : 1;
  impl->http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl->http.set_payload_max_length(64 * 1024);
  Impl* raw = impl.get();
  impl->http.set_pre_routing_handler([raw](const httplib::Request& req, httplib::Response& res) {
    raw->Handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
    if (impl->port <= 0) return Status::IoError("cannot listen on " + options.host);
  } else {
    if (!impl->http.bind_to_port(options.host, options.port)) {
      return Status::IoError("cannot listen on " + options.host + ":" +
                             std::to_string(options.port) + " (in use?)");
    }
    impl->port = options.port;
  }
  return std::unique_ptr<WebServer>(new WebServer(std::move(impl)));
}

int WebServer::port() const { return impl_->port; }

Status WebServer::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void WebServer::Stop() { impl_->http.stop(); }

}  // namespace claimex::web

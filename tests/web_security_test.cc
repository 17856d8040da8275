// Security of the web app (tools/web/, `claimex serve`), tried from outside as an attacker would:
// it listens on 127.0.0.1 unless told otherwise, never writes the database, checks every query
// parameter (hostile values are a 400/404 page, never a 500, and come back escaped), answers FTS
// syntax errors with a 400 and a message, serves no file from disk whatever the path, and refuses
// other methods and oversized requests. Requests go over a raw socket, byte for byte as written.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "extractor/encoding.h"
#include "tests/query_fixture.h"
#include "tools/web/html.h"
#include "tools/web/server.h"

namespace claimex {
namespace {

namespace fs = std::filesystem;
using namespace claimex::testing;

struct Server {
  QueryDb db;
  std::unique_ptr<web::WebServer> server;
  std::thread thread;
  explicit Server(const std::string& host = "") {
    BuildQueryDb(db.path);
    web::WebOptions o;
    o.db = db.path;
    o.port = 0;
    if (!host.empty()) o.host = host;
    auto s = web::WebServer::Create(o);
    INFO(s.status().ToString());
    REQUIRE(s.ok());
    server = std::move(s.value());
    thread = std::thread([this] { server->Run(); });
  }
  ~Server() {
    server->Stop();
    thread.join();
  }
};

struct Reply {
  int status = 0;    // 0: no HTTP answer
  std::string text;  // headers and body
};

// Whether `text` holds a whole HTTP response: its headers and Content-Length bytes of body.
bool Complete(const std::string& text) {
  const size_t end = text.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  size_t length = 0;
  const size_t at = text.find("Content-Length: ");
  if (at != std::string::npos && at < end)
    length = std::strtoul(text.c_str() + at + 16, nullptr, 10);
  return text.size() >= end + 4 + length;
}

// Sends `request` as is to 127.0.0.1:port and reads the answer until the server closes or
// `seconds` pass without a byte.
Reply Raw(int port, const std::string& request, int seconds = 5) {
  Reply r;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  timeval tv{seconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  for (size_t sent = 0; sent < request.size();) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may hang up on an oversized request
    sent += static_cast<size_t>(n);
  }
  char buf[65536];
  for (ssize_t n; !Complete(r.text) && (n = recv(fd, buf, sizeof buf, 0)) > 0;) {
    r.text.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  if (r.text.starts_with("HTTP/1.")) r.status = std::atoi(r.text.c_str() + 9);
  return r;
}

Reply Get(int port, const std::string& target) {
  return Raw(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
}

using web::UrlEncode;

// The local addresses (hex, as in /proc/net/tcp*) of sockets listening on `port`.
std::set<std::string> ListenAddresses(int port) {
  std::set<std::string> out;
  char want[8];
  std::snprintf(want, sizeof want, "%04X", port);
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream f(table);
    std::string line;
    std::getline(f, line);  // header
    while (std::getline(f, line)) {
      std::istringstream in(line);
      std::string slot, local, remote, state;
      in >> slot >> local >> remote >> state;
      const size_t colon = local.rfind(':');
      if (state == "0A" && colon != std::string::npos && local.substr(colon + 1) == want) {
        out.insert(local.substr(0, colon));
      }
    }
  }
  return out;
}

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

TEST_CASE("web security: the server listens on 127.0.0.1 unless told otherwise", "[web_security]") {
  CHECK(web::WebOptions().host == "127.0.0.1");
  {
    Server s;
    CHECK(ListenAddresses(s.server->port()) == std::set<std::string>{"0100007F"});
    CHECK(Get(s.server->port(), "/").status == 200);
  }
  // `claimex serve` without --host: the same, seen from outside the process.
  QueryDb db;
  BuildQueryDb(db.path);
  const fs::path err = db.path + ".serve.err";
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::freopen(err.c_str(), "w", stderr);
    std::freopen("/dev/null", "w", stdout);
    execl(CLAIMEX_BINARY, CLAIMEX_BINARY, "serve", "--db", db.path.c_str(), "--port", "0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 200 && port == 0; ++i) {  // up to 10 s for "at http://127.0.0.1:PORT/"
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const std::string text = Slurp(err);
    if (size_t at = text.find("http://127.0.0.1:"); at != std::string::npos) {
      port = std::atoi(text.c_str() + at + 17);
    }
  }
  std::set<std::string> addresses = port ? ListenAddresses(port) : std::set<std::string>{};
  kill(pid, SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  fs::remove(err);
  INFO(Slurp(err));
  REQUIRE(port > 0);
  CHECK(addresses == std::set<std::string>{"0100007F"});
}

TEST_CASE("web security: requests never write the database", "[web_security]") {
  Server s;
  const std::string before = Slurp(s.db.path);
  const int port = s.server->port();
  for (const std::string& v :
       {std::string("x'); DROP TABLE articles; --"), std::string("1; DELETE FROM claims"),
        std::string("\" OR 1=1 --"), std::string("'; ATTACH DATABASE 'x.db' AS y; --")}) {
    for (std::string path :
         {"/article?id=", "/speaker?name=", "/search?q=", "/figure?unit=count&value=300&noun="}) {
      Reply r = Get(port, path + UrlEncode(v));
      INFO(path << v);
      CHECK((r.status == 200 || r.status == 400 || r.status == 404));
    }
  }
  CHECK(Get(port, "/article?id=harbour-a").status == 200);  // nothing was dropped
  CHECK(Slurp(s.db.path) == before);
  std::error_code ec;
  const auto wal = fs::file_size(s.db.path + "-wal", ec);
  CHECK((ec || wal == 0));  // no WAL frames were written either
}

TEST_CASE("web security: hostile parameters are a 400/404 page, never a 500, and stay escaped",
          "[web_security]") {
  Server s;
  const int port = s.server->port();
  const std::vector<std::string> hostile = {
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "javascript:alert(1)",
      "x'); DROP TABLE articles; --",
      "%00",
      "../../../../etc/passwd",
      std::string(499, 'a'),
      "\xE2\x80\xAE\xE2\x80\x8B",  // right-to-left override, zero-width space
      "\xF0\x9F\x98\x80",          // emoji
      "1e309",
      "nan",
      "-inf",
      "0x1p4",
      "-0",
      "99999999999999999999999",
  };
  const std::vector<std::string> pages = {"/article?id=",
                                          "/article?id=harbour-a&claim=",
                                          "/speaker?name=",
                                          "/search?q=",
                                          "/figure?unit=count&value=",
                                          "/figure?value=300&unit=",
                                          "/figure?value=300&unit=count&noun=",
                                          "/search?q=buses&figures="};
  for (const std::string& page : pages) {
    for (const std::string& v : hostile) {
      Reply r = Get(port, page + UrlEncode(v));
      INFO(page << v << "\n" << r.text.substr(0, 300));
      CHECK((r.status == 200 || r.status == 400 || r.status == 404));
      CHECK(r.text.find("<script>alert") == std::string::npos);
      CHECK(r.text.find("<img src=x") == std::string::npos);
      CHECK(r.text.find("root:x:0:0") == std::string::npos);
    }
  }
  // What must be refused outright.
  struct Row {
    std::string target;
    std::string says;
  };
  const Row refused[] = {
      {"/speaker?name=" + std::string(501, 'a'), "too long"},
      {"/speaker?name=a%00b", "control character"},
      {"/speaker?name=a%1Bb", "control character"},
      {"/speaker?name=%C0%AF", "not UTF-8"},
      {"/article?id=harbour-a&claim=-1", "not a row id"},
      {"/article?id=harbour-a&claim=99999999999999999999", "not a row id"},
      {"/figure?value=1e309&unit=count", "not a number"},
      {"/figure?value=nan&unit=count", "not a number"},
      {"/figure?value=300&unit=" + std::string(41, 'u'), "too long"},
      {"/?debug=1", "unknown parameter"},
      {"/search?q=a&q=b", "given twice"},
  };
  for (const Row& row : refused) {
    Reply r = Get(port, row.target);
    INFO(row.target << "\n" << r.text.substr(0, 300));
    CHECK(r.status == 400);
    CHECK(r.text.find(row.says) != std::string::npos);
  }
}

// Regression: the web app's own UTF-8 check let UTF-16 surrogates, code points above U+10FFFF and
// 3- and 4-byte overlongs through (the page was then a 404 echoing them). Every parameter is now
// checked with IsValidUtf8, and request text in a message is never echoed as invalid UTF-8.
TEST_CASE("web security: surrogates, overlongs and code points above U+10FFFF are not UTF-8",
          "[web_security]") {
  Server s;
  const int port = s.server->port();
  for (const char* target :
       {"/speaker?name=%ED%A0%80", "/speaker?name=%F4%90%80%80", "/speaker?name=%E0%80%AF",
        "/speaker?name=%F0%80%80%AF", "/speaker?name=%F8%88%80%80%80", "/article?id=%ED%BF%BF",
        "/figure?value=300&unit=count&noun=%F5%80%80%80", "/search?q=%C1%BF"}) {
    Reply r = Get(port, target);
    INFO(target);
    CHECK(r.status == 400);
    CHECK(r.text.find("not UTF-8") != std::string::npos);
  }
  const Reply bad_path = Get(port, "/no%FFpage");
  CHECK(bad_path.status == 404);
  CHECK(IsValidUtf8(bad_path.text));
  const Reply bad_name = Get(port, "/?x%ED%A0%80=1");
  CHECK(bad_name.status == 400);
  CHECK(bad_name.text.find("unknown parameter") != std::string::npos);
  CHECK(IsValidUtf8(bad_name.text));
}

TEST_CASE("web security: FTS syntax errors are a 400 with a message", "[web_security]") {
  Server s;
  const int port = s.server->port();
  const std::vector<std::string> bad = {"\"unbalanced",
                                        "AND",
                                        "buses AND",
                                        "OR buses",
                                        "NOT",
                                        "NEAR(",
                                        "NEAR(buses",
                                        "buses NEAR/x rail",
                                        "(",
                                        ")",
                                        "(buses",
                                        "*",
                                        "^",
                                        "nosuchcolumn:buses",
                                        ":",
                                        "a:b:c",
                                        "{buses",
                                        "buses -",
                                        "+",
                                        "\"\"\" AND (",
                                        ",",
                                        "buses)",
                                        "x'); --"};
  for (const std::string& q : bad) {
    Reply r = Get(port, "/search?q=" + UrlEncode(q));
    INFO(q << "\n" << r.text.substr(0, 400));
    CHECK(r.status == 400);
    CHECK(r.text.find("bad search query") != std::string::npos);
  }
  // Odd but valid queries are answered.
  for (std::string q : {"buses", "bus*", "\"300 new buses\"", "buses OR rail", "buses NOT rail",
                        "NEAR(buses city, 5)", "^mayor"}) {
    Reply r = Get(port, "/search?q=" + UrlEncode(q));
    INFO(q << "\n" << r.text.substr(0, 400));
    CHECK(r.status == 200);
  }
  // Random strings of FTS operators and words: always a 200 or a 400, never a 500 or a hang.
  std::mt19937 rng(20240521);
  const std::vector<std::string> atoms = {"buses", "rail", "\"",  "(",    ")", "*",  "^", ":",
                                          "AND",   "OR",   "NOT", "NEAR", "/", ",",  "-", "+",
                                          "{",     "}",    "300", "'",    ";", "\\", "é", " "};
  for (int i = 0; i < 300; ++i) {
    std::string q;
    const int n = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) q += atoms[rng() % atoms.size()] + (rng() % 2 ? " " : "");
    Reply r = Get(port, "/search?q=" + UrlEncode(q));
    INFO(q);
    CHECK((r.status == 200 || r.status == 400));
  }
}

TEST_CASE("web security: no file is served from disk, whatever the path", "[web_security]") {
  Server s;
  const int port = s.server->port();
  // A secret next to the database and in the working directory: no path may reach it.
  const std::string token = "claimex-secret-" + std::to_string(std::random_device()());
  const fs::path near_db = fs::path(s.db.path).parent_path() / "claimex_web_secret.txt";
  std::ofstream(near_db) << token;
  const std::string name = near_db.filename().string();
  const std::vector<std::string> paths = {"/" + name,
                                          "/../" + name,
                                          "/%2e%2e/" + name,
                                          "/..%2f" + name,
                                          "/%2e%2e%2f" + name,
                                          "/static/../" + name,
                                          "/static/..%2f..%2f" + name,
                                          "/....//" + name,
                                          "/.%2e/" + name,
                                          "/%252e%252e/" + name,
                                          "/..\\" + name,
                                          "/..%5c" + name,
                                          "//" + near_db.string(),
                                          near_db.string(),
                                          "/static/" + near_db.string(),
                                          "/etc/passwd",
                                          "/../../../../etc/passwd",
                                          "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                                          "/proc/self/environ",
                                          "/article/../../etc/passwd",
                                          "/favicon.ico/../../etc/passwd",
                                          "/index.html%00.txt",
                                          "/tools/web/server.cc",
                                          "/CMakeLists.txt"};
  for (const std::string& p : paths) {
    Reply r = Get(port, p);
    INFO(p << "\n" << r.text.substr(0, 300));
    CHECK((r.status == 400 || r.status == 404));
    CHECK(r.text.find(token) == std::string::npos);
    CHECK(r.text.find("root:x:0:0") == std::string::npos);
    CHECK(r.text.find("add_executable") == std::string::npos);
  }
  fs::remove(near_db);
}

TEST_CASE("web security: other methods and oversized or malformed requests are refused",
          "[web_security]") {
  Server s;
  const int port = s.server->port();
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}) {
    Reply r = Raw(port, std::string(method) +
                            " / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n"
                            "Connection: close\r\n\r\nx=1");
    INFO(method << "\n" << r.text.substr(0, 200));
    CHECK(r.status >= 400);
    CHECK(r.status < 500);
  }
  const Reply big_body =
      Raw(port, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + std::to_string(1 << 20) +
                    "\r\nConnection: close\r\n\r\n" + std::string(1 << 20, 'x'));
  CHECK((big_body.status == 0 || (big_body.status >= 400 && big_body.status < 500)));
  const Reply long_url = Get(port, "/search?q=" + std::string(20000, 'a'));
  CHECK((long_url.status == 0 || (long_url.status >= 400 && long_url.status < 500)));
  const Reply huge_header =
      Raw(port, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Junk: " + std::string(100000, 'j') +
                    "\r\nConnection: close\r\n\r\n");
  CHECK((huge_header.status == 0 || (huge_header.status >= 400 && huge_header.status < 500)));
  for (const std::string& junk :
       {std::string("GARBAGE\r\n\r\n"), std::string("GET\r\n\r\n"),
        std::string("GET / HTTP/9.9\r\n\r\n"), std::string("GET /\0x HTTP/1.1\r\n\r\n", 19),
        std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11)}) {
    Reply r = Raw(port, junk, 1);  // a server waiting for the rest of a request never answers
    CHECK(r.status != 200);
    CHECK(r.status < 500);
  }
  // After all that, the server still answers.
  CHECK(Get(port, "/").status == 200);
}

}  // namespace
}  // namespace claimex

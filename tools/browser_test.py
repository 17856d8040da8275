#!/usr/bin/env python3
"""Real-browser test of `claimex serve` (issue 7), driven through ChromeDriver's W3C WebDriver
HTTP protocol with the standard library only (no selenium needed).

Starts `claimex serve` over a database and a headless Debian Chromium, then: opens the overview,
follows the most recycled figure to its page, opens an article that states it (not the first),
checks the figure is highlighted there and links back to the figure page, follows the link back,
visits a speaker page and searches (a good query, then one with bad syntax: HTTP 400 + message).
Screenshots of each page go to --out. Prints 'N passed, M failed' and exits non-zero on failure.

Usage: tools/browser_test.py --claimex build/claimex --db demo.db --out build/screenshots
"""
import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def wait_for(url, what, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            status, _ = http("GET", url, timeout=2)
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"browser test: {what} did not start ({url})")


class Driver:
    """The few WebDriver commands the test needs."""

    def __init__(self, port, user_data_dir):
        self.base = f"http://127.0.0.1:{port}"
        chrome = shutil.which("chromium") or "/usr/bin/chromium"
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": chrome, "args": CHROME_FLAGS + [f"--user-data-dir={user_data_dir}"]}}}}
        value = self.cmd("POST", "/session", caps)
        self.session = value["sessionId"]

    def cmd(self, method, path, body=None):
        status, raw = http(method, self.base + path, body)
        value = json.loads(raw or b"{}").get("value")
        if status >= 400:
            raise RuntimeError(f"webdriver {method} {path}: {status} {value}")
        return value

    def s(self, method, path, body=None):
        return self.cmd(method, f"/session/{self.session}{path}", body)

    def go(self, url):
        self.s("POST", "/url", {"url": url})

    def url(self):
        return self.s("GET", "/url")

    def find_all(self, css):
        found = self.s("POST", "/elements", {"using": "css selector", "value": css})
        return [next(iter(e.values())) for e in found]

    def find(self, css):
        found = self.find_all(css)
        if not found:
            raise AssertionError(f"no element matches {css!r} on {self.url()}")
        return found[0]

    def attr(self, el, name):
        return self.s("GET", f"/element/{el}/property/{name}")

    def text(self, el):
        return self.s("GET", f"/element/{el}/text")

    def click(self, el):
        self.s("POST", f"/element/{el}/click", {})

    def type(self, el, text):
        self.s("POST", f"/element/{el}/value", {"text": text})

    def displayed(self, el):
        return self.s("GET", f"/element/{el}/displayed")

    def css(self, el, prop):
        return self.s("GET", f"/element/{el}/css/{prop}")

    def script(self, js):
        return self.s("POST", "/execute/sync", {"script": js, "args": []})

    def screenshot(self, path):
        png = base64.b64decode(self.s("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)

    def quit(self):
        try:
            self.s("DELETE", "")
        except Exception:  # noqa: BLE001 - best effort on the way out
            pass


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
            print(f"  ok   {what}")
        else:
            self.failed += 1
            print(f"  FAIL {what}")
        return ok


def page_ms(driver):
    """Server time of the current page (Server-Timing) and the browser's load time, in ms."""
    try:
        return driver.script(
            "const n = performance.getEntriesByType('navigation')[0];"
            "const s = (n.serverTiming || []).find(t => t.name === 'page');"
            "return [s ? s.duration : -1, n.loadEventEnd - n.startTime];")
    except RuntimeError:
        return [-1, -1]


def run(args, driver, base, checks):
    out = args.out
    timings = {}

    def visit_done(name):
        driver.screenshot(os.path.join(out, f"{name}.png"))
        timings[name] = page_ms(driver)

    # 1. The overview lists recycled figures.
    driver.go(base + "/")
    visit_done("overview")
    links = driver.find_all("a.figure-link")
    checks.check(len(links) > 0, f"overview lists recycled figures ({len(links)})")
    figure_url = driver.attr(links[0], "href")
    figure_text = driver.text(links[0])

    # 2. Follow the most recycled figure.
    driver.click(links[0])
    checks.check(driver.url() == figure_url, f"figure link opens {figure_url}")
    visit_done("figure")
    statements = driver.find_all("ol#statements li.statement")
    checks.check(len(statements) >= 2, f"figure page lists {len(statements)} statements")
    first = driver.find("ol#statements li.statement")
    checks.check("first seen" in driver.text(first), "the first statement is marked first seen")
    h1 = driver.text(driver.find("h1"))
    checks.check(figure_text in h1, f"figure page heading '{h1}' shows '{figure_text}'")

    # 3. Open an article that states it (the second statement: not where it was first seen).
    article_links = driver.find_all("ol#statements a.article-link")
    target = article_links[1] if len(article_links) > 1 else article_links[0]
    article_url = driver.attr(target, "href")
    driver.click(target)
    checks.check(driver.url().split("#")[0] == article_url.split("#")[0],
                 f"statement link opens the article ({article_url})")
    visit_done("article")

    # 4. The figure is highlighted there and links back to the figure page.
    current = driver.find("a.fig.current")
    checks.check(driver.displayed(current), "the figure is highlighted in the article")
    bg = driver.css(current, "background-color")
    checks.check(bg not in ("rgba(0, 0, 0, 0)", "transparent"), f"highlight has a colour ({bg})")
    checks.check(driver.attr(current, "href") == figure_url, "the highlighted figure links back")
    checks.check(len(driver.find_all("article#text a.fig")) >= 1, "figures are marked in the text")
    checks.check(len(driver.find_all("article#text .quote")) >= 0, "quotes are marked")
    driver.click(current)
    checks.check(driver.url() == figure_url, "following it returns to the figure page")

    # 5. A speaker page, from the article's speaker list.
    driver.go(article_url)
    speakers = driver.find_all("ul#speakers a.who")
    if speakers:
        name = driver.text(speakers[0])
        driver.click(speakers[0])
        visit_done("speaker")
        checks.check(name in driver.text(driver.find("h1")), f"speaker page for {name}")
        checks.check(len(driver.find_all("table#statements tbody tr")) >= 1,
                     "the speaker page lists statements")

    # 6. Search with the box in the top bar.
    driver.go(base + "/")
    box = driver.find("header.top input[type=search]")
    driver.type(box, args.query)
    driver.click(driver.find("header.top button[type=submit]"))
    visit_done("search")
    rows = driver.find_all("table#results tbody tr")
    checks.check(len(rows) > 0, f"search '{args.query}' finds {len(rows)} sentences")
    checks.check(len(driver.find_all("table#results mark")) > 0, "matched words are highlighted")

    # 7. A search with bad syntax: HTTP 400 and a readable message.
    status, _ = http("GET", base + "/search?q=%22open")
    checks.check(status == 400, f"bad search syntax answers HTTP {status}")
    driver.go(base + "/search?q=%22open")
    visit_done("search_error")
    checks.check("bad search query" in driver.text(driver.find("#message")),
                 "bad search syntax shows the message")

    print("page times (server ms, browser load ms):")
    for name, (server, load) in timings.items():
        print(f"  {name:13s} {server:7.2f} {load:8.1f}")
        checks.check(0 <= server < 100, f"{name} built in under 100 ms on the server")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claimex", default="build/claimex")
    ap.add_argument("--db", default="demo.db")
    ap.add_argument("--out", default="build/screenshots")
    ap.add_argument("--query", default="knife crime")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    web_port, driver_port = free_port(), free_port()
    procs = []
    user_data = tempfile.mkdtemp(prefix="claimex-chromium-")
    checks = Checks()
    driver = None
    try:
        procs.append(subprocess.Popen([args.claimex, "serve", "--db", args.db, "--port",
                                       str(web_port)], stderr=subprocess.DEVNULL))
        base = f"http://127.0.0.1:{web_port}"
        wait_for(base + "/", "claimex serve")
        chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        procs.append(subprocess.Popen([chromedriver, f"--port={driver_port}"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_for(f"http://127.0.0.1:{driver_port}/status", "chromedriver")
        driver = Driver(driver_port, user_data)
        run(args, driver, base, checks)
    except (AssertionError, RuntimeError) as e:
        checks.check(False, str(e))
    finally:
        if driver:
            driver.quit()
        for p in procs:
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(user_data, ignore_errors=True)
    print(f"screenshots in {args.out}/")
    print(f"browser: {checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 and checks.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Concurrent downloads with a limit, timeouts, retries and a progress line.

A local HTTP server stands in for the internet, so the program runs offline. Point
`urls` in main() at real addresses and delete the server to use it for real.
"""

import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LIMIT = 4  # downloads in flight at once
TIMEOUT = 1.0  # seconds for the connection and for each read
ATTEMPTS = 3  # tries per file, including the first
BACKOFF = 0.1  # seconds before the second try; doubles after each failure


# --- The download code: copy this part -------------------------------------------


class Progress:
    """A 'done/total' line: redrawn in place on a terminal, one line per step in a log."""

    def __init__(self, total):
        self.total, self.done = total, 0
        self.lock = threading.Lock()
        self.end = "\r" if sys.stdout.isatty() else "\n"

    def step(self):
        with self.lock:  # one update at a time, so the count never goes backwards
            self.done += 1
            print(f"finished {self.done}/{self.total}", end=self.end, flush=True)


class Gauge:
    """Counts the requests in flight, and the most there ever were at once."""

    def __init__(self):
        self.lock = threading.Lock()
        self.now = self.most = 0

    def __enter__(self):
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def __exit__(self, *exc_info):
        with self.lock:
            self.now -= 1


IN_FLIGHT = Gauge()


def retryable(error):
    """Timeouts, refused connections and 5xx answers may pass; a 404 will not."""
    if isinstance(error, urllib.error.HTTPError):
        return error.code >= 500
    return isinstance(error, TimeoutError | urllib.error.URLError | ConnectionError)


def describe(error):
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code}"
    if isinstance(error, urllib.error.URLError):
        error = error.reason
    return "timed out" if isinstance(error, TimeoutError) else type(error).__name__


def fetch(url):
    """Fetch one URL, with retries; return (body or None, attempts, what went wrong)."""
    errors = []
    for attempt in range(1, ATTEMPTS + 1):
        if attempt > 1:
            time.sleep(BACKOFF * 2 ** (attempt - 2))  # give a busy server a moment
        try:
            with IN_FLIGHT, urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                return response.read(), attempt, errors
        except Exception as error:
            errors.append(describe(error))  # every failure is reported, none is lost
            if not retryable(error):
                break
    return None, attempt, errors


def download(url, progress):
    try:
        return fetch(url)
    finally:
        progress.step()


def download_all(urls):
    progress = Progress(len(urls))
    with ThreadPoolExecutor(max_workers=LIMIT) as pool:
        # map keeps the input order for the report; the progress line shows completion.
        return dict(zip(urls, pool.map(download, urls, [progress] * len(urls)), strict=True))


# --- A local server that misbehaves on purpose ------------------------------------


class ServerState:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = {}  # path -> how many times it was asked for
        self.release = threading.Event()  # set at shutdown: the hanging answer gives up


SERVER = ServerState()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        with SERVER.lock:
            SERVER.requests[self.path] = count = SERVER.requests.get(self.path, 0) + 1
        self.answer(count)

    def answer(self, count):
        name = self.path.rsplit("/", 1)[-1]
        if name == "file-04" and count == 1:
            self.send_error(503)  # a busy server: the retry succeeds
        elif name == "file-07":
            self.send_error(404)  # retrying cannot help
        elif name == "file-10":
            SERVER.release.wait(timeout=10)  # never answers: every try times out
        else:
            time.sleep(0.1)  # a slow network
            body = b"x" * (1000 * int(name[-2:]))
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, *args):
        pass  # keep the program's output to its own lines


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/files/file-{n:02}" for n in range(1, 13)]
    try:
        results = download_all(urls)
    finally:
        SERVER.release.set()
        server.shutdown()
        server.server_close()

    print("report:")
    for url, (body, attempts, errors) in results.items():
        name = url.rsplit("/", 1)[-1]
        tries = f"{attempts} {'try' if attempts == 1 else 'tries'}"
        if body is None:
            print(f"  {name}: FAILED after {tries}: {', '.join(errors)}")
        else:
            retried = f" ({', '.join(errors)} first)" if errors else ""
            print(f"  {name}: {len(body):>6,} bytes, {tries}{retried}")
    failed = sum(body is None for body, _, _ in results.values())
    print(f"{len(urls) - failed} downloaded, {failed} failed")
    print(f"never more than {LIMIT} requests in flight: {IN_FLIGHT.most <= LIMIT}")


if __name__ == "__main__":
    main()

"""Lighthouse on every page of a built site, served gzipped on 127.0.0.1: `nox -s audit`.

A benchmark, not a test: it prints a table against the targets and never fails on a score.
Usage: python tests/browser/audit.py SITE_DIR [PAGE ...]
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import subprocess
import sys
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# Run as a script: this folder is on sys.path. Same browser lookup as the tests.
from discovery import find_browser

HERE = Path(__file__).parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
# As in conftest.py: no GPU, no sandbox, and no request Chromium makes on its own.
FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PRESETS = ["mobile", "desktop"]
TARGETS = "performance >= 0.99 on mobile; accessibility, best-practices, seo = 1.00; <= 120 KB"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it, as a real host would send them."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path /= "index.html"
        if not (
            path.suffix in COMPRESSIBLE
            and path.is_file()
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            super().do_GET()  # redirects, 404s and binary files as usual
            return
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


def pages(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
    )


def lighthouse(url: str, preset: str) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={FLAGS}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    chrome = find_browser(shell=False).path
    run = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome}
    )
    if run.returncode:
        raise SystemExit(f"lighthouse failed on {url} ({preset}):\n{run.stderr}")
    return json.loads(run.stdout)


def main(site: Path, only: list[str]) -> None:
    handler = functools.partial(GzipHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        header = ["page", "preset", "perf", "a11y", "best-pr", "seo", "LCP", "weight"]
        rows = []
        for page in only or pages(site):
            for preset in PRESETS:
                report = lighthouse(base + page, preset)
                scores = [report["categories"][c]["score"] for c in CATEGORIES]
                audits = report["audits"]
                lcp = audits["largest-contentful-paint"]["numericValue"] / 1000
                weight = audits["total-byte-weight"]["numericValue"] / 1024
                rows.append(
                    [
                        page or "/",
                        preset,
                        *(f"{s:.2f}" for s in scores),
                        f"{lcp:.2f} s",
                        f"{weight:.0f} KB",
                    ]
                )
                print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
        server.shutdown()
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
    print(f"\ntargets: {TARGETS}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])

"""Helpers for the benchmarks notebook (index.ipynb next to this file).

Functions handed to a process pool or to ``multiprocessing.Process`` must live in an
importable module: with the spawn and forkserver start methods the child imports
them by name, and a function defined in a notebook cell (module ``__main__`` of the
kernel) cannot be found there (``Can't get attribute ...``). So they live here.
Only the standard library is used.

It is also a small program, so that the notebook's kernel (Python 3.14, the GIL
build) can measure another build the same way: ``python3.14t -m benchlib cpu ...``
run from this folder prints one JSON object, which includes whether the GIL was on
(see :func:`main`).
"""

import argparse
import asyncio
import http.server
import json
import multiprocessing
import os
import platform
import statistics
import sys
import sysconfig
import threading
import time
import urllib.request

# ---------------------------------------------------------------- a slow HTTP server


class SlowHandler(http.server.BaseHTTPRequestHandler):
    """Answers every GET after sleeping ``server.delay`` seconds, like a slow backend."""

    def do_GET(self):
        time.sleep(self.server.delay)
        body = b"ok\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # quiet: no line per request
        pass


class SlowServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default (5) drops connections when 64 arrive at once

    def __init__(self, delay):
        super().__init__(("127.0.0.1", 0), SlowHandler)
        self.delay = delay


def _serve(delay, ports):
    server = SlowServer(delay)
    ports.put(server.server_address[1])
    server.serve_forever()


def start_server(delay):
    """Start the server in its own process (so it does not share the client's GIL).

    Returns the process and the URL it answers on; terminate the process when done.
    """
    ctx = multiprocessing.get_context("spawn")
    ports = ctx.Queue()
    process = ctx.Process(target=_serve, args=(delay, ports), daemon=True)
    process.start()
    return process, f"http://127.0.0.1:{ports.get(timeout=30)}/"


# ---------------------------------------------------------------- I/O-bound clients


def fetch(url):
    """One blocking GET; returns the body's length."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return len(response.read())


async def fetch_async(url):
    """One GET over an asyncio stream (HTTP/1.0: the server closes the connection)."""
    host, port = url.split("//")[1].rstrip("/").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(f"GET / HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    data = await reader.read()
    writer.close()
    await writer.wait_closed()
    return len(data.partition(b"\r\n\r\n")[2])


async def fetch_all_async(url, count, workers):
    """``count`` GETs with at most ``workers`` in flight at once."""
    limit = asyncio.Semaphore(workers)

    async def one():
        async with limit:
            return await fetch_async(url)

    return await asyncio.gather(*(one() for _ in range(count)))


def fetch_all_threads(url, count, workers):
    """``count`` GETs shared out over ``workers`` plain threads."""
    shares = [count // workers + (i < count % workers) for i in range(workers)]
    results = []

    def worker(share):
        for _ in range(share):
            results.append(fetch(url))  # list.append is atomic under the GIL

    threads = [threading.Thread(target=worker, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# ---------------------------------------------------------------- CPU-bound work


def burn(n):
    """Pure-Python arithmetic that holds the GIL for the whole call."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def burn_all_threads(n, count, workers):
    shares = [count // workers + (i < count % workers) for i in range(workers)]
    threads = [
        threading.Thread(target=lambda share=share: [burn(n) for _ in range(share)])
        for share in shares
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _burn_share(n, share):
    for _ in range(share):
        burn(n)


def burn_all_processes(n, count, workers, ctx):
    """``count`` calls shared out over ``workers`` plain processes."""
    shares = [count // workers + (i < count % workers) for i in range(workers)]
    processes = [ctx.Process(target=_burn_share, args=(n, share)) for share in shares]
    for process in processes:
        process.start()
    for process in processes:
        process.join()


async def burn_all_async(n, count, workers):
    """Coroutines that compute: they never await, so they run one after another."""
    limit = asyncio.Semaphore(workers)

    async def one():
        async with limit:
            return burn(n)

    return await asyncio.gather(*(one() for _ in range(count)))


# ---------------------------------------------------------------- costs


def noop():
    pass


def wait_for(event):
    event.wait()


async def anoop():
    pass


def memory_kib(pid="self"):
    """Resident and private (unshared) memory of a process in KiB, from /proc (Linux).

    Returns (None, None) where /proc/<pid>/smaps_rollup does not exist.
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup") as smaps:
            fields = dict(line.split(":", 1) for line in smaps if ":" in line)
    except OSError:
        return None, None

    def kib(key):
        return int(fields.get(key, "0 kB").split()[0])

    return kib("Rss"), kib("Private_Clean") + kib("Private_Dirty")


def machine():
    """One line about the machine: CPU count and what this process may use."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return f"{os.cpu_count()} CPUs ({usable} usable by this process)"


def thread_start():
    """Start a thread that does nothing and wait for it to finish."""
    thread = threading.Thread(target=noop)
    thread.start()
    thread.join()


def thread_memory_kib(count):
    """(resident, private) KiB this process grows by per idle thread, or (None, None)."""
    rss_before, private_before = memory_kib()
    release = threading.Event()
    idle = [threading.Thread(target=wait_for, args=(release,)) for _ in range(count)]
    for thread in idle:
        thread.start()
    rss_after, private_after = memory_kib()
    release.set()
    for thread in idle:
        thread.join()
    if rss_before is None:
        return None, None
    return (rss_after - rss_before) / count, (private_after - private_before) / count


# ---------------------------------------------------------------- run on another build


def seconds(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def interpreter():
    """Which Python this is, and whether its GIL is on right now."""
    # sys._is_gil_enabled() exists from 3.13; before that the GIL is always on.
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    return {
        "version": platform.python_version(),
        "free_threaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
        "gil_enabled": gil,
        "xoptions": sorted(f"{key}={value}" for key, value in sys._xoptions.items()),
    }


def main(argv=None):
    """``python -m benchlib cpu N CALLS W...`` or ``python -m benchlib costs MANY``.

    ``cpu``: one round of the notebook's CPU-bound measurement, in seconds: CALLS
    calls of ``burn(N)`` one after another, then shared out over W threads for each W.
    ``costs``: the median time to start and finish a thread (of MANY), and the memory
    each of MANY idle threads holds. Prints one JSON object that also says which
    interpreter ran it and whether its GIL was on at the end of the run (an extension
    module imported on the way could have switched it back on).
    """
    parser = argparse.ArgumentParser(prog="python -m benchlib", description=main.__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    cpu = commands.add_parser("cpu")
    cpu.add_argument("n", type=int)
    cpu.add_argument("calls", type=int)
    cpu.add_argument("workers", type=int, nargs="+")
    costs = commands.add_parser("costs")
    costs.add_argument("many", type=int)
    args = parser.parse_args(argv)
    if args.command == "cpu":
        result = {
            "sequential": seconds(lambda: [burn(args.n) for _ in range(args.calls)]),
            "threads": [seconds(burn_all_threads, args.n, args.calls, w) for w in args.workers],
        }
    else:
        result = {
            "thread_start": statistics.median(seconds(thread_start) for _ in range(args.many)),
            "thread_memory_kib": thread_memory_kib(args.many),
        }
    print(json.dumps({**interpreter(), **result}))


if __name__ == "__main__":
    main()

"""When an initializer raises, the pool is broken: every pending and later task fails."""

import logging
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from concurrent.futures.thread import BrokenThreadPool


class OneLine(logging.Formatter):
    def formatException(self, exc_info):  # the exception's last line, not its whole traceback
        return f"  {exc_info[0].__name__}: {exc_info[1]}"


def log_to_stdout():
    """Send this process's log records to stdout, one short line each."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(OneLine("log: %(name)s: %(message)s"))
    logging.getLogger().handlers = [handler]  # replace, so that a forked child does not log twice


def connect(dsn):
    raise ConnectionRefusedError(f"cannot reach {dsn}")


def init_process(dsn):
    log_to_stdout()  # a worker process needs its own logging set-up
    connect(dsn)


def work(n):
    return n * n


if __name__ == "__main__":
    log_to_stdout()

    with ThreadPoolExecutor(max_workers=2, initializer=connect, initargs=("db:5432",)) as pool:
        future = pool.submit(work, 3)
        try:
            future.result(timeout=10)
        except BrokenThreadPool as exc:
            print(f"result() raised {type(exc).__name__}: {exc}", flush=True)
        try:
            pool.submit(work, 4)
        except BrokenThreadPool:
            print("submit() after that raised BrokenThreadPool too", flush=True)

    with ProcessPoolExecutor(1, initializer=init_process, initargs=("db:5432",)) as pool:
        future = pool.submit(work, 3)
        try:
            future.result(timeout=20)
        except BrokenProcessPool as exc:
            print(f"result() raised {type(exc).__name__}: {exc}", flush=True)

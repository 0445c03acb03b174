"""threading.excepthook collects every thread's failure, so main can act on it."""

import sys
import threading
import time

failures = []
in_own_thread = []
failures_lock = threading.Lock()


def record_failure(args):
    # Called in the failing thread, with its exception instead of a printed traceback.
    with failures_lock:
        failures.append((args.thread.name, args.exc_value))
        in_own_thread.append(threading.current_thread() is args.thread)


def fetch(n):
    time.sleep(0.05)
    if n % 3 == 0:
        raise ConnectionError(f"item {n}: connection reset")


def quit_early():
    sys.exit(3)  # ends this thread only


if __name__ == "__main__":
    threading.excepthook = record_failure
    threads = [threading.Thread(target=fetch, args=(n,), name=f"fetch-{n}") for n in range(1, 7)]
    threads.append(threading.Thread(target=quit_early, name="quitter"))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)

    for name, exc in sorted(failures, key=lambda failure: failure[0]):
        print(f"{name} failed: {exc!r}")
    print(f"the hook ran in the failing thread each time: {all(in_own_thread)}")
    print(f"{len(failures)} of {len(threads)} threads failed; the main thread is still running")
    threading.excepthook = threading.__excepthook__  # the default hook again

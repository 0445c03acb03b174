"""Exit order: non-daemon threads are joined, then atexit runs, then daemon threads just stop."""

import atexit
import threading
import time


def flusher():
    # A daemon thread that would save its buffer on the way out, if it got the chance.
    try:
        while True:
            time.sleep(0.05)
    finally:
        print("daemon: finally block, saving the buffer", flush=True)  # never printed


def worker():
    time.sleep(0.3)
    print("non-daemon: finished its work", flush=True)


def main():
    daemon = threading.Thread(target=flusher, name="flusher", daemon=True)
    plain = threading.Thread(target=worker, name="worker")

    @atexit.register
    def at_exit():
        print(f"atexit: worker alive? {plain.is_alive()}")
        print(f"atexit: flusher (daemon) alive? {daemon.is_alive()}", flush=True)

    daemon.start()
    plain.start()
    print("main: returns without joining", flush=True)


if __name__ == "__main__":
    main()

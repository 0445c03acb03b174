"""Ctrl-C (SIGINT) is handled in the main thread only; other threads never see it."""

import os
import signal
import threading


def on_sigint(signum, frame):
    # Python runs every signal handler in the main thread, whoever received the signal.
    print(f"handler runs in: {threading.current_thread().name}", flush=True)
    signal.default_int_handler(signum, frame)  # raises KeyboardInterrupt, as usual


def worker(stop, left):
    # No KeyboardInterrupt can reach this loop: it only stops when asked.
    while not stop.wait(0.05):
        pass
    print("worker: stop event seen, leaving", flush=True)
    left.set()


def press_ctrl_c():
    print(f"{threading.current_thread().name}: sends SIGINT to the process", flush=True)
    os.kill(os.getpid(), signal.SIGINT)


def main():
    signal.signal(signal.SIGINT, on_sigint)
    stop, left = threading.Event(), threading.Event()
    thread = threading.Thread(target=worker, args=(stop, left), name="worker")
    thread.start()
    timer = threading.Timer(0.2, press_ctrl_c)  # stands in for the user's Ctrl-C
    timer.name = "timer"
    timer.start()
    try:
        thread.join(timeout=10)  # Ctrl-C interrupts this wait in the main thread
    except KeyboardInterrupt:
        print(f"KeyboardInterrupt raised in: {threading.current_thread().name}")
        print(f"worker still alive: {thread.is_alive()}", flush=True)
        stop.set()  # the only way to stop the worker: tell it
    left.wait(timeout=5)  # on 3.11 and 3.12 join() can no longer be trusted here
    thread.join(timeout=5)
    print(f"worker alive after stop.set(): {thread.is_alive()}")


if __name__ == "__main__":
    main()

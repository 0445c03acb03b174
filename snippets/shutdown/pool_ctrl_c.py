"""Ctrl-C and a process pool: workers that ignore SIGINT, and pending tasks cancelled."""

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor

TASKS = 12


def ignore_sigint(ready):
    # Runs in each worker: Ctrl-C is the parent's business, not the workers'.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    ready.release()


def task(n):
    time.sleep(0.3)
    return n


def press_ctrl_c():
    # A terminal sends Ctrl-C to every process of the foreground group: the parent
    # and all its workers. This program is the leader of its own group (see main).
    os.killpg(os.getpgid(0), signal.SIGINT)


def run(cancel_futures):
    ready = multiprocessing.Semaphore(0)
    with ProcessPoolExecutor(2, initializer=ignore_sigint, initargs=(ready,)) as pool:
        futures = [pool.submit(task, n) for n in range(TASKS)]
        for _ in range(2):
            ready.acquire(timeout=10)  # both workers now ignore SIGINT
        threading.Timer(0.3, press_ctrl_c).start()
        try:
            for future in futures:
                future.result()
        except KeyboardInterrupt:
            print("  main thread: KeyboardInterrupt", flush=True)
            # Without cancel_futures, leaving the `with` block waits for every task.
            pool.shutdown(wait=True, cancel_futures=cancel_futures)
    ran = sum(1 for future in futures if not future.cancelled())
    print(f"  all {TASKS} tasks ran before the pool closed: {ran == TASKS}", flush=True)


def main():
    if os.getpgid(0) != os.getpid():
        os.setpgid(0, 0)  # a group of our own, so that killpg reaches only us and our workers
    # Started in the background by a shell script, a program inherits "ignore SIGINT".
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for cancel_futures in (False, True):
        print(f"shutdown(cancel_futures={cancel_futures}):", flush=True)
        run(cancel_futures)


if __name__ == "__main__":
    main()

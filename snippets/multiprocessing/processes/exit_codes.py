"""A process's exit code: 0 for success, sys.exit's value, or minus the signal."""

import multiprocessing
import sys
import time


def succeed():
    print("succeed: finishing normally", flush=True)


def give_up():
    print("give_up: calling sys.exit(3)", flush=True)
    sys.exit(3)


def sleep_forever(ready):
    ready.set()
    time.sleep(60)


if __name__ == "__main__":
    for target in (succeed, give_up):
        process = multiprocessing.Process(target=target, name=target.__name__)
        print(f"{process.name}: exitcode before start = {process.exitcode}", flush=True)
        process.start()
        process.join()
        print(f"{process.name}: exitcode after join = {process.exitcode}", flush=True)

    ready = multiprocessing.Event()
    sleeper = multiprocessing.Process(target=sleep_forever, args=(ready,))
    sleeper.start()
    ready.wait()
    sleeper.terminate()  # sends SIGTERM
    sleeper.join()
    print(f"sleeper: alive = {sleeper.is_alive()}, exitcode = {sleeper.exitcode}")

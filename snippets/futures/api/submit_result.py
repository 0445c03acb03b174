"""submit() returns a future at once, result() waits for it, a callback runs when it is done."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor


def slow_square(x, go):
    go.wait()  # hold the task until the caller says go
    time.sleep(0.2)
    return x * x


def main():
    go, called_back = threading.Event(), threading.Event()

    def announce(future):
        where = threading.current_thread().name
        print(f"callback in {where}: result {future.result()}", flush=True)
        called_back.set()

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="worker") as executor:
        future = executor.submit(slow_square, 7, go)
        print(f"submitted; done() is {future.done()}", flush=True)
        future.add_done_callback(announce)
        go.set()
        value = future.result()  # blocks until the worker has finished
        called_back.wait()  # the callback races result(); keep the lines in order
        print(f"result() returned {value}; done() is {future.done()}", flush=True)
        called_back.clear()
        future.add_done_callback(announce)  # already done: runs at once, in this thread


if __name__ == "__main__":
    main()

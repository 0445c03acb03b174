"""A child's print() without flush=True stays in its buffer until the child exits."""

import multiprocessing
import time


def child(flush, printed, reported):
    print(f"child (flush={flush}): hello from the child", flush=flush)
    printed.set()  # the print() call has returned
    reported.wait(timeout=10)  # let the parent speak first
    time.sleep(0.5)  # then stay alive a little longer


def run(flush):
    printed, reported = multiprocessing.Event(), multiprocessing.Event()
    process = multiprocessing.Process(target=child, args=(flush, printed, reported))
    process.start()
    printed.wait(timeout=10)
    start = time.perf_counter()
    print(f"parent (flush={flush}): the child's print() has returned", flush=True)
    reported.set()
    process.join()
    print(
        f"parent (flush={flush}): the child exited {time.perf_counter() - start:.2f} s later",
        flush=True,
    )


if __name__ == "__main__":
    run(flush=False)
    run(flush=True)

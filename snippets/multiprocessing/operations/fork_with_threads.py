"""Forking a process that runs threads: Python 3.12+ warns, because the child can deadlock."""

import multiprocessing
import re
import threading
import warnings


def child():
    print("child: running", flush=True)


def fork_child():
    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join(timeout=20)


if __name__ == "__main__":
    fork_child()  # only the main thread exists: no warning
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait, args=(20,))
    helper.start()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")  # DeprecationWarning is hidden by default outside __main__
        fork_child()  # a second thread is running now
    stop.set()
    helper.join(timeout=20)
    for warning in caught:  # printed here with the process id left out
        message = re.sub(r"pid=\d+", "pid=...", str(warning.message))
        print(f"{warning.category.__name__}: {message}")

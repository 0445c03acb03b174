"""initializer runs once in each worker: here it opens one database connection per thread."""

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

local = threading.local()  # each worker thread keeps its own connection here
opened = []  # one entry per connection opened
opened_lock = threading.Lock()


def open_connection(database):
    local.db = sqlite3.connect(database)  # a connection must stay in the thread that made it
    with opened_lock:
        opened.append(threading.current_thread().name)


def square(n, both_running):
    if both_running is not None:
        both_running.wait(timeout=10)  # the first two tasks meet, so two workers exist
    (value,) = local.db.execute("SELECT ? * ?", (n, n)).fetchone()
    return value


if __name__ == "__main__":
    both_running = threading.Barrier(2)
    with ThreadPoolExecutor(
        max_workers=2, initializer=open_connection, initargs=(":memory:",)
    ) as executor:
        futures = [executor.submit(square, n, both_running if n < 2 else None) for n in range(6)]
        print("results:", [future.result(timeout=10) for future in futures])
    print(f"tasks: {len(futures)}, connections opened: {len(opened)}")

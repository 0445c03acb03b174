"""A thread pool with one SQLite connection per worker, opened by the pool's initializer.

The program makes its own small database in a temporary directory; pass the path of
yours to totals() to use it for real.
"""

import sqlite3
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

WORKERS = 3

# --- The pool: copy this part ---------------------------------------------------------

local = threading.local()  # each worker thread's own connection
opened = []  # every connection, so that the program can close them at the end
opened_lock = threading.Lock()


def open_connection(database):
    """The pool's initializer: runs once in each worker thread, before its first task."""
    # A connection may only be used by the thread that made it (check_same_thread)...
    # except for close(), which main() calls once every worker has finished.
    connection = sqlite3.connect(database, check_same_thread=False)
    local.connection = connection
    with opened_lock:
        opened.append(connection)


def order_total(customer):
    """A task: one query on this worker's connection; no connection opened per task."""
    row = local.connection.execute(
        "SELECT count(*), sum(amount) FROM orders WHERE customer = ?", (customer,)
    ).fetchone()
    return customer, row[0], row[1] or 0


def totals(database, customers):
    with ThreadPoolExecutor(
        max_workers=WORKERS, initializer=open_connection, initargs=(database,)
    ) as pool:
        return list(pool.map(order_total, customers))


# --- Sample data, and the report ----------------------------------------------------


def make_database(path):
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE orders (customer TEXT, amount INTEGER)")
        connection.executemany(
            "INSERT INTO orders VALUES (?, ?)",
            [(f"customer-{n % 7}", n * 3 % 50) for n in range(1, 400)],
        )
    connection.close()  # `with` commits; it does not close


def main():
    customers = [f"customer-{n}" for n in range(8)]
    with tempfile.TemporaryDirectory() as directory:
        database = str(Path(directory, "shop.db"))
        make_database(database)

        # What the initializer avoids: one connection handed to a pool thread.
        shared = sqlite3.connect(database)
        with ThreadPoolExecutor(max_workers=1) as pool:
            try:
                pool.submit(shared.execute, "SELECT 1").result()
            except sqlite3.ProgrammingError as error:
                first_sentence = str(error).split(".")[0]  # the rest names thread ids
                print(f"one shared connection: {type(error).__name__}: {first_sentence}")
        shared.close()

        try:
            for customer, orders, total in totals(database, customers):
                print(f"{customer}: {orders:>3} orders, {total:>5} in all")
        finally:
            for connection in opened:
                connection.close()
    print(f"{len(customers)} queries on at most {WORKERS} connections: {len(opened) <= WORKERS}")


if __name__ == "__main__":
    main()

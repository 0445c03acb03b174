"""A read-modify-write race loses an update with or without a GIL; a lock prevents it."""

import threading

balance = {"value": 0}
lock = threading.Lock()


def deposit_unsafe(both_read):
    seen = balance["value"]  # read
    both_read.wait()  # make the bad interleaving certain: both threads have read
    balance["value"] = seen + 100  # write back: one deposit overwrites the other


def deposit_locked(both_ready):
    both_ready.wait()  # same start together, but read and write under one lock
    with lock:
        seen = balance["value"]
        balance["value"] = seen + 100


def run(deposit):
    balance["value"] = 0
    barrier = threading.Barrier(2, timeout=5)
    threads = [threading.Thread(target=deposit, args=(barrier,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)
    print(f"{deposit.__name__}: two deposits of 100 -> {balance['value']}", flush=True)


if __name__ == "__main__":
    run(deposit_unsafe)
    run(deposit_locked)

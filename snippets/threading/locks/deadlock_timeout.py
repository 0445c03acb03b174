"""Two threads take two locks in opposite order: a deadlock, caught by a timeout."""

import threading

lock_a, lock_b = threading.Lock(), threading.Lock()
hold_first = threading.Barrier(2)  # both hold their first lock before trying the second
tried_second = threading.Barrier(2)  # nobody lets go before both have given up
results = {}


def transfer(first, second, names):
    with first:
        hold_first.wait()
        got_it = second.acquire(timeout=0.5)  # a plain acquire() would wait forever
        if got_it:
            second.release()
        results[threading.current_thread().name] = (names, got_it)
        tried_second.wait()


if __name__ == "__main__":
    threads = [
        threading.Thread(target=transfer, args=(lock_a, lock_b, "A then B"), name="T1"),
        threading.Thread(target=transfer, args=(lock_b, lock_a, "B then A"), name="T2"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name, (names, got_it) in sorted(results.items()):
        outcome = "got both" if got_it else "timed out waiting for its second lock"
        print(f"{name} ({names}): {outcome}", flush=True)

"""The deadlock fix: every thread takes the two locks in one fixed order."""

import threading

ROUNDS = 10_000
balances = {"A": 100, "B": 100}
locks = {"A": threading.Lock(), "B": threading.Lock()}


def transfer(source, target, amount):
    first, second = sorted((source, target))  # one global order: A before B
    with locks[first], locks[second]:
        balances[source] -= amount
        balances[target] += amount


def worker(source, target):
    for _ in range(ROUNDS):
        transfer(source, target, 1)


if __name__ == "__main__":
    threads = [
        # daemon: if they ever deadlocked, the program could still exit
        threading.Thread(target=worker, args=("A", "B"), daemon=True),
        threading.Thread(target=worker, args=("B", "A"), daemon=True),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)  # a deadlock would show up as a thread still alive
    alive = sum(thread.is_alive() for thread in threads)
    print(f"threads still stuck: {alive}", flush=True)
    print(f"{2 * ROUNDS} transfers done, balances: {balances}", flush=True)

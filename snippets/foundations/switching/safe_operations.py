"""Single calls on built-in containers from four threads at once, no lock."""

import collections
import threading

THREADS = 4
ROUNDS = 100_000


def work(name, items, queue, groups):
    for i in range(ROUNDS):
        items.append(i)  # one call: the list is never torn
        queue.append(i)  # deque.append and popleft are documented thread-safe
        queue.popleft()
        groups.setdefault(i % 10, []).append(name)  # insert-if-missing in one call


def main():
    items, queue, groups = [], collections.deque(), {}
    threads = [
        threading.Thread(target=work, args=(n, items, queue, groups)) for n in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    print(f"list.append:      {len(items)} items (expected {THREADS * ROUNDS})")
    print(f"deque append/pop: {len(queue)} left (expected 0)")
    total = sum(len(names) for names in groups.values())
    expected = f"(expected 10, {THREADS * ROUNDS})"
    print(f"dict.setdefault:  {len(groups)} keys, {total} entries {expected}")


if __name__ == "__main__":
    main()

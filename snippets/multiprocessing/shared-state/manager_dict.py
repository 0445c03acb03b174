"""A Manager's dict lives in a server process: children change it through proxies."""

import multiprocessing
import time


def record(shared, name):
    shared[name] = len(name)  # a message to the manager process
    shared["log"].append(name)  # changes a copy: the list inside is not a proxy


def time_writes(mapping, count=2_000):
    start = time.perf_counter()
    for i in range(count):
        mapping[i % 10] = i
    return (time.perf_counter() - start) / count


if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        shared = manager.dict(log=[])
        workers = [
            multiprocessing.Process(target=record, args=(shared, name))
            for name in ("ada", "grace", "linus")
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        print(f"entries: {sorted((k, v) for k, v in shared.items() if k != 'log')}")
        print(f"log after three appends: {shared['log']}")

        proxy_cost = time_writes(manager.dict())
        local_cost = time_writes({})
        print(f"one write through the proxy: {proxy_cost * 1e6:.2f} µs")
        print(f"one write to a plain dict:   {local_cost * 1e6:.2f} µs")

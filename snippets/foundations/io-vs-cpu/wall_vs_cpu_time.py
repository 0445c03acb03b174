"""Tell waiting from computing: wall-clock time against the CPU time the process used."""

import time


def wait(seconds=0.5):
    time.sleep(seconds)


def compute(n=15_000_000):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def measure(function):
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{function.__name__:>8}(): wall time {wall:.2f} s")
    print(f"{function.__name__:>8}(): CPU time  {cpu:.2f} s")


if __name__ == "__main__":
    measure(wait)
    measure(compute)

"""Two tasks, one after the other: the baseline the concurrent versions beat."""

import time


def task(name, duration):
    print(f"Task {name} starting", flush=True)
    time.sleep(duration)  # stands in for waiting on a disk, a network or a database
    print(f"Task {name} completed", flush=True)


if __name__ == "__main__":
    task("A", 2)
    task("B", 3)
    print("Both tasks are done!", flush=True)

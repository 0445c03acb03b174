"""Waiting work: four tasks that sleep, one after another and then in four threads."""

import time
from concurrent.futures import ThreadPoolExecutor

TASKS = 4
WAIT = 0.3  # seconds; stands in for a network reply or a disk read


def wait_for_reply(number):
    time.sleep(WAIT)


def main():
    start = time.perf_counter()
    for number in range(TASKS):
        wait_for_reply(number)
    print(f"{TASKS} waits one after another: {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=TASKS) as pool:
        list(pool.map(wait_for_reply, range(TASKS)))
    print(f"{TASKS} waits in {TASKS} threads:      {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()

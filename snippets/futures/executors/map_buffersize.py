"""map(buffersize=) (Python 3.14) submits only a few items ahead of the results you take."""

import itertools
from concurrent.futures import ThreadPoolExecutor

pulled = 0


def numbers(limit=None):
    global pulled
    for n in itertools.count() if limit is None else range(limit):
        pulled += 1  # counts the items map() has taken from the input
        yield n


def double(n):
    return 2 * n


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(double, numbers(limit=1000))
        print(f"without buffersize: {pulled} items taken before the first result")

        pulled = 0
        results = pool.map(double, numbers(), buffersize=4)  # an endless input is fine now
        print(f"buffersize=4: {pulled} items taken before the first result")
        first = list(itertools.islice(results, 10))
        print(f"first 10 results: {first}")
        print(f"items taken so far: {pulled}")

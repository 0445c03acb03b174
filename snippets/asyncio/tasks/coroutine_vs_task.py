"""Calling a coroutine function runs nothing; awaiting one by one is sequential; tasks overlap."""

import asyncio
import time


async def fetch(name):
    print(f"  {name} starts", flush=True)
    await asyncio.sleep(0.5)  # stands for waiting on the network
    return name


async def main():
    coro = fetch("X")  # nothing runs: this only builds a coroutine object
    print(f"fetch('X') returned a {type(coro).__name__}; nothing printed yet")
    coro.close()  # we will not await it; closing it avoids a warning

    start = time.perf_counter()
    print("awaiting two coroutines, one after the other:")
    await fetch("A")
    await fetch("B")
    print(f"  took {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    print("creating two tasks, then awaiting them:")
    task_a = asyncio.create_task(fetch("A"))  # scheduled, starts at the next await
    task_b = asyncio.create_task(fetch("B"))
    print(f"  results: {await task_a}, {await task_b}")
    print(f"  took {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())

"""CPU-bound work goes to a ProcessPoolExecutor from asyncio; the event loop stays free."""

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit):  # pure Python: it would hold the event loop if run inline
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


async def heartbeat(ticks, start):
    for _ in range(ticks):
        print(f"{time.perf_counter() - start:.2f} s  tick", flush=True)
        await asyncio.sleep(0.3)


async def main(pool):
    loop = asyncio.get_running_loop()
    # Starting worker processes blocks the loop for a moment: do it before the clock runs.
    await asyncio.gather(*(loop.run_in_executor(pool, count_primes, 10) for _ in range(2)))
    beat = asyncio.create_task(heartbeat(4, start=time.perf_counter()))
    counts = await asyncio.gather(
        loop.run_in_executor(pool, count_primes, 250_000),
        loop.run_in_executor(pool, count_primes, 300_000),
    )
    await beat  # counting takes about as long as the ticks, or less
    print(f"primes below 250,000 and 300,000: {counts}", flush=True)


if __name__ == "__main__":
    # Created and shut down outside the event loop: shutting a pool down waits for its
    # workers, which would block the loop if done inside a coroutine.
    with ProcessPoolExecutor(max_workers=2) as pool:
        asyncio.run(main(pool))

"""Blocking calls go to threads (run_in_executor, wrap_future, to_thread); the loop ticks on."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

START = time.perf_counter()


def stamp(text):
    print(f"{time.perf_counter() - START:.2f} s  {text}", flush=True)


def blocking_read(name, seconds):
    time.sleep(seconds)  # a blocking call: a driver, a file, requests.get ...
    return f"{name} ({seconds} s)"


async def heartbeat(ticks):
    for _ in range(ticks):
        stamp("tick")
        await asyncio.sleep(0.3)


async def main(pool):
    loop = asyncio.get_running_loop()
    beat = asyncio.create_task(heartbeat(4))
    results = await asyncio.gather(
        loop.run_in_executor(pool, blocking_read, "run_in_executor", 1.5),
        asyncio.wrap_future(pool.submit(blocking_read, "wrap_future", 1.5)),
        asyncio.to_thread(blocking_read, "to_thread", 1.5),  # the loop's default pool
    )
    stamp(f"all three returned: {', '.join(results)}")
    await beat


if __name__ == "__main__":
    # The pool lives outside the event loop: leaving `with` waits for its threads
    # (shutdown(wait=True)), which must not happen on the loop's thread.
    with ThreadPoolExecutor(max_workers=3) as pool:
        asyncio.run(main(pool))

"""loop.run_in_executor hands blocking calls to a ThreadPoolExecutor you choose."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def read_sensor(name):  # an ordinary blocking function, e.g. from a sync library
    time.sleep(0.5)
    return f"{name}=ok"


async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="sensor") as pool:
        futures = [loop.run_in_executor(pool, read_sensor, n) for n in ("a", "b", "c")]
        results = await asyncio.gather(*futures)  # awaitable like any task
    print(f"{results} in {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as pool:  # one thread: one call at a time
        futures = [loop.run_in_executor(pool, read_sensor, n) for n in ("a", "b", "c")]
        results = await asyncio.gather(*futures)
    print(f"{results} in {time.perf_counter() - start:.2f} s with max_workers=1")


if __name__ == "__main__":
    asyncio.run(main())

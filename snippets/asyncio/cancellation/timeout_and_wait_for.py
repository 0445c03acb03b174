"""asyncio.timeout and wait_for stop a slow await, and the work inside is cancelled."""

import asyncio
import time


async def slow_query(label):
    try:
        await asyncio.sleep(2)
        return "rows"
    except asyncio.CancelledError:
        print(f"  {label}: slow_query was cancelled", flush=True)
        raise


async def main():
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.3):  # Python 3.11+
            await slow_query("timeout")
    except TimeoutError:
        print(f"asyncio.timeout: TimeoutError after {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    try:
        await asyncio.wait_for(slow_query("wait_for"), timeout=0.3)
    except TimeoutError:
        print(f"wait_for: TimeoutError after {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())

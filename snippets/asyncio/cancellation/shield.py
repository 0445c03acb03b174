"""asyncio.shield lets an inner task finish even when the await on it times out."""

import asyncio
import time


async def save(start):
    await asyncio.sleep(0.6)
    print(f"save: written at {time.perf_counter() - start:.2f} s", flush=True)


async def main():
    start = time.perf_counter()
    saving = asyncio.create_task(save(start))
    try:
        async with asyncio.timeout(0.2):
            await asyncio.shield(saving)  # the timeout cancels the shield, not the save
    except TimeoutError:
        print(f"main: gave up waiting at {time.perf_counter() - start:.2f} s")
    print(f"save cancelled? {saving.cancelled()}")
    await saving  # keep a reference and await it later, or it may be lost
    print(f"main: done at {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())

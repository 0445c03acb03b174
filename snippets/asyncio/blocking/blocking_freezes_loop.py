"""One time.sleep(1) in one task freezes every task: the heartbeat stops for a second."""

import asyncio
import time


async def heartbeat(start, second_beat):
    for n in range(1, 6):
        print(f"heartbeat: beat {n} at {time.perf_counter() - start:.2f} s", flush=True)
        if n == 2:
            second_beat.set()  # let the blocker start right after this beat
        await asyncio.sleep(0.2)


async def blocker(start, second_beat):
    await second_beat.wait()
    print(f"blocker: time.sleep(1) at {time.perf_counter() - start:.2f} s", flush=True)
    time.sleep(1)  # blocks the thread, and so the whole event loop
    print(f"blocker: back at {time.perf_counter() - start:.2f} s", flush=True)


async def main():
    start = time.perf_counter()
    second_beat = asyncio.Event()
    await asyncio.gather(heartbeat(start, second_beat), blocker(start, second_beat))


if __name__ == "__main__":
    asyncio.run(main())

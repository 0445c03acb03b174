"""asyncio.to_thread runs the blocking call in a thread: the heartbeat keeps its pace."""

import asyncio
import time


async def heartbeat(start, second_beat):
    for n in range(1, 8):
        print(f"heartbeat: beat {n} at {time.perf_counter() - start:.2f} s", flush=True)
        if n == 2:
            second_beat.set()
        await asyncio.sleep(0.2)


async def blocker(start, second_beat):
    await second_beat.wait()
    print(f"blocker: to_thread(time.sleep, 1) at {time.perf_counter() - start:.2f} s", flush=True)
    await asyncio.to_thread(time.sleep, 1)  # the loop runs other tasks meanwhile
    return time.perf_counter() - start


async def main():
    start = time.perf_counter()
    second_beat = asyncio.Event()
    _, back = await asyncio.gather(heartbeat(start, second_beat), blocker(start, second_beat))
    print(f"main: the blocker was back at {back:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())

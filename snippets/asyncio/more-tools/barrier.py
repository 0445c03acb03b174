"""asyncio.Barrier: tasks wait until all of them have arrived, then go on together."""

import asyncio
import time


async def player(name, delay, barrier, start):
    await asyncio.sleep(delay)  # stands for loading this player's data
    print(f"{name} ready at {time.perf_counter() - start:.1f} s", flush=True)
    async with barrier:  # the same as await barrier.wait()
        pass
    print(f"{name} starts at {time.perf_counter() - start:.1f} s", flush=True)


async def main():
    barrier = asyncio.Barrier(3)
    start = time.perf_counter()
    async with asyncio.TaskGroup() as group:
        for name, delay in (("A", 0.2), ("B", 0.5), ("C", 0.8)):
            group.create_task(player(name, delay, barrier, start))


if __name__ == "__main__":
    asyncio.run(main())

"""async for over an async generator and over a class with __aiter__/__anext__."""

import asyncio
import time


async def ticks(count, start):
    for n in range(count):
        await asyncio.sleep(0.2)  # e.g. waiting for the next message
        yield n, time.perf_counter() - start


class Countdown:
    """An async iterator written by hand: __anext__ is a coroutine."""

    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current == 0:
            raise StopAsyncIteration  # ends the async for loop
        await asyncio.sleep(0.1)
        self.current -= 1
        return self.current + 1


async def main():
    start = time.perf_counter()
    async for n, at in ticks(3, start):
        print(f"tick {n} at {at:.2f} s")
    print(f"countdown: {[n async for n in Countdown(3)]}")  # an async comprehension


if __name__ == "__main__":
    asyncio.run(main())

"""contextlib.aclosing runs an async generator's cleanup when you leave the loop early."""

import asyncio
from contextlib import aclosing


async def rows(source):
    print(f"  {source}: cursor opened")
    try:
        for n in range(1000):
            await asyncio.sleep(0)
            yield n
    finally:
        print(f"  {source}: cursor closed")  # cleanup that should run when the loop stops


async def main():
    print("plain async for, break after 2 rows:")
    stream = rows("plain")
    async for row in stream:
        if row == 1:
            break
    print("  after the loop")

    print("async with aclosing(...), break after 2 rows:")
    async with aclosing(rows("aclosing")) as stream2:
        async for row in stream2:
            if row == 1:
                break
    print("  after the loop")
    print("main returns", flush=True)


if __name__ == "__main__":
    asyncio.run(main())  # closes the first generator only here, at shutdown

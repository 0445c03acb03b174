"""Eager tasks (Python 3.12) start running inside create_task(), up to their first real wait."""

import asyncio

cache = {"a": 1}


async def lookup(key):
    print(f"  lookup({key!r}) starts")
    if key in cache:
        return cache[key]  # no await at all: an eager task finishes at once
    await asyncio.sleep(0.1)
    return 0


async def demo():
    hit = asyncio.create_task(lookup("a"))
    miss = asyncio.create_task(lookup("b"))
    print(f"  after create_task: hit done={hit.done()}, miss done={miss.done()}")
    print(f"  results: {await hit}, {await miss}")


async def main():
    print("default tasks:")
    await demo()
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("eager tasks:")
    await demo()


if __name__ == "__main__":
    asyncio.run(main())

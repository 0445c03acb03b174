"""async for over asyncio.as_completed() (Python 3.13) yields the original tasks."""

import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name}: {int(seconds * 1000)} ms"


async def main():
    tasks = [
        asyncio.create_task(download(name, seconds), name=name)
        for name, seconds in (("big", 0.6), ("small", 0.2), ("medium", 0.4))
    ]
    async for task in asyncio.as_completed(tasks):  # in finishing order
        print(f"{task.get_name()} finished; result {task.result()!r}")


if __name__ == "__main__":
    asyncio.run(main())

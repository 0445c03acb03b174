"""Two tasks on one event loop, in one thread."""

import asyncio


async def task(name, duration):
    print(f"Task {name} starting", flush=True)
    await asyncio.sleep(duration)  # hands control back to the event loop
    print(f"Task {name} completed", flush=True)


async def main():
    task1 = asyncio.create_task(task("A", 2))  # scheduled now, runs at the next await
    task2 = asyncio.create_task(task("B", 3))
    await task1
    await task2
    print("Both tasks are done!", flush=True)


if __name__ == "__main__":
    asyncio.run(main())

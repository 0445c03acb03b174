"""asyncio.Queue.shutdown() (Python 3.13) stops consumers without sentinels."""

import asyncio


async def consumer(name, queue, done):
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:  # the queue is shut down and empty
            done.append(name)
            return
        print(f"{name} got {item}")
        await asyncio.sleep(0.1)  # stands for the work on one item


async def main():
    queue = asyncio.Queue()
    done = []
    async with asyncio.TaskGroup() as group:
        for name in ("c1", "c2", "c3"):
            group.create_task(consumer(name, queue, done))
        for item in range(5):
            await queue.put(item)
        queue.shutdown()  # no more puts; get() raises once the queue is empty
        try:
            await queue.put(99)
        except asyncio.QueueShutDown:
            print("put() after shutdown() raised QueueShutDown")
    print(f"all consumers returned: {sorted(done)}")


if __name__ == "__main__":
    asyncio.run(main())

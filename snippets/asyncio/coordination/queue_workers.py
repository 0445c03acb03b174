"""Three workers take jobs from an asyncio.Queue; shutdown() stops them once it is empty."""

import asyncio


async def worker(queue, results):
    while True:
        try:
            n = await queue.get()
        except asyncio.QueueShutDown:  # shut down and empty: nothing more will come
            return "stopped"
        try:
            await asyncio.sleep(0.1)  # the work
            results[n] = n * n
        finally:
            queue.task_done()  # lets queue.join() count this job as finished


async def main():
    queue = asyncio.Queue()
    results = {}
    for n in range(8):
        queue.put_nowait(n)
    queue.shutdown()  # no more jobs: get() hands out what is queued, then raises
    workers = [asyncio.create_task(worker(queue, results)) for _ in range(3)]

    async with asyncio.timeout(10):  # a bug makes this fail, not hang
        outcomes = await asyncio.gather(*workers)
    print(f"workers stopped: {outcomes.count('stopped')} of {len(workers)}")
    for n in sorted(results):  # printed by the parent, in a fixed order
        print(f"{n} -> {results[n]}")


if __name__ == "__main__":
    asyncio.run(main())

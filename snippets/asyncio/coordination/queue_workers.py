"""Three workers take jobs from an asyncio.Queue; join() waits for all, then they are stopped."""

import asyncio


async def worker(queue, results):
    while True:  # runs until cancelled
        n = await queue.get()
        await asyncio.sleep(0.1)  # the work
        results[n] = n * n
        queue.task_done()  # lets queue.join() count this job as finished


async def main():
    queue = asyncio.Queue()
    results = {}
    for n in range(8):
        queue.put_nowait(n)
    workers = [asyncio.create_task(worker(queue, results)) for _ in range(3)]

    await queue.join()  # returns when task_done() was called for every job
    for task in workers:
        task.cancel()  # the workers wait on an empty queue: stop them
    outcomes = await asyncio.gather(*workers, return_exceptions=True)
    stopped = sum(isinstance(o, asyncio.CancelledError) for o in outcomes)
    print(f"workers stopped: {stopped} of {len(workers)}")
    for n in sorted(results):  # printed by the parent, in a fixed order
        print(f"{n} -> {results[n]}")


if __name__ == "__main__":
    asyncio.run(main())

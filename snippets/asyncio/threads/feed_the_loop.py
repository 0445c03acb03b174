"""A worker thread feeds an asyncio.Queue; a full queue holds the thread back."""

import asyncio
import threading
import time


def read_records(count):
    """A blocking source, such as a sync driver or a file, that is quick here."""
    yield from range(count)


def producer(loop, queue, timings, start):
    for record in read_records(6):
        # queue.put() is a coroutine: run it on the loop and wait until there is room
        asyncio.run_coroutine_threadsafe(queue.put(record), loop).result(timeout=5)
    asyncio.run_coroutine_threadsafe(queue.put(None), loop).result(timeout=5)
    timings["producer finished"] = time.perf_counter() - start


async def consumer(queue, start):
    while (record := await queue.get()) is not None:
        print(f"consumer: record {record} at {time.perf_counter() - start:.2f} s", flush=True)
        await asyncio.sleep(0.2)  # slower than the producer
    return time.perf_counter() - start


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue(maxsize=2)  # at most two records wait
    timings = {}
    start = time.perf_counter()
    thread = threading.Thread(target=producer, args=(loop, queue, timings, start))
    thread.start()
    async with asyncio.timeout(5):
        finished = await consumer(queue, start)
    await asyncio.to_thread(thread.join, 5)
    print(f"producer finished at {timings['producer finished']:.2f} s")
    print(f"consumer finished at {finished:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())

"""A worker thread runs coroutines on the event loop with run_coroutine_threadsafe."""

import asyncio
import threading


async def lookup(user_id):
    await asyncio.sleep(0.1)  # stands in for an async database call
    print(f"  lookup({user_id}) runs in {threading.current_thread().name}", flush=True)
    return f"user-{user_id}"


async def slow_lookup(cancelled):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  slow_lookup: cancelled in the loop", flush=True)
        cancelled.set()  # fine here: this code runs in the loop's thread
        raise


def worker(loop, cancelled):
    name = threading.current_thread().name
    future = asyncio.run_coroutine_threadsafe(lookup(7), loop)  # a concurrent.futures.Future
    print(f"{name}: got {future.result(timeout=5)!r}", flush=True)

    future = asyncio.run_coroutine_threadsafe(slow_lookup(cancelled), loop)
    try:
        future.result(timeout=0.2)
    except TimeoutError:
        print(f"{name}: no answer within 0.2 s, cancelling", flush=True)
        future.cancel()  # a timeout alone would leave the coroutine running


async def main():
    loop = asyncio.get_running_loop()
    cancelled = asyncio.Event()
    thread = threading.Thread(target=worker, args=(loop, cancelled), name="worker")
    thread.start()
    async with asyncio.timeout(5):
        await cancelled.wait()  # the loop keeps running while the thread works
    await asyncio.to_thread(thread.join, 5)  # join without blocking the loop
    print("main: done", flush=True)


if __name__ == "__main__":
    asyncio.run(main())

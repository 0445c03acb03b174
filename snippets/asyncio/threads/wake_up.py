"""loop.call_soon from another thread does not wake the loop; call_soon_threadsafe does."""

import asyncio
import threading
import time


def producer(loop, future, schedule_name):
    time.sleep(0.3)  # some blocking work, then hand the result to the loop
    schedule = getattr(loop, schedule_name)
    schedule(future.set_result, time.perf_counter())


async def receive(schedule_name):
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    start = time.perf_counter()
    # The only other thing the loop has to do: a timer that fires at 1.0 s.
    timer = asyncio.create_task(asyncio.sleep(1.0))
    thread = threading.Thread(target=producer, args=(loop, future, schedule_name))
    thread.start()
    async with asyncio.timeout(5):
        sent = await future
    received = time.perf_counter()
    await timer
    await asyncio.to_thread(thread.join, 5)
    print(
        f"{schedule_name + ':':23} received at {received - start:.2f} s, "
        f"sent at {sent - start:.2f} s",
        flush=True,
    )


async def main():
    await receive("call_soon")  # wrong from another thread
    await receive("call_soon_threadsafe")


if __name__ == "__main__":
    asyncio.run(main())

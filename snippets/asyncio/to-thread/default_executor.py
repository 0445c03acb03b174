"""to_thread's default pool has min(32, CPUs + 4) threads; set_default_executor changes it."""

import asyncio
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def held_call(go):
    go.wait(timeout=5)  # hold every thread until all calls are submitted
    return threading.current_thread().name


async def threads_used(calls):
    go = threading.Event()
    tasks = [asyncio.create_task(asyncio.to_thread(held_call, go)) for _ in range(calls)]
    await asyncio.sleep(0)  # every task starts and hands its call to the pool
    go.set()
    return sorted(set(await asyncio.gather(*tasks)))


async def timed_calls(calls, seconds):
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.to_thread(time.sleep, seconds) for _ in range(calls)))
    return time.perf_counter() - start


async def main():
    cpus = getattr(os, "process_cpu_count", os.cpu_count)()  # what the pool counts
    names = await threads_used(40)
    print(f"40 calls at once ran on min(32, CPUs + 4) threads: {len(names) == min(32, cpus + 4)}")

    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=3, thread_name_prefix="io"))
    names = await threads_used(40)
    print(f"after set_default_executor: 40 calls ran on {len(names)} threads, {names}")
    elapsed = await timed_calls(6, 0.3)
    print(f"6 calls on 3 threads took {elapsed:.2f} s (each call sleeps 0.3 s)")


if __name__ == "__main__":
    asyncio.run(main())

"""A timeout stops the await, not the thread: the call goes on, and asyncio.run waits for it."""

import asyncio
import threading
import time


def save_report(start):
    time.sleep(1.0)  # a blocking call: nothing can interrupt it from outside
    print(f"thread: report saved at {time.perf_counter() - start:.2f} s", flush=True)


async def main(start):
    try:
        async with asyncio.timeout(0.2):
            await asyncio.to_thread(save_report, start)
    except TimeoutError:
        print(f"main: TimeoutError at {time.perf_counter() - start:.2f} s", flush=True)
    busy = [t.name for t in threading.enumerate() if t.name.startswith("asyncio")]
    print(f"main: pool threads still running: {busy}", flush=True)
    print(f"main: returns at {time.perf_counter() - start:.2f} s", flush=True)


if __name__ == "__main__":
    start = time.perf_counter()
    asyncio.run(main(start))  # shuts down the default executor: waits for the thread
    print(f"asyncio.run returned at {time.perf_counter() - start:.2f} s")

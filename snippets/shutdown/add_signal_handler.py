"""loop.add_signal_handler turns SIGTERM into an ordinary callback, for a graceful stop."""

import asyncio
import os
import signal


def on_sigterm(stop):
    # Runs as a normal callback in the loop, so it may use asyncio objects.
    print("SIGTERM handler: finish the current job, then stop", flush=True)
    stop.set()


async def work(stop):
    for job in range(1, 100):
        if stop.is_set():
            return job - 1
        print(f"job {job}: started", flush=True)
        if job == 3:
            os.kill(os.getpid(), signal.SIGTERM)  # stands in for `kill <pid>` from outside
        await asyncio.sleep(0.1)
        print(f"job {job}: done", flush=True)


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, on_sigterm, stop)
    try:
        finished = await work(stop)
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
    print(f"main: {finished} jobs finished, clean exit")


if __name__ == "__main__":
    asyncio.run(main())

"""A task that catches CancelledError must re-raise it, or it silently refuses to stop."""

import asyncio


async def swallows(started):
    started.set()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("swallows: caught CancelledError, carries on", flush=True)
    return "kept running"  # wrong: the cancellation is lost


async def reraises(started):
    started.set()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("reraises: caught CancelledError, cleans up, re-raises", flush=True)
        raise  # right: the task ends as cancelled
    return "kept running"


async def main():
    for worker in (swallows, reraises):
        started = asyncio.Event()
        task = asyncio.create_task(worker(started))
        await started.wait()
        task.cancel()
        try:
            print(f"  await gave: {await task!r}")
        except asyncio.CancelledError:
            print("  await raised CancelledError")
        print(f"  {worker.__name__}: cancelled() = {task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())

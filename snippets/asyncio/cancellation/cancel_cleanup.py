"""task.cancel() raises CancelledError inside the task, and its finally block still runs."""

import asyncio


async def download(started):
    print("download: connection opened", flush=True)
    try:
        started.set()
        await asyncio.sleep(10)  # the CancelledError is raised here
        print("download: finished")  # never reached
    finally:
        print("download: connection closed (finally)", flush=True)


async def main():
    started = asyncio.Event()
    task = asyncio.create_task(download(started))
    await started.wait()
    task.cancel()  # only a request: it takes effect at the task's next await
    print(f"cancel requested; done yet? {task.done()}")
    try:
        await task
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print(f"task.cancelled() = {task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())

"""A failed task that nobody awaits: asyncio reports it only when the task is garbage collected."""

import asyncio
import gc


async def fetch():
    await asyncio.sleep(0.1)
    raise ConnectionError("server went away")


def report(loop, context):  # stands in for asyncio's default handler, which logs to stderr
    print(f"exception handler: {context['message']}: {context['exception']!r}")


async def main():
    asyncio.get_running_loop().set_exception_handler(report)

    task = asyncio.create_task(fetch())
    await asyncio.sleep(0.3)  # the task fails meanwhile; nothing is printed yet
    print(f"task failed quietly: done={task.done()}")
    del task  # the last reference goes away...
    gc.collect()  # ...and only now does asyncio notice the unretrieved exception
    print("after collection")

    task = asyncio.create_task(fetch())  # the fix: await it (or gather it) and handle errors
    try:
        await task
    except ConnectionError as exc:
        print(f"handled: {exc!r}")


if __name__ == "__main__":
    asyncio.run(main())

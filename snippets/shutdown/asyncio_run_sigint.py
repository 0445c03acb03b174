"""On Ctrl-C, asyncio.run cancels the main task, lets it clean up, then raises KeyboardInterrupt."""

import asyncio
import os
import signal


async def serve(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name}: cancelled, closing its connection", flush=True)
        await asyncio.sleep(0.05)  # cleanup may still await
        print(f"{name}: closed", flush=True)
        raise


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, os.kill, os.getpid(), signal.SIGINT)  # a Ctrl-C after 0.2 s
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(serve("client"))
    except asyncio.CancelledError:
        print("main: cancelled, the task group has cancelled its tasks", flush=True)
        raise


if __name__ == "__main__":
    # A program started in the background by a shell script inherits "ignore SIGINT",
    # and then asyncio.run leaves Ctrl-C alone. Restore Python's usual handler.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("asyncio.run raised KeyboardInterrupt")

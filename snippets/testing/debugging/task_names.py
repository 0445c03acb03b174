"""Named asyncio tasks: find the one that is still running when the others are done."""

import asyncio


async def fetch(what, seconds):
    await asyncio.sleep(seconds)
    return what


async def heartbeat():
    while True:  # the bug: nothing ever stops it
        await asyncio.sleep(0.05)


def describe(task):
    coro = task.get_coro().__qualname__
    if task.done():
        return f"{task.get_name():<10} {coro}() done"
    frame = task.get_stack(limit=1)[0]  # where the task is suspended (or running)
    return f"{task.get_name():<10} {coro}() pending at line {frame.f_lineno}"


async def main():
    asyncio.current_task().set_name("main")
    users = asyncio.create_task(fetch("users", 0.2), name="fetch-users")
    beat = asyncio.create_task(heartbeat(), name="heartbeat")
    async with asyncio.TaskGroup() as group:
        orders = group.create_task(fetch("orders", 0.3), name="fetch-orders")
    print("results:", await users, orders.result(), flush=True)

    print("tasks still known to the loop:", flush=True)
    for task in sorted(asyncio.all_tasks(), key=asyncio.Task.get_name):
        print(" ", describe(task), flush=True)

    beat.cancel()  # found it; stop it and wait until it has stopped
    await asyncio.gather(beat, return_exceptions=True)
    print(" ", describe(beat), "(cancelled)" if beat.cancelled() else "", flush=True)


if __name__ == "__main__":
    asyncio.run(main())

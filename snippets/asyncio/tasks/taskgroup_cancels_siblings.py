"""TaskGroup cancels the other tasks when one fails, then raises an ExceptionGroup."""

import asyncio


async def fails():
    await asyncio.sleep(0.2)
    raise ValueError("fails broke")


async def slow(name, cancelled):
    try:
        await asyncio.sleep(10)  # would run for a long time
    except asyncio.CancelledError:
        cancelled.append(name)
        raise  # let the cancellation finish the task


async def main():
    cancelled = []
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fails())
            group.create_task(slow("slow-1", cancelled))
            group.create_task(slow("slow-2", cancelled))
    except* ValueError as group_error:
        print(f"TaskGroup raised: {group_error!r}")
    print(f"cancelled siblings: {sorted(cancelled)}")  # the group cancels in no fixed order


if __name__ == "__main__":
    asyncio.run(main())

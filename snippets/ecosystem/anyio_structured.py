"""Structured concurrency with AnyIO: task groups, cancel scopes, and threads with a limit."""

import time

import anyio


async def fetch(name, delay, results):
    await anyio.sleep(delay)
    results.append(name)


async def fails_after(delay):
    await anyio.sleep(delay)
    raise ValueError("the server said no")


async def never_finishes(log):
    try:
        await anyio.sleep(60)
    finally:
        log.append("never_finishes: cancelled, cleaned up")  # runs on cancellation


def blocking_io(n, running):
    running.append(n)
    peak = len(running)
    time.sleep(0.1)  # a blocking call, run in a worker thread
    running.remove(n)
    return n * n, peak


async def main():
    # 1. A task group: the block ends only when every task in it has finished.
    results = []
    async with anyio.create_task_group() as group:
        for name, delay in [("a", 0.2), ("b", 0.1), ("c", 0.3)]:
            group.start_soon(fetch, name, delay, results)
    print("1. all three done when the block ends:", sorted(results), flush=True)

    # 2. One task fails: its siblings are cancelled, and the error comes out as a group.
    log = []
    try:
        async with anyio.create_task_group() as group:
            group.start_soon(never_finishes, log)
            group.start_soon(fails_after, 0.1)
    except* ValueError as errors:
        print("2. caught:", [str(error) for error in errors.exceptions], flush=True)
        print("  ", *log, flush=True)

    # 3. A cancel scope with a deadline: everything inside is cancelled when it passes.
    with anyio.move_on_after(0.2) as scope:
        await anyio.sleep(5)
    print("3. gave up after the deadline:", scope.cancelled_caught, flush=True)

    # 4. Blocking calls in threads, at most 2 at once (a CapacityLimiter).
    limiter = anyio.CapacityLimiter(2)
    squares, running = {}, []

    async def square(n):
        squares[n] = await anyio.to_thread.run_sync(blocking_io, n, running, limiter=limiter)

    async with anyio.create_task_group() as group:
        for n in range(4):
            group.start_soon(square, n)
    print("4. squares from threads:", {n: squares[n][0] for n in sorted(squares)}, flush=True)
    print("   never more than 2 threads at once:", max(p for _, p in squares.values()) <= 2)


if __name__ == "__main__":
    anyio.run(main)  # on asyncio; anyio.run(main, backend="trio") runs it on Trio

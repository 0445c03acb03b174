"""A Semaphore(2) lets at most two requests run at once: six jobs go in three batches."""

import asyncio
import time

LIMIT = 2


async def request(job, limiter, state):
    async with limiter:  # waits here while two jobs are already inside
        started = time.perf_counter() - state["t0"]
        state["running"] += 1
        state["max"] = max(state["max"], state["running"])
        await asyncio.sleep(0.3)  # the request itself
        state["running"] -= 1
        return started


async def main():
    limiter = asyncio.Semaphore(LIMIT)
    state = {"t0": time.perf_counter(), "running": 0, "max": 0}
    starts = await asyncio.gather(*(request(job, limiter, state) for job in range(6)))
    for job, started in enumerate(starts):
        print(f"job {job} started at {started:.2f} s")
    print(f"most jobs running at once: {state['max']}")


if __name__ == "__main__":
    asyncio.run(main())

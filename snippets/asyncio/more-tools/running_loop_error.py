"""asyncio.run() inside a running event loop raises RuntimeError; await instead."""

import asyncio


async def fetch():
    await asyncio.sleep(0.01)
    return "data"


def sync_helper():
    coro = fetch()
    try:
        return asyncio.run(coro)  # fine from plain code, an error inside a coroutine
    except RuntimeError as exc:
        coro.close()  # the coroutine never ran: close it, or Python warns it was never awaited
        return f"RuntimeError: {exc}"


async def main():
    print(f"asyncio.run() from a coroutine: {sync_helper()}")
    print(f"await from a coroutine: {await fetch()}")
    print(f"asyncio.run() in a worker thread: {await asyncio.to_thread(sync_helper)}")


if __name__ == "__main__":
    print(f"asyncio.run() from plain code: {sync_helper()}")
    asyncio.run(main())

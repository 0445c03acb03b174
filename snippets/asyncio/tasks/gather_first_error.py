"""gather raises the first exception at once, but the other tasks keep running."""

import asyncio


async def fails():
    await asyncio.sleep(0.2)
    raise ValueError("fails broke")


async def slow(name, release):
    await release.wait()  # runs until the parent lets it finish
    print(f"{name} finished normally", flush=True)
    return name


async def main():
    release = asyncio.Event()
    siblings = [asyncio.create_task(slow(n, release), name=n) for n in ("slow-1", "slow-2")]
    try:
        await asyncio.gather(fails(), *siblings)
    except ValueError as exc:
        print(f"gather raised: {exc!r}")
    for task in siblings:
        print(f"{task.get_name()} done? {task.done()}")
    release.set()  # nobody cancelled them: they are still running
    print(f"their results: {await asyncio.gather(*siblings)}")


if __name__ == "__main__":
    asyncio.run(main())

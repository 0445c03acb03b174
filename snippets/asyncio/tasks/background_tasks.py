"""Keep a strong reference to fire-and-forget tasks: a set, emptied by a done callback."""

import asyncio

background_tasks = set()


async def send_email(to):
    await asyncio.sleep(0.2)
    print(f"email sent to {to}", flush=True)


def fire_and_forget(coro):
    task = asyncio.create_task(coro)
    background_tasks.add(task)  # the loop itself keeps only a weak reference
    task.add_done_callback(background_tasks.discard)  # forget it once it is done
    return task


async def main():
    for name in ("ada", "bob", "cy"):
        fire_and_forget(send_email(name))
    print(f"running in the background: {len(background_tasks)}")
    await asyncio.gather(*background_tasks)  # a real program would go on with its work
    print(f"still referenced after they finished: {len(background_tasks)}")


if __name__ == "__main__":
    asyncio.run(main())

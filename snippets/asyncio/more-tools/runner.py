"""asyncio.Runner keeps one event loop open across several run() calls."""

import asyncio


class Client:
    """Stands for a client whose connection belongs to the loop that opened it."""

    def __init__(self):
        self.loop = asyncio.get_running_loop()

    async def get(self, key):
        if asyncio.get_running_loop() is not self.loop:
            raise RuntimeError("used from another event loop")
        await asyncio.sleep(0.01)
        return f"value of {key}"


async def connect():
    return Client()


if __name__ == "__main__":
    with asyncio.Runner() as runner:  # one loop for the whole block
        client = runner.run(connect())
        print(runner.run(client.get("a")))
        print(runner.run(client.get("b")))
        loop = runner.get_loop()
    print(f"loop closed at the end of the block: {loop.is_closed()}")

    client = asyncio.run(connect())  # each asyncio.run() makes and closes a new loop
    try:
        asyncio.run(client.get("c"))
    except RuntimeError as exc:
        print(f"second asyncio.run(): RuntimeError: {exc}")

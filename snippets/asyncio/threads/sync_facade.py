"""Synchronous code calls an async library through a loop in a background thread."""

import asyncio
import threading
import time


async def fetch_price(symbol):  # the async library
    await asyncio.sleep(0.3)  # stands in for a network request
    return symbol, len(symbol) * 10.0


async def fetch_prices(symbols):
    return dict(await asyncio.gather(*(fetch_price(s) for s in symbols)))


class AsyncBridge:
    """One event loop in a background thread, for callers that are not async."""

    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="bridge")
        self._thread.start()

    def run(self, coro, timeout=5):
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()  # do not leave the coroutine running
            raise

    def close(self):
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()


def report(bridge, symbols):  # plain synchronous code
    start = time.perf_counter()
    prices = bridge.run(fetch_prices(symbols))
    elapsed = time.perf_counter() - start
    print(f"fetched {', '.join(symbols)} in {elapsed:.2f} s: {prices}")


if __name__ == "__main__":
    bridge = AsyncBridge()
    try:
        report(bridge, ["ABC", "DEFG", "HI"])
        report(bridge, ["XYZ"])
    finally:
        bridge.close()  # stops the loop and joins its thread

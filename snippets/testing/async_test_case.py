"""Testing asyncio code: IsolatedAsyncioTestCase, an Event instead of a sleep, and a timeout."""

import asyncio
import unittest


class Cache:
    """Code under test: the first caller starts the load, every caller awaits the same one."""

    def __init__(self, load):
        self.load = load
        self.loading = None  # the task that loads, shared by all callers

    async def get(self):
        if self.loading is None:
            self.loading = asyncio.ensure_future(self.load())
        try:
            # shield(): a caller that gives up (a timeout) does not cancel the others' load.
            return await asyncio.shield(self.loading)
        except Exception:
            self.loading = None  # a failed load reaches every caller; the next call retries
            raise


class CacheTest(unittest.IsolatedAsyncioTestCase):
    async def test_loads_once_for_two_callers(self):
        release = asyncio.Event()  # the test decides when the load finishes
        calls = []

        async def fake_load():
            calls.append("load")
            await release.wait()
            return 42

        cache = Cache(fake_load)
        first = asyncio.create_task(cache.get())
        second = asyncio.create_task(cache.get())
        await asyncio.sleep(0)  # let both tasks start and block
        self.assertFalse(first.done() or second.done())
        release.set()
        async with asyncio.timeout(1):  # a bug makes the test fail, not hang
            self.assertEqual(await asyncio.gather(first, second), [42, 42])
        self.assertEqual(calls, ["load"])

    async def test_failed_load_reaches_every_caller_then_retries(self):
        calls = []

        async def flaky_load():
            calls.append("load")
            await asyncio.sleep(0)
            if len(calls) == 1:
                raise ConnectionError("database down")
            return 42

        cache = Cache(flaky_load)
        async with asyncio.timeout(1):
            results = await asyncio.gather(cache.get(), cache.get(), return_exceptions=True)
            self.assertTrue(all(isinstance(r, ConnectionError) for r in results))
            self.assertEqual(await cache.get(), 42)
        self.assertEqual(calls, ["load", "load"])

    async def test_hanging_load_times_out(self):
        async def never_loads():
            await asyncio.Event().wait()

        with self.assertRaises(TimeoutError):
            async with asyncio.timeout(0.2):
                await Cache(never_loads).get()


class PrintingResult(unittest.TestResult):
    """Print one line per test (unittest's own summary includes a timing)."""

    def addSuccess(self, test):
        super().addSuccess(test)
        print(f"ok    {test.id().rsplit('.', 1)[1]}", flush=True)


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(CacheTest)
    result = PrintingResult()
    suite.run(result)
    for test, trace in result.failures + result.errors:
        print(f"FAIL  {test.id()}\n{trace}", flush=True)
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun} tests, {failed} failed", flush=True)

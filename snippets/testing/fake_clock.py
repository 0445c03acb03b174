"""Inject the clock: a test of a 30-second timeout that runs in no real time."""

import time
import unittest


def wait_until(ready, timeout, interval, clock=time.monotonic, sleep=time.sleep):
    """Code under test: poll ready() every `interval` seconds, up to `timeout`."""
    deadline = clock() + timeout
    while not ready():
        if clock() >= deadline:
            raise TimeoutError(f"not ready after {timeout} s")
        sleep(interval)


class FakeClock:
    """Time that only moves when the code under test sleeps."""

    def __init__(self):
        self.now = 0.0

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


class WaitUntilTest(unittest.TestCase):
    simulated = 0.0  # fake seconds waited, over all tests

    def setUp(self):
        self.clock = FakeClock()

    def tearDown(self):
        type(self).simulated += self.clock.now

    def test_ready_on_third_poll(self):
        answers = iter([False, False, True])
        wait_until(lambda: next(answers), 30, 5, self.clock.monotonic, self.clock.sleep)
        self.assertEqual(self.clock.now, 10)  # two sleeps of 5 s, none of them real

    def test_times_out(self):
        with self.assertRaises(TimeoutError):
            wait_until(lambda: False, 30, 5, self.clock.monotonic, self.clock.sleep)
        self.assertEqual(self.clock.now, 30)


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(WaitUntilTest)
    result = unittest.TestResult()
    start = time.perf_counter()
    suite.run(result)
    elapsed = time.perf_counter() - start
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun} tests, {failed} failed", flush=True)
    print(f"waiting simulated: {WaitUntilTest.simulated:.0f} s", flush=True)
    print(f"real time taken:   {elapsed:.2f} s", flush=True)

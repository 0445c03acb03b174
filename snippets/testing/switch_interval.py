"""sys.setswitchinterval(1e-6) in a test: threads switch far more often, and a race shows."""

import sys
import threading
import time
import unittest

THREADS = 4
ROUNDS = 2_000  # a short test: at the default interval its threads hardly ever switch
SECONDS = 2  # races are about chance: repeat the scenario, stop at the first loss


class HitCounter:
    """Code under test: counts page hits. The read and the write are not atomic."""

    def __init__(self):
        self.hits = {}

    def record(self, page):
        self.hits[page] = self._next(self.hits.get(page, 0))

    def _next(self, count):
        # Any Python call between the read and the write is a place to switch threads.
        return count + 1


class LockedHitCounter(HitCounter):
    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()

    def record(self, page):
        with self.lock:
            super().record(page)


def hammer(counter, barrier):
    barrier.wait()  # all threads start together
    for _ in range(ROUNDS):
        counter.record("home")


class HitCounterTest(unittest.TestCase):
    def setUp(self):
        previous = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)  # ask for a thread switch every microsecond
        self.addCleanup(sys.setswitchinterval, previous)

    def check(self, counter_class):
        deadline = time.monotonic() + SECONDS
        while time.monotonic() < deadline:
            counter = counter_class()
            barrier = threading.Barrier(THREADS, timeout=10)
            threads = [
                threading.Thread(target=hammer, args=(counter, barrier)) for _ in range(THREADS)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
            self.assertEqual(counter.hits["home"], THREADS * ROUNDS, "hits were lost")

    def test_unlocked_counter(self):
        self.check(HitCounter)

    def test_locked_counter(self):
        self.check(LockedHitCounter)


class PrintingResult(unittest.TestResult):
    """Print one line per test; a failure shows only its message, not the numbers."""

    def addSuccess(self, test):
        super().addSuccess(test)
        print(f"{test.id().rsplit('.', 1)[1]}: ok", flush=True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        message = str(err[1]).rsplit(" : ", 1)[-1]
        print(f"{test.id().rsplit('.', 1)[1]}: FAIL ({message})", flush=True)


if __name__ == "__main__":
    print(f"default switch interval: {sys.getswitchinterval()} s")
    print(f"{THREADS} threads x {ROUNDS} hits, again for up to {SECONDS} s, at 1e-06 s", flush=True)
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(HitCounterTest)
    suite.run(PrintingResult())

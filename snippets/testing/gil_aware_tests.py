"""Tests that know which build they run on: with the GIL, or free-threaded (3.13t, 3.14t)."""

import sys
import sysconfig
import threading
import unittest

# 1 on a free-threaded build, 0 or None otherwise (None before Python 3.13).
FREE_THREADED_BUILD = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


def gil_enabled():
    # sys._is_gil_enabled() exists from Python 3.13; older versions always have a GIL.
    return getattr(sys, "_is_gil_enabled", lambda: True)()


class Inventory:
    """Code under test: shared between threads, guarded by a lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.stock = {}

    def add(self, item, count):
        with self.lock:
            self.stock[item] = self.stock.get(item, 0) + count


class BuildAwareTest(unittest.TestCase):
    def test_concurrent_adds(self):
        # Runs on every build; on a free-threaded one the threads really overlap.
        inventory = Inventory()
        barrier = threading.Barrier(8, timeout=10)

        def add_many():
            barrier.wait()
            for _ in range(1_000):
                inventory.add("apples", 1)

        threads = [threading.Thread(target=add_many) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        self.assertEqual(inventory.stock["apples"], 8_000)

    @unittest.skipUnless(FREE_THREADED_BUILD, "needs a free-threaded build")
    def test_gil_stays_off(self):
        # An extension module that is not marked free-threading safe turns the GIL
        # back on when it is imported. Import everything the application uses, then check.
        import json  # noqa: F401  (stands in for your application's imports)

        self.assertFalse(gil_enabled(), "an import enabled the GIL")


class PrintingResult(unittest.TestResult):
    def addSuccess(self, test):
        super().addSuccess(test)
        print(f"{test.id().rsplit('.', 1)[1]}: ok", flush=True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        print(f"{test.id().rsplit('.', 1)[1]}: FAIL ({err[1]})", flush=True)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        print(f"{test.id().rsplit('.', 1)[1]}: skipped ({reason})", flush=True)


if __name__ == "__main__":
    print(f"free-threaded build: {FREE_THREADED_BUILD}, GIL enabled: {gil_enabled()}")
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(BuildAwareTest)
    suite.run(PrintingResult())

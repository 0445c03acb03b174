"""A test with a join timeout fails fast when the code under test never stops."""

import queue
import threading
import time
import unittest

STOP = None


class Worker:
    """Code under test: handles jobs from a queue until it receives STOP."""

    def __init__(self, forget_to_stop=False):
        self.jobs = queue.Queue()
        self.forget_to_stop = forget_to_stop  # the bug we want a test to catch
        self.thread = threading.Thread(target=self._run, name="worker")
        self.thread.start()

    def _run(self):
        while self.jobs.get() is not STOP:
            pass

    def shutdown(self):
        if not self.forget_to_stop:
            self.jobs.put(STOP)


class WorkerTest(unittest.TestCase):
    def check_shutdown(self, worker):
        self.addCleanup(worker.jobs.put, STOP)  # let a stuck thread end after the test
        worker.shutdown()
        worker.thread.join(timeout=0.5)  # a bare join() would wait forever
        self.assertFalse(worker.thread.is_alive(), "worker still running after 0.5 s")

    def test_broken_shutdown(self):
        self.check_shutdown(Worker(forget_to_stop=True))

    def test_correct_shutdown(self):
        self.check_shutdown(Worker())


class PrintingResult(unittest.TestResult):
    """Print one line per test, with how long it took."""

    def startTest(self, test):
        super().startTest(test)
        self.started = time.perf_counter()

    def addSuccess(self, test):
        super().addSuccess(test)
        self.report(test, "ok")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.report(test, f"FAIL ({err[1]})")

    def report(self, test, outcome):
        took = time.perf_counter() - self.started
        print(f"{test.id().rsplit('.', 1)[1]}: {outcome} in {took:.2f} s", flush=True)


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(WorkerTest)
    suite.run(PrintingResult())

"""A test that sleeps and hopes fails on a slow day; a test that waits for an Event does not."""

import threading
import time
import unittest


class Uploader:
    """Code under test: uploads in a background thread, sets `done` when finished."""

    def __init__(self, delay):
        self.delay = delay  # stands in for a slow network or a busy CI machine
        self.uploaded = []
        self.done = threading.Event()

    def upload(self, name):
        threading.Thread(target=self._work, args=(name,)).start()

    def _work(self, name):
        time.sleep(self.delay)
        self.uploaded.append(name)
        self.done.set()


class UploaderTest(unittest.TestCase):
    def test_sleep_then_check(self):
        uploader = Uploader(delay=0.5)  # today the upload is slow
        uploader.upload("report.pdf")
        time.sleep(0.1)  # "surely it is done by now"
        self.assertEqual(uploader.uploaded, ["report.pdf"])

    def test_wait_for_event(self):
        uploader = Uploader(delay=0.5)
        uploader.upload("report.pdf")
        finished = uploader.done.wait(timeout=5)  # returns as soon as it is set
        self.assertTrue(finished, "upload did not finish within 5 s")
        self.assertEqual(uploader.uploaded, ["report.pdf"])


class PrintingResult(unittest.TestResult):
    """Print one line per test (unittest's own summary includes a timing)."""

    def addSuccess(self, test):
        super().addSuccess(test)
        print(f"ok    {test.id().rsplit('.', 1)[1]}", flush=True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        first_line = str(err[1]).splitlines()[0]
        print(f"FAIL  {test.id().rsplit('.', 1)[1]}: {first_line}", flush=True)


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(UploaderTest)
    result = PrintingResult()
    suite.run(result)
    print(f"{result.testsRun} tests, {len(result.failures)} failed", flush=True)

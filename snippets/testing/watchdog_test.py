"""A per-test time limit: a hung test fails with the line it is stuck on, and the run goes on."""

import functools
import sys
import threading
import traceback
import unittest


def time_limit(seconds):
    """Run the test in a daemon thread; fail if it has not finished after `seconds`."""

    def decorate(test):
        @functools.wraps(test)
        def wrapper(self):
            outcome = {}

            def run():
                try:
                    test(self)
                except BaseException as error:  # handed back to the test's own thread
                    outcome["error"] = error

            thread = threading.Thread(target=run, name=test.__name__, daemon=True)
            thread.start()
            thread.join(timeout=seconds)
            if thread.is_alive():
                frame = sys._current_frames()[thread.ident]
                where = traceback.extract_stack(frame)[-1]
                self.fail(f"still running after {seconds} s, at line: {where.line}")
            if "error" in outcome:
                raise outcome["error"]

        return wrapper

    return decorate


class Account:
    """Code under test, with a bug: transfer() takes the locks in two orders."""

    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()


def transfer(source, target, amount, between=None):
    with source.lock:
        if between:
            between.wait(timeout=5)  # both transfers hold their first lock
        with target.lock:
            source.balance -= amount
            target.balance += amount


class TransferTest(unittest.TestCase):
    @time_limit(1.0)
    def test_two_transfers_in_opposite_directions(self):
        a, b = Account(100), Account(100)
        between = threading.Barrier(2)
        other = threading.Thread(target=transfer, args=(b, a, 10, between), daemon=True)
        other.start()
        transfer(a, b, 10, between)  # deadlocks: each side waits for the other's lock
        other.join(timeout=5)
        # Both stuck threads are daemon threads: they cannot keep the program from exiting.

    @time_limit(1.0)
    def test_one_transfer(self):
        a, b = Account(100), Account(100)
        transfer(a, b, 10)
        self.assertEqual((a.balance, b.balance), (90, 110))


class PrintingResult(unittest.TestResult):
    def addSuccess(self, test):
        super().addSuccess(test)
        print(f"{test.id().rsplit('.', 1)[1]}: ok", flush=True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        print(f"{test.id().rsplit('.', 1)[1]}: FAIL ({err[1]})", flush=True)


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(TransferTest)
    suite.run(PrintingResult())
    print("the suite finished: no test could hang it", flush=True)

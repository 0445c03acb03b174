"""A Thread subclass whose join() returns the result or raises the thread's exception."""

import threading
import traceback


class ResultThread(threading.Thread):
    def __init__(self, target, args=(), name=None):
        super().__init__(name=name)
        self._call = (target, args)
        self._result = None
        self._error = None

    def run(self):
        target, args = self._call
        try:
            self._result = target(*args)
        except Exception as exc:  # keep it for join(); nothing is printed
            self._error = exc

    def join(self, timeout=None):
        super().join(timeout)
        if self.is_alive():
            raise TimeoutError(f"{self.name} is still running")
        if self._error is not None:
            raise self._error  # re-raised in the joining thread, traceback kept
        return self._result


def parse(text):
    return int(text)


if __name__ == "__main__":
    threads = [ResultThread(parse, (text,), name=f"parse {text!r}") for text in ("12", "n/a", "30")]
    for thread in threads:
        thread.start()
    for thread in threads:
        try:
            print(f"{thread.name}: returned {thread.join(timeout=5)!r}")
        except ValueError as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1].name
            print(f"{thread.name}: raised {exc!r} in {where}()")

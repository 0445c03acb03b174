"""A Timer calls a function after a delay, in its own thread, unless cancel() comes first."""

import threading
import time

start = time.perf_counter()


def remind(what):
    print(f"reminder at {time.perf_counter() - start:.2f} s: {what}", flush=True)


if __name__ == "__main__":
    tea = threading.Timer(0.5, remind, args=("the tea is ready",))
    meeting = threading.Timer(0.5, remind, args=("the meeting starts",))
    tea.start()
    meeting.start()
    meeting.cancel()  # the meeting was called off: this reminder never fires
    print("main: meeting reminder cancelled", flush=True)
    tea.join()
    meeting.join()
    print(f"main: done at {time.perf_counter() - start:.2f} s", flush=True)

"""The switch interval is how long a waiting thread lets pass before it asks for the GIL."""

import sys
import threading

STEPS = 20_000_000  # long enough that, without a GIL, the main thread always gets a core in time


def count(progress, running):
    for i in range(STEPS):
        progress[0] = i
        if i == 1000:
            running.set()  # wakes the main thread, which now wants the GIL back
    progress[0] = STEPS


def trial(interval):
    sys.setswitchinterval(interval)
    progress = [0]
    running = threading.Event()
    worker = threading.Thread(target=count, args=(progress, running))
    worker.start()
    running.wait(timeout=30)  # lets go of the GIL; needs it back to return
    seen = progress[0]  # how far the worker got before the main thread ran again
    worker.join(timeout=30)
    when = "before the loop ended" if seen < STEPS else "only after the loop ended"
    print(f"switch interval {interval} s: main thread ran again {when}", flush=True)


def main():
    default = sys.getswitchinterval()
    print(f"default switch interval: {default} s")
    trial(default)
    trial(10.0)  # far longer than the loop takes: nobody asks in time
    sys.setswitchinterval(default)


if __name__ == "__main__":
    main()

"""The switch interval is how long a waiting thread lets pass before it asks for the GIL."""

import sys
import threading

# Seconds of work: without a GIL, the main thread gets a core long before it ends.
STEPS = 50_000_000


def count(progress, stop, running):
    for i in range(STEPS):
        progress[0] = i
        if i == 1000:
            running.set()  # wakes the main thread, which now wants the GIL back
        if stop[0]:
            return
    progress[0] = STEPS


def trial(interval):
    sys.setswitchinterval(interval)
    progress, stop = [0], [False]
    running = threading.Event()
    worker = threading.Thread(target=count, args=(progress, stop, running))
    worker.start()
    running.wait()  # lets go of the GIL; needs it back to return
    seen = progress[0]  # how far the worker got before the main thread ran again
    stop[0] = True  # the rest of the loop would show nothing new
    worker.join()
    when = "before the loop ended" if seen < STEPS else "only after the loop ended"
    print(f"switch interval {interval} s: main thread ran again {when}", flush=True)


def main():
    default = sys.getswitchinterval()
    print(f"default switch interval: {default} s", flush=True)
    trial(default)
    trial(60.0)  # far longer than the loop takes: nobody asks in time
    sys.setswitchinterval(default)


if __name__ == "__main__":
    main()

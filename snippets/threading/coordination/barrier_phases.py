"""Three threads work in phases: a Barrier makes each phase wait for the slowest thread."""

import threading
import time

DURATIONS = {"A": (0.2, 0.6), "B": (0.6, 0.2), "C": (0.4, 0.4)}  # seconds per phase
START = time.perf_counter()
phase = {"number": 1, "start": START}
arrivals = {}


def end_of_phase():  # run once, by one thread, when all three have arrived
    now = time.perf_counter()
    times = ", ".join(f"{name} {arrivals[name]:.2f} s" for name in sorted(arrivals))
    line = f"phase {phase['number']}: arrived {times}; all leave at {now - phase['start']:.2f} s"
    print(line, flush=True)
    phase["number"] += 1
    phase["start"] = now


barrier = threading.Barrier(3, action=end_of_phase)


def worker(name):
    for duration in DURATIONS[name]:
        time.sleep(duration)
        arrivals[name] = time.perf_counter() - phase["start"]
        barrier.wait()  # nobody starts the next phase before everyone ends this one


if __name__ == "__main__":
    threads = [threading.Thread(target=worker, args=(name,)) for name in DURATIONS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"main: both phases done at {time.perf_counter() - START:.2f} s", flush=True)

"""What the tools cost: memory and start-up per worker, and pickling an argument."""

import multiprocessing
import pickle
import resource  # Unix only; ru_maxrss is in KiB on Linux (in bytes on macOS)
import threading
import time
import timeit

THREADS = 100
PROCESSES = 5
NUMBERS = 1_000_000


def peak_kib(who):
    return resource.getrusage(who).ru_maxrss


def thread_memory(count):
    """In a fresh process: how much its peak memory grows per blocked thread, in KiB."""
    before, release = peak_kib(resource.RUSAGE_SELF), threading.Event()
    waiting = [threading.Thread(target=release.wait) for _ in range(count)]
    for thread in waiting:
        thread.start()  # all of them alive at once
    grown = peak_kib(resource.RUSAGE_SELF) - before
    release.set()
    for thread in waiting:
        thread.join()
    return grown / count


def start_and_join(worker_class, count):
    """Start `count` workers that do nothing, join them; return ms per worker."""
    workers = [worker_class(target=time.sleep, args=(0,)) for _ in range(count)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return (time.perf_counter() - start) / count * 1000


def round_trip(value):
    return pickle.loads(pickle.dumps(value, protocol=5))


def show(label, value, unit):
    print(f"{label:<35}{value:.2f} {unit}")


def main():
    spawn = multiprocessing.get_context("spawn")
    start_and_join(spawn.Process, 1)
    child = peak_kib(resource.RUSAGE_CHILDREN)  # the peak of the only child so far
    show("memory of a spawned process:", child / 1024, "MiB")
    with spawn.Pool(1) as pool:  # a fresh process, so its peak is its current size
        show("memory per waiting thread:", pool.apply(thread_memory, (THREADS,)), "KiB")

    ms = start_and_join(threading.Thread, THREADS)
    show("start + join, per thread:", ms, "ms")
    for method in ("fork", "spawn"):
        context = multiprocessing.get_context(method)
        ms = start_and_join(context.Process, PROCESSES)
        show(f"start + join, per process ({method}):", ms, "ms")

    numbers = list(range(NUMBERS))
    payload = pickle.dumps(numbers, protocol=5)
    show(f"{NUMBERS:,} ints, pickled size:", len(payload) / 2**20, "MiB")
    # CPU time, best of five: wall time would also count whatever else the machine does.
    runs = timeit.repeat(lambda: round_trip(numbers), number=1, repeat=5, timer=time.process_time)
    show("pickle + unpickle them (CPU):", min(runs) * 1000, "ms")


if __name__ == "__main__":
    main()

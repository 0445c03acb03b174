"""The start methods this platform offers, the default, and what starting a process costs."""

import multiprocessing
import subprocess
import sys
import time

ASK_DEFAULT = "import multiprocessing; print(multiprocessing.get_start_method())"
ROUNDS = 5


def nothing():
    pass


def cost_per_process(method):
    """Average seconds to start and join a process that does nothing."""
    ctx = multiprocessing.get_context(method)
    warm_up = ctx.Process(target=nothing)  # forkserver starts its server here
    warm_up.start()
    warm_up.join()
    start = time.perf_counter()
    for _ in range(ROUNDS):
        process = ctx.Process(target=nothing)
        process.start()
        process.join()
    return (time.perf_counter() - start) / ROUNDS


if __name__ == "__main__":
    print(f"available: {multiprocessing.get_all_start_methods()}")
    # A fresh interpreter, so that nothing this program set changes the answer.
    fresh = subprocess.run([sys.executable, "-c", ASK_DEFAULT], capture_output=True, text=True)
    print(f"default in a fresh interpreter: {fresh.stdout.strip()}")
    for method in multiprocessing.get_all_start_methods():
        print(f"{method:>10}: {cost_per_process(method) * 1000:.2f} ms per process")

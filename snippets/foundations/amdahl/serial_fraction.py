"""Amdahl's law: measure a job's serial fraction, then compare its prediction with a real run."""

import time
from concurrent.futures import ProcessPoolExecutor

SERIAL_N = 2_000_000  # work only one core can do (here: preparing the input)
CHUNKS = 4
CHUNK_N = 2_000_000  # work that splits into independent chunks
WORKERS = 2
RUNS = 2  # keep the fastest run: other programs can only slow a run down


def crunch(n):
    """Pure-Python arithmetic: the CPU is busy the whole time."""
    total = 0
    for i in range(n):
        total += i % 7
    return total


def job(pool=None):
    """The whole job: a serial phase, then the chunks (here, or in a pool)."""
    crunch(SERIAL_N)
    if pool is None:
        return sum(crunch(CHUNK_N) for _ in range(CHUNKS))
    return sum(pool.map(crunch, [CHUNK_N] * CHUNKS))


def in_pool():
    # Starting the workers counts: a real program pays for it too.
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        return job(pool)


def fastest(function):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    # CPU time, not wall time: it does not grow while other programs hold the cores.
    start = time.process_time()
    crunch(SERIAL_N)
    serial = time.process_time() - start
    sum(crunch(CHUNK_N) for _ in range(CHUNKS))
    whole = time.process_time() - start
    f = serial / whole
    print(f"1 process: serial part {serial:.2f} s of {whole:.2f} s of CPU time", flush=True)
    print(f"serial fraction f = {f:.2f}", flush=True)

    one, two = fastest(job), fastest(in_pool)
    predicted = 1 / (f + (1 - f) / WORKERS)
    print(f"whole job, fastest of {RUNS} runs:", flush=True)
    print(f"  1 process {one:.2f} s, {WORKERS} processes {two:.2f} s", flush=True)
    print(f"speed-up predicted by Amdahl: {predicted:.2f}x", flush=True)
    print(f"speed-up measured:            {one / two:.2f}x", flush=True)
    for cores in (4, 16, 64):
        print(f"Amdahl on {cores:>2} cores: {1 / (f + (1 - f) / cores):.2f}x", flush=True)
    print(f"Amdahl's limit, any number of cores (1/f): {1 / f:.2f}x", flush=True)


if __name__ == "__main__":
    main()

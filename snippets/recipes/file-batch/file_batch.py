"""A CPU-bound batch over files in a process pool, with progress and errors collected.

The program writes its own input files into a temporary directory; pass your own
paths to run_batch() to use it for real.
"""

import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

# --- The batch code: copy this part ----------------------------------------------


def count_primes(path):
    """The work for one file: read its numbers and count the primes among them.

    Runs in a worker process, so it gets a path (cheap to send), not the file's contents.
    """
    primes = 0
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, start=1):
            try:
                n = int(line)
            except ValueError:
                # Say where: the traceback of a worker is not shown in the parent.
                raise ValueError(f"line {number}: not a number: {line.strip()!r}") from None
            primes += is_prime(n)
    return primes


def is_prime(n):
    if n < 2:
        return False
    return all(n % d for d in range(2, int(n**0.5) + 1))


def run_batch(paths, workers):
    """Process every file; return ({name: result}, {name: error}). One bad file stops none."""
    results, errors = {}, {}
    end = "\r" if sys.stdout.isatty() else "\n"
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(count_primes, path): Path(path).name for path in paths}
        for done, future in enumerate(as_completed(futures), start=1):
            name = futures[future]
            try:
                results[name] = future.result()
            except Exception as error:  # the worker's exception, re-raised here
                errors[name] = f"{type(error).__name__}: {error}"
            print(f"progress: {done}/{len(paths)} files", end=end, flush=True)
    return results, errors


# --- Sample input, and the report ---------------------------------------------------


def write_samples(directory):
    paths = []
    for i in range(1, 9):
        path = Path(directory, f"numbers-{i}.txt")
        lines = [str(n) for n in range(i * 100_000, i * 100_000 + 20_000)]
        if i == 5:
            lines[16] = "12x"  # a typo
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    paths[6].write_bytes(b"\xff\xfe not text")  # a file that is not UTF-8
    return [str(path) for path in paths]


def main():
    workers = os.process_cpu_count() if hasattr(os, "process_cpu_count") else os.cpu_count()
    with tempfile.TemporaryDirectory() as directory:
        results, errors = run_batch(write_samples(directory), workers)
    print("primes per file:")
    for name, primes in sorted(results.items()):
        print(f"  {name}: {primes:,}")
    print(f"{len(errors)} files failed:")
    for name, error in sorted(errors.items()):
        print(f"  {name}: {error}")


if __name__ == "__main__":
    main()

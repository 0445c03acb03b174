"""max_tasks_per_child replaces a worker process after it has run that many tasks."""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def which_process(n):
    return os.getpid()


if __name__ == "__main__":
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, max_tasks_per_child=1, mp_context=spawn) as pool:
        pids = list(pool.map(which_process, range(4), timeout=60))
    print(f"4 tasks ran in {len(set(pids))} worker processes, one after another")

    try:
        ProcessPoolExecutor(max_tasks_per_child=2, mp_context=multiprocessing.get_context("fork"))
    except ValueError as exc:
        print(f"with fork: ValueError: {exc}")

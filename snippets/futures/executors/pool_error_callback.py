"""Pool.apply_async: callback gets each result, error_callback each exception."""

import multiprocessing


def parse(text):
    return int(text)


if __name__ == "__main__":
    results, errors = [], []
    with multiprocessing.Pool(processes=2) as pool:
        pending = [
            pool.apply_async(parse, (text,), callback=results.append, error_callback=errors.append)
            for text in ("10", "x", "30", "4.5")
        ]
        forgotten = pool.apply_async(parse, ("oops",))  # no error_callback, never .get()
        for job in [*pending, forgotten]:
            job.wait(timeout=20)  # collect inside the block: leaving it terminates the pool
    # The callbacks ran in one of the pool's threads, in completion order: sort to print.
    print("callback got:", sorted(results))
    for error in sorted(map(str, errors)):
        print(f"error_callback got: {error}")
    print(f"the forgotten task failed too: successful() = {forgotten.successful()}")

"""Spawned processes receive their work pickled: a lambda or a local function fails."""

import multiprocessing


def first_line(error):
    return f"{type(error).__name__}: {str(error).splitlines()[0]}"


def main():
    def double(x):  # a local function: pickle cannot find it by name
        return 2 * x

    spawn = multiprocessing.get_context("spawn")
    try:
        spawn.Process(target=lambda: print("never runs")).start()
    except Exception as error:
        print(f"spawn Process(lambda): {first_line(error)}")

    with spawn.Pool(2) as pool:
        try:
            pool.map(double, [1, 2, 3])
        except Exception as error:
            print(f"spawn Pool.map(local function): {first_line(error)}")

    fork = multiprocessing.get_context("fork")  # a copy of memory: nothing to pickle
    child = fork.Process(target=lambda: print("fork Process(lambda): it runs", flush=True))
    child.start()
    child.join(timeout=30)

    # A pool sends every task through a queue, so it pickles under fork too.
    with fork.Pool(2) as pool:
        try:
            pool.map(double, [1, 2, 3])
        except Exception as error:
            print(f"fork Pool.map(local function): {first_line(error)}")


if __name__ == "__main__":
    main()

"""counter.value += 1 is a read and then a write: two processes can lose an update."""

import multiprocessing

ROUNDS = 10_000


def add_one_in_lockstep(counter, barrier):
    seen = counter.value  # the read half of `+= 1` ...
    barrier.wait()  # ... both processes have read before either writes
    counter.value = seen + 1  # the write half


def add_many_locked(counter):
    for _ in range(ROUNDS):
        with counter.get_lock():  # one lock around the read AND the write
            counter.value += 1


def run(target, *args):
    counter = multiprocessing.Value("i", 0)
    workers = [multiprocessing.Process(target=target, args=(counter, *args)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return counter.value


if __name__ == "__main__":
    barrier = multiprocessing.Barrier(2)
    lockstep = run(add_one_in_lockstep, barrier)
    print(f"2 processes each add 1, both read before either writes: {lockstep}")
    locked = run(add_many_locked)
    print(f"2 processes each add 1 {ROUNDS:,} times under get_lock(): {locked:,}")

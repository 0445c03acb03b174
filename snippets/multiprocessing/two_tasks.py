"""Two tasks in two processes, each with its own interpreter."""

import multiprocessing
import time


def task(name, duration, started):
    print(f"Task {name} starting", flush=True)
    started.set()
    time.sleep(duration)
    print(f"Task {name} completed", flush=True)


if __name__ == "__main__":
    # Name both Events: start() lets go of a process's arguments, and a spawned
    # child looks its Event up only later, when it unpickles them.
    a_started, b_started = multiprocessing.Event(), multiprocessing.Event()
    process1 = multiprocessing.Process(target=task, args=("A", 2, a_started))
    process2 = multiprocessing.Process(target=task, args=("B", 3, b_started))

    process1.start()
    a_started.wait()  # processes start up in no fixed order; make A go first
    process2.start()

    process1.join()
    process2.join()
    print("Both processes are done!", flush=True)

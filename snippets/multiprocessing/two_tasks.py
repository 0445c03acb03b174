"""Two tasks in two processes, each with its own interpreter."""

import multiprocessing
import time


def task(name, duration, started, both_running):
    print(f"Task {name} starting", flush=True)
    started.set()
    both_running.wait()  # a process can take seconds to start: time both from here
    time.sleep(duration)
    print(f"Task {name} completed", flush=True)


if __name__ == "__main__":
    # Keep the Events and the Barrier in variables of our own. After start(), a Process
    # drops its reference to its arguments, but a spawn or forkserver child opens their
    # semaphores by name only later, while it unpickles them: if the parent had freed
    # them by then, the semaphores would be gone.
    a_started, b_started = multiprocessing.Event(), multiprocessing.Event()
    both_running = multiprocessing.Barrier(2)
    process1 = multiprocessing.Process(target=task, args=("A", 2, a_started, both_running))
    process2 = multiprocessing.Process(target=task, args=("B", 3, b_started, both_running))

    process1.start()
    a_started.wait()  # processes start up in no fixed order; make A go first
    process2.start()

    process1.join()
    process2.join()
    print("Both processes are done!", flush=True)

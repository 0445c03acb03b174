"""Two tasks in two threads of one process."""

import threading
import time


def task(name, duration, started):
    print(f"Task {name} starting", flush=True)
    started.set()
    time.sleep(duration)
    print(f"Task {name} completed", flush=True)


if __name__ == "__main__":
    a_started, b_started = threading.Event(), threading.Event()
    thread1 = threading.Thread(target=task, args=("A", 2, a_started))
    thread2 = threading.Thread(target=task, args=("B", 3, b_started))

    thread1.start()
    a_started.wait()  # the OS picks which thread runs first; make it A
    thread2.start()

    thread1.join()  # wait for both threads to finish
    thread2.join()
    print("Both tasks are done!", flush=True)

"""At exit, Python waits for non-daemon threads but simply abandons daemon threads."""

import threading
import time

never_set = threading.Event()
daemon_waiting = threading.Event()
main_finished = threading.Event()


def daemon_worker():
    print("daemon: started, waiting for an event nobody will set", flush=True)
    daemon_waiting.set()
    never_set.wait()
    print("daemon: finished", flush=True)  # never printed


def regular_worker(start):
    main_finished.wait()  # the main thread has already printed its last line
    time.sleep(0.5)  # some work left to do after main() returned
    print(f"regular: finished at {time.perf_counter() - start:.2f} s", flush=True)


if __name__ == "__main__":
    start = time.perf_counter()
    threading.Thread(target=daemon_worker, name="daemon", daemon=True).start()
    daemon_waiting.wait()
    threading.Thread(target=regular_worker, args=(start,), name="regular").start()
    print("main: end of the program, no join()", flush=True)
    main_finished.set()

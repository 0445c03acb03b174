"""Start named threads, wait for them with join(), and give up waiting with join(timeout)."""

import threading
import time


def greet(greeted, done):
    name = threading.current_thread().name
    print(f"{name}: hello", flush=True)
    greeted.set()
    done.wait()  # stay alive until the main thread says so


if __name__ == "__main__":
    greeted, done = threading.Event(), threading.Event()
    worker = threading.Thread(target=greet, args=(greeted, done), name="greeter")
    print(f"before start: alive={worker.is_alive()}", flush=True)
    worker.start()
    greeted.wait()  # let the greeting come first

    start = time.perf_counter()
    worker.join(timeout=0.5)  # returns after 0.5 s even though the thread is still running
    waited = time.perf_counter() - start
    print(f"join(timeout=0.5) returned after {waited:.2f} s: alive={worker.is_alive()}", flush=True)

    done.set()
    worker.join()  # no timeout: wait as long as it takes
    print(f"after join(): alive={worker.is_alive()}", flush=True)
    print(f"{threading.current_thread().name}: done", flush=True)

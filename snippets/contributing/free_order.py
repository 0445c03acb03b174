"""Three threads that finish in no particular order: the fence declares order="free"."""

import threading

barrier = threading.Barrier(3)


def report(name):
    barrier.wait()  # all three are released at once; who prints first is up to the OS
    print(f"{name} finished", flush=True)


if __name__ == "__main__":
    threads = [threading.Thread(target=report, args=(name,)) for name in "ABC"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

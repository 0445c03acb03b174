"""join() before draining a Queue: the child cannot exit while its data is unread."""

import multiprocessing

SIZE = 1_000_000  # far more than a pipe holds (typically 64 KiB)


def send_big(queue):
    queue.put(b"x" * SIZE)
    print("child: put() returned; a background thread is still writing", flush=True)


if __name__ == "__main__":
    queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=send_big, args=(queue,))
    child.start()

    child.join(timeout=1.0)  # a plain join() here would wait forever
    print(f"after join(timeout=1.0): alive={child.is_alive()}, exitcode={child.exitcode}")

    data = queue.get(timeout=10)  # drain first ...
    child.join()  # ... then join
    print(f"got {len(data):,} bytes; after join(): exitcode={child.exitcode}")

"""A bounded Queue(maxsize=2) makes a fast producer wait for a slow consumer: back-pressure."""

import queue
import threading
import time

processed = []


def slow_consumer(tasks):
    while (item := tasks.get()) is not None:
        time.sleep(0.3)  # each item takes 0.3 s
        processed.append(item)


if __name__ == "__main__":
    tasks = queue.Queue(maxsize=2)
    tasks.put(1)
    tasks.put(2)
    try:
        tasks.put_nowait(3)
    except queue.Full:
        print(f"queue holds {tasks.qsize()} items: put_nowait(3) raises queue.Full", flush=True)

    consumer = threading.Thread(target=slow_consumer, args=(tasks,))
    consumer.start()
    for item in (3, 4, 5):
        start = time.perf_counter()
        tasks.put(item)  # blocks while the queue is full
        print(f"put({item}) waited {time.perf_counter() - start:.2f} s", flush=True)
    tasks.put(None)  # the sentinel
    consumer.join()
    print(f"consumer processed {processed}", flush=True)

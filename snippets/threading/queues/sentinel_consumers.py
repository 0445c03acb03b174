"""Producer and consumers share a Queue; one sentinel per consumer tells each of them to stop."""

import queue
import threading

CONSUMERS = 3
STOP = None  # the sentinel: a value that is never real work

results = []
results_lock = threading.Lock()


def consume(tasks):
    while True:
        item = tasks.get()
        try:
            if item is STOP:
                return
            with results_lock:
                results.append(item * item)
        finally:
            tasks.task_done()  # one task_done() per get(), sentinels included


if __name__ == "__main__":
    tasks = queue.Queue()
    workers = [threading.Thread(target=consume, args=(tasks,)) for _ in range(CONSUMERS)]
    for worker in workers:
        worker.start()
    for number in range(1, 10):
        tasks.put(number)
    for _ in workers:
        tasks.put(STOP)  # a consumer that takes a sentinel stops taking items
    tasks.join()  # returns once every put() item has had its task_done()
    print(f"queue drained: {len(results)} results", flush=True)
    for worker in workers:
        worker.join()
    print(f"{CONSUMERS} consumers stopped, alive: {sum(w.is_alive() for w in workers)}", flush=True)
    print(f"squares, sorted by the parent: {sorted(results)}", flush=True)

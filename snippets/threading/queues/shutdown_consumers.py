"""Python 3.13+: Queue.shutdown() stops every consumer without sentinels."""

import queue
import threading

CONSUMERS = 3
results = []
results_lock = threading.Lock()


def consume(tasks):
    while True:
        try:
            item = tasks.get()  # raises queue.ShutDown once shut down and empty
        except queue.ShutDown:
            return
        with results_lock:
            results.append(item * item)
        tasks.task_done()


if __name__ == "__main__":
    if not hasattr(queue.Queue, "shutdown"):  # older Pythons: fail at once, do not hang
        raise SystemExit("this example needs Python 3.13 or newer (Queue.shutdown)")
    tasks = queue.Queue()
    workers = [threading.Thread(target=consume, args=(tasks,)) for _ in range(CONSUMERS)]
    for worker in workers:
        worker.start()
    for number in range(1, 10):
        tasks.put(number)
    tasks.shutdown()  # no more put(); get() drains what is left, then raises ShutDown
    for worker in workers:
        worker.join()
    print(f"{CONSUMERS} consumers stopped, alive: {sum(w.is_alive() for w in workers)}", flush=True)
    print(f"squares, sorted by the parent: {sorted(results)}", flush=True)
    try:
        tasks.put(10)
    except queue.ShutDown:
        print("put() after shutdown() raises queue.ShutDown", flush=True)

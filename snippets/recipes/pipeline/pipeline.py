"""A producer/consumer pipeline with back-pressure and a clean Ctrl-C.

read -> [queue of 4] -> 2 workers -> [queue of 4] -> write. To show Ctrl-C without a
keyboard, the program presses it itself: it sends itself SIGINT after 10 items.
"""

import os
import queue
import signal
import threading
import time

ITEMS = 200
WORKERS = 2
QUEUE_SIZE = 4  # back-pressure: a full queue makes the stage before it wait
DONE = object()  # the end-of-input marker


# --- The pipeline: copy this part ---------------------------------------------------


def read(stop, out, counts):
    """The producer: fast. Without a bound on `out` it would run far ahead of the rest."""
    for item in range(ITEMS):
        if stop.is_set():
            break
        out.put(item)  # blocks while the queue is full
        counts["read"] += 1
    for _ in range(WORKERS):
        out.put(DONE)  # one marker per worker


def work(inbox, out):
    """A consumer: slower. It finishes the item in hand even after Ctrl-C."""
    while (item := inbox.get()) is not DONE:
        time.sleep(0.02)  # the real work
        out.put(item * item)
    out.put(DONE)


def write(inbox, counts, on_item, done):
    finished = 0
    while finished < WORKERS:
        result = inbox.get()
        if result is DONE:
            finished += 1
            continue
        counts["written"] += 1
        counts["ahead"] = max(counts["ahead"], counts["read"] - counts["written"])
        on_item(counts["written"])
    done.set()


def run_pipeline(on_item=lambda written: None):
    stop, done = threading.Event(), threading.Event()
    raw, results = queue.Queue(maxsize=QUEUE_SIZE), queue.Queue(maxsize=QUEUE_SIZE)
    counts = {"read": 0, "written": 0, "ahead": 0}
    threads = [threading.Thread(target=read, args=(stop, raw, counts))]
    threads += [threading.Thread(target=work, args=(raw, results)) for _ in range(WORKERS)]
    threads.append(threading.Thread(target=write, args=(results, counts, on_item, done)))
    for thread in threads:
        thread.start()
    try:
        # Ctrl-C raises KeyboardInterrupt here, in the main thread, never in the others.
        # Wait on an Event, not in join(): before Python 3.13, a join() interrupted by
        # Ctrl-C can mark a running thread as finished.
        while not done.wait(timeout=0.1):
            pass
    except KeyboardInterrupt:
        print("Ctrl-C: no new input; finishing the items in progress", flush=True)
        stop.set()  # the reader stops and sends the end markers
    for thread in threads:
        thread.join(timeout=10)
    return counts, stop.is_set()


# --- The demonstration ------------------------------------------------------------


def press_ctrl_c(written):
    if written == 10:
        os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C in a terminal does


def main():
    counts, interrupted = run_pipeline(on_item=press_ctrl_c)
    print(f"interrupted before the end of the input: {interrupted and counts['read'] < ITEMS}")
    print(f"every item read was written: {counts['read'] == counts['written']}")
    bound = 2 * QUEUE_SIZE + WORKERS + 2  # both queues full, one item in each thread
    print(f"the reader never ran more than {bound} items ahead: {counts['ahead'] <= bound}")


if __name__ == "__main__":
    main()

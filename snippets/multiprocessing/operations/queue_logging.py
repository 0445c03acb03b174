"""Logging from worker processes: QueueHandler in each child, one QueueListener in the parent."""

import logging
import logging.handlers
import multiprocessing
import sys


def work(log_queue, n):
    root = logging.getLogger()
    root.handlers = [logging.handlers.QueueHandler(log_queue)]  # replace any inherited handler
    root.setLevel(logging.INFO)
    log = logging.getLogger("app.worker")
    log.info("started task %d", n)
    if n == 2:
        log.warning("task %d: input looks odd", n)
    log.info("finished task %d", n)


if __name__ == "__main__":
    log_queue = multiprocessing.Queue()
    to_stdout = logging.StreamHandler(sys.stdout)
    to_stdout.setFormatter(logging.Formatter("%(processName)s %(levelname)s %(name)s: %(message)s"))
    listener = logging.handlers.QueueListener(log_queue, to_stdout)
    listener.start()  # a thread in the parent that hands each record to the handler

    workers = [
        multiprocessing.Process(target=work, args=(log_queue, n), name=f"worker-{n}")
        for n in (1, 2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=20)
    listener.stop()  # handles what is still queued, then stops the thread
    print(f"exit codes: {[worker.exitcode for worker in workers]}")

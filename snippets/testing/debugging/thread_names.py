"""Named threads in log lines, and a snapshot of what each named thread is doing."""

import logging
import queue
import sys
import threading
import time
import traceback

log = logging.getLogger("app")


def downloader(jobs, ready):
    log.info("waiting for a job")
    ready.set()
    jobs.get()


def db_writer(db_lock, ready):
    log.info("waiting for the database lock")
    ready.set()
    with db_lock:
        pass


def where(thread):
    """The innermost line of this file that `thread` is executing."""
    frame = sys._current_frames()[thread.ident]
    mine = [f for f in traceback.extract_stack(frame) if f.filename == __file__]
    return f"{mine[-1].name}(), line {mine[-1].lineno}: {mine[-1].line}"


def main():
    jobs, db_lock = queue.Queue(), threading.Lock()
    db_lock.acquire()  # hold it, so db-writer has to wait
    workers = []
    for name, target, arg in [("downloader", downloader, jobs), ("db-writer", db_writer, db_lock)]:
        ready = threading.Event()
        worker = threading.Thread(target=target, args=(arg, ready), name=name)
        worker.start()
        ready.wait()  # one at a time, so the log lines come in a fixed order
        workers.append(worker)

    deadline = time.monotonic() + 5
    while any("ready.set()" in where(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.01)  # until each has moved on from ready.set() to its blocking call
    for thread in threading.enumerate():  # names, not idents
        if thread is not threading.main_thread():
            print(f"{thread.name:<10} is in {where(thread)}", flush=True)

    jobs.put("stop")
    db_lock.release()
    for worker in workers:
        worker.join(timeout=5)
    log.info("all workers finished")


if __name__ == "__main__":
    logging.basicConfig(
        stream=sys.stdout, level=logging.INFO, format="%(threadName)-10s %(message)s"
    )
    main()

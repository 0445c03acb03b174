"""Queue.close() and join_thread(): a child makes sure its data has reached the pipe."""

import multiprocessing


def produce(queue, done_sending):
    for n in range(3):
        queue.put(f"item {n}")
    queue.close()  # this process will put nothing more
    try:
        queue.put("late item")
    except ValueError:
        print("child: put() after close() raised ValueError", flush=True)
    queue.join_thread()  # waits until the feeder thread has written everything
    print("child: join_thread() returned: every item is in the pipe", flush=True)
    done_sending.set()


if __name__ == "__main__":
    queue = multiprocessing.Queue()
    done_sending = multiprocessing.Event()
    child = multiprocessing.Process(target=produce, args=(queue, done_sending))
    child.start()
    done_sending.wait(timeout=20)
    items = [queue.get(timeout=10) for _ in range(3)]
    child.join(timeout=20)
    print(f"parent got {items}; child exit code {child.exitcode}")
    queue.close()  # the parent is done with the queue too
    queue.join_thread()

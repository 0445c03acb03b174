"""A Condition: the consumer sleeps until a predicate holds; the producer notifies."""

import threading

items = []
changed = threading.Condition()  # a lock plus a way to wait for a change


def consumer(waiting):
    with changed:
        print("consumer: waiting until there are 3 items", flush=True)
        waiting.set()
        changed.wait_for(lambda: len(items) >= 3)  # releases the lock while it sleeps
        print(f"consumer: woke up with {items}", flush=True)


def producer():
    for item in ("a", "b", "c"):
        with changed:
            items.append(item)
            print(f"producer: added {item!r}", flush=True)
            changed.notify()  # the consumer rechecks its predicate


if __name__ == "__main__":
    waiting = threading.Event()
    consuming = threading.Thread(target=consumer, args=(waiting,))
    consuming.start()
    waiting.wait()  # the consumer holds the lock until wait_for releases it
    producing = threading.Thread(target=producer)
    producing.start()
    producing.join()
    consuming.join()

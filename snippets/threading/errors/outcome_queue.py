"""Workers put ("ok", value) or ("error", exception) on one queue; main collects them all."""

import queue
import threading


def parse(text):
    return int(text)


def worker(text, outcomes):
    try:
        outcomes.put((text, "ok", parse(text)))
    except Exception as exc:  # every outcome reaches the queue, errors included
        outcomes.put((text, "error", exc))


if __name__ == "__main__":
    texts = ["12", "n/a", "30", "4.5"]
    outcomes = queue.Queue()
    threads = [threading.Thread(target=worker, args=(t, outcomes)) for t in texts]
    for thread in threads:
        thread.start()
    # Exactly one outcome per worker, so main knows how many to wait for.
    collected = [outcomes.get(timeout=5) for _ in texts]
    for thread in threads:
        thread.join(timeout=5)

    for text, status, value in sorted(collected, key=lambda o: texts.index(o[0])):
        print(f"{text!r:6} {status:5} {value!r}")
    errors = [value for _, status, value in collected if status == "error"]
    print(f"{len(errors)} of {len(texts)} failed")

"""Several producer processes put results on one Queue; the parent collects them."""

import multiprocessing

DONE = None  # each producer ends with this sentinel


def produce(name, count, queue):
    for i in range(count):
        queue.put((name, i, i * i))
    queue.put(DONE)


if __name__ == "__main__":
    queue = multiprocessing.Queue()
    names = ["A", "B", "C"]
    producers = [multiprocessing.Process(target=produce, args=(name, 3, queue)) for name in names]
    for producer in producers:
        producer.start()

    results, finished = [], 0
    while finished < len(producers):  # read until every producer has said it is done
        item = queue.get(timeout=10)
        if item is DONE:
            finished += 1
        else:
            results.append(item)

    for producer in producers:  # join only after the queue is drained
        producer.join()

    print(f"collected {len(results)} results from {finished} producers")
    for name, i, square in sorted(results):  # arrival order is up to the scheduler
        print(f"producer {name}: {i}^2 = {square}")

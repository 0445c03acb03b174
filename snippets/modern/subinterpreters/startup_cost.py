"""Start-up cost: a subinterpreter against a forked and a spawned process."""

import multiprocessing
import time
from concurrent import interpreters

COUNT = 5


def one_interpreter():
    interp = interpreters.create()
    interp.exec("import json")  # a new interpreter imports its modules again
    interp.close()


def one_process(context):
    worker = context.Process(target=time.sleep, args=(0,))
    worker.start()
    worker.join(timeout=30)


def per_worker_ms(start_one, *args):
    start = time.perf_counter()
    for _ in range(COUNT):
        start_one(*args)
    return (time.perf_counter() - start) / COUNT * 1000


def main():
    print(f"subinterpreter, create + run + close: {per_worker_ms(one_interpreter):8.2f} ms")
    for method in ("fork", "spawn"):
        ms = per_worker_ms(one_process, multiprocessing.get_context(method))
        print(f"process ({method}), start + join:{ms:>{16 - len(method)}.2f} ms")


if __name__ == "__main__":
    main()

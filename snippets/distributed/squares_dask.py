"""A futures-style job on a dask.distributed cluster of two worker processes."""

import logging
import time

from dask.distributed import Client, LocalCluster, as_completed


def slow_square(x, delay):
    time.sleep(delay)
    return x * x


def main():
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # a free port on this machine only
            # Closing can race with a worker's heartbeat on a busy machine, and dask logs
            # that harmless race as an ERROR; show only critical messages.
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        future = client.submit(slow_square, 7, 0.2)
        print("submit, result:", future.result(), flush=True)

        futures = client.map(slow_square, [1, 2, 3, 4], [0.2] * 4)
        print("map, gather:", client.gather(futures), flush=True)

        futures = client.map(slow_square, [10, 20], [0.8, 0.2])
        for future in as_completed(futures):
            print("as_completed:", future.result(), flush=True)
    print("cluster closed", flush=True)


if __name__ == "__main__":
    main()

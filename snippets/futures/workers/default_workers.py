"""What max_workers defaults to when you leave it out, relative to the machine's CPU count."""

import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def main():
    cpus = os.cpu_count()  # differs between machines, so it is compared, not printed
    with ThreadPoolExecutor() as threads, ProcessPoolExecutor() as processes:
        # _max_workers is private; read here only to show the defaults.
        thread_default = threads._max_workers == min(32, cpus + 4)
        process_default = processes._max_workers == cpus
    print(f"threads:   default == min(32, cpu_count + 4): {thread_default}")
    print(f"processes: default == cpu_count:              {process_default}")


if __name__ == "__main__":
    main()

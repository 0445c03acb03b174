"""Two subinterpreters in two threads send their results back through a queue."""

from concurrent import interpreters


def count_primes(name, limit, results):
    found = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            found += 1
    results.put((name, limit, found))  # tuples of ints and str are shareable


def main():
    results = interpreters.create_queue()
    jobs = {"A": 20_000, "B": 40_000}
    workers = {name: interpreters.create() for name in jobs}
    # call_in_thread() starts a thread that switches into the subinterpreter.
    threads = [
        workers[name].call_in_thread(count_primes, name, limit, results)
        for name, limit in jobs.items()
    ]
    for thread in threads:
        thread.join(timeout=30)
    answers = sorted(results.get(timeout=5) for _ in jobs)  # fixed order to print
    for name, limit, found in answers:
        print(f"interpreter {name}: {found} primes below {limit}", flush=True)
    for interp in workers.values():
        interp.close()


if __name__ == "__main__":
    main()

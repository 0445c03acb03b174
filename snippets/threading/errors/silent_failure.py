"""A thread that raises prints a traceback, and the program still exits with code 0."""

import subprocess
import sys
import threading


def parse_into(results, text):
    results.append(int(text))  # int("n/a") raises ValueError


def program():
    results = []
    worker = threading.Thread(target=parse_into, args=(results, "n/a"), name="parser")
    worker.start()
    worker.join()  # returns normally: the error stays in the thread
    print(f"join() returned; results = {results}", flush=True)
    print("main thread reached the end", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["program"]:
        program()
    else:
        # Run the program as a child, to see its stderr and its exit code.
        run = subprocess.run(
            [sys.executable, __file__, "program"], capture_output=True, text=True, timeout=20
        )
        print("stdout:")
        print(run.stdout, end="")
        stderr = run.stderr.splitlines()
        print("stderr, its first and last lines:")
        print(stderr[0])
        print(stderr[-1])
        print(f"exit code: {run.returncode}")

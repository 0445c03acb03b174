"""A process pool sends the worker's traceback back, attached as the exception's __cause__."""

from concurrent.futures import ProcessPoolExecutor


def average(numbers):
    return sum(numbers) / len(numbers)


def main():
    with ProcessPoolExecutor(max_workers=1) as executor:
        future = executor.submit(average, [])
        try:
            future.result()
        except ZeroDivisionError as error:
            print(f"caught {type(error).__name__}: {error}", flush=True)
            cause = error.__cause__
            print(f"its __cause__ is a {type(cause).__name__} holding:", flush=True)
            # The worker's traceback, as text; keep the lines about our code, minus the path.
            lines = str(cause).strip().strip('"').strip().splitlines()
            for line in lines:
                if line.strip().startswith("File") and line.endswith("in average"):
                    print("    ...", line.split(", ", 1)[1], flush=True)
                elif "sum(numbers)" in line or line.startswith("ZeroDivisionError"):
                    print("   ", line.strip(), flush=True)


if __name__ == "__main__":
    main()

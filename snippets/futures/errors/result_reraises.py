"""A task's exception travels to the caller: result() re-raises it, exception() just returns it."""

from concurrent.futures import ThreadPoolExecutor


def parse(text):
    return int(text)


def main():
    with ThreadPoolExecutor(max_workers=2) as executor:
        good, bad = executor.submit(parse, "42"), executor.submit(parse, "forty-two")

        print("good.result():", good.result(), flush=True)
        try:
            bad.result()
        except ValueError as error:
            print(f"bad.result() raised {type(error).__name__}: {error}", flush=True)

        print("good.exception():", good.exception(), flush=True)
        print("bad.exception():", repr(bad.exception()), flush=True)

        results = executor.map(parse, ["1", "2", "three", "4"])
        try:
            for value in results:
                print("map gave", value, flush=True)
        except ValueError as error:
            print(f"map raised {type(error).__name__}: {error}", flush=True)


if __name__ == "__main__":
    main()

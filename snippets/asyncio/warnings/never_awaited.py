"""Forgetting await: the coroutine never runs, and Python warns when it is thrown away."""

import asyncio
import gc
import warnings


async def save(record):
    print(f"saved {record}")


async def main():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        save("forgotten")  # the bug: no await, so save() never runs
        gc.collect()  # CPython usually warns at once; this makes sure
    for warning in caught:  # captured here to print it without the file's path
        print(f"{warning.category.__name__}: {warning.message}")

    await save("awaited")  # the fix


if __name__ == "__main__":
    asyncio.run(main())

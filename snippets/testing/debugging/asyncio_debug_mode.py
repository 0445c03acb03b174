"""asyncio debug mode names a task that blocked the loop and a coroutine never awaited."""

import asyncio
import logging
import re
import time
import warnings
from pathlib import Path

HERE = Path(__file__).name


async def save(order):
    return order


async def blocking_handler():
    time.sleep(0.3)  # a blocking call inside a coroutine: the whole loop stops


async def forgetful_handler():
    save("order-1")  # no await: the coroutine object is created and dropped


async def main():
    await asyncio.create_task(blocking_handler(), name="blocking-handler")
    await forgetful_handler()


def tidy(text):
    """File names without folders; line numbers only for this file."""
    text = re.sub(r"[^\s\"<>]*/([\w.]+\.py)", r"\1", text)
    text = re.sub(rf"(?<!{re.escape(HERE)}):\d+", "", text)
    return text


def own_frames(traceback_text):
    """Keep this file's frames; fold asyncio's own frames into one line."""
    lines, kept = traceback_text.splitlines(), []
    for number, line in enumerate(lines):
        if line.startswith("  File "):
            if HERE in line:
                kept += [tidy(line), lines[number + 1]]
            elif not kept[-1].endswith("(asyncio internals)"):
                kept.append("  ... (asyncio internals)")
        elif not line.startswith("    "):
            kept.append(line)
    return kept


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


if __name__ == "__main__":
    collect = Collect()
    asyncio_logger = logging.getLogger("asyncio")
    asyncio_logger.addHandler(collect)
    asyncio_logger.propagate = False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        asyncio.run(main(), debug=True)
    for message in collect.messages:
        if "blocking-handler" in message:  # a busy machine may add other slow steps
            print("asyncio logged:", tidy(message), flush=True)
    for warning in caught:
        print(f"{warning.category.__name__}: ", end="", flush=True)
        print("\n".join(own_frames(str(warning.message))), flush=True)

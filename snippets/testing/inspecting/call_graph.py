"""asyncio.print_call_graph and capture_call_graph: who awaits whom, from inside the program."""

import asyncio
import io
import re


def tidy(text):
    """File names only, line numbers only for this file, and no task ids."""
    text = re.sub(r"'/\S*/([^/']+\.py)'", r"'\1'", text)
    text = re.sub(r"('(?!call_graph\.py)[^']+'), line \d+", r"\1", text)
    return re.sub(r", id=0x[0-9a-f]+", "", text)


def describe(task):
    graph = asyncio.capture_call_graph(task)
    frames = " -> ".join(entry.frame.f_code.co_qualname for entry in reversed(graph.call_stack))
    awaiters = [awaiter.future.get_name() for awaiter in graph.awaited_by]
    return f"{task.get_name()}: {frames or '(running)'}; awaited by {awaiters}"


async def read_config(loaded):
    loaded.set()
    await asyncio.sleep(10)  # stuck here, we pretend


async def start_service(loaded):
    await read_config(loaded)


async def main():
    loaded = asyncio.Event()
    async with asyncio.TaskGroup() as group:
        task = group.create_task(start_service(loaded), name="start-service")
        await loaded.wait()
        await asyncio.sleep(0)  # let the task reach its sleep

        # The graph of one task: its own stack, then the tasks that await it.
        text = io.StringIO()
        asyncio.print_call_graph(task, file=text)
        print(tidy(text.getvalue()), flush=True)

        # The same graph as objects, for a summary of every task.
        for each in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
            print(describe(each))
        task.cancel()


if __name__ == "__main__":
    asyncio.run(main())

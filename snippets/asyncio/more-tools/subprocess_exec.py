"""asyncio.create_subprocess_exec: child processes that run while the loop carries on."""

import asyncio
import sys
import time

# The child says "ready", waits for a line on stdin, sleeps, and reports.
CHILD = """
import sys, time
print("ready", flush=True)
sys.stdin.readline()
time.sleep(float(sys.argv[1]))
print("slept", sys.argv[1])
"""


async def start_child(seconds):
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        str(seconds),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    await proc.stdout.readline()  # "ready": the interpreter has started
    return proc


async def finish(proc):
    stdout, _ = await proc.communicate(b"go\n")  # writes, reads to the end, waits for exit
    return f"{stdout.decode().strip()}, exit code {proc.returncode}"


async def main():
    async with asyncio.timeout(60):
        children = await asyncio.gather(*(start_child(1.0) for _ in range(3)))
        start = time.perf_counter()  # timed from when all three are ready
        for line in await asyncio.gather(*(finish(proc) for proc in children)):
            print(line)
        print(f"three 1 s children took {time.perf_counter() - start:.1f} s")

    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "import time; time.sleep(60)")
    try:
        async with asyncio.timeout(1.0):
            await proc.wait()
    except TimeoutError:
        proc.kill()  # the timeout only stopped our waiting: the child must be ended
        await proc.wait()  # and reaped
        print(f"killed after the timeout: exit code {proc.returncode}")


if __name__ == "__main__":
    asyncio.run(main())

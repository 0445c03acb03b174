"""asyncio.create_subprocess_exec: child processes that run while the loop carries on."""

import asyncio
import sys
import time

CHILD = "import sys, time; time.sleep(float(sys.argv[1])); print('slept', sys.argv[1])"


async def run_child(seconds):
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, str(seconds), stdout=asyncio.subprocess.PIPE
    )
    stdout, _ = await proc.communicate()  # reads the output and waits for the exit
    return f"{stdout.decode().strip()}, exit code {proc.returncode}"


async def main():
    start = time.perf_counter()
    for line in await asyncio.gather(run_child(1.0), run_child(1.0), run_child(1.0)):
        print(line)
    print(f"three 1 s children took {time.perf_counter() - start:.1f} s")

    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", CHILD, "60")
    try:
        async with asyncio.timeout(1.0):
            await proc.wait()
    except TimeoutError:
        proc.kill()  # the timeout only stopped our waiting: the child must be ended
        await proc.wait()  # and reaped
        print(f"killed after the timeout: exit code {proc.returncode}")


if __name__ == "__main__":
    asyncio.run(main())

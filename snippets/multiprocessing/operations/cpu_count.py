"""cpu_count() counts the machine's CPUs; process_cpu_count() (3.13) those this process may use."""

import multiprocessing
import os
import subprocess
import sys

SHOW = (
    "import os; "
    "print(f'cpu_count()={os.cpu_count()}, process_cpu_count()={os.process_cpu_count()}')"
)


def restricted(machine_cpus, results):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # allow this process one CPU (Linux)
    results.put(
        [
            f"affinity: {len(os.sched_getaffinity(0))} CPU",
            f"process_cpu_count() = {os.process_cpu_count()}",
            f"cpu_count() still counts every CPU of the machine: {os.cpu_count() == machine_cpus}",
        ]
    )


if __name__ == "__main__":
    usable = len(os.sched_getaffinity(0))
    print(f"here: process_cpu_count() == len(affinity): {os.process_cpu_count() == usable}")

    results = multiprocessing.Queue()
    child = multiprocessing.Process(target=restricted, args=(os.cpu_count(), results))
    child.start()
    print("child with its affinity set to one CPU:")
    for line in results.get(timeout=20):
        print(f"  {line}")
    child.join(timeout=20)

    print("child interpreters told how many CPUs to report:")
    for option, env in (
        (["-X", "cpu_count=3"], {}),
        ([], {"PYTHON_CPU_COUNT": "2"}),
    ):
        shown = " ".join(option) or f"PYTHON_CPU_COUNT={env['PYTHON_CPU_COUNT']}"
        child = subprocess.run(
            [sys.executable, *option, "-c", SHOW],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=30,
        )
        print(f"  {shown}: {child.stdout.strip()}")

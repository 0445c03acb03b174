"""Which kind of CPython is running this: a GIL build or a free-threaded one."""

import sys
import sysconfig


def describe():
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(f"Python {version}", flush=True)

    # 1 on a free-threaded build (3.13t, 3.14t); 0 or None everywhere else.
    built_free = sysconfig.get_config_var("Py_GIL_DISABLED")
    print(f"Py_GIL_DISABLED config var: {built_free}", flush=True)

    # sys._is_gil_enabled() exists from 3.13 on. On a free-threaded build it says
    # whether the GIL was turned back on (-X gil=1, PYTHON_GIL=1, or an extension).
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    if is_gil_enabled is None:
        print("sys._is_gil_enabled: not available (before 3.13)", flush=True)
        gil_on = True
    else:
        gil_on = is_gil_enabled()
        print(f"sys._is_gil_enabled(): {gil_on}", flush=True)

    if gil_on:
        print("Threads take turns running Python code (one GIL).", flush=True)
    else:
        print("Threads can run Python code in parallel (no GIL).", flush=True)


if __name__ == "__main__":
    describe()

"""sys.remote_exec runs a script inside another, running Python process."""

import select
import subprocess
import sys
import tempfile
from pathlib import Path

SERVICE = """\
import os
import threading
import time

settings = {"stop": False}


def serve():
    for _ in range(400):  # about 20 s at most, so it can never hang
        if settings["stop"]:
            print("service: stop flag seen, shutting down", flush=True)
            return
        time.sleep(0.05)


# A second thread, idle until the service exits (daemon: it does not hold up the exit).
threading.Thread(target=threading.Event().wait, args=(30,), name="helper", daemon=True).start()
# A raw write: a probe that arrived in the middle of print() could not print itself.
os.write(1, b"service: ready\\n")
serve()
"""

# Runs inside the service, in its main thread, with the service's modules and globals.
PROBE = """\
import sys
import threading

import __main__

print(f"probe: running in {threading.current_thread().name}", flush=True)
print(f"probe: threads {sorted(t.name for t in threading.enumerate())}", flush=True)
print(f"probe: settings {__main__.settings}", flush=True)
__main__.settings["stop"] = True
"""


def wait_for_line(stream, seconds):
    ready, _, _ = select.select([stream], [], [], seconds)
    return stream.readline().rstrip() if ready else "(nothing)"


def main():
    with tempfile.TemporaryDirectory() as folder:
        service, probe = Path(folder) / "service.py", Path(folder) / "probe.py"
        service.write_text(SERVICE)
        probe.write_text(PROBE)
        child = subprocess.Popen([sys.executable, str(service)], stdout=subprocess.PIPE, text=True)
        try:
            print(wait_for_line(child.stdout, 20), flush=True)
            sys.remote_exec(child.pid, str(probe))  # returns at once; the probe runs soon
            print("parent: remote_exec() returned", flush=True)
            output, _ = child.communicate(timeout=20)
            print(output, end="")
            print(f"service exit code: {child.returncode}")
        finally:
            child.kill()
            child.wait(timeout=10)


if __name__ == "__main__":
    main()

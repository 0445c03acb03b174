"""python -m pdb -p attaches the debugger to a running process (commands piped in here)."""

import re
import select
import subprocess
import sys
import tempfile
from pathlib import Path

SERVICE = """\
import time

settings = {"stop": False}


def serve():
    for _ in range(400):  # about 20 s at most, so it can never hang
        if settings["stop"]:
            print("service: stop flag seen, shutting down", flush=True)
            return
        time.sleep(0.05)


print("service: ready", flush=True)
serve()
"""

# What you would type at the (Pdb) prompt.
COMMANDS = """\
where
p settings
!settings["stop"] = True
continue
"""


def wait_for_line(stream, seconds):
    ready, _, _ = select.select([stream], [], [], seconds)
    return stream.readline().rstrip() if ready else "(nothing)"


def main():
    with tempfile.TemporaryDirectory() as folder:
        service = Path(folder) / "service.py"
        service.write_text(SERVICE)
        child = subprocess.Popen([sys.executable, str(service)], stdout=subprocess.PIPE, text=True)
        try:
            print(wait_for_line(child.stdout, 20), flush=True)
            pdb = subprocess.run(
                [sys.executable, "-m", "pdb", "-p", str(child.pid)],
                input=COMMANDS,
                capture_output=True,
                text=True,
                timeout=20,
            )
            # Show each command after its prompt, as a terminal would, with short paths.
            transcript = re.sub(r"/\S*/service\.py", "service.py", pdb.stdout)
            for command in COMMANDS.splitlines():
                transcript = transcript.replace("(Pdb) ", f"(pdb» {command}\n", 1)
            print(transcript.replace("(pdb» ", "(Pdb) ").rstrip(), flush=True)
            print(f"pdb exit code: {pdb.returncode}")
            output, _ = child.communicate(timeout=20)
            print(output, end="")
            print(f"service exit code: {child.returncode}")
        finally:
            child.kill()
            child.wait(timeout=10)


if __name__ == "__main__":
    main()

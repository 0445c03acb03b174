"""faulthandler on 3.14 also shows the C stack: dump_c_stack(), and in a crash report."""

import faulthandler
import re
import subprocess
import sys
import tempfile
from pathlib import Path

CRASHING_PROGRAM = """\
import ctypes
import faulthandler
import resource

resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file
faulthandler.enable()  # on 3.14 its report ends with the C stack


def parse(address):
    return ctypes.string_at(address)  # reads memory at 0: a segmentation fault


parse(0)
"""


def c_frame(line):
    """A C frame as `library function`, without folders, offsets or addresses."""
    match = re.search(r'Binary file "([^"]+)", at (\w*)', line)
    name = match.group(1).rsplit("/", 1)[-1]
    if ".so" not in name:
        name = "python"  # the interpreter's own executable
    name = re.sub(r"\.cpython-[^.]+\.so$", "", name)
    return f"{name} {match.group(2)}".rstrip()


def summarize(lines):
    """Short paths, no ids; repeated C frames without a name shown once."""
    out = []
    for line in lines:
        if line.startswith("Extension modules"):
            break
        if line.lstrip().startswith("Binary file"):
            line = f"  C: {c_frame(line)}"
            if out and out[-1] == line:
                continue
        else:
            line = re.sub(r'"/\S*?/(\w+/__init__\.py|[^/"]+\.py)"', r'"\1"', line)
            line = re.sub(r'("(?!crash\.py)[^"]+"), line \d+', r"\1", line)
            line = re.sub(r"^Current thread 0x[0-9a-f]+ \[[^\]]*\]", "Current thread", line)
        out.append(line)
    return out


def main():
    with tempfile.TemporaryFile("w+") as dump:
        faulthandler.dump_c_stack(file=dump)  # this very call, seen from C
        dump.seek(0)
        print("\n".join(summarize(dump.read().splitlines())))

    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder) / "crash.py"
        program.write_text(CRASHING_PROGRAM)
        child = subprocess.run(
            [sys.executable, str(program)], capture_output=True, text=True, timeout=20
        )
    print(f"\ncrash.py exit code: {child.returncode}")
    print("\n".join(summarize(child.stderr.splitlines())).rstrip())


if __name__ == "__main__":
    main()

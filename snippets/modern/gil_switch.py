"""Start this same interpreter with -X gil=1 and -X gil=0, and see which it accepts."""

import subprocess
import sys

ASK = "import sys; print('GIL enabled:', sys._is_gil_enabled())"


def main():
    for setting in ("gil=1", "gil=0"):
        child = subprocess.run(
            [sys.executable, "-X", setting, "-c", ASK], capture_output=True, text=True, timeout=30
        )
        # A build that refuses the setting stops at start-up with a fatal error on stderr.
        said = child.stdout.strip() or child.stderr.strip().splitlines()[0]
        print(f"-X {setting}: exit code {child.returncode}, {said}")


if __name__ == "__main__":
    main()

"""Build-speed figures, printed by `nox -s bench`. Nothing here is asserted.

Each figure is the median of several rounds, measured on a copy of the site in a
temporary folder (so the working tree is never touched):

- cold build: `properdocs build --strict` with the cache ignored, environment present;
- warm build: the same with nothing changed;
- one edit: after changing one snippet's bytes (not its output);
- render only: the same pages with every run fence replaced by its plain source;
- the snippets' own run times, one at a time: their sum, the longest of those that run
  side by side, and the sum of the whole-machine ones (which a build runs alone);
- `nox -s docs` as a contributor runs it: cold (a new copy: no environment, no cache;
  one round), warm (nothing changed: no pip, no build) and after editing one page's text
  (a build, every run from the cache);
- `nox -s tests`: cold (new copy: environment, npm packages; one round) and with the
  environment present;
- with `--matrix`, `nox -s matrix` (every snippet on every interpreter; one round);
- with `--ci`, `bash .ci/run` on a clean clone of the committed HEAD, as CI runs it
  (`CI=true`; one round, about 20 minutes).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from execdocs.build import execute, jobs_of
from execdocs.examples import FENCE, discover, iter_fences

ROOT = Path(__file__).resolve().parents[1]
ENV = dict(os.environ)
ENV.pop("CI", None)  # CI=true would switch the cache off for the warm builds


def copy_site(into: Path) -> Path:
    """The project without its environments, caches and built site."""
    skip = (".git", ".nox", ".cache", "site", "node_modules", "__pycache__")
    shutil.copytree(ROOT, into, ignore=shutil.ignore_patterns(*skip))
    return into


def build(site: Path, *, fresh: bool = False) -> float:
    env = {**ENV, "EXECDOCS_FRESH": "1"} if fresh else ENV
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--quiet"],
        cwd=site,
        env=env,
        check=True,
    )
    return time.perf_counter() - start


def without_runs(site: Path) -> None:
    """Replace every run fence by its snippet's source in a plain fence, and drop snippets/."""
    for page in (site / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        lines = text.split("\n")
        for fence in reversed(list(iter_fences(text))):
            if fence.language == FENCE:
                source = (site / "snippets" / fence.body.strip()).read_text(encoding="utf-8")
                pad = " " * fence.indent
                block = [
                    f"{pad}```python",
                    *(pad + line for line in source.splitlines()),
                    f"{pad}```",
                ]
                end = fence.line + fence.body.count("\n") + 1
                lines[fence.line - 1 : end + 1] = block
        page.write_text("\n".join(lines), encoding="utf-8")
    shutil.rmtree(site / "snippets")
    (site / "snippets").mkdir()


def median(rounds: int, measure: Callable[[int], float]) -> float:
    return statistics.median(measure(i) for i in range(rounds))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-tests", action="store_true", help="do not time `nox -s tests`")
    parser.add_argument("--matrix", action="store_true", help="also time `nox -s matrix`")
    parser.add_argument("--ci", action="store_true", help="also time .ci/run on a clean clone")
    args = parser.parse_args()
    rounds, skip_tests = args.rounds, args.skip_tests
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        site = copy_site(Path(tmp) / "site")
        figures["cold build"] = median(rounds, lambda _: build(site, fresh=True))
        build(site)  # make sure the cache holds this state
        figures["warm build"] = median(rounds, lambda _: build(site))
        edited = site / "snippets" / discover(ROOT)[0].source.removeprefix("snippets/")

        def edit_one(i: int) -> float:
            with edited.open("a", encoding="utf-8") as handle:
                handle.write(f"# edit {i}\n")
            return build(site)

        figures["build after editing one snippet"] = median(rounds, edit_one)
        plain = copy_site(Path(tmp) / "plain")
        without_runs(plain)
        figures["render only (no snippet runs)"] = median(rounds, lambda _: build(plain))

    with tempfile.TemporaryDirectory() as tmp:
        fresh = copy_site(Path(tmp) / "site")
        figures["nox -s docs, cold (new environment)"] = timed(["nox", "-s", "docs"], fresh)
        figures["nox -s docs, warm (nothing changed)"] = median(
            rounds, lambda _: timed(["nox", "-s", "docs"], fresh)
        )
        page = fresh / "docs" / "index.md"

        def edit_page(i: int) -> float:
            with page.open("a", encoding="utf-8") as handle:
                handle.write(f"\n<!-- edit {i} -->\n")
            return timed(["nox", "-s", "docs"], fresh)

        figures["nox -s docs, one page edited"] = median(rounds, edit_page)
        if not skip_tests:
            figures["nox -s tests, cold (new environment)"] = timed(["nox", "-s", "tests"], fresh)

    examples = [e for e in discover(ROOT) if e.supported()]
    jobs = jobs_of(examples)
    times = [{job: execute(job, ROOT).duration for job in jobs} for _ in range(rounds)]
    figures["snippets: sum of run times"] = statistics.median(sum(t.values()) for t in times)
    figures["snippets: longest run beside others"] = statistics.median(
        max(s for job, s in t.items() if not job.example.alone) for t in times
    )
    figures["snippets: whole-machine runs, summed"] = statistics.median(
        sum(s for job, s in t.items() if job.example.alone) for t in times
    )
    if not skip_tests:
        figures["nox -s tests, environment present"] = median(
            rounds, lambda _: timed(["nox", "-s", "tests"])
        )
    if args.matrix:
        figures["nox -s matrix, environments present"] = timed(["nox", "-s", "matrix"])
    if args.ci:
        with tempfile.TemporaryDirectory() as tmp:
            clone = Path(tmp) / "clone"
            subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
            figures["CI (.ci/run, clean clone)"] = timed(
                ["bash", ".ci/run"], clone, env={**ENV, "CI": "true"}
            )

    print(
        f"\nBuild speed, median of {rounds} rounds, {len(jobs)} snippet runs, "
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs"
    )
    for name, seconds in figures.items():
        print(f"  {name:38} {seconds:7.2f} s")
    # The critical path of a cold build: the longest of the runs made side by side, then
    # the whole-machine runs one after another, then the render.
    critical = (
        figures["snippets: longest run beside others"]
        + figures["snippets: whole-machine runs, summed"]
        + figures["render only (no snippet runs)"]
    )
    render = figures["render only (no snippet runs)"]
    targets = [
        ("cold build <= 1.5 x critical path", figures["cold build"], 1.5 * critical),
        ("warm build <= render + 1 s", figures["warm build"], render + 1),
    ]
    targets.append(("warm nox -s docs < 3 s", figures["nox -s docs, warm (nothing changed)"], 3.0))
    if "nox -s tests, environment present" in figures:
        tests = figures["nox -s tests, environment present"]
        targets.append(("nox -s tests < 3 min", tests, 180.0))
    if "nox -s matrix, environments present" in figures:
        matrix = figures["nox -s matrix, environments present"]
        targets.append(("nox -s matrix < 12 min", matrix, 720.0))
    if "CI (.ci/run, clean clone)" in figures:
        targets.append(("CI < 25 min", figures["CI (.ci/run, clean clone)"], 1500.0))
    print("\nTargets")
    for name, value, limit in targets:
        print(
            f"  {'met   ' if value <= limit else 'MISSED'}  {name}: "
            f"{value:.2f} s against {limit:.2f} s"
        )


def timed(command: list[str], cwd: Path = ROOT, env: dict[str, str] = ENV) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


if __name__ == "__main__":
    main()

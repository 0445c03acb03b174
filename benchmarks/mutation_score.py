"""Print the mutation score per module of execdocs/ from mutmut's results in mutants/,
then every mutant that survived (`nox -s mutants` runs this after `mutmut run`).

A mutant is killed when a test failed, timed out or crashed with it in place. The score
is killed / (all - equivalent): a mutant listed in EQUIVALENT (with why) changes nothing
a caller could observe, so no test can kill it. "no tests" counts as survived.
Prints figures only; exits 0 whatever the score (a benchmark, not a gate).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.90
KILLED = {"killed", "timeout", "segfault", "caught by type check"}

#: Mutants that no test can kill, with why. Names are mutmut's (`mutmut show NAME`).
_UTF8 = (
    'encoding="utf-8" -> "UTF-8" names the same codec; -> None uses the locale\'s, UTF-8 '
    "wherever the site is built (C.UTF-8 here; PEP 686 makes UTF-8 the default)"
)
_FIRST = "str.split(':', n)[0] is the text before the first ':' whatever n is"
EQUIVALENT: dict[str, str] = {
    "execdocs.build.xǁBuildǁshown__mutmut_12": (
        'examples.get(baseline or "XXXX"): no example has the path "" or "XXXX"'
    ),
    **{f"execdocs.scaffold.x_new_example__mutmut_{n}": _UTF8 for n in (47, 49, 52, 83, 85, 95)},
    **{
        f"execdocs.scaffold.x_new_example__mutmut_{n}": (
            "unlink(missing_ok=…) on cleanup: the files were just written by record(), "
            "so they exist either way"
        )
        for n in (70, 72)
    },
    "execdocs.claims.x_parse__mutmut_15": (
        "`not match and not sides or …`: sides is falsy exactly when match is, and a "
        "2-tuple otherwise, so the condition is the same"
    ),
    "execdocs.examples.x_missing_includes__mutmut_7": _FIRST,
    "execdocs.examples.x_missing_includes__mutmut_12": _FIRST,
    "execdocs.examples.x_missing_includes__mutmut_20": "str.count(s, None, end) starts at 0",
    "execdocs.jupyter_page.xǁNotebookPagesPluginǁon_page_context__mutmut_6": _UTF8,
    "execdocs.jupyter_page.xǁNotebookPagesPluginǁon_page_context__mutmut_9": _UTF8,
}


def results(folder: Path) -> dict[str, dict[str, str]]:
    """{module: {mutant name: status}} from mutmut's .meta files."""
    by_module: dict[str, dict[str, str]] = defaultdict(dict)
    for meta in sorted(folder.rglob("*.py.meta")):
        module = meta.relative_to(folder).as_posix().removesuffix(".meta")
        try:
            codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        except ValueError:  # being written by a run still going on
            print(f"{module}: results not readable yet, left out")
            continue
        for name, code in codes.items():
            by_module[module][name] = status_by_exit_code[code]
    return by_module


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    by_module = results(root / "mutants" / "execdocs")
    if not by_module:
        print("no results in mutants/: run `nox -s mutants` first")
        return 0
    columns = ("mutants", "killed", "survived", "no tests", "equiv.", "not run", "score")
    print(f"{'module':<18}" + "".join(f"{c:>10}" for c in columns))
    survivors: list[tuple[str, str]] = []
    totals: Counter[str] = Counter()
    below = []
    for module, mutants in sorted(by_module.items()):
        if not mutants:
            continue
        count = Counter(
            "equivalent"
            if name in EQUIVALENT
            else "killed"
            if status in KILLED
            else "not run"
            if status == "not checked"
            else status
            if status in ("survived", "no tests")
            else "survived"
            for name, status in mutants.items()
        )
        survivors += [
            (name, status)
            for name, status in mutants.items()
            if status not in KILLED and status != "not checked" and name not in EQUIVALENT
        ]
        totals.update(count, mutants=len(mutants))
        print(f"{module:<18}" + _row(count, len(mutants)))
        if _score(count, len(mutants)) < TARGET:
            below.append(module)
    print(f"{'all':<18}" + _row(totals, totals["mutants"]))
    print(
        "\nscore = killed / (mutants - equivalent - not run); "
        "not run: the run was stopped before it reached them"
    )
    print(f"below the {TARGET:.0%} target: {', '.join(below) or 'none'}")
    print(f"\n{len(survivors)} survivors (see one with `mutmut show NAME`):")
    for name, status in sorted(survivors):
        print(f"  {status:<9} {name}")
    if EQUIVALENT:
        print(f"\n{len(EQUIVALENT)} equivalent mutants, not counted:")
        for name, why in sorted(EQUIVALENT.items()):
            print(f"  {name}: {why}")
    return 0


def _score(count: Counter[str], total: int) -> float:
    counted = total - count["equivalent"] - count["not run"]
    return count["killed"] / counted if counted else 1.0


def _row(count: Counter[str], total: int) -> str:
    cells = [total, count["killed"], count["survived"], count["no tests"]]
    cells += [count["equivalent"], count["not run"]]
    return "".join(f"{cell:>10}" for cell in cells) + f"{_score(count, total):>10.1%}"


if __name__ == "__main__":
    sys.exit(main())

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
_ASCII_JSON = (
    "the file is json.dumps output (ensure_ascii): ASCII, the same bytes in UTF-8 or "
    "whatever encoding the locale gives"
)
_SEPARATOR = (
    "a separator inside a digest: any fixed one keeps the parts apart, and the digest is "
    "only compared with digests made by the same code, never shown"
)
_LENGTHS = "zip(strict=…) of two sequences whose lengths are equal (checked or built so)"
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
    **{
        f"execdocs.examples.x_requirement_name__mutmut_{n}": (
            "re.split(…)[0] is the text before the first separator whatever maxsplit is"
        )
        for n in (6, 9)
    },
    "execdocs.examples.x_missing_includes__mutmut_7": _FIRST,
    "execdocs.examples.x_missing_includes__mutmut_12": _FIRST,
    "execdocs.examples.x_missing_includes__mutmut_20": "str.count(s, None, end) starts at 0",
    "execdocs.jupyter_page.xǁNotebookPagesPluginǁon_page_context__mutmut_6": _UTF8,
    "execdocs.jupyter_page.xǁNotebookPagesPluginǁon_page_context__mutmut_9": _UTF8,
    **{f"execdocs.examples.x_discover__mutmut_{n}": _UTF8 for n in (13, 15)},
    **{
        f"execdocs.examples.x_iter_fences__mutmut_{n}": (
            'm["fence"][1] for [0]: a fence is three or more of one character'
        )
        for n in (17, 31)
    },
    "execdocs.examples.x_iter_fences__mutmut_50": (
        're.split(…, "")[0] is "" too, so the `if info else ""` guard changes nothing'
    ),
    **{
        f"execdocs.examples.x_iter_fences__mutmut_{n}": (
            "re.split(…)[0] is the text before the first separator whatever maxsplit is"
        )
        for n in (56, 59)
    },
    "execdocs.notebook.x_execute__mutmut_24": (
        "NotebookClient(allow_errors=…) left out: nbclient's default is False too"
    ),
    **{f"execdocs.scaffold.x_add_to_nav__mutmut_{n}": _UTF8 for n in (3, 5, 101, 103, 105)},
    "execdocs.scaffold.x_add_to_nav__mutmut_96": (
        "added = None on a YAML error: only asked `if not added`, where None is false like False"
    ),
    # downloads
    "execdocs.downloads.x_zip_bytes__mutmut_25": (
        "zip entries keep times in 2-second steps (DOS time): 00:00:01 is stored as 00:00:00"
    ),
    "execdocs.downloads.x_zip_bytes__mutmut_31": (
        "ZipFile(…) without ZIP_DEFLATED: every entry is written from a ZipInfo that sets its "
        "own compress_type, so the archive's default is never used"
    ),
    # timeline
    "execdocs.timeline.x_render__mutmut_81": (
        "width=round(right - left, 2): left and right are each rounded to 0.1, so their "
        "difference rounds to the same float at 1 or 2 places"
    ),
    "execdocs.timeline.x_ticks__mutmut_35": (
        "round(i * step, 11): the product is a multiple of 1, 2 or 5 times a power of ten "
        "(0.0002 at least) off by float error only, the same float at 10 or 11 places"
    ),
    # fence
    **{f"execdocs.fence.x_formatter__mutmut_{n}": _UTF8 for n in (11, 14)},
    **{
        f"execdocs.fence.x_render__mutmut_{n}": (
            "base_format(html=…): the output is one raw HTML block with all text escaped, "
            "which Markdown passes through unchanged, so converting or injecting it is the same"
        )
        for n in (26, 33, 39)
    },
    "execdocs.fence.x_render__mutmut_37": (
        'base_format(language="PYTHON"): Pygments looks lexers up by lower-cased name and '
        "the source block gets no language class, so the page is the same"
    ),
    # site_stamp
    **{
        f"execdocs.site_stamp.{name}": _SEPARATOR
        for name in ("x_inputs_digest__mutmut_7", "x_inputs_digest__mutmut_17")
    },
    "execdocs.site_stamp.x_output_digest__mutmut_8": _SEPARATOR,
    **{f"execdocs.site_stamp.x_is_current__mutmut_{n}": _ASCII_JSON for n in (3, 6)},
    **{f"execdocs.site_stamp.x_record__mutmut_{n}": _ASCII_JSON for n in (16, 18, 22)},
    # cache
    **{f"execdocs.cache.x_cache_key__mutmut_{n}": _SEPARATOR for n in (11, 16)},
    **{
        f"execdocs.cache.xǁRunCacheǁfor_session__mutmut_{n}": (
            "environ.get(SHARED_CACHE, None): the default only meets `if shared`, where None "
            'is as false as ""'
        )
        for n in (3, 5)
    },
    **{f"execdocs.cache.xǁRunCacheǁget__mutmut_{n}": _ASCII_JSON for n in (3, 9)},
    **{f"execdocs.cache.xǁRunCacheǁput__mutmut_{n}": _ASCII_JSON for n in (18, 21, 25)},
    # plugin
    **{
        f"execdocs.plugin.x_use_cache__mutmut_{n}": (
            'environ.get("CI", …): the default is only compared with "true", which neither '
            'None nor "XXXX" is'
        )
        for n in (16, 18, 21)
    },
    # __main__
    "execdocs.__main__.x__recordings_only__mutmut_4": (
        "check(…, claims=None): check() only asks `if claims:`, and None is false like False"
    ),
    "execdocs.__main__.x_stress__mutmut_37": (
        "failed -= …: failed is only asked whether it is non-zero, which counting down is too"
    ),
    # build
    "execdocs.build.x_checker__mutmut_7": (
        "Tolerance(numbers=None): Tolerance only asks `if not self.numbers`, and None is "
        "false like False"
    ),
    # runner
    "execdocs.runner.x__execute__mutmut_25": (
        "assert … or …: Popen with stdout=PIPE and stderr=PIPE sets both, so it holds either way"
    ),
    **{
        f"execdocs.runner.x__pump__mutmut_{n}": (
            'bytes.decode() decodes UTF-8 by default (never the locale\'s); "UTF-8" names the '
            "same codec"
        )
        for n in (11, 14)
    },
    "execdocs.runner.x_run_snippet__mutmut_9": (
        'report = None: it is only asked `if report`, where None is false like ""'
    ),
    **{
        f"execdocs.runner.x_run_snippet__mutmut_{n}": (
            "the startup hook's source is ASCII: the same bytes in any encoding"
        )
        for n in (21, 23, 28)
    },
    **{
        f"execdocs.runner.x_run_snippet__mutmut_{n}": (
            "the GIL report's file name, in a folder of its own: only handed to the hook and "
            "read back"
        )
        for n in (40, 41)
    },
    "execdocs.runner.x_run_snippet__mutmut_48": (
        'EXECDOCS_RESTORE_SIGINT="XX1XX": the hook only asks whether it is set, and any '
        "non-empty value is"
    ),
    # outputs
    "execdocs.outputs.x__differs__mutmut_12": (
        "diff(name=…) only labels the diff's header; _differs keeps only whether there is one"
    ),
    **{f"execdocs.outputs.x__write_atomically__mutmut_{n}": _UTF8 for n in (12, 16, 21)},
    **{
        f"execdocs.outputs.x__write_atomically__mutmut_{n}": (
            'newline=None writes os.linesep, which is "\\n" on the POSIX systems the site is '
            "built on"
        )
        for n in (13, 17)
    },
    **{
        f"execdocs.outputs.x__write_atomically__mutmut_{n}": (
            "unlink(missing_ok=…) on cleanup: the temporary file exists whenever it runs "
            "(mkstemp made it; only the replace, the last step, moves it)"
        )
        for n in (28, 30)
    },
    **{f"execdocs.outputs.x_diff__mutmut_{n}": _LENGTHS for n in (29, 32, 33)},
    **{f"execdocs.outputs.x_line_matches__mutmut_{n}": _LENGTHS for n in (61, 64, 65)},
    **{f"execdocs.outputs.x_read_lines__mutmut_{n}": _UTF8 for n in (2, 4)},
    **{
        f"execdocs.outputs.x_record__mutmut_{n}": (
            'Example.recording maps every stream but "stdout" to .err, so the spelling of the '
            '"stderr" key changes nothing'
        )
        for n in (8, 9)
    },
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

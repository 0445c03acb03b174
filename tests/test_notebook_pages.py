"""Notebook pages (execdocs/jupyter_page.py) and the notebook runner (execdocs/notebook.py),
on tiny inputs: what is stripped, what is kept, and that a failing cell fails the run."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from execdocs import notebook
from execdocs.jupyter_page import NotebookPagesPlugin, clean_notebook_page, strip_remote_loaders

MATHJAX = "<!-- Load mathjax -->\n<script src=''></script>\n<!-- End of mathjax configuration -->"
RUNTIME = '<script data-mkdocs-jupyter-mathjax="1">load("https://cdn")</script>\n'
MERMAID = '<script type="module">import mermaid from "https://cdn/mermaid.js"</script>'
KEPT = '<script type="module">import x from "./local.js"</script>'


def test_remote_loaders_are_stripped_and_other_scripts_kept() -> None:
    html = f"<head>{MATHJAX}{KEPT}{MERMAID}</head><body>x{RUNTIME}</body>"
    assert strip_remote_loaders(html) == f"<head>{KEPT}</head><body>x</body>"
    assert strip_remote_loaders(KEPT + KEPT) == KEPT + KEPT


def test_a_notebook_page_loses_inline_css_and_copy_blocks_inside_the_article_only() -> None:
    html = (
        "<head><style>head { }</style></head><article class='md-content'>"
        "<style type='text/css'>.jp { }</style>"
        '<clipboard-copy for="c1" ,>copy</clipboard-copy>'
        '<div class="clipboard-copy-txt" id="c1">src</div>'
        '<div class="highlight-ipynb hl-python"><pre>print(1)</pre></div>'
        "</article>"
    )
    assert clean_notebook_page(html) == (
        "<head><style>head { }</style></head><article class='md-content'>"
        '<div class="language-python highlight"><pre><code>print(1)</code></pre></div>'
        "</article>"
    )


def _page(src: str, path: Path | None = None) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src, abs_src_path=str(path)), meta={})


def test_the_plugin_cleans_notebook_pages_and_strips_loaders_elsewhere(tmp_path: Path) -> None:
    plugin = NotebookPagesPlugin()
    html = f"<article><style>x</style>{MERMAID}</article>"
    assert (
        plugin.on_post_page(html, page=_page("b/index.ipynb"), config=None) == "<article></article>"
    )  # type: ignore[arg-type]
    assert (
        plugin.on_post_page(html, page=_page("b/index.md"), config=None)
        == "<article><style>x</style></article>"
    )  # type: ignore[arg-type]
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"metadata": {"description": "Figures."}}))
    page = _page("n.ipynb", path)
    context = {"a": 1}
    assert plugin.on_page_context(context, page=page, config=None, nav=None) is context  # type: ignore[arg-type]
    assert page.meta == {"description": "Figures."}
    path.write_text(json.dumps({"metadata": {}}))
    bare = _page("n.ipynb", path)
    plugin.on_page_context({}, page=bare, config=None, nav=None)  # type: ignore[arg-type]
    assert bare.meta == {}
    markdown = _page("n.md", tmp_path / "missing.md")  # never read
    plugin.on_page_context({}, page=markdown, config=None, nav=None)  # type: ignore[arg-type]
    assert markdown.meta == {}


def _notebook(path: Path, *cells: str) -> Path:
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(book, path)
    return path


def test_execute_runs_cells_in_order_from_the_notebooks_folder(tmp_path: Path) -> None:
    (tmp_path / "helper.py").write_text("VALUE = 41\n")
    path = _notebook(
        tmp_path / "n.ipynb",
        "import os, helper\nprint(helper.VALUE + 1, os.environ['BENCH_QUICK'])",
        "print('second')",
    )
    ran = notebook.execute(path, quick=True, timeout=60)
    assert [o.get("text") for o in notebook.outputs(ran)] == ["42 1\n", "second\n"]
    assert nbformat.read(path, as_version=4).cells[0].outputs == []  # not saved
    full = notebook.execute(path, timeout=60)
    assert next(notebook.outputs(full))["text"] == "42 0\n"


def test_a_failing_cell_fails_the_run(tmp_path: Path) -> None:
    path = _notebook(tmp_path / "n.ipynb", "print('ok')", "1 / 0", "print('never')")
    with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
        notebook.execute(path, timeout=60)


def test_outputs_skip_markdown_cells() -> None:
    book = nbformat.v4.new_notebook()
    book.cells = [
        nbformat.v4.new_markdown_cell("# t"),
        nbformat.v4.new_code_cell("1", outputs=[nbformat.v4.new_output("stream", text="a")]),
        nbformat.v4.new_code_cell("2"),
        nbformat.v4.new_code_cell("3"),
    ]
    del book.cells[-1]["outputs"]  # a code cell saved without any
    assert [o["text"] for o in notebook.outputs(book)] == ["a"]


def test_execute_gives_each_cell_the_timeout_on_the_python3_kernel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[dict[str, object]] = []

    class Client:
        def __init__(self, book: nbformat.NotebookNode, **kwargs: object) -> None:
            made.append(kwargs)

        def execute(self, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(notebook, "NotebookClient", Client)
    path = _notebook(tmp_path / "n.ipynb", "print(1)")
    notebook.execute(path, timeout=7)
    notebook.execute(path)
    assert [(kw["timeout"], kw["kernel_name"]) for kw in made] == [
        (7, "python3"),
        (notebook.CELL_TIMEOUT, "python3"),
    ]


def test_main_saves_only_a_full_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _notebook(tmp_path / "n.ipynb", "print(1)")
    calls: list[tuple[Path, bool]] = []

    def fake(where: Path, *, quick: bool = False) -> nbformat.NotebookNode:
        calls.append((where, quick))
        book = nbformat.read(where, as_version=4)
        book.cells[0].outputs = [nbformat.v4.new_output("stream", text="ran\n")]
        return book

    monkeypatch.setattr(notebook, "execute", fake)
    notebook.main([str(path), "--quick"])
    assert capsys.readouterr().out == f"{path}: ran without errors in quick mode (not saved)\n"
    assert nbformat.read(path, as_version=4).cells[0].outputs == []
    notebook.main([str(path)])
    assert capsys.readouterr().out == f"{path}: re-executed and saved with its new outputs\n"
    assert nbformat.read(path, as_version=4).cells[0].outputs[0]["text"] == "ran\n"
    assert calls == [(path, True), (path, False)]
    assert Path("docs/benchmarks/index.ipynb") == notebook.BENCHMARKS
    assert notebook.CELL_TIMEOUT == 240
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "benchmarks").mkdir(parents=True)
    _notebook(tmp_path / notebook.BENCHMARKS, "print(1)")
    notebook.main(["--quick"])
    assert calls[-1] == (notebook.BENCHMARKS, True)


def test_main_help_says_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        notebook.main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Execute the benchmarks notebook: `nox -s bench-notebook` and the tests" in text
    assert "--quick shrunk sizes (smoke test)" in text

"""The MkDocs plugin (execdocs/plugin.py) driven by hand, without building a site: its
checks of the config, the build it starts, includes, anchors and the page stamp."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from pathlib import Path
from types import SimpleNamespace

import jinja2
import markdown
import pytest
from markdown_exec import markdown_config
from mkdocs.exceptions import PluginError

from execdocs import downloads
from execdocs import plugin as plugin_module
from execdocs.build import SHARED_MACHINE, Build, Job
from execdocs.cache import TEMPLATE_CACHE
from execdocs.examples import Example
from execdocs.plugin import ExecDocsPlugin
from execdocs.runner import Line, Run


def make_plugin(**options: object) -> ExecDocsPlugin:
    plugin = ExecDocsPlugin()
    errors, warnings = plugin.load_config(options)
    assert not errors and not warnings
    return plugin


def config(root: Path, **extra: object) -> SimpleNamespace:
    (root / "docs").mkdir(exist_ok=True)
    fields: dict[str, object] = {
        "markdown_extensions": ["pymdownx.superfences", "pymdownx.snippets"],
        "mdx_configs": {"pymdownx.snippets": {"base_path": ["docs", "snippets"]}},
        "config_file_path": str(root / "mkdocs.yml"),
        "docs_dir": str(root / "docs"),
        "repo_url": None,
        "site_dir": str(root / "site"),
    }
    fields.update(extra)
    return SimpleNamespace(**fields)


def page(src: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src), present_anchor_ids=set())


def test_defaults() -> None:
    plugin = make_plugin()
    assert plugin.config.workers == 8 and plugin.config.cache is True


def test_on_config_registers_the_fence_and_finds_the_folders(tmp_path: Path) -> None:
    plugin = make_plugin()
    cfg = config(tmp_path)
    assert plugin.on_config(cfg) is cfg  # type: ignore[arg-type]
    (fence,) = cfg.mdx_configs["pymdownx.superfences"]["custom_fences"]
    assert (fence["name"], fence["class"]) == ("run", "run")
    assert fence["validator"] is plugin_module.fence.validator
    assert plugin.root == tmp_path and plugin.docs == "docs"
    assert plugin.include_dirs == [tmp_path / "docs", tmp_path / "snippets"]
    # The fence reads the plugin's current build.
    with pytest.raises(RuntimeError, match="needs the execdocs plugin"):
        fence["format"]("x.py", "run", "run", {}, None)


@pytest.mark.parametrize("shared", [False, True])
def test_compiled_templates_are_kept_for_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: bool
) -> None:
    """A second build loads the theme's templates compiled, from the project's cache
    folder or from the one a test session shares; an edited template is compiled again."""
    folder = tmp_path / "shared" if shared else tmp_path / ".cache" / "execdocs" / "templates"
    if shared:
        monkeypatch.setenv(TEMPLATE_CACHE, str(folder))
    else:
        monkeypatch.delenv(TEMPLATE_CACHE, raising=False)
    plugin = make_plugin()
    plugin.on_config(config(tmp_path))  # type: ignore[arg-type]
    templates = {"main.html": "{{ 6 * 7 }}"}

    def build() -> jinja2.Environment:
        env = jinja2.Environment(loader=jinja2.DictLoader(templates))
        return plugin.on_env(env, config=None, files=None)  # type: ignore[arg-type]

    assert build().get_template("main.html").render() == "42"
    (cached,) = folder.iterdir()
    assert build().get_template("main.html").render() == "42"
    assert list(folder.iterdir()) == [cached]
    templates["main.html"] = "{{ 6 * 9 }}"
    assert build().get_template("main.html").render() == "54"


def test_on_config_refuses_a_config_without_superfences(tmp_path: Path) -> None:
    cfg = config(tmp_path, markdown_extensions=["toc"])
    with pytest.raises(PluginError) as caught:
        make_plugin().on_config(cfg)  # type: ignore[arg-type]
    assert str(caught.value) == "execdocs needs the pymdownx.superfences Markdown extension"


def test_on_config_shares_the_sites_extensions_with_markdown_exec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # markdown-exec keeps them in a module-level object: put it back after the test.
    monkeypatch.setattr(markdown_config, "exts", markdown_config.exts)
    monkeypatch.setattr(markdown_config, "exts_config", markdown_config.exts_config)
    cfg = config(tmp_path)
    make_plugin().on_config(cfg)  # type: ignore[arg-type]
    assert markdown_config.exts == ["pymdownx.superfences", "pymdownx.snippets"]
    assert markdown_config.exts_config is cfg.mdx_configs


def test_without_snippets_settings_includes_are_looked_for_at_the_root(tmp_path: Path) -> None:
    plugin = make_plugin()
    plugin.on_config(config(tmp_path, mdx_configs={}))  # type: ignore[arg-type]
    assert plugin.include_dirs == [tmp_path]


def test_on_config_refuses_another_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plugin_module.interpreters, "current", lambda: "3.13")
    with pytest.raises(PluginError) as caught:
        make_plugin().on_config(config(tmp_path))  # type: ignore[arg-type]
    assert str(caught.value) == (
        "the site is built with Python 3.14 (the Python it teaches), and this is 3.13: "
        "build it with `nox -s docs`"
    )


def _site(root: Path, page_text: str) -> None:
    (root / "docs").mkdir(exist_ok=True)
    (root / "snippets").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text(page_text)
    (root / "snippets" / "hello.py").write_text('print("hello")\n')
    (root / "snippets" / "hello.out").write_text("hello\n")


def test_on_pre_build_runs_the_build_and_logs_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _site(tmp_path, "```run\nhello.py\n```\n")
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("EXECDOCS_FRESH", raising=False)
    plugin = make_plugin(workers=3)
    plugin.on_config(config(tmp_path))  # type: ignore[arg-type]
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.execdocs"):
        plugin.on_pre_build(config=None)  # type: ignore[arg-type]
    assert plugin.build is not None and plugin.build.workers == 3
    assert plugin.build.cache is not None and plugin.build.root == tmp_path
    assert [r.getMessage() for r in caplog.records] == [
        "ran 1 snippets; 0 unchanged, from the cache"
    ]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.execdocs"):
        plugin.on_pre_build(config=None)  # type: ignore[arg-type]
    assert [r.getMessage() for r in caplog.records] == [
        "ran 0 snippets; 1 unchanged, from the cache"
    ]
    monkeypatch.setenv("EXECDOCS_FRESH", "1")
    plugin.on_pre_build(config=None)  # type: ignore[arg-type]
    assert plugin.build.cache is None
    no_cache = make_plugin(cache=False)
    monkeypatch.delenv("EXECDOCS_FRESH")
    no_cache.on_config(config(tmp_path))  # type: ignore[arg-type]
    no_cache.on_pre_build(config=None)  # type: ignore[arg-type]
    assert no_cache.build is not None and no_cache.build.cache is None


@pytest.mark.parametrize(("value", "shared"), [("1", True), ("0", False), ("", False)])
def test_a_shared_machine_is_passed_to_the_build_and_said(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    value: str,
    shared: bool,
) -> None:
    _site(tmp_path, "```run\nhello.py\n```\n")
    monkeypatch.setenv(SHARED_MACHINE, value)
    plugin = make_plugin(cache=False)
    plugin.on_config(config(tmp_path))  # type: ignore[arg-type]
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.execdocs"):
        plugin.on_pre_build(config=None)  # type: ignore[arg-type]
    assert plugin.build is not None and plugin.build.shared_machine is shared
    said = f"{SHARED_MACHINE}=1: the claims of whole-machine examples were not checked"
    assert [r.getMessage() for r in caplog.records][1:] == ([said] if shared else [])


def test_problems_are_logged_as_errors_and_a_bad_fence_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _site(tmp_path, "```run\nhello.py\n```\n")
    (tmp_path / "snippets" / "stray.py").write_text("print(1)\n")
    plugin = make_plugin(cache=False)
    plugin.on_config(config(tmp_path))  # type: ignore[arg-type]
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.execdocs"):
        plugin.on_pre_build(config=None)  # type: ignore[arg-type]
    assert [(r.levelname, r.getMessage()[:40]) for r in caplog.records] == [
        ("ERROR", "snippets/stray.py: no page embeds it; em")
    ]
    (tmp_path / "docs" / "index.md").write_text("\n```run timeout=1\nhello.py\n```\n")
    with pytest.raises(PluginError, match=r"^docs/index\.md:2: timeout=1: put the value"):
        plugin.on_pre_build(config=None)  # type: ignore[arg-type]


def test_test_and_lint_options_are_removed_from_python_fences_only(tmp_path: Path) -> None:
    plugin = make_plugin()
    plugin.on_config(config(tmp_path))  # type: ignore[arg-type]
    text = (
        '```python test="skip" lint="skip" title="x.py"\n1\n```\n'
        "   ~~~~py test='skip'\n2\n~~~~\n"
        '```run test="skip"\nhello.py\n```\n'
    )
    assert plugin.on_page_markdown(text, page=page("index.md"), config=None, files=None) == (  # type: ignore[arg-type]
        '```python title="x.py"\n1\n```\n   ~~~~py\n2\n~~~~\n```run test="skip"\nhello.py\n```\n'
    )


def test_a_missing_include_is_reported_with_page_and_line_and_shown_in_place(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    plugin = make_plugin()
    plugin.on_config(config(tmp_path))  # type: ignore[arg-type]
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "here.py").write_text("x = 1\n")
    text = 'intro\n\n    --8<-- "gone.md"\n--8<-- "here.py"\n'
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.execdocs"):
        out = plugin.on_page_markdown(text, page=page("t/a.md"), config=None, files=None)  # type: ignore[arg-type]
    assert [r.getMessage() for r in caplog.records] == [
        "docs/t/a.md:3: includes 'gone.md', which does not exist (looked in docs, snippets)"
    ]
    assert out == (
        'intro\n\n    !!! failure "Missing file"\n        `gone.md` could not be found.\n'
        '--8<-- "here.py"\n'
    )


def _run(machine: str, started: str, *, cached: bool = False) -> Run:
    return Run(
        "snippets/t/x.py",
        (Line(0.1, "hi"),),
        (),
        0,
        0.5,
        30.0,
        started=started,
        machine=machine,
        from_cache=cached,
    )


def _build(root: Path, runs: dict[str, list[Run]]) -> Build:
    build = Build(root, pytest.fail)
    for path, page_runs in runs.items():
        pythons = ("3.14", "3.14t")[: len(page_runs)]
        example = Example(path=path, page="docs/t/index.md", pythons=pythons)
        build.examples[path] = example
        for python, run in zip(pythons, page_runs, strict=True):
            done: Future[Run] = Future()
            done.set_result(run)
            build.results[Job(example, python)] = done
    return build


def test_page_content_gets_anchors_and_a_stamp(tmp_path: Path) -> None:
    plugin = make_plugin()
    plugin.on_config(config(tmp_path))  # type: ignore[arg-type]
    plugin.build = _build(
        tmp_path,
        {
            "t/x.py": [_run("M1", "2026-01-02T03:04:05+00:00"), _run("M2", "2026-01-01T00:00:00")],
            "t/y.py": [_run("M1", "2026-01-02T09:00:00+00:00", cached=True)],
        },
    )
    here = page("t/index.md")
    html = plugin.on_page_content("<p>x</p>", page=here, config=None, files=None)  # type: ignore[arg-type]
    assert here.present_anchor_ids == {"example-t-x", "example-t-y"}
    assert html == (
        '<p>x</p><aside class="xd-stamp" aria-label="How the outputs were made"><p>'
        "Every output on this page was produced by running its program for this build or, "
        "for 1 of 3, an earlier one (from the cache), with M1 and M2, on 2026-01-01, "
        "2026-01-02 (UTC).</p></aside>"
    )
    plugin.build = _build(tmp_path, {"t/x.py": [_run("<M>", "2026-01-02T03:04:05")]})
    fresh = plugin.on_page_content("", page=page("t/index.md"), config=None, files=None)  # type: ignore[arg-type]
    assert "produced by running its program when the site was built, with &lt;M&gt;, on" in fresh
    other = page("other.md")
    assert plugin.on_page_content("<p>y</p>", page=other, config=None, files=None) == "<p>y</p>"  # type: ignore[arg-type]
    assert other.present_anchor_ids == set()
    no_ids = SimpleNamespace(file=SimpleNamespace(src_uri="t/index.md"), present_anchor_ids=None)
    assert "xd-stamp" in plugin.on_page_content("", page=no_ids, config=None, files=None)  # type: ignore[arg-type]


def test_the_fence_renders_the_current_build_with_links_to_the_repository(
    tmp_path: Path,
) -> None:
    plugin = make_plugin()
    cfg = config(tmp_path, repo_url="https://github.com/o/r")
    plugin.on_config(cfg)  # type: ignore[arg-type]
    (fence,) = cfg.mdx_configs["pymdownx.superfences"]["custom_fences"]
    (tmp_path / "snippets" / "t").mkdir(parents=True)
    (tmp_path / "snippets" / "t" / "x.py").write_text("print('hi')\n")
    plugin.build = _build(tmp_path, {"t/x.py": [_run("M1", "2026-01-02T03:04:05+00:00")]})
    md = markdown.Markdown(extensions=["pymdownx.superfences"])
    html = fence["format"]("t/x.py", "run", "run", {}, md)
    assert 'data-snippet="t/x.py"' in html
    assert '<a href="https://github.com/o/r/blob/main/snippets/t/x.py">source on GitHub</a>' in html


def test_after_the_build_the_examples_are_copied_into_the_site(tmp_path: Path) -> None:
    plugin = make_plugin()
    plugin.on_config(config(tmp_path))  # type: ignore[arg-type]
    (tmp_path / "snippets" / "t").mkdir(parents=True)
    (tmp_path / "snippets" / "t" / "x.py").write_text("print('hi')\n")
    plugin.build = _build(tmp_path, {"t/x.py": [_run("M1", "2026-01-02T03:04:05+00:00")]})
    plugin.on_post_build(config=config(tmp_path))  # type: ignore[arg-type]
    site = tmp_path / "site" / downloads.FOLDER
    assert (site / "t" / "x.py").read_text() == "print('hi')\n"
    assert (site / downloads.ZIP).read_bytes() == downloads.zip_bytes(
        tmp_path, plugin.build.examples.values()
    )


def test_nav_fixes_are_applied_to_pages_and_templates() -> None:
    plugin = make_plugin()
    html = '<label class="md-nav__link" for="a" tabindex="">x</label>'
    fixed = '<label class="md-nav__link" for="a">x</label>'
    assert plugin.on_post_page(html, page=None, config=None) == fixed  # type: ignore[arg-type]
    assert plugin.on_post_template(html, template_name="404.html", config=None) == fixed  # type: ignore[arg-type]

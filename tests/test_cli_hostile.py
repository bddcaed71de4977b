"""The command line on hostile data and as a finished tool: markup in data is text, every failure one line,
valid JSON always, --version, --lang, --help listing formats and limits.

Runs the installed command in subprocesses, so what is checked is what a user sees.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

AIDLEDGER = str(Path(sys.executable).with_name("aidledger"))
MARKUP = "[/x][bold]"
#: Markup that a file name can hold (no slash).
IN_PATH = "[bold][red]"
GOOD = "La Norvège fournira à l'Ukraine une aide militaire de 500 millions de couronnes, a annoncé mardi le ministre."


def _flat(panel: str) -> str:
    """The words of a rich panel (help, usage error), its frame and line breaks removed."""
    return " ".join(panel.replace("│", " ").split())


def run(*args: object, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([AIDLEDGER, *map(str, args)], capture_output=True, text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A folder of inputs whose text, path and ids hold rich markup, beside an unreadable one."""
    folder = tmp_path_factory.mktemp("hostile") / f"wire{IN_PATH}"
    folder.mkdir()
    (folder / f"article{IN_PATH}.txt").write_text(f"« Nous livrerons {MARKUP} vite », a déclaré le ministre. {GOOD}")
    lines = [
        {"id": f"id{MARKUP}", "text": f"{GOOD} {MARKUP}", "published": "2025-03-04", "lang": "fr"},
        {"id": "huge-amount", "text": "Le Canada versera $1" + "0" * 400 + " à Haïti.", "lang": "fr"},
    ]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    (folder / f"broken{IN_PATH}.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def runs(hostile) -> dict[str, subprocess.CompletedProcess[str]]:
    """Each command over the hostile folder, run once for all the tests that read its output."""
    commands = {"table": ["extract", "--format", "table"], "json": ["extract", "--format", "json"], "quotes": ["quotes"]}
    started = {
        name: subprocess.Popen([AIDLEDGER, *command, str(hostile)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name, command in commands.items()
    }  # side by side: each loads the French model
    outputs = {name: process.communicate(timeout=600) for name, process in started.items()}
    return {name: subprocess.CompletedProcess(p.args, p.returncode, *outputs[name]) for name, p in started.items()}


@pytest.mark.parametrize("command", ["table", "json", "quotes"])
def test_markup_in_text_paths_and_ids_is_printed_as_text(hostile, runs, command):
    result = runs[command]
    assert "Traceback" not in result.stderr and result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {hostile / f'broken{IN_PATH}.txt'}: empty file"]


def test_json_output_is_valid_and_an_implausible_amount_is_a_warning(runs):
    result = runs["json"]
    results = json.loads(result.stdout)
    assert {r["id"] for r in results} >= {f"id{MARKUP}", "huge-amount"}
    assert "Infinity" not in result.stdout
    assert any(line.startswith("warning: huge-amount: amount") for line in result.stderr.splitlines())


def test_ingest_and_report_print_markup_as_text(hostile, tmp_path):
    db = tmp_path / "ledger.db"
    ingest = run("ingest", hostile, "--db", db)
    assert ingest.returncode == 1 and "Traceback" not in ingest.stderr
    assert f"broken{IN_PATH}.txt: empty file" in ingest.stderr
    report = run("report", "--db", db)
    assert report.returncode == 0 and "Traceback" not in report.stderr


def test_stderr_lines_are_never_wrapped_in_a_pipe(tmp_path):
    deep = tmp_path / ("a-very-long-folder-name-" * 8)
    deep.mkdir()
    (deep / "empty.txt").write_bytes(b"")
    result = run("extract", deep / "empty.txt")
    assert result.stderr.splitlines() == [f"error: {deep / 'empty.txt'}: empty file"]


def test_version_prints_the_package_version():
    import aidledger

    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"aidledger {aidledger.__version__}")


@pytest.mark.parametrize("lang", ["xx", "klingon", "f1"])
def test_an_unknown_language_is_a_usage_error(tmp_path, lang):
    (tmp_path / "a.txt").write_text(GOOD)
    result = run("extract", tmp_path / "a.txt", "--lang", lang)
    assert result.returncode == 2 and "not a language code aidledger supports" in _flat(result.stderr)


@pytest.mark.parametrize("tag", ["fr-FR", "fr_FR", "FR", "auto"])
def test_a_region_tag_option_is_reduced_to_its_language(tag):
    from aidledger.cli.options import parse_lang

    assert parse_lang(tag) == (None if tag == "auto" else "fr")


@pytest.mark.parametrize("command", ["extract", "quotes", "ingest"])
def test_help_lists_every_input_format_and_limit(command):
    from aidledger.ingest.readers import SUPPORTED_SUFFIXES

    flat = _flat(run(command, "--help", timeout=60).stdout)
    assert all(suffix in flat for suffix in SUPPORTED_SUFFIXES), flat
    for limit in ("--max-bytes", "--timeout", "characters is extracted in sections"):
        assert limit in flat

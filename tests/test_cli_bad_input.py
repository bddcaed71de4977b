"""``aidledger extract`` on bad inputs: one line on stderr per bad input, good documents still extracted, exit 1.

Runs the installed command in a subprocess, so what is checked is what a user
sees: real stderr (no traceback, no library logging), real exit code.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

AIDLEDGER = Path(sys.executable).with_name("aidledger")

GOOD_TEXT = (
    "OSLO, 4 mars 2025 — La Norvège fournira à l'Ukraine une aide militaire de 500 millions de couronnes, "
    "a annoncé mardi le ministre de la Défense. Le paquet comprend des obus d'artillerie et des drones."
)


def _empty(tmp: Path) -> tuple[Path, str]:
    path = tmp / "empty.txt"
    path.write_bytes(b"")
    return path, f"{path}: empty file"


def _binary(tmp: Path) -> tuple[Path, str]:
    path = tmp / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    return path, f"{path}: binary file, not text"


def _huge(tmp: Path) -> tuple[Path, str]:
    path = tmp / "huge.txt"
    with path.open("wb") as fh:
        for _ in range(50):
            fh.write(b"Le Canada versera une aide. " * 37_450)  # ~1 MB each, 50 MB in all
    return path, f"{path}: file of"


def _broken_html(tmp: Path) -> tuple[Path, str]:
    path = tmp / "broken.html"
    path.write_bytes(b"<html><head><title>x</ti<<tle><body><script>var a = '</div>\x00\x01<<<>>></html></ht")
    return path, f"{path}: "


def _missing(tmp: Path) -> tuple[Path, str]:
    path = tmp / "does-not-exist.txt"
    return path, f"{path}: no such file or folder"


def _wrong_encoding(tmp: Path) -> tuple[Path, str]:
    path = tmp / "cyrillic.txt"
    path.write_bytes(
        "Правительство объявило о новой военной помощи Украине на сумму 100 миллионов евро.".encode("cp1251")
    )
    return path, f"{path}: undecodable text"


def _malformed_jsonl_line(tmp: Path) -> tuple[Path, str]:
    path = tmp / "wire.jsonl"
    lines = [
        json.dumps({"id": "wire-1", "text": GOOD_TEXT, "published": "2025-03-04", "lang": "fr"}),
        '{"id": "wire-2", "text": "La France annoncera',
        json.dumps({"id": "wire-3", "text": GOOD_TEXT, "published": "2025-03-05", "lang": "fr"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, f"{path}:2: malformed JSON"


BAD_INPUTS: dict[str, Callable[[Path], tuple[Path, str]]] = {
    "empty": _empty,
    "binary": _binary,
    "50MB": _huge,
    "broken-html": _broken_html,
    "missing": _missing,
    "wrong-encoding": _wrong_encoding,
    "malformed-jsonl-line": _malformed_jsonl_line,
}


def run_extract(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(AIDLEDGER), "extract", *map(str, paths)], capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory) -> tuple[dict[str, tuple[Path, str]], Path, subprocess.CompletedProcess[str]]:
    """One ``aidledger extract`` over every bad input and a good file (spaCy loads once for all cases)."""
    tmp = tmp_path_factory.mktemp("bad") / "articles-received-overnight-from-the-wire-service"  # lines over 80 columns
    tmp.mkdir()
    cases = {name: make(tmp) for name, make in BAD_INPUTS.items()}
    good = tmp / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    return cases, good, run_extract(*(path for path, _ in cases.values()), good)


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_reported_on_exactly_one_stderr_line_naming_it(bad_run, case):
    cases, _, result = bad_run
    path, expected_error = cases[case]
    naming = [line for line in result.stderr.splitlines() if str(path) in line]
    assert len(naming) == 1, result.stderr
    assert expected_error in naming[0]


def test_stderr_has_one_line_per_bad_input_and_no_traceback(bad_run):
    cases, _, result = bad_run
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == len(cases), result.stderr


def test_good_documents_are_still_extracted_beside_bad_ones(bad_run):
    _, good, result = bad_run
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["wire-1", "wire-3", str(good)]


def test_exit_code_is_non_zero_when_an_input_failed(bad_run):
    assert bad_run[2].returncode != 0


def test_good_inputs_alone_exit_zero_with_nothing_on_stderr(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    result = run_extract(good)
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["id"] == str(good)


def test_an_unknown_language_option_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "La France va fournir 10 millions d'euros au Liban, a annoncé mardi le ministre.", encoding="utf-8"
    )
    result = subprocess.run(
        [str(AIDLEDGER), "extract", str(article), "--lang", "klingon"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "not a language code" in result.stderr

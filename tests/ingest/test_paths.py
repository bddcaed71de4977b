"""Paths: folders, missing paths, the caller's language and date."""

from __future__ import annotations

import json
import os

import pytest


def test_folder_is_read_recursively_in_sorted_order_skipping_unsupported_and_hidden(tmp_path, read_all, article_fr):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text(article_fr, encoding="utf-8")
    (tmp_path / "a.txt").write_text(article_fr, encoding="utf-8")
    (tmp_path / "notes.md").write_text(article_fr, encoding="utf-8")
    (tmp_path / ".git" / "c.txt").write_text(article_fr, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j1", "text": article_fr}) + "\n", encoding="utf-8")
    docs, errors = read_all(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt"), "j1"]


def test_folder_with_nothing_readable_is_an_error(tmp_path, read_all):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    docs, errors = read_all(tmp_path)
    assert docs == [] and errors[0].source == str(tmp_path)


def test_missing_path_is_an_error_and_later_paths_are_still_read(tmp_path, read_all, article_fr):
    good = tmp_path / "good.txt"
    good.write_text(article_fr, encoding="utf-8")
    docs, errors = read_all(tmp_path / "nope.txt", good)
    assert [d.id for d in docs] == [str(good)]
    assert str(errors[0]) == f"{tmp_path / 'nope.txt'}: no such file or folder"


def test_unreadable_file_is_an_error(tmp_path, read_all, article_fr):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = tmp_path / "secret.txt"
    path.write_text(article_fr, encoding="utf-8")
    path.chmod(0)
    try:
        docs, errors = read_all(path)
    finally:
        path.chmod(0o644)
    assert docs == [] and str(errors[0]) == f"{path}: Permission denied"


def test_error_message_is_one_line_even_when_the_path_has_newlines(tmp_path, read_all):
    docs, errors = read_all(tmp_path / "two\nlines.txt")
    assert "\n" not in str(errors[0])

"""The YAML data files the package ships: read so that words stay words."""

from __future__ import annotations

from pathlib import Path

import pytest

import dragoman
from dragoman.datafile import read_yaml

_FILES = sorted(Path(dragoman.__file__).parent.rglob("*.yaml"))


def test_the_package_ships_yaml_data():
    assert len(_FILES) >= 10


def test_yaml_1_1_booleans_are_words_and_true_false_are_booleans():
    data = read_yaml("stop: [of, on, no, off, yes, the]\nflag: true\nother: false\n")
    assert data == {"stop": ["of", "on", "no", "off", "yes", "the"], "flag": True, "other": False}


def _booleans_in_lists(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _booleans_in_lists(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, bool):
                yield f"{path}[{i}]"
            yield from _booleans_in_lists(v, f"{path}[{i}]")


@pytest.mark.parametrize("path", _FILES, ids=lambda p: str(p.relative_to(Path(dragoman.__file__).parent)))
def test_no_word_list_holds_a_boolean(path):
    found = list(_booleans_in_lists(read_yaml(path.read_text(encoding="utf-8"))))
    assert not found, f"{path.name}: a list item read as a boolean at {found}: quote the word"


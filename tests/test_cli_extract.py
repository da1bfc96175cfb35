"""`dragoman extract` on real text, and every bad input of the core issue: one clear line each,
the other inputs still processed, a non-zero exit and a summary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED_DIR

DRAGOMAN = [sys.executable, "-m", "dragoman.cli.run", "extract"]

GOOD = ("GENEVA - The foreign ministers of Iran and Oman met in Geneva on Monday to discuss shipping "
        "in the Strait of Hormuz, the Omani foreign ministry said in a statement.\n")


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(DRAGOMAN + list(args), input=stdin, check=False, capture_output=True, cwd=cwd or ROOT, timeout=300)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("inputs")
    files = {}
    files["good"] = d / "good.txt"
    files["good"].write_text(GOOD, encoding="utf-8")
    files["jsonl"] = d / "batch.jsonl"
    files["jsonl"].write_text(
        json.dumps({"id": "one", "text": GOOD, "published": "2021-06-07", "title": "Iran and Oman"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "empty", "text": "   "}) + "\n"
        + json.dumps({"id": "two", "text": "Kenyan police arrested twelve protesters in Nairobi on Friday."}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    files["empty"] = d / "empty.txt"
    files["empty"].write_text("\n\n  \n", encoding="utf-8")
    files["latin1"] = d / "latin1.txt"
    files["latin1"].write_bytes("Le président français a rencontré le ministre à Genève.".encode("latin-1"))
    files["binary"] = d / "image.txt"
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    files["huge"] = d / "huge.txt"
    with open(files["huge"], "wb") as fh:  # 50 MB + 1 byte of text, written sparsely fast
        line = (GOOD * 10).encode()
        while fh.tell() <= 50_000_000:
            fh.write(line)
    files["missing"] = d / "does-not-exist.txt"
    return files


def test_extract_seed_prints_one_pretty_record():
    r = run(str(SEED_DIR / "article.txt"))
    assert r.returncode == 0, r.stderr.decode()
    rec = json.loads(r.stdout)
    text = (SEED_DIR / "article.txt").read_text(encoding="utf-8")
    assert rec["text"] == text  # the input text exactly as given
    assert rec["dragoman_version"]
    assert rec["dateline"] == "KABUL" and rec["agency"] == "ATN"
    assert rec["reference_date"]["source"] == "page" and rec["reference_date"]["trusted"] is False
    s, e = rec["chrome"]["title"]
    assert text[s:e] == rec["title"]
    assert "’" in r.stdout.decode("utf-8")  # UTF-8, non-ASCII unescaped


def test_published_option_sets_trusted_reference(inputs):
    r = run(str(inputs["good"]), "--published", "2021-06-08")
    assert r.returncode == 0, r.stderr.decode()
    rec = json.loads(r.stdout)
    assert rec["reference_date"] == {"date": "2021-06-08", "source": "user", "trusted": True}


def test_bad_published_value_is_a_clean_error(inputs):
    r = run(str(inputs["good"]), "--published", "next week")
    assert r.returncode == 1
    assert b"Traceback" not in r.stderr
    assert b"--published" in r.stderr and b"YYYY-MM-DD" in r.stderr


def test_every_bad_input_is_named_and_the_rest_goes_on(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    args = [str(inputs[k]) for k in ("good", "jsonl", "empty", "latin1", "binary", "huge", "missing")]
    r = run(*args, "-o", str(out))
    err = r.stderr.decode()
    assert r.returncode == 1
    assert "Traceback" not in err
    lines = [l for l in err.splitlines() if l.startswith("error:")]
    # one line per failed input, naming it (with the JSONL line number) and the problem
    assert any(f"{inputs['jsonl']}:2" in l and "invalid JSON" in l for l in lines), err
    assert any(f"{inputs['jsonl']}:3" in l and "empty" in l for l in lines), err
    assert any(str(inputs["empty"]) in l and "empty" in l for l in lines), err
    assert any(str(inputs["latin1"]) in l and "not UTF-8" in l and "--encoding" in l for l in lines), err
    assert any(str(inputs["binary"]) in l and "binary" in l for l in lines), err
    assert any(str(inputs["huge"]) in l and "MB" in l for l in lines), err
    assert any(str(inputs["missing"]) in l and "cannot read" in l for l in lines), err
    assert len(lines) == 7, err
    assert "3 articles coded, 7 failed" in err
    recs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs][1:] == ["one", "two"]
    assert recs[1]["reference_date"] == {"date": "2021-06-07", "source": "metadata", "trusted": True}


def test_encoding_option_reads_latin1(inputs):
    r = run(str(inputs["latin1"]), "--encoding", "latin-1")
    assert r.returncode == 0, r.stderr.decode()
    assert "président" in json.loads(r.stdout)["text"]


def test_encoding_option_is_honoured_for_utf16_without_bom(tmp_path):
    """An explicit --encoding is honoured: BOM-less UTF-16 is text, not 'binary' (issue 17, row 14)."""
    path = tmp_path / "utf16.txt"
    path.write_bytes(GOOD.encode("utf-16-le"))
    r = run(str(path), "--encoding", "utf-16-le")
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads(r.stdout)["text"] == GOOD
    r = run(str(path))  # without it: refused, and the message says what to pass
    assert r.returncode == 1 and b"--encoding utf-16-le" in r.stderr


def test_stdin_and_jsonl_flag():
    r = run("-", "--jsonl", stdin=GOOD.encode())
    assert r.returncode == 0, r.stderr.decode()
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"] == GOOD


def test_python_api_matches_cli():
    import dragoman

    art = dragoman.extract(GOOD, published="2021-06-08")
    rec = art.to_dict()
    assert rec["reference_date"]["trusted"] is True
    assert rec["text"] == GOOD
    for s in art.sentences:
        assert GOOD[s.start:s.end] == s.text
    for t in art.tokens:
        assert GOOD[t.start:t.end] == t.text


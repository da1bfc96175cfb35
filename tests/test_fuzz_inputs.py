"""Property test: over 2,000 generated malformed pages, feeds, JSONL lines and files, every failure
is a documented ``DragomanError`` (or a ``Failure`` record) with a message; nothing else escapes.

Only the readers run here (no spaCy pipeline): the property is about inputs, not coding.
"""

from __future__ import annotations

import atexit
import io
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_ingest_support import generic_page

from dragoman.errors import DragomanError
from dragoman.ingest import read_inputs
from dragoman.ingest.feeds import read_feed
from dragoman.ingest.files import iter_jsonl
from dragoman.ingest.html import page_article
from dragoman.model import Article, Failure
from dragoman.settings import Settings

#: the error codes docs/inputs.md documents for inputs
DOCUMENTED = {"input", "encoding", "too_large", "empty", "format", "language", "fetch", "blocked_address", "robots", "skipped"}
SETTINGS = Settings.load(max_input_bytes=200_000, per_host_delay=0.0)
FUZZ = settings(max_examples=700, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])

PAGE = generic_page(3)
TAGS = ["html", "head", "body", "title", "meta", "p", "div", "article", "script", "style", "h1", "time", "a", "br",
        "!DOCTYPE html", "?xml version='1.0'", "!--", "![CDATA[", "svg", "math", "table", "iframe", "template"]
FRAGMENTS = [
    '<meta charset="utf-16">', '<meta charset="x-nonsense">', '<meta http-equiv="Content-Type" content="text/html; charset=latin1">',
    '<meta property="article:published_time" content="2021-13-45T99:99">', '<meta property="og:title" content="">',
    '<script type="application/ld+json">{"datePublished": [1, {"a": null}], "@graph": [[[]]]}</script>',
    '<script type="application/ld+json">{bad json</script>', '<time datetime="0000-00-00">x</time>',
    '<html lang="zz-Latn">', '<link rel="canonical" href="javascript:alert(1)">', "&#0;&#xD800;&bogus;&amp",
    "<p>" + "The minister said on Tuesday that the talks would resume. " * 3 + "</p>", "\x00", "\ufeff", "\x1b[31m",
    "<" * 50, "<div>" * 300, "</div>" * 50, "<p>Le ministre a rencontré son homologue.</p>",
]


def _check_error(e: BaseException) -> None:
    assert isinstance(e, DragomanError), f"{type(e).__name__}: {e}"
    assert e.code in DOCUMENTED, e.code
    assert e.message and str(e)


def _check_items(items) -> None:
    for item in items:
        assert isinstance(item, (Article, Failure)), type(item)
        if isinstance(item, Failure):
            assert item.code in DOCUMENTED and item.message and item.source, item
        else:
            assert item.text.strip()


markup = st.lists(
    st.one_of(
        st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
        st.sampled_from(TAGS).map(lambda t: f"</{t.split()[0]}>"),
        st.sampled_from(FRAGMENTS),
        st.text(max_size=40),
    ),
    max_size=30,
).map("".join)

pages = st.one_of(
    markup,
    st.builds(lambda cut: PAGE[:cut], st.integers(0, len(PAGE))),  # truncated pages
    st.builds(lambda cut, junk: PAGE[:cut] + junk + PAGE[cut:], st.integers(0, len(PAGE)), markup),
)
page_bytes = st.one_of(
    st.binary(max_size=600),
    st.tuples(pages, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "utf-32"]))
    .map(lambda pe: pe[0].encode(pe[1], errors="replace")),
    st.tuples(st.binary(max_size=50), pages).map(lambda bp: bp[0] + bp[1].encode("utf-8")),
)


@FUZZ
@given(data=st.one_of(pages, page_bytes), charset=st.sampled_from([None, "utf-8", "bogus-charset", "utf-16", "cp1252"]))
def test_malformed_pages(data, charset):
    try:
        art = page_article(data, "fuzz.html", SETTINGS, charset=charset, url="http://news.example.org/x")
    except Exception as e:  # noqa: BLE001 - the property: only documented errors
        _check_error(e)
    else:
        assert isinstance(art, Article) and art.text.strip()


FEED_HEAD = ['<?xml version="1.0"?>', "", "\ufeff", '<?xml version="1.0" encoding="iso-8859-1"?>',
             "<!DOCTYPE rss>", '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '<!DOCTYPE x SYSTEM "http://127.0.0.1/x.dtd">']
ITEM_PARTS = ["<title>T</title>", "<link>http://127.0.0.1:9/x</link>", "<link></link>", "<pubDate>Tue, 99 Oct 2020</pubDate>",
              "<pubDate>Tue, 27 Oct 2020 09:30:00 GMT</pubDate>", "<published>2021-05-01T10:00:00Z</published>",
              "<description><![CDATA[<p>" + "The army withdrew from the town on Monday after talks. " * 3 + "</p>]]></description>",
              "<description>&lt;p&gt;x&lt;/p&gt;</description>", "<content:encoded>&a;</content:encoded>", "&#0;", "<item>", "</item>"]
feeds = st.builds(
    lambda head, root, items, tail: f"{head}<{root}>{''.join(items)}{tail}",
    st.sampled_from(FEED_HEAD),
    st.sampled_from(["rss", "rss version='2.0'><channel", "feed xmlns='http://www.w3.org/2005/Atom'", "html", "rdf:RDF", "channel"]),
    st.lists(st.one_of(st.sampled_from(ITEM_PARTS), st.text(max_size=20)), max_size=20),
    st.sampled_from(["", "</channel></rss>", "</feed>", "</rss>", "</html>"]),
)


@settings(parent=FUZZ, max_examples=700)
@given(feed=st.one_of(feeds, st.binary(max_size=300).map(lambda b: b.decode("latin-1"))),
       encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_malformed_feeds(feed, encoding):
    data = feed.encode(encoding, errors="replace")
    try:
        _check_items(read_feed(data, "fuzz.rss", SETTINGS, None))
    except Exception as e:  # noqa: BLE001
        _check_error(e)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {}, optional={"id": json_values, "text": st.one_of(st.text(max_size=80), json_values), "title": json_values,
                  "url": json_values, "published": st.one_of(st.text(max_size=25), json_values)},
)
lines = st.one_of(
    records.map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=60),
    records.map(lambda r: json.dumps(r)[:-1]),  # truncated
)


@settings(parent=FUZZ, max_examples=500)
@given(batch=st.lists(lines, min_size=1, max_size=6))
def test_malformed_jsonl_lines(batch):
    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in batch) + "\n"
    _check_items(iter_jsonl(io.StringIO(text), "fuzz.jsonl", SETTINGS))


_TMP = Path(tempfile.mkdtemp(prefix="dragoman-fuzz-"))
atexit.register(shutil.rmtree, _TMP, True)


@settings(parent=FUZZ, max_examples=200)
@given(body=st.one_of(page_bytes, feeds.map(str.encode), st.binary(max_size=200).map(lambda b: b"WARC/1.0\r\n" + b),
                      st.binary(max_size=200).map(lambda b: b"\x1f\x8b\x08" + b)),
       ext=st.sampled_from([".html", ".xml", ".rss", ".warc", ".warc.gz", ".jsonl", ".txt", ""]))
def test_malformed_files_through_read_inputs(body, ext):
    path = _TMP / f"input{ext}"
    path.write_bytes(body)
    items = list(read_inputs([str(path)], SETTINGS))
    # every input gives at least one record (a JSONL file of blank lines holds no records: nothing to say)
    assert items or (ext == ".jsonl" and not body.strip()), "no record and no failure"
    _check_items(items)

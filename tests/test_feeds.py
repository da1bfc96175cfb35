"""RSS/Atom feeds from a loopback server: each entry's page fetched, the entry's date trusted;
XML bombs, HTML posing as a feed and broken entries give one failure each."""

from __future__ import annotations

import pytest
from test_ingest_support import LocalServer, Route, generic_page, loopback_settings

from dragoman.errors import FormatError
from dragoman.ingest import read_inputs
from dragoman.ingest.feeds import check_feed, read_feed
from dragoman.model import Article, Failure

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World news</title><link>{base}/</link><description>d</description>
<item><title>Ministers meet (1)</title><link>{base}/news/1.html</link><pubDate>Tue, 27 Oct 2020 09:30:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/news/gone.html</link><pubDate>Mon, 26 Oct 2020 09:30:00 GMT</pubDate></item>
<item><title>Ministers meet (2)</title><link>{base}/news/2.html</link><pubDate>Sun, 25 Oct 2020 23:30:00 -0500</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id><updated>2021-05-02T10:00:00Z</updated>
<entry><title>Ministers meet (3)</title><id>urn:3</id><link href="{base}/news/3.html"/><published>2021-05-01T10:00:00Z</published><updated>2021-05-02T10:00:00Z</updated></entry>
</feed>"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><link>http://127.0.0.1/x</link></item></channel></rss>"""

XXE = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title></channel></rss>"""


@pytest.fixture(scope="module")
def server():
    srv = LocalServer("127.0.0.1")
    yield srv
    srv.close()


@pytest.fixture(autouse=True)
def _routes(server):
    server.reset()
    server.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
    for i in (1, 2, 3):
        server.routes[f"/news/{i}.html"] = Route(generic_page(i).encode("utf-8"))
    base = f"http://127.0.0.1:{server.port}"
    server.routes["/feed.rss"] = Route(RSS.format(base=base).encode("utf-8"), content_type="application/rss+xml")
    server.routes["/feed.atom"] = Route(ATOM.format(base=base).encode("utf-8"), content_type="application/atom+xml")
    server.routes["/bomb.rss"] = Route(BOMB.encode("utf-8"), content_type="application/rss+xml")
    server.routes["/xxe.rss"] = Route(XXE.encode("utf-8"), content_type="application/xml")
    server.routes["/notafeed.rss"] = Route(generic_page(9).encode("utf-8"), content_type="application/rss+xml")


def test_rss_entries_fetched_with_trusted_dates(server):
    out = list(read_inputs([server.url("/feed.rss")], loopback_settings()))
    assert [type(x).__name__ for x in out] == ["Article", "Failure", "Article"]
    a1, gone, a2 = out
    assert a1.reference_date.date == "2020-10-27" and a1.reference_date.trusted and a1.reference_date.source == "metadata"
    assert a2.reference_date.date == "2020-10-25"  # the publisher's own day, not shifted to UTC
    assert "(1)" in a1.title and a1.meta["format"] == "feed" and a1.meta["entry"] == 1
    assert gone.code == "fetch" and "404" in gone.message and gone.source.endswith("/news/gone.html")


def test_atom_feed(server):
    [art] = list(read_inputs([server.url("/feed.atom")], loopback_settings()))
    assert isinstance(art, Article) and art.reference_date.date == "2021-05-01" and art.reference_date.trusted


def test_xml_bomb_and_external_entity_refused(server):
    out = list(read_inputs([server.url("/bomb.rss"), server.url("/xxe.rss"), server.url("/feed.atom")], loopback_settings()))
    assert [getattr(x, "code", "ok") for x in out] == ["format", "format", "ok"]
    assert "XML bomb" in out[0].message or "DTD" in out[0].message
    assert "/news/3.html" in server.paths()
    assert not any("passwd" in p for p in server.paths())


def test_feed_that_is_really_html(server):
    [f] = list(read_inputs([server.url("/notafeed.rss")], loopback_settings()))
    assert isinstance(f, Failure) and f.code == "format" and "HTML page, not a feed" in f.message


def test_local_feed_file_and_entry_content(tmp_path):
    body = "<p>" + " ".join(["The parliament approved the new security law on Wednesday after a long debate."] * 4) + "</p>"
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Parliament approves law</title><description><![CDATA[{body}]]></description><pubDate>Wed, 03 Mar 2021 10:00:00 GMT</pubDate></item>
</channel></rss>"""
    path = tmp_path / "news.xml"
    path.write_text(feed, encoding="utf-8")
    [art] = list(read_inputs([str(path)], loopback_settings()))
    assert isinstance(art, Article) and "security law" in art.text and art.reference_date.date == "2021-03-03"
    assert art.title == "Parliament approves law"


def test_check_feed_refusals():
    for bad, why in [(b"", "empty"), (b"<html><body>hi</body></html>", "HTML"), (BOMB.encode(), "DTD"),
                     (b"<rss><channel>", "well-formed"), (b"<svg></svg>", "root element")]:
        with pytest.raises(Exception) as err:
            check_feed(bad, "f.xml")
        assert why in str(err.value) and getattr(err.value, "code", None) in {"format", "empty"}
    with pytest.raises(FormatError):
        list(read_feed(BOMB.encode(), "f.xml", loopback_settings(), None))

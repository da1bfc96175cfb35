"""One rule says whether a text is HTML (``dragoman.ingest.html.looks_like_html``), and the command line
and the API follow it alike: a page or a fragment of one (``<div>``, ``<p>``) is read as a page, its story
coded without its tags; anything else is coded as it is."""

from __future__ import annotations

import pytest

from dragoman.api.extraction import record_article
from dragoman.ingest import read_inputs
from dragoman.ingest.html import looks_like_html
from dragoman.model import Article
from dragoman.settings import Settings

SETTINGS = Settings()

STORY = ("KABUL - The Afghan government and the Taliban resumed peace talks in Doha on Monday after a pause of "
         "two weeks, officials from both sides said, and agreed to meet again before the end of the month.")
MORE = ("The talks, hosted by Qatar, are meant to end decades of war. Diplomats said the two delegations discussed "
        "a ceasefire and the release of prisoners held by both sides.")

HTML = {
    "div fragment": f"<div class='story'><p>{STORY}</p><p>{MORE}</p></div>",
    "p fragment": f"<p>{STORY}</p>\n<p>{MORE}</p>",
    "article": f"<article><h1>Talks resume</h1><p>{STORY}</p><p>{MORE}</p></article>",
    "page with BOM and blanks": f"\ufeff \n<!DOCTYPE html><html><head><title>Talks resume</title></head>"
                                f"<body><article><p>{STORY}</p><p>{MORE}</p></article></body></html>",
    "comment first": f"<!-- saved from example.org -->\n<html><body><p>{STORY}</p><p>{MORE}</p></body></html>",
    "XML declaration first": f'<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>{STORY}</p><p>{MORE}</p>'
                             "</body></html>",
}
TEXT = {
    "plain story": f"{STORY}\n\n{MORE}",
    "a tag later in the text": f"{STORY} The statement was posted as <div> markup. {MORE}",
    "an angle bracket first": f"<3 {STORY}\n\n{MORE}",
    "a pre element": f"<pre>{STORY}</pre>",
}


@pytest.mark.parametrize("name", sorted(HTML))
def test_pages_and_fragments_look_like_html(name):
    assert looks_like_html(HTML[name])


@pytest.mark.parametrize("name", sorted(TEXT))
def test_text_does_not(name):
    assert not looks_like_html(TEXT[name])


def _from_file(tmp_path, text: str) -> Article:
    path = tmp_path / "story.txt"  # the name says nothing: only the start of the text decides
    path.write_text(text, encoding="utf-8")
    (art,) = list(read_inputs([str(path)], SETTINGS))
    assert isinstance(art, Article), art
    return art


@pytest.mark.parametrize("name", sorted(HTML) + sorted(TEXT))
def test_the_command_line_and_the_api_read_a_text_alike(tmp_path, name):
    """The same text in a file (``dragoman extract story.txt``) and in a request (``{"text": …}``): both read
    as a page, the same story, or both as the text itself."""
    text = HTML.get(name) or TEXT[name]
    cli = _from_file(tmp_path, text)
    api = record_article({"text": text}, "request", SETTINGS)
    is_page = name in HTML
    assert (cli.meta["format"] == "html") is is_page
    assert (api.meta["format"] == "html") is is_page
    assert cli.text == api.text
    if is_page:
        assert "<" not in cli.text and STORY in cli.text and MORE in cli.text
    else:
        assert cli.text == text

"""Web pages → articles: the story without chrome, the right title, dates and their trust,
encodings without mojibake, non-English pages refused.  The seed page is built at test time."""

from __future__ import annotations

import json

import pytest
from conftest import SEED_DIR
from test_ingest_support import MASTHEAD_DATE, newspaper_page, split_article

from dragoman.errors import EmptyInputError, FormatError, LanguageError
from dragoman.ingest import read_inputs
from dragoman.ingest.html import page_article
from dragoman.model import Article, Failure
from dragoman.settings import Settings

SETTINGS = Settings()


@pytest.fixture(scope="module")
def seed_parts():
    text = (SEED_DIR / "article.txt").read_text(encoding="utf-8")
    return split_article(text)


def _actor_names(article: Article) -> set[str]:
    return {a.name for a in article.actors}


def _event_keys(article: Article) -> set[tuple[str, str | None]]:
    return {(e.type, e.mode) for e in article.events}


def test_seed_page_codes_like_the_plain_text(pipeline, seed_article, seed_parts):
    title, paras = seed_parts
    page = newspaper_page(title, paras)
    art = page_article(page.encode("utf-8"), "seed.html", SETTINGS)
    # the story only: no menu, logo, share buttons, related links or footer
    for chrome in ("The Daily Outlook", "Share on Facebook", "Related news", "Cabinet approves", "Copyright", "Privacy"):
        assert chrome not in art.text, chrome
    for p in paras:
        assert p in art.text
    assert art.title == title  # not the logo <h1>
    # the masthead's rendered date is the only date: kept, but untrusted
    assert art.reference_date.source == "page" and art.reference_date.trusted is False
    assert art.reference_date.date == "2024-04-27"
    assert art.url == "https://outlook.example.org/news/peace-talks-envoys"
    coded = pipeline(art)
    assert coded.title == title
    # the same parse: the page's story holds the plain text's named entities, no more, no fewer
    assert {(e.text, e.label) for e in coded.entities} == {(e.text, e.label) for e in seed_article.entities}
    assert _actor_names(coded) == _actor_names(seed_article)
    assert _event_keys(coded) == _event_keys(seed_article)
    assert {e.type for e in coded.events} == {e.type for e in seed_article.events}
    # every offset indexes the extracted story
    for a in coded.actors:
        for m in a.mentions:
            assert coded.text[m.start : m.end] == m.text


def test_published_time_meta_gives_a_trusted_date(seed_parts):
    title, paras = seed_parts
    page = newspaper_page(title, paras, published="2020-10-27T16:05:00+04:30", og_title=True)
    art = page_article(page, "seed.html", SETTINGS)
    assert art.reference_date.date == "2020-10-27"
    assert art.reference_date.source == "metadata" and art.reference_date.trusted
    assert art.meta["date_source"] == "meta article:published_time"
    assert art.title == title


def test_json_ld_time_and_url_dates():
    paras = ["The defence minister visited troops on the border on Friday and promised new equipment for the army units stationed there."] * 3
    base = newspaper_page("Minister visits border troops", paras)
    ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Minister visits the border","datePublished":"2021-03-05T08:00:00Z","author":{"@type":"Person","name":"Jane Reporter"}}]}</script>'
    art = page_article(base.replace("</head>", ld + "</head>"), "ld.html", SETTINGS)
    assert (art.reference_date.date, art.reference_date.trusted) == ("2021-03-05", True)
    assert art.author == "Jane Reporter"
    timed = base.replace("<h2 class", '<time datetime="2019-07-01T10:00">1 July</time><h2 class')
    art = page_article(timed, "time.html", SETTINGS)
    assert (art.reference_date.date, art.meta["date_source"]) == ("2019-07-01", "time in article")
    art = page_article(base, "url.html", SETTINGS, url="https://ex.example.org/2018/02/14/minister-visits")
    assert art.reference_date.date == "2018-02-14" and art.reference_date.trusted


def test_logo_h1_is_never_the_title():
    paras = ["Protesters gathered outside parliament on Sunday demanding the resignation of the interior minister over the police response."] * 3
    page = newspaper_page("Protesters demand minister's resignation", paras).replace(
        "<title>Protesters demand minister's resignation | The Daily Outlook</title>", "<title>The Daily Outlook</title>"
    ).replace('<meta property="og:site_name"', "")
    page = page.replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta property="og:site_name" content="The Daily Outlook">')
    art = page_article(page, "logo.html", SETTINGS)
    assert art.title == "Protesters demand minister's resignation"


def test_article_header_headline_beats_sidebar_headings():
    paras = ["Rebels attacked an army base in the north on Saturday, killing four soldiers, the military said in a statement."] * 3
    body = "".join(f"<p>{p}</p>" for p in paras)
    page = (
        "<html><head><title>Home</title></head><body><header><h1><a href='/'>Site</a></h1></header><main>"
        "<section><h2>Most read stories this week</h2></section>"
        f"<article><header><h1>Rebels attack army base in the north</h1>"
        f"<time datetime='2022-06-04T09:00:00Z'>4 June</time></header>{body}</article></main></body></html>"
    )
    art = page_article(page, "h.html", SETTINGS)
    assert art.title == "Rebels attack army base in the north"
    assert art.reference_date.date == "2022-06-04" and art.reference_date.trusted


@pytest.mark.parametrize("codec,declare", [("cp1252", "windows-1252"), ("latin-1", "iso-8859-1"), ("cp1252", None),
                                            ("utf-16", None), ("utf-16-le", None), ("utf-8", None)])
def test_encodings_without_mojibake(codec, declare, tmp_path):
    paras = ["The minister’s “peace plan” — welcomed by Café owners in the capital — was rejected by the opposition on Tuesday, officials said.",
             "Talks will resume next week, according to a statement from the foreign ministry in the capital city."]
    if codec == "latin-1":
        paras = [p.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-") for p in paras]
    page = newspaper_page("Opposition rejects the minister’s plan" if codec != "latin-1" else "Opposition rejects the plan", paras)
    if declare:
        page = page.replace('<meta charset="utf-8">', f'<meta http-equiv="Content-Type" content="text/html; charset={declare}">')
    else:
        page = page.replace('<meta charset="utf-8">', "")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(codec))
    [art] = list(read_inputs([str(path)], SETTINGS))
    assert isinstance(art, Article), art
    assert "Café" in art.text and "â€" not in art.text and "Ã" not in art.text
    if codec != "latin-1":
        assert "minister’s “peace plan” —" in art.text


def test_header_charset_wins_over_detection():
    page = newspaper_page("Ministers sign a trade deal", ["The ministers signed a trade deal in Ankara on Monday, a statement from the ministry said on Tuesday."] * 3)
    data = page.replace('<meta charset="utf-8">', "").replace("Ankara", "Ankara’s").encode("cp1252")
    art = page_article(data, "h.html", SETTINGS, charset="windows-1252")
    assert "Ankara’s" in art.text


def test_non_english_page_is_refused_with_a_reason():
    fr = ["Le ministre des affaires étrangères a rencontré son homologue allemand lundi à Paris pour discuter de la crise.",
          "Les deux pays ont signé un accord sur la sécurité des frontières et la coopération économique dans la région.",
          "Selon le communiqué, les discussions ont porté sur la situation en Ukraine et sur les sanctions contre la Russie."]
    page = newspaper_page("Le ministre rencontre son homologue", fr, lang="fr")
    with pytest.raises(LanguageError) as err:
        page_article(page, "fr.html", SETTINGS)
    assert err.value.code == "language" and "not in English" in err.value.message and "French" in err.value.message
    # mis-declared as English: the words decide
    with pytest.raises(LanguageError):
        page_article(page.replace('lang="fr"', 'lang="en"'), "fr.html", SETTINGS)


def test_truncated_empty_and_binary_pages(tmp_path):
    page = newspaper_page("Troops withdraw from the town", ["Government troops withdrew from the town on Thursday after a week of heavy fighting with rebel forces, residents said."] * 4)
    art = page_article(page[: len(page) * 2 // 3], "trunc.html", SETTINGS)  # cut mid-document
    assert "Government troops withdrew" in art.text
    with pytest.raises(EmptyInputError):
        page_article("<html><body><nav><a href='/'>Home</a></nav></body></html>", "nav.html", SETTINGS)
    with pytest.raises(FormatError):
        page_article(bytes(range(256)) * 50, "bin.html", SETTINGS)
    # through read_inputs: one failure line each, the good page still comes through
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (tmp_path / "c.html").write_text("", encoding="utf-8")
    out = list(read_inputs([str(tmp_path)], SETTINGS))
    kinds = [(type(x).__name__, getattr(x, "code", None)) for x in out]
    assert kinds == [("Article", None), ("Failure", "format"), ("Failure", "empty")]
    assert all(str(tmp_path) in x.source for x in out if isinstance(x, Failure))


def test_html_on_stdin_and_text_still_text(tmp_path):
    # plain text and JSONL behave as before
    (tmp_path / "a.txt").write_text("KABUL - The ministers met on Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "x1", "text": "The ministers met."}) + "\n{bad\n", encoding="utf-8")
    out = list(read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")], SETTINGS))
    assert isinstance(out[0], Article) and out[0].text.startswith("KABUL")
    assert isinstance(out[1], Article) and out[1].id == "x1"
    assert isinstance(out[2], Failure) and out[2].source.endswith("b.jsonl:2")


def test_masthead_date_text_is_rendered(seed_parts):
    """Guard the fixture itself: the masthead really shows a date the reader must not trust."""
    title, paras = seed_parts
    assert MASTHEAD_DATE in newspaper_page(title, paras)


def test_a_photo_captions_date_is_not_the_pages():
    """A date in a photo's caption or credit is the photo's: with no other date, the page has none."""
    body = " ".join(["The council met on Tuesday to discuss the budget and the new bus routes for the city."] * 4)
    page = (
        "<html><head><title>Council debates budget</title></head><body><article><h1>Council debates budget</h1>"
        "<figure><img src='a.jpg'><figcaption>Protesters outside city hall on May 18, 2018.</figcaption></figure>"
        f"<p>{body}</p><div class='image'><span class='photo-credit'>Taken on August 8, 2017.</span></div>"
        f"<p>{body}</p></article></body></html>")
    art = page_article(page, "council.html", SETTINGS)
    assert art.reference_date is None or art.reference_date.date not in ("2018-05-18", "2017-08-08"), art.reference_date
    dated = page.replace("<body>", "<body><header><span class='today'>Tuesday, November 19, 2019</span></header>")
    assert page_article(dated, "council.html", SETTINGS).reference_date.date == "2019-11-19"

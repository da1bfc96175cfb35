"""A web page → an input ``Article``: the story, its title, date (and how far to trust it), author,
canonical URL and language.

The story text comes from trafilatura (menus, footers, share buttons and related links left out);
the record's ``text`` is that story, and every offset indexes it.  The metadata is read here, not
taken from trafilatura, because trafilatura takes a site's logo ``<h1>`` for the title and, like
htmldate, returns a masthead's "today" as the publication date.  So:

* title: ``og:title`` and friends, JSON-LD ``headline``, the article's own headline element, the
  ``<title>`` without its "| Site" suffix — never a heading marked (or placed) as the site's logo;
* date: ``<meta>`` tags, JSON-LD ``datePublished``, ``<time datetime>`` in the article, the URL:
  ``ReferenceDate(day, "metadata", True)``; a date found only in page chrome (a masthead) is
  ``ReferenceDate(day, "page", False)``; a date given by the caller (a feed entry) wins;
* language: the declared language and the share of English function words; a page that is not in
  English raises ``LanguageError`` instead of being mis-coded.

The lists of names live in ``data/html.yaml``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from dragoman.datafile import read_yaml
from dragoman.errors import EmptyInputError, FormatError, InputError
from dragoman.ids import article_id
from dragoman.ingest.charset import check_text, decode_page
from dragoman.ingest.language import check_language
from dragoman.model import Article, ReferenceDate
from dragoman.settings import Settings
from dragoman.text.dates import FULL_DATE, match_to_date, parse_published

DATA = Path(__file__).with_name("data")
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:/|[-_.]|$)")
_URL_DATE_COMPACT = re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:/|[-_.]|$)")
_TITLE_SEP = re.compile(r"\s+[|–—·•:»]\s+|\s+-\s+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _conf() -> dict[str, Any]:
    
    return read_yaml((DATA / "html.yaml").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# parsing
# ---------------------------------------------------------------------------------------------


def parse_html(text: str, source: str) -> etree._Element:
    """Tolerant HTML parse (truncated pages are fine); ``FormatError`` when nothing is there."""
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str input with an encoding declaration
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as e:
        raise FormatError(f"cannot parse the HTML: {e}", source=source, hint="is this a web page?") from e
    if tree is None or len(tree) == 0:
        raise FormatError("the HTML holds no elements", source=source, hint="is this a web page?")
    return tree


def _attr_words(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _metas(tree: etree._Element) -> dict[str, str]:
    """``<meta>`` name/property/itemprop (lower-cased) → content, the first of each."""
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        content = m.get("content")
        if content is None or not content.strip():
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            k = (m.get(key) or "").strip().lower()
            if k and k not in out:
                out[k] = content.strip()
    return out


def _jsonld(tree: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page (``@graph`` and lists flattened); bad JSON is skipped."""
    objs: list[dict[str, Any]] = []

    def walk(x: Any, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(x, list):
            for y in x[:50]:
                walk(y, depth + 1)
        elif isinstance(x, dict):
            objs.append(x)
            if "@graph" in x:
                walk(x["@graph"], depth + 1)

    for s in tree.iter("script"):
        if (s.get("type") or "").strip().lower() != "application/ld+json" or not s.text:
            continue
        try:
            walk(json.loads(s.text[:500_000]))
        except (ValueError, RecursionError):
            continue
    return objs


def _in_chrome(el: etree._Element) -> bool:
    tags = set(_conf()["chrome_tags"])
    logo = _conf()["logo_words"]
    ancestors = [a for a in el.iterancestors() if isinstance(a.tag, str)]
    if any(a.tag == "article" for a in ancestors):
        return False  # an article's own <header> holds its headline and date
    return any(a.tag in tags or any(w in _attr_words(a) for w in logo) for a in ancestors)


def _is_logo(el: etree._Element, site: str | None) -> bool:
    words = _attr_words(el)
    if any(w in words for w in _conf()["logo_words"]):
        return True
    if el.tag in {"h1", "h2"} and _in_chrome(el):
        return True
    txt = _text(el)
    if site and txt.lower() == site.lower():
        return True
    links = el.findall(".//a")
    # a heading that only links home is the site's name
    return bool(links) and all(urlsplit(a.get("href") or "").path in {"", "/"} for a in links)


# ---------------------------------------------------------------------------------------------
# metadata
# ---------------------------------------------------------------------------------------------


def _day(value: Any, source: str) -> str | None:
    if not isinstance(value, str) or not value.strip() or len(value) > 80:
        return None
    try:
        day = parse_published(value.strip(), source=source)
    except InputError:
        return None
    year = int(day[:4])
    if year < 1900 or year > date.today().year + 1:
        return None
    return day


def _url_day(url: str | None) -> str | None:
    if not url:
        return None
    path = urlsplit(url).path
    for rx in (_URL_DATE, _URL_DATE_COMPACT):
        m = rx.search(path)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
            except ValueError:
                continue
    return None


def metadata_date(tree: etree._Element, metas: dict[str, str], jsonld: list[dict[str, Any]],
                  urls: tuple[str | None, ...], source: str) -> tuple[str, str, str] | None:
    """The publication date the page's own metadata states: ``(day, where found, the value as written)``."""
    for name in _conf()["date_meta"]:
        if name in metas and (d := _day(metas[name], source)):
            return d, f"meta {name}", metas[name]
    for key in _conf()["date_jsonld"]:
        for obj in jsonld:
            if d := _day(obj.get(key), source):
                return d, f"json-ld {key}", obj[key]
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        raw = el.get("datetime") or el.get("content") or _text(el)
        if d := _day(raw, source):
            return d, "itemprop datePublished", raw
    times = tree.xpath("//time[@datetime]")
    for el in times:
        if el.get("pubdate") is not None and (d := _day(el.get("datetime"), source)):
            return d, "time pubdate", el.get("datetime")
    for el in times:
        in_article = any(a.tag == "article" for a in el.iterancestors())
        if in_article and not _in_chrome(el) and (d := _day(el.get("datetime"), source)):
            return d, "time in article", el.get("datetime")
    for u in urls:
        if d := _url_day(u):
            return d, "url", d
    return None


def chrome_dates(tree: etree._Element) -> list[tuple[str, str]]:
    """Full dates in the page's visible text, in order, as ``(matched text, YYYY-MM-DD)``.

    Read before trafilatura cleans the tree; ``page_article`` keeps the first one that is not part
    of the story (a masthead's "today").  A photo's caption or credit (``caption_tags``, ``caption_words`` in
    the data file) is skipped: its date is the photo's ("on May 18, 2018" under a picture of 2019's story).
    """
    body = tree.find("body")
    if body is None:
        return []
    parts: list[str] = []
    conf = _conf()
    skip_tags = {"script", "style", "noscript", "template", *conf["caption_tags"]}
    captions = re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, conf["caption_words"])) + r")", re.IGNORECASE)
    skipped: set[etree._Element] = set()
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        if parent is not None and parent in skipped:
            skipped.add(el)  # inside a caption: only its tail is the page's
        elif el.tag in skip_tags or captions.search(f"{el.get('class', '')} {el.get('id', '')}"):
            skipped.add(el)
        if el in skipped:
            if el.tail and el.tail.strip() and (parent is None or parent not in skipped):
                parts.append(el.tail.strip())
            continue
        for t in (el.text, el.tail):
            if t and t.strip():
                parts.append(t.strip())
        if sum(map(len, parts)) > 20_000:
            break
    out = []
    for m in FULL_DATE.finditer("\n".join(parts)):
        d = match_to_date(m)
        if d and 1900 <= d.year <= date.today().year + 1:
            out.append((m.group(0), d.isoformat()))
        if len(out) >= 20:
            break
    return out


def _clean_title(t: str | None) -> str | None:
    if not t:
        return None
    t = " ".join(t.split())
    return t[:500] if t else None


def page_title(tree: etree._Element, metas: dict[str, str], jsonld: list[dict[str, Any]], site: str | None) -> str | None:
    for name in _conf()["title_meta"]:
        if name in metas and (t := _clean_title(metas[name])) and (not site or t.lower() != site.lower()):
            return t
    for obj in jsonld:
        if (t := _clean_title(obj.get("headline") if isinstance(obj.get("headline"), str) else None)):
            return t
    headline_words = _conf()["headline_words"]
    for xpath in ("//article//h1", "//main//h1", "//h1", "//article//h2", "//main//h2"):
        for el in tree.xpath(xpath):
            if _is_logo(el, site):
                continue
            t = _clean_title(_text(el))
            if t and len(t) >= 8:
                return t
    el_title = tree.find(".//title")
    if el_title is not None and (t := _clean_title(_text(el_title))):
        parts = [p.strip() for p in _TITLE_SEP.split(t) if p.strip()]
        if len(parts) > 1:
            parts = [p for p in parts if not site or p.lower() != site.lower()] or parts
            return max(parts, key=len)
        return t
    for el in tree.xpath("//*[@class or @id]"):
        if (el.tag in {"h2", "h3", "div", "span"} and any(w in _attr_words(el) for w in headline_words)
                and not _is_logo(el, site) and (t := _clean_title(_text(el))) and len(t) >= 8):
            return t
    return None


def page_author(metas: dict[str, str], jsonld: list[dict[str, Any]], fallback: str | None) -> str | None:
    for name in _conf()["author_meta"]:
        v = metas.get(name)
        if v and not v.lower().startswith(("http://", "https://")):
            return " ".join(v.split())[:200]
    for obj in jsonld:
        a = obj.get("author")
        if isinstance(a, list) and a:
            a = a[0]
        if isinstance(a, dict):
            a = a.get("name")
        if isinstance(a, str) and a.strip():
            return " ".join(a.split())[:200]
    return fallback


def canonical_url(tree: etree._Element, metas: dict[str, str], url: str | None) -> str | None:
    for href in [*tree.xpath('//link[@rel="canonical"]/@href'), metas.get("og:url")]:
        if not href or not isinstance(href, str):
            continue
        full = urljoin(url or "", href.strip())
        if urlsplit(full).scheme in {"http", "https"} and urlsplit(full).netloc:
            return full
    return url


def declared_language(tree: etree._Element, metas: dict[str, str], header: str | None) -> str | None:
    for v in (tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"), metas.get("content-language"),
              metas.get("og:locale"), header):
        if v and v.strip():
            return re.split(r"[-_,;\s]", v.strip().lower())[0] or None
    return None


# ---------------------------------------------------------------------------------------------
# the page
# ---------------------------------------------------------------------------------------------


def extract_story(tree: etree._Element, url: str | None) -> tuple[str, str | None]:
    """The story text (paragraphs on their own lines) and trafilatura's author guess."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, deduplicate=False, favor_precision=False,
    )
    if doc is None:
        return "", None
    text = getattr(doc, "text", None) or ""
    author = getattr(doc, "author", None)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line), author


def page_article(
    data: bytes | str,
    source: str,
    settings: Settings,
    *,
    url: str | None = None,
    charset: str | None = None,
    content_language: str | None = None,
    published: str | None = None,
    published_source: str = "metadata",
    title: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """One web page → an input ``Article`` (``text`` = the extracted story).

    ``published`` is a trusted date given from outside the page (a feed entry's date);
    ``title`` a fallback title (a feed entry's).  Raises ``FormatError``, ``EncodingError``,
    ``EmptyInputError`` or ``LanguageError`` naming ``source``.
    """
    if isinstance(data, bytes):
        text, codec = decode_page(data, source, charset)
    else:
        check_text(data, source)
        text, codec = data, None
    if not text.strip():
        raise EmptyInputError("the page is empty", source=source)
    tree = parse_html(text, source)
    metas = _metas(tree)
    jsonld = _jsonld(tree)
    site = next((metas[k] for k in _conf()["site_meta"] if k in metas), None)
    canonical = canonical_url(tree, metas, url)
    page_t = page_title(tree, metas, jsonld, site)
    found = metadata_date(tree, metas, jsonld, (canonical, url), source)
    declared = declared_language(tree, metas, content_language)
    page_dates = [] if found or published else chrome_dates(tree)
    story, traf_author = extract_story(tree, url)  # trafilatura cleans the tree: read metadata first
    if len(_WORD.findall(story)) < _conf()["min_story_words"]:
        raise EmptyInputError(
            "no article text found in the page", source=source, hint="is this an article page (not a home or index page)?"
        )
    if len(story) > settings.max_text_chars:
        story = story[: settings.max_text_chars]
    check_language(story, declared, source)

    ref = ReferenceDate()
    date_source = None
    if published:
        ref = ReferenceDate(parse_published(published, source=source), published_source, True)
        date_source = "given"
    elif found:
        ref = ReferenceDate(found[0], "metadata", True)
        date_source = found[1]
    else:
        day = next((d for matched, d in page_dates if matched not in story), None)
        if day:
            ref = ReferenceDate(day, "page", False)
            date_source = "page chrome"
    m: dict[str, Any] = {"format": "html", "source": source}
    if codec:
        m["charset"] = codec
    if date_source:
        m["date_source"] = date_source
    if url and canonical and canonical != url:
        m["fetched_url"] = url
    if site:
        m["site"] = site
    m.update(meta or {})
    final_url = canonical or url
    return Article(
        id=article_id(story, final_url),
        text=story,
        url=final_url,
        title=page_t or title,
        author=page_author(metas, jsonld, traf_author),
        language="en",
        published=published or (found[2].strip() if found else None),
        reference_date=ref,
        meta=m,
    )


#: how HTML starts: a document, an element that holds a story or its head, or a comment
_HTML_START = re.compile(r"<!doctype html|<html|<head|<body|<article|<div|<p[\s>]|<meta|<!--", re.IGNORECASE)
_LEADING_BLANKS = re.compile(r"^[\s\ufeff]+")


def looks_like_html(head: str) -> bool:
    """Is this text (its start is enough) HTML, to be read as a page rather than coded as it is?

    Yes when, after a byte-order mark and blank space, it starts with ``<!DOCTYPE html``, ``<html``,
    ``<head``, ``<body``, ``<article``, ``<div``, ``<p>`` (or ``<p …>``), ``<meta`` or an HTML comment
    (a whole page or a fragment of one), or when its first 1,024 characters hold ``<html`` and ``<head``
    or ``<body`` (after an XML declaration, say).  One rule for every input: files, standard input,
    URLs served as plain text, and the ``text`` of an API request."""
    h = _LEADING_BLANKS.sub("", head[:4096])
    if _HTML_START.match(h):
        return True
    low = h[:1024].lower()
    return "<html" in low and ("<head" in low or "<body" in low)

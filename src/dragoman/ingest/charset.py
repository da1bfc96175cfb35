"""Bytes of a web page → text, without mojibake.

The order follows the HTML standard's encoding sniffing, simplified: a byte-order mark wins; then
the charset the HTTP ``Content-Type`` header declares; then a ``<meta charset>`` (or
``http-equiv``) in the first 4 KB; then detection (charset-normalizer); UTF-8 last.  Labels are
read the way browsers read them: ``iso-8859-1``, ``latin1`` and ``us-ascii`` mean Windows-1252
(the curly quotes and dashes of 0x80–0x9F are what such pages really hold), and a ``<meta>`` that
claims UTF-16 in an ASCII-compatible byte stream means UTF-8.  A declared charset that does not
decode the bytes is not trusted: detection decides.
"""

from __future__ import annotations

import codecs
import re

from dragoman.errors import EncodingError, FormatError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""",
    re.IGNORECASE,
)
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
# browsers decode these labels as windows-1252 (WHATWG Encoding Standard)
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819", "ibm819", "iso-ir-100"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    m = _CT_CHARSET.search(content_type)
    return m.group(1) if m else None


def _normalise(label: str | None) -> str | None:
    """A charset label → a Python codec name, or ``None`` when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares in the first 4 KB."""
    m = _META.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _try(data: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


# languages charset-normalizer may report for a Western single-byte page: decode those as
# windows-1252 (the web's default for undeclared Western pages), not cp852/cp1250 look-alikes
_WESTERN = {"English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Danish", "Norwegian",
            "Swedish", "Finnish", "Unknown", ""}


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    try:
        single_byte = len("\u00e9".encode(best.encoding)) == 1
    except (LookupError, UnicodeEncodeError):
        single_byte = False
    if single_byte and best.language in _WESTERN and _try(data, "cp1252") is not None:
        return "cp1252"
    return best.encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NULs in every other byte of mostly-ASCII text."""
    sample = data[:2000]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_page(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode a page: returns ``(text, codec)``; raises ``FormatError`` for binary data.

    ``declared`` is the charset from the HTTP headers (``None`` for a file).
    """
    text: str | None = None
    codec: str | None = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec, text = name, _try(data, name)
            break
    if text is None and (c16 := _utf16_without_bom(data)):
        t = _try(data, c16)
        if t is not None:
            codec, text = c16, t
    if text is None:
        for label in (declared, meta_charset(data)):
            c = _normalise(label)
            if c and c.startswith("utf-16") and label is not declared and b"\x00" not in data[:512]:
                c = "utf-8"  # a <meta> that claims UTF-16 in ASCII-compatible bytes
            t = _try(data, c)
            if t is not None:
                codec, text = c, t
                break
    if text is None:
        t = _try(data, "utf-8")
        if t is not None:
            codec, text = "utf-8", t
    if text is None:
        c = _normalise(_detect(data))
        t = _try(data, c)
        if t is not None:
            codec, text = c, t
    if text is None:
        # nothing decodes cleanly: windows-1252 decodes almost everything; mark the damage
        codec, text = "cp1252", data.decode("cp1252", errors="replace")
    assert codec is not None
    check_text(text, source)
    return text, codec


def check_text(text: str, source: str) -> None:
    """Refuse decoded 'text' that is really binary data (control characters, NULs)."""
    sample = text[:20_000]
    if not sample:
        return
    bad = len(_CONTROL.findall(sample))
    if "\x00" in sample or bad > max(8, len(sample) // 100):
        raise FormatError(
            "this is binary data, not a web page or text",
            source=source,
            hint="give dragoman HTML, plain text, JSONL, a feed or a WARC file",
        )
    if sample.count("\ufffd") > max(16, len(sample) // 50):
        raise EncodingError(
            "the page's characters cannot be decoded (unknown or wrong charset)",
            source=source,
            hint="save it as UTF-8, or pass --encoding",
        )

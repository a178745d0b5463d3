"""Bytes to text for plain-text formats: BOMs, UTF-8, UTF-16 without BOM, cp1252, and files that mix them."""

from __future__ import annotations

import codecs
import re

_SWEDISH = set("åäöÅÄÖé")


class NotText(ValueError):
    """The bytes are not text in any encoding we accept (binary data)."""


def _looks_utf16(raw: bytes) -> str | None:
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _cp1252_or_latin1(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1")


def decode_text(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises NotText for binary data."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                      (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(name, errors="replace"), name
    utf16 = _looks_utf16(raw)
    if utf16:
        return raw.decode(utf16, errors="replace"), utf16
    nuls = raw.count(0)
    if nuls * 100 > len(raw):  # more than 1 % NUL bytes: binary data
        raise NotText("binary data (NUL bytes), not text")
    if nuls:  # a few stray NULs in an otherwise textual file: drop them, keep the text
        raw = raw.replace(b"\x00", b"")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines = raw.splitlines(keepends=True)
    good = 0
    for line in lines:
        try:
            line.decode("utf-8")
            good += 1 if any(b > 127 for b in line) else 0
        except UnicodeDecodeError:
            pass
    if good:  # some lines are real UTF-8 with non-ASCII letters: a mixed file, decode line by line
        out = []
        for line in lines:
            try:
                out.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(_cp1252_or_latin1(line))
        return "".join(out), "mixed utf-8/cp1252"
    cp = _cp1252_or_latin1(raw)
    if any(c in _SWEDISH for c in cp):
        return cp, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise NotText("no text encoding fits these bytes")
    return str(best), best.encoding


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # control characters but \t \n \f \r


def binary_ratio(text: str) -> float:
    """Share of control characters other than whitespace: high for binary data that happened to decode."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)

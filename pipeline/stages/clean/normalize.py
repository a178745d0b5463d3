"""Unicode and whitespace normalisation of one paragraph: what every later stage can rely on."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that break tokens ("upp\u00adhandling") or carry nothing.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))
# Spaces of every width become a plain space.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A paragraph that opens with a dash of any kind opens with an en dash, the Swedish reply dash.
_LEADING_DASH = re.compile(r"^[\u2012\u2013\u2014\u2015\u2212]")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _LEADING_DASH.sub("–", text)

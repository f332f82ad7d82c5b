"""The bytes of an article as text: UTF-8 first, else what the bytes say they are.

News files arrive in the encodings of the tools that saved them: UTF-8 (with or without
a byte-order mark), UTF-16 from Windows editors, Windows-1252 or Latin-1 from old
exports, UTF-8 cut in the middle of a character.  None of them is a reason to drop an
article.  :func:`decode` returns the text and, when it was not clean UTF-8, a one-line
note of what it did, which the reader logs as a warning:

* a UTF-16 or UTF-32 byte-order mark: decoded in that encoding;
* UTF-8 with some bad bytes (a cut file, a stray byte): the bad bytes become U+FFFD;
* no UTF-8 at all: the encoding charset-normalizer finds (a maintained detector that
  weighs the byte patterns of each code page), else Windows-1252.
"""
from __future__ import annotations

import codecs

#: Byte-order marks kg decodes by, longest first (the UTF-32 LE mark starts like UTF-16 LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The legacy encoding assumed when detection finds none (the code page most old exports use).
FALLBACK_ENCODING = "cp1252"
_REPLACEMENT = "\ufffd"
#: UTF-16 without a byte-order mark is told from its NUL bytes: in this many leading
#: bytes, at least this share of the high (or low) bytes are NUL and none of the others.
_UTF16_SNIFF_BYTES = 4096
_UTF16_MIN_PAIRS = 8
_UTF16_NUL_SHARE = 0.6


def wide_encoding(data: bytes) -> str | None:
    """``"utf-16"``/``"utf-32"`` when ``data`` starts with their byte-order mark,
    ``"utf-16-le"``/``"utf-16-be"`` when it is UTF-16 text without one (a NUL in every
    other byte, as Latin text in UTF-16 is); else None.  Such data's NUL bytes are text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    sample = data[:_UTF16_SNIFF_BYTES]
    pairs = len(sample) // 2
    if pairs < _UTF16_MIN_PAIRS:
        return None
    odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
    if odd_nuls >= _UTF16_NUL_SHARE * pairs and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= _UTF16_NUL_SHARE * pairs and odd_nuls == 0:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """The text of ``data`` and a note of how it was decoded (None for clean UTF-8)."""
    wide = wide_encoding(data)
    if wide is not None:
        text = data.decode(wide, errors="replace")
        how = "byte-order mark" if wide in ("utf-16", "utf-32") else "no byte-order mark"
        return text, f"decoded as {wide.upper()} ({how}), not UTF-8"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    if any(ch > "\x7f" and ch != _REPLACEMENT for ch in replaced):  # UTF-8, damaged here and there
        bad = replaced.count(_REPLACEMENT)
        return replaced, f"replaced {bad} invalid UTF-8 byte{'s' if bad != 1 else ''} by U+FFFD"
    encoding = _detected(data)
    return data.decode(encoding, errors="replace"), f"decoded as {encoding}, not UTF-8"


def _detected(data: bytes) -> str:
    """The encoding charset-normalizer finds for ``data``, else :data:`FALLBACK_ENCODING`.

    Short English texts fit several code pages equally well (``Déjà`` is as clean in
    Windows-1250 as in Windows-1252); among the equally good ones, Windows-1252 wins,
    the code page English text was most likely saved in.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return FALLBACK_ENCODING
    best = matches[0]
    tied = {name for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)
            for name in (m.encoding, *m.could_be_from_charset)}
    if FALLBACK_ENCODING in tied or best.encoding in ("utf_8", "ascii"):
        return FALLBACK_ENCODING
    return best.encoding

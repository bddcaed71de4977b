"""Decoding the bytes of a plain-text file whose encoding nobody declared."""

from __future__ import annotations

import codecs
import re

from aidledger.ingest.errors import Unreadable

#: Byte-order marks and the codec that removes them; UTF-32's before UTF-16's, which they begin with.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: A legacy (cp1252/latin-1) text in a Latin-script language is mostly ASCII;
#: below this share the bytes are more likely another encoding read wrongly.
MIN_ASCII_SHARE = 0.75

#: Control characters no text file contains (tab, newlines and form feed are allowed).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ASCII = bytes(range(128))


def _latin1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Bytes cp1252 leaves undefined (0x81, 0x8D, ...) read as latin-1, so the control check sees them."""
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("aidledger-latin1", _latin1_fallback)


def decode_text(data: bytes) -> str:
    """The text of ``data``: BOM-declared encodings, then UTF-8, then cp1252 only when that clearly gives text.

    A guess that yields mojibake would feed garbage to extraction without
    anyone noticing, so anything doubtful is refused with a reason instead.
    UTF-8 with a few stray bytes stays UTF-8, each stray byte becoming U+FFFD.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec)
    if b"\x00" in data:
        raise Unreadable("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    text = data.decode("cp1252", errors="aidledger-latin1")
    if _CONTROLS.search(text):
        raise Unreadable("binary file, not text")
    if len(data.translate(None, _ASCII)) > (1 - MIN_ASCII_SHARE) * len(data):
        raise Unreadable("undecodable text: not UTF-8, and not Latin-script cp1252/latin-1")
    return text


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with U+FFFD for invalid bytes, when valid multi-byte characters outnumber them.

    cp1252 text almost never holds a valid UTF-8 multi-byte sequence, so a majority of them means
    UTF-8 with damage, not a legacy encoding.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    return text if valid > invalid else None


def normalize_newlines(text: str) -> str:
    """``text`` with Windows and old Mac line ends turned into ``\\n``, so offsets mean the same everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise Unreadable(f"undecodable text: invalid {codec} at byte {exc.start}") from None

"""Reading user files safely: size-checked, decoded strictly, never modified."""

from __future__ import annotations

import codecs
from pathlib import Path

__all__ = ["InputError", "MAX_BYTES", "decode", "read_bytes", "read_text"]

MAX_BYTES = 64 * 1024 * 1024  # a release is kilobytes; anything past this is not one


class InputError(Exception):
    """A file that cannot be read as text; the message is one line for the user."""


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    return decode(read_bytes(path, max_bytes), str(path))


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES, kind: str = "file") -> bytes:
    """A file's bytes, refusing folders, missing files and anything over ``max_bytes``;
    ``kind`` names what was expected in the message ("no such baseline file")."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such {kind}") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: larger than {max_bytes // (1024 * 1024)} MiB; not a press release")
    return data


def decode(data: bytes, name: str = "<input>") -> str:
    """UTF-8 (with or without a BOM) or UTF-16 with a BOM; anything else is an error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
        if b"\x00" in data:
            raise InputError(f"{name}: binary data (NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid {encoding.upper().replace('-SIG', '')} text "
            f"(byte {data[error.start]:#04x} at offset {error.start})"
        ) from None
    if "\x00" in text:
        raise InputError(f"{name}: binary data (NUL characters), not text")
    return text

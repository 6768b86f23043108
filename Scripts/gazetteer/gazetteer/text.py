"""Name cleaning, script filtering and deterministic TSV output shared by every table."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Iterable, Sequence

_FORBIDDEN = re.compile(r"[\t\r\n|\u2028\u2029]+")
_SPACES = re.compile(r"\s+")
# Airport (IATA/ICAO) and similar codes that GeoNames lists among alternate names: IEV, UKKK, MSQ.
_CODE = re.compile(r"^[A-Z0-9]{2,5}$")
_URL = re.compile(r"(://|^www\.|\.(com|org|net|html?)\b)", re.IGNORECASE)


def clean(name: str) -> str:
    """A name fit for a tab-separated, `|`-joined field: no tabs, newlines or bars; single spaces; NFC."""
    name = unicodedata.normalize("NFC", name)
    name = _FORBIDDEN.sub(" ", name)
    return _SPACES.sub(" ", name).strip()


def _script_ok(ch: str) -> bool:
    cat = unicodedata.category(ch)
    if cat[0] != "L":
        # Marks, punctuation, digits, spaces and symbols follow the letters they go with,
        # except format controls such as the zero-width non-joiner of Persian names.
        return cat != "Cf"
    name = unicodedata.name(ch, "")
    return name.startswith("LATIN") or name.startswith("CYRILLIC") or name.startswith("MODIFIER LETTER")


def latin_or_cyrillic(name: str) -> bool:
    """True if every letter of `name` is Latin or Cyrillic and it has at least one letter."""
    return any(unicodedata.category(c)[0] == "L" for c in name) and all(_script_ok(c) for c in name)


def is_code_or_url(name: str) -> bool:
    """True for airport codes, postal codes and web addresses that GeoNames mixes into alternate names."""
    return bool(_CODE.match(name)) or bool(_URL.search(name))


def name_variants(names: Iterable[str], exclude: str = "", keep_codes: bool = False) -> list[str]:
    """Cleaned, deduplicated, sorted Latin/Cyrillic variants of `names` other than `exclude`.

    Codes such as "IEV" are dropped unless `keep_codes` (hand-written country variants: US, UK).
    """
    out = set()
    for n in names:
        if not n:
            continue
        c = clean(n)
        if c and c != exclude and latin_or_cyrillic(c) and (keep_codes or not is_code_or_url(c)):
            out.add(c)
    return sorted(out)


def coord(value: float) -> str:
    """Degrees with 5 decimals (about 1 m), never "-0.00000"."""
    s = f"{value:.5f}"
    return "0.00000" if s == "-0.00000" else s


def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Writes UTF-8, LF-terminated, tab-separated rows after one header row; returns the row count."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            for field in row:
                if "\t" in field or "\n" in field:
                    raise ValueError(f"{path.name}: field {field!r} has a tab or newline")
            f.write("\t".join(row) + "\n")
            count += 1
    return count

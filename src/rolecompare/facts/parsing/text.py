"""Decoding pages into numbered lines, reading printed numbers, and naming roles."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rolecompare.facts.parsing.model import Problem
from rolecompare.facts.parsing.ordinals import unglue_ordinals

# Lines longer than this are not parsed (real pages stay far below); keeps every regex linear.
MAX_LINE_CHARS = 20_000

# A number as printed: thousands-grouped ("313,110") or plain without leading zeros ("4", "0.3").
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?"
NUMBER_RE = re.compile(NUMBER)
_NUMBER_FULL = re.compile(NUMBER)
SIGNED = rf"[-−]?{NUMBER}"


@dataclass(frozen=True)
class Number:
    value: float
    printed: str  # digits and decimal point only, trailing zeros kept

    @property
    def decimals(self) -> int:
        return len(self.printed.split(".")[1]) if "." in self.printed else 0


def read_number(token: str) -> Number | None:
    """'$66,782' -> 66782 and '19.80' keeps its printed form; None unless all of it is a number."""
    token = token.strip().lstrip("$").rstrip("%").strip()
    sign = ""
    if token[:1] in "-−" and len(token) > 1:
        sign, token = "-", token[1:].lstrip("$")
    if not _NUMBER_FULL.fullmatch(token):
        return None
    printed = sign + token.replace(",", "")
    return Number(float(printed), printed)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_page(data: bytes) -> tuple[list[str | None], list[Problem], bool]:
    """Split raw bytes into lines (1-based: index 0 is line 1).

    Returns (lines, problems, readable). A line that is not valid UTF-8 becomes None and a
    problem; an empty or binary page is unreadable as a whole.
    """
    if not data.strip():
        return [], [Problem(1, "empty page: nothing to read")], False
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return [], [Problem(line, "binary file (NUL byte), not a text page: skipped")], False
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines: list[str | None] = []
    problems: list[Problem] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(
                    number,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}): "
                    "line skipped",
                )
            )
            lines.append(None)
            continue
        text = text.rstrip("\r")
        if len(text) > MAX_LINE_CHARS:
            problems.append(
                Problem(number, f"line of {len(text):,} characters is too long: skipped")
            )
            lines.append(None)
            continue
        lines.append(text)
    joined = "\n".join(line for line in lines if line)
    control = len(_CONTROL.findall(joined))
    total = len(joined)
    if total and control / total > 0.05:
        return [], [Problem(1, "binary file (control characters), not a text page: skipped")], False
    return unglue_ordinals(lines), problems, True


_SLUG_DROP = re.compile(r"[^a-z0-9]+")
# signs that tell names apart and would vanish from a slug: 'C++ manager' vs 'C# manager' vs
# 'C manager', '.NET developer' vs 'NET developer'
_SLUG_SIGNS = re.compile(r"\+\+|\+|#|(?<![a-z0-9])\.(?=net\b)")
_SLUG_WORDS = {"++": "-plus-plus-", "+": "-plus-", "#": "-sharp-", ".": "-dot-"}
MAX_SLUG = 60


@lru_cache(maxsize=65536)
def slugify(name: str) -> str:
    """'Customer Relations Manager' -> 'customer-relations-manager'.

    Accents are folded to ASCII; a name with no ASCII letters or digits, or a very long one,
    gets a stable hash so that the slug is always a safe, short folder name.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    lower = folded.lower().replace("'", "")  # "sheriff's" and "sheriff’s" are one spelling
    if "+" in lower or "#" in lower or ".net" in lower:  # 'C++', 'C#', '.NET' are not 'C', 'NET'
        lower = _SLUG_SIGNS.sub(lambda m: _SLUG_WORDS[m.group().lower()], lower)
    slug = _SLUG_DROP.sub("-", lower).strip("-")
    digest = hashlib.sha1(name.strip().lower().encode("utf-8")).hexdigest()[:8]
    if not slug:
        return f"role-{digest}"
    if len(slug) > MAX_SLUG:
        return f"{slug[:MAX_SLUG].rstrip('-')}-{digest}"
    return slug


_SPACES = re.compile(r"\s+")  # compiled once: clean_name runs for every statement


def clean_name(name: str) -> str:
    text = _SPACES.sub(" ", name).strip(" \t.,;:")
    if name.lstrip()[:1] == "." and text[:3].lower() == "net":  # '.NET developer' keeps its dot
        text = "." + text
    return text


@lru_cache(maxsize=65536)
def display_name(name: str) -> str:
    """A role's name as a person writes it ('Customer Relations Manager' -> 'Customer relations
    manager').

    Acronyms ('IT', 'US') and words with inner capitals ('iOS') keep their case.
    """
    # 'Associate/Cashier' is two words for this purpose
    words = re.split(r"([ /])", clean_name(name))
    out = []
    for word in words:
        letters = [c for c in word if c.isalpha()]
        is_acronym = len(letters) > 1 and all(c.isupper() for c in letters)
        inner_caps = any(c.isupper() for c in word[1:]) and not is_acronym
        out.append(word if is_acronym or inner_caps else word.lower())
    text = "".join(out)
    return text[:1].upper() + text[1:]


def singular(name: str) -> str:
    """'Customer Relations Managers' -> 'Customer Relations Manager' (last word only)."""
    name = clean_name(name)
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith("s") and not name.endswith("ss"):
        return name[:-1]
    return name


def is_glue_point(text: str, i: int) -> bool:
    """Could two texts have been glued together at position i ('KLA|Amazon', 'DC|Pleasanton')?"""
    if i <= 0 or i >= len(text):
        return False
    before, here = text[i - 1], text[i]
    if text[i : i + 4].upper() == ".NET" and before.isalnum():  # 'Manager' | '.NET Developer'
        return True
    if text[i - 1 : i + 3].upper() == ".NET":  # never '.' | 'NET Developer'
        return False
    if before.isspace() or here.isspace() or before in "-'&/,(+" or here in "-'&/,).":
        return False
    if before.isalpha() and here.isdigit():  # 'Patients16.19%', 'SQL19.75%'
        return True
    if before.islower() and here.isupper():
        return True
    if (before in ".)" or before.isdigit()) and here.isupper():  # 'Inc.Amazon', '3MAmazon'
        return True
    # an acronym followed by a capitalised word: 'KLA' + 'Amazon', 'DC' + 'Pleasanton'
    return before.isupper() and here.isupper() and i + 1 < len(text) and text[i + 1].islower()


def glue_points(text: str) -> list[int]:
    return [i for i in range(1, len(text)) if is_glue_point(text, i)]

"""A collection of career pages in the known layouts whose role names are printed the way real
career sites print them: "Customer Service Associate/Cashier", "Operations Manager, District",
"Payroll & Benefits Specialist", "Quality Assurance Analyst (QAA)", "Sr. Data Analyst",
"Claims Adjuster II", "C++ Developer", "C# Manager", ".NET Developer".

    python benchmarks/synthetic_names.py OUT_DIR --pages 1500   # write the pages
    python benchmarks/synthetic_names.py --count 1500           # ingest them, count the roles

The plan of pages (layouts, which roles each names) is `synthetic.collection_pages`; only the
names differ. `named_roles(pages)` is the set of roles the pages name: ingest must yield exactly
these (one id each, nothing cut at a '/' or ',', no two names merged).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import (
    MORE_AREAS,
    MORE_TITLES,
    PREFIXES,
    Role,
    _role,
    collection_pages,
    comparison_page,
    how_to_page,
    profile_page,
    write_texts,
)

SECOND_TITLES = ["Cashier", "Clerk", "Receptionist", "Driver", "Trainer", "Scheduler", "Buyer"]
QUALIFIERS = ["District", "Regional", "Night Shift", "Level II", "Field", "Corporate", "Store"]
LANGUAGES = ["C++", "C#", ".NET", "Java", "Python", "SQL"]
# Real occupations as career sites print them, first in every collection (some link to SOC 2018)
REAL_NAMES = [
    "Customer Service Associate/Cashier",
    "Operations Manager, District",
    "Chef & Head Cook",
    "Registered Nurse (RN)",
    "Licensed Practical Nurse (LPN)",
    "Accountant & Auditor",
    "C++ Developer",
    "C# Developer",
    ".NET Developer",
    "Software Developer",
    "Sr. Software Engineer",
    "Zone Manager",
    "Paralegal",
    "Electrician",
    "Nurse Practitioner (NP)",
    "Heavy & Tractor-Trailer Truck Driver",
]
STYLES = ("plain", "slash", "comma", "ampersand", "abbreviation", "senior", "grade", "language")


@dataclass
class NamedRole(Role):
    """A role whose name keeps its acronyms and signs in running text ('a .NET developer')."""

    @property
    def lower(self) -> str:
        words = []
        for word in self.name.split(" "):
            letters = [c for c in word if c.isalpha()]
            acronym = len(letters) > 1 and all(c.isupper() for c in letters)
            words.append(word if acronym or "+" in word or "#" in word else word.lower())
        return " ".join(words)


def _initials(words: str) -> str:
    return "".join(w[0] for w in words.replace("&", " ").split() if w[0].isupper())


def _name(rng: random.Random, style: str) -> str:
    prefix, area, title = rng.choice(PREFIXES), rng.choice(MORE_AREAS), rng.choice(MORE_TITLES)
    if style == "slash":
        return f"{area} {title}/{rng.choice(SECOND_TITLES)}"
    if style == "comma":
        return f"{area} {title}, {rng.choice(QUALIFIERS)}"
    if style == "ampersand":
        other = rng.choice([a for a in MORE_AREAS if a != area])
        return f"{area} & {other} {title}"
    if style == "abbreviation":
        full = f"{prefix} {area} {title}"
        return f"{full} ({_initials(full)})"
    if style == "senior":
        return f"Sr. {area} {title}"
    if style == "grade":
        return f"{area} {title} {rng.choice(['II', 'III', 'IV'])}"
    if style == "language":
        return f"{rng.choice(LANGUAGES)} {area} {title}"
    return f"{prefix} {area} {title}"


@lru_cache(maxsize=4)
def role_names(n: int, seed: int = 0) -> tuple[str, ...]:
    """`n` distinct names (distinct ids too); a prefix of the names of any bigger `n`."""
    from rolecompare.facts.parsing.role_words import name_key
    from rolecompare.facts.parsing.text import slugify

    rng = random.Random(f"{seed}-names")
    names: list[str] = []
    keys: set[str] = set()
    for name in REAL_NAMES[:n]:
        names.append(name)
        keys |= {name_key(name), slugify(name)}
    for _ in range(50 * n + 1000):  # every style has hundreds of names: never runs out
        if len(names) == n:
            break
        name = _name(rng, STYLES[(len(names) - len(REAL_NAMES)) % len(STYLES)])
        key, slug = name_key(name), slugify(name)
        if key not in keys and slug not in keys:
            keys |= {key, slug}
            names.append(name)
    if len(names) < n:
        raise ValueError(f"cannot make {n} distinct role names")
    return tuple(names)


def _roles_needed(plan: list[tuple[str, tuple[int, ...]]]) -> int:
    return max((max(roles) for _, roles in plan), default=-1) + 1


def named_roles(pages: int, seed: int = 0) -> set[str]:
    """The names of the roles the first `pages` pages name."""
    plan = collection_pages(pages, seed)
    names = role_names(_roles_needed(plan), seed)
    return {names[i] for _, roles in plan for i in roles}


def write_named_collection(folder: Path, pages: int, seed: int = 0) -> list[Path]:
    """`pages` pages of the collection plan, the roles named as real sites print them."""
    plan = collection_pages(pages, seed)
    names = role_names(_roles_needed(plan), seed)
    people: dict[int, NamedRole] = {}
    texts = []
    for layout, roles in plan:
        for i in roles:
            if i not in people:
                base = _role(random.Random(f"{seed}-role-{i}"), names[i])
                people[i] = NamedRole(**base.__dict__)
        chosen = [people[i] for i in roles]
        if layout.startswith("comparison"):
            texts.append(comparison_page(*chosen, glued=layout.endswith("glued")))
        elif layout == "profile":
            texts.append(profile_page(chosen[0]))
        else:
            texts.append(how_to_page(chosen[0]))
    return write_texts(folder, texts, "named")


def count(pages: int, seed: int = 0) -> None:
    """Ingest the collection once; print the roles it names, the roles ingest yields, and any
    role that is not one of them (invented) or missing."""
    from rolecompare.facts.ingest import ingest
    from rolecompare.facts.parsing.role_words import name_key

    work = Path(tempfile.mkdtemp(prefix="rolecompare-names-"))
    try:
        write_named_collection(work / "raw", pages, seed)
        start = time.perf_counter()
        result = ingest(work / "raw", work / "out")
        seconds = time.perf_counter() - start
        roles = result.tables["roles"]
        found = {name_key(r) for r in roles["role"] if r != "US average"}
        named = {name_key(n) for n in named_roles(pages, seed)}
        print(f"{pages:,} pages name {len(named):,} roles; ingest yields {len(found):,} roles")
        print(f"  invented: {len(found - named)}  {sorted(found - named)[:10]}")
        print(f"  missing:  {len(named - found)}  {sorted(named - found)[:10]}")
        linked = roles["soc_code"].notna().sum()
        print(f"  linked to SOC 2018: {linked:,} roles; ingest took {seconds:.1f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--count", type=int, help="ingest this many pages and count the roles")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.count:
        count(args.count, args.seed)
    elif args.out:
        paths = write_named_collection(args.out, args.pages, args.seed)
        print(f"wrote {len(paths)} pages to {args.out}")
    else:
        parser.error("give OUT_DIR or --count N")


if __name__ == "__main__":
    main()

"""Realistic synthetic career pages for benchmarks and tests: invented roles, plausible numbers,
the seed pages' layouts (pipe comparison tables with shifted headers, glued comparison tables,
role profile pages, how-to-become pages). Never written into data/raw.

    python benchmarks/synthetic.py OUT_DIR --roles 12        # pages for 12 roles
    python benchmarks/synthetic.py OUT_DIR --pages 1000      # exactly 1,000 pages
    python benchmarks/synthetic.py OUT_DIR --collection 1500 # a site's worth: 1,500 pages

`write_pages` makes a few pages per role (every role compared with the next one). A real
career site is different: `write_collection` makes mostly comparison pages (85 %) that name
many roles -- about 1.37 roles per page, like the 1,500 real pages that named 2,050 roles --
plus profile and how-to pages. Each comparison introduces one or two new roles and compares
them with a role of the last `WINDOW` introduced, so a role appears on a few nearby pages only.
Collections are nested: the first N pages of a bigger collection (same seed) are exactly the
pages of the collection of N pages, so the same pairs can be timed in collections of any size.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
from dataclasses import dataclass, field
from pathlib import Path

PREFIXES = [
    "Senior",
    "Regional",
    "Digital",
    "Field",
    "Clinical",
    "Retail",
    "Technical",
    "Global",
    "Junior",
    "Lead",
    "Principal",
    "Associate",
    "Corporate",
    "Community",
    "Product",
]
AREAS = [
    "Data",
    "Supply Chain",
    "Payroll",
    "Quality",
    "Logistics",
    "Marketing",
    "Facilities",
    "Procurement",
    "Compliance",
    "Training",
    "Inventory",
    "Partner",
    "Warehouse",
    "Claims",
    "Billing",
    "Safety",
    "Research",
    "Content",
    "Benefits",
    "Vendor",
]
TITLES = [
    "Analyst",
    "Coordinator",
    "Specialist",
    "Manager",
    "Engineer",
    "Director",
    "Planner",
    "Advisor",
    "Supervisor",
    "Consultant",
]
CITIES = ["Austin, TX", "Denver, CO", "Boston, MA", "Seattle, WA", "Miami, FL", "Omaha, NE"]
STATES = ["Texas", "Colorado", "Massachusetts", "Washington", "Florida", "Nebraska", "Oregon"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark"]
INDUSTRIES = ["Technology", "Finance", "Retail", "Healthcare", "Energy", "Transportation"]
MAJORS = ["Business", "Economics", "Psychology", "Engineering", "Communication"]
COLLEGES = ["Ohio State University", "University of Florida", "Boston University"]
RACES = [
    "Black or African American",
    "Unknown",
    "Hispanic or Latino",
    "Asian",
    "White",
    "American Indian and Alaska Native",
]
SKILLS = [
    "Project Management",
    "Customer Service",
    "Data Analysis",
    "Scheduling",
    "Budgeting",
    "Forecasting",
    "Negotiation",
    "Reporting",
    "Auditing",
    "Onboarding",
]


@dataclass
class Role:
    name: str
    salary: int
    hourly: float
    low: int
    high: int
    growth: int
    jobs: int
    degree_share: int
    age: int
    experience: int
    become: tuple[int, int]
    city: str
    state: str
    company: str
    industry: str
    major: str
    college: str
    male: float
    race: list[float]
    lgbt: int
    skills: list[tuple[str, int]] = field(default_factory=list)

    @property
    def lower(self) -> str:
        return self.name.lower()


def _shares(rng: random.Random, n: int) -> list[float]:
    raw = [rng.random() + 0.05 for _ in range(n)]
    scaled = [round(100 * r / sum(raw), 1) for r in raw]
    scaled[-1] = round(100 - sum(scaled[:-1]), 1)
    return scaled


def make_roles(n: int, seed: int = 0) -> list[Role]:
    rng = random.Random(seed)
    names: list[str] = []
    while len(names) < n:
        name = f"{rng.choice(PREFIXES)} {rng.choice(AREAS)} {rng.choice(TITLES)}"
        if name not in names:
            names.append(name)
    return [_role(rng, name) for name in names]


def _role(rng: random.Random, name: str) -> Role:
    """A role named `name` with plausible numbers drawn from `rng`."""
    salary = rng.randrange(38_000, 140_000)
    low = int(salary * rng.uniform(0.55, 0.75)) // 1000 * 1000
    high = int(salary * rng.uniform(1.4, 1.7)) // 1000 * 1000
    lo = rng.randint(1, 4)
    return Role(
        name=name,
        salary=salary,
        hourly=round(salary / 2080, 2),
        low=low,
        high=high,
        growth=rng.randint(-3, 15),
        jobs=rng.randrange(2_000, 900_000),
        degree_share=rng.randint(35, 75),
        age=rng.randint(30, 52),
        experience=rng.randint(1, 9),
        become=(lo, lo + 2),
        city=rng.choice(CITIES),
        state=rng.choice(STATES),
        company=rng.choice(COMPANIES),
        industry=rng.choice(INDUSTRIES),
        major=rng.choice(MAJORS),
        college=rng.choice(COLLEGES),
        male=round(rng.uniform(20, 80), 1),
        race=_shares(rng, len(RACES)),
        lgbt=rng.randint(3, 18),
        skills=[(s, rng.randint(3, 18)) for s in rng.sample(SKILLS, 5)],
    )


def _money(v: float) -> str:
    return f"${v:,.2f}" if isinstance(v, float) else f"${v:,}"


def _rows(a: Role, b: Role) -> list[tuple[str, str, str]]:
    def race(r: Role) -> str:
        return " ".join(f"{k}, {v:.1f}%" for k, v in zip(RACES, r.race, strict=True))

    def gender(r: Role) -> str:
        return f"Male, {r.male:.1f}% Female, {100 - r.male:.1f}%"

    return [
        ("Yearly salary", _money(a.salary), _money(b.salary)),
        ("Hourly rate", _money(a.hourly), _money(b.hourly)),
        ("Growth rate", f"{a.growth}%", f"{b.growth}%"),
        ("Number of jobs", f"{a.jobs:,}", f"{b.jobs:,}"),
        ("Job satisfaction", "-", "-"),
        (
            "Most common degree",
            f"Bachelor's Degree, {a.degree_share}%",
            f"Bachelor's Degree, {b.degree_share}%",
        ),
        ("Average age", str(a.age), str(b.age)),
        ("Years of experience", str(a.experience), str(b.experience)),
        (
            "Salary range",
            f"Between {_money(a.low)} And {_money(a.high)}",
            f"Between {_money(b.low)} And {_money(b.high)}",
        ),
        ("Highest paying City", a.city, b.city),
        ("Highest paying state", a.state, b.state),
        ("Best paying company", a.company, b.company),
        ("Best paying industry", a.industry, b.industry),
        ("Most common major", a.major, b.major),
        ("Most common college", a.college, b.college),
        ("Gender ratio", gender(a), gender(b)),
        ("Race ratio", race(a), race(b)),
        ("LGBT Percentage", f"{a.lgbt}%", f"{b.lgbt}%"),
    ]


def comparison_page(a: Role, b: Role, *, glued: bool) -> str:
    intro = (
        f"{a.name} vs {b.lower}\n\n"
        f"The differences between {a.lower}s and {b.lower}s can be seen in a few details. "
        f"While it typically takes {a.become[0]}-{a.become[1]} years to become a {a.lower}, "
        f"becoming a {b.lower} takes usually requires {b.become[0]}-{b.become[1]} years. "
        f"Additionally, a {a.lower} has an average salary of {_money(a.salary)}, which is "
        f"different from the {_money(b.salary)} average annual salary of a {b.lower}.\n"
    )
    if glued:
        table = [f"{a.name}{b.name}"] + [f"{lab}{x}{y}" for lab, x, y in _rows(a, b)]
    else:
        table = [f"| {a.name} | {b.name} | |"] + [
            f"| {lab} | {x} | {y} |" for lab, x, y in _rows(a, b)
        ]
    skills = []
    for r in (a, b):
        skills.append(f"Common {r.lower} skills")
        skills += [f"  • {s}, {v}%" for s, v in r.skills]
    return intro + "\n" + "\n".join(table) + "\n\n" + "\n".join(skills) + "\n"


def profile_page(r: Role) -> str:
    return (
        f"{r.name}\n\nJob Description Overview\n\nA {r.name} plans and reports.\n\n"
        f"A minimum of {r.experience} years of experience is also required.\n\n"
        f"Salary Range\n\nAccording to, the average salary for a {r.name} in the US is "
        f"{_money(r.salary)} per year. For example, {r.name}s in Chicago can expect to earn 12% "
        f"more than the national average, while those in Tulsa can expect to earn 4% less.\n\n"
        f"Outside of the US, the average salary for a {r.name} in the United Kingdom is "
        f"£{int(r.salary * 0.6):,} (${int(r.salary * 0.75):,} USD), according to In Australia, "
        f"the average salary is AU${int(r.salary * 1.3):,} (${int(r.salary * 0.86):,} USD) "
        f"according to\n"
    )


def how_to_page(r: Role) -> str:
    race_lines = "\n\n".join(f"{k} {v:.2f}%" for k, v in zip(RACES, r.race, strict=True))
    return (
        f"What is a {r.lower} and how to become one\n\n"
        f"Score{r.name}US Average\nSalary\n3.5\n\nAvg. Salary {_money(r.salary)}\n\n"
        f"Avg. Salary $59,228\n\nStability Level\n6.0\n\nGrowth Rate {r.growth}%\n\n"
        f"Growth Rate 0.3%\n\nDiversity\n5.1\nRace\n\n{race_lines}\n\nGender\n\n"
        f"female {100 - r.male:.2f}%\n\nmale {r.male:.2f}%\n\nAge - {r.age}\n"
        f"Stress Level\n5.0\n\n7.1 - high\n\n"
        f"Average {r.lower} salary\n\nThe average {r.name} salary in the United States is "
        f"{_money(r.salary)} per year or {_money(round(r.hourly))} per hour. {r.name} salaries "
        f"range between {_money(r.low)} and {_money(r.high)} per year.\n"
    )


# More words for collections of thousands of roles (names never repeat): 15 x 40 x 15.
MORE_AREAS = [
    *AREAS,
    "Payments",
    "Freight",
    "Network",
    "Pricing",
    "Tax",
    "Audit",
    "Security",
    "Product",
    "Customer",
    "Member",
    "Donor",
    "Fleet",
    "Energy",
    "Catalog",
    "Events",
    "Grants",
    "Library",
    "Nutrition",
    "Pharmacy",
    "Housing",
]
MORE_TITLES = [*TITLES, "Officer", "Administrator", "Strategist", "Architect", "Technician"]
COMPARISON_SHARE = 0.85
TWO_NEW_ROLES = 0.6  # share of comparisons that introduce both of their roles
WINDOW = 40  # a comparison's second role is one of the last WINDOW roles introduced


def collection_role(index: int, seed: int = 0) -> Role:
    """Role number `index` of a collection: the same for every collection of this seed."""
    rng = random.Random(f"{seed}-role-{index}")
    combos = len(PREFIXES) * len(MORE_AREAS) * len(MORE_TITLES)
    if index >= combos:
        raise ValueError(f"a collection has at most {combos} roles")
    # a fixed permutation of the name combinations (multiplier coprime with combos)
    code = (index * 7919 + seed * 104729) % combos
    title = MORE_TITLES[code % len(MORE_TITLES)]
    area = MORE_AREAS[(code // len(MORE_TITLES)) % len(MORE_AREAS)]
    prefix = PREFIXES[code // (len(MORE_TITLES) * len(MORE_AREAS))]
    return _role(rng, f"{prefix} {area} {title}")


def collection_pages(pages: int, seed: int = 0) -> list[tuple[str, tuple[int, ...]]]:
    """The layout of each page ("comparison-pipe", "comparison-glued", "profile", "how-to")
    and the role numbers it names, for a collection of `pages` pages (a prefix of any bigger
    one)."""
    plan: list[tuple[str, tuple[int, ...]]] = []
    introduced = 0
    for i in range(pages):
        rng = random.Random(f"{seed}-page-{i}")
        if introduced < 2 or rng.random() < COMPARISON_SHARE:
            a = introduced
            if introduced < 2 or rng.random() < TWO_NEW_ROLES:
                b = introduced + 1
                introduced += 2
            else:
                b = rng.randrange(max(0, introduced - WINDOW), introduced)
                introduced += 1
            layout = "comparison-glued" if rng.random() < 0.5 else "comparison-pipe"
            plan.append((layout, (a, b)))
        else:
            role = rng.randrange(max(0, introduced - WINDOW), introduced)
            plan.append(("profile" if rng.random() < 0.5 else "how-to", (role,)))
    return plan


def write_collection(
    folder: Path, pages: int, *, seed: int = 0, change: int | None = None
) -> list[Path]:
    """`pages` pages of a realistic collection (module docstring). `change=i` changes page i
    only: its first role publishes a different number of jobs there."""
    folder.mkdir(parents=True, exist_ok=True)
    cache: dict[int, Role] = {}

    def role(index: int) -> Role:
        if index not in cache:
            cache[index] = collection_role(index, seed)
        return cache[index]

    written = []
    for i, (layout, roles) in enumerate(collection_pages(pages, seed)):
        people = [role(r) for r in roles]
        if change == i:
            people[0] = dataclasses.replace(people[0], jobs=people[0].jobs + 1_111)
        if layout.startswith("comparison"):
            text = comparison_page(*people, glued=layout.endswith("glued"))
        elif layout == "profile":
            text = profile_page(people[0])
        else:
            text = how_to_page(people[0])
        path = folder / f"page_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def write_pages(
    folder: Path,
    *,
    roles: int | None = None,
    pages: int | None = None,
    seed: int = 0,
    change: int | None = None,
) -> list[Path]:
    """Pages for `roles` roles (a profile, a how-to and comparisons chaining them), or exactly
    `pages` pages cycling through the layouts. `change=i` publishes a different number of
    jobs for role i (only that role's facts change)."""
    folder.mkdir(parents=True, exist_ok=True)
    n_roles = roles if roles is not None else max(2, (pages or 0) // 4 + 1)
    people = make_roles(n_roles, seed)
    if change is not None:
        people[change].jobs += 1_111
    texts: list[str] = []
    for i, r in enumerate(people):
        other = people[(i + 1) % len(people)]
        texts += [
            comparison_page(r, other, glued=i % 2 == 0),
            profile_page(r),
            how_to_page(r),
        ]
    if pages is not None:
        texts = (texts * (pages // max(len(texts), 1) + 1))[:pages]
    return write_texts(folder, texts, "synthetic")


def write_texts(folder: Path, texts: list[str], prefix: str) -> list[Path]:
    """Each text as `<folder>/<prefix>_<n>.txt` (UTF-8), numbered from 0; the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, text in enumerate(texts):
        path = folder / f"{prefix}_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--roles", type=int)
    parser.add_argument("--pages", type=int)
    parser.add_argument("--collection", type=int, help="pages of a realistic collection")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.collection:
        paths = write_collection(args.out, args.collection, seed=args.seed)
    else:
        paths = write_pages(args.out, roles=args.roles, pages=args.pages, seed=args.seed)
    print(f"wrote {len(paths)} pages to {args.out}")


if __name__ == "__main__":
    main()

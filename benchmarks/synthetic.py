"""Realistic synthetic career pages for benchmarks and tests: invented roles, plausible numbers,
the seed pages' layouts (pipe comparison tables with shifted headers, glued comparison tables,
role profile pages, how-to-become pages). Never written into data/raw.

    python benchmarks/synthetic.py OUT_DIR --roles 12        # pages for 12 roles
    python benchmarks/synthetic.py OUT_DIR --pages 1000      # exactly 1,000 pages
"""

from __future__ import annotations

import argparse
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
    roles = []
    for name in names:
        salary = rng.randrange(38_000, 140_000)
        low = int(salary * rng.uniform(0.55, 0.75)) // 1000 * 1000
        high = int(salary * rng.uniform(1.4, 1.7)) // 1000 * 1000
        lo = rng.randint(1, 4)
        roles.append(
            Role(
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
        )
    return roles


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
    written = []
    for i, text in enumerate(texts):
        path = folder / f"synthetic_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--roles", type=int)
    parser.add_argument("--pages", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_pages(args.out, roles=args.roles, pages=args.pages, seed=args.seed)
    print(f"wrote {len(paths)} pages to {args.out}")


if __name__ == "__main__":
    main()

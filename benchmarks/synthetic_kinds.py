"""Synthetic pages of the other page kinds: handbook pages, statistics pages, prose comparisons
and fact sheets, shaped like the real pages of tests/fixtures/real (quick-facts blocks, label /
value tables separated by spaces or tabs, figures in sentences, bullets), for invented roles
(`synthetic.make_roles`) with their numbers varied. Never written into data/raw.

    python benchmarks/synthetic_kinds.py OUT_DIR --pages 1000    # a mix of all page kinds
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import (
    RACES,
    Role,
    comparison_page,
    how_to_page,
    make_roles,
    profile_page,
    write_texts,
)

MENU = ["Home", "Careers", "Salaries", "Resources", "Contact"]
OUTLOOK_WORDS = [
    (-2, "Decline"),
    (2, "Slower than average"),
    (4, "As fast as average"),
    (8, "Faster than average"),
    (99, "Much faster than average"),
]


def _plural(role: Role) -> str:
    return f"{role.name}s"


def _outlook(growth: int) -> str:
    return next(words for limit, words in OUTLOOK_WORDS if growth <= limit)


def _money(value: float) -> str:
    return f"${value:,.2f}" if isinstance(value, float) else f"${value:,}"


def handbook_page(r: Role, rng: random.Random) -> str:
    """An occupational-handbook page: menu, quick facts, prose sections."""
    year = rng.choice([2021, 2022, 2023])
    change = r.jobs * r.growth // 100
    plural, lower = _plural(r), _plural(r).lower()
    return "\n".join(
        [
            "Occupational Outlook Handbook",
            "",
            plural,
            "Summary",
            "What They Do",
            "Work Environment",
            "How to Become One",
            "Pay",
            "Job Outlook",
            "",
            f"Quick Facts: {plural}",
            f"{year} Median Pay",
            f"{_money(r.salary)} per year",
            f"{_money(r.hourly)} per hour",
            "Typical Entry-Level Education",
            "Bachelor's degree",
            "Work Experience in a Related Occupation",
            "Less than 5 years",
            "On-the-job Training",
            "None",
            f"Number of Jobs, {year}",
            f"{r.jobs:,}",
            f"Job Outlook, {year}-{(year + 10) % 100:02d}",
            f"{r.growth}% ({_outlook(r.growth)})",
            f"Employment Change, {year}-{(year + 10) % 100:02d}",
            f"{change:,}",
            "",
            f"What {plural} Do",
            "",
            f"{plural} plan the work of their teams, keep records and report to management.",
            "",
            "Work Environment",
            "",
            f"Most {lower} work full time in offices; some work 50 hours a week.",
            "",
            "Pay",
            "",
            f"In May {year}, the median annual wage for {lower} was {_money(r.salary)}. The "
            f"lowest 10 percent earned less than {_money(r.low)}, and the highest 10 percent "
            f"earned more than {_money(r.high)}.",
            "",
            "Job Outlook",
            "",
            f"From {year} to {year + 10}, employment of {lower} is projected to "
            f"{'decline' if r.growth < 0 else 'grow'} {abs(r.growth)} percent.",
            "",
            f"Over the decade, about {max(r.jobs // 12, 10):,} openings for {lower} are "
            "projected each year, on average.",
            "",
        ]
    )


def statistics_page(r: Role, rng: random.Random) -> str:
    """An occupational employment statistics page: tables separated by tabs or runs of spaces."""
    year = rng.choice([2019, 2020, 2021, 2022])
    sep = rng.choice(["\t", "   "])
    mean_year = int(r.salary * 1.08)
    percentiles = [int(r.salary * f) for f in (0.62, 0.78, 1.0, 1.24, 1.52)]
    industries = [
        sep.join(
            [
                name,
                f"{rng.randrange(1_000, 90_000):,}",
                f"${rng.uniform(18, 60):.2f}",
                f"${rng.randrange(40_000, 120_000):,}",
            ]
        )
        for name in ("Management of Companies", "Local Government", "Employment Services")
    ]
    return "\n".join(
        [
            "Occupational Employment Statistics",
            "",
            f"Occupational Employment and Wages, May {year}",
            "",
            f"{rng.randint(11, 53)}-{rng.randint(1000, 9999)} {_plural(r)}",
            "",
            "Plan, direct or coordinate the work of a team. Keep records and prepare reports.",
            "",
            "Employment estimate and mean wage estimates for this occupation:",
            "",
            sep.join(
                [
                    "Employment (1)",
                    "Employment RSE (3)",
                    "Mean hourly wage",
                    "Mean annual wage (2)",
                    "Wage RSE (3)",
                ]
            ),
            sep.join(
                [
                    f"{r.jobs:,}",
                    "0.8 %",
                    _money(round(mean_year / 2080, 2)),
                    _money(mean_year),
                    "0.4 %",
                ]
            ),
            "",
            "Percentile wage estimates for this occupation:",
            "",
            sep.join(["Percentile", "10%", "25%", "50% (Median)", "75%", "90%"]),
            sep.join(["Hourly Wage", *(_money(round(p / 2080, 2)) for p in percentiles)]),
            sep.join(["Annual Wage (2)", *(_money(p) for p in percentiles)]),
            "",
            "Industries with the highest levels of employment in this occupation:",
            "",
            sep.join(["Industry", "Employment (1)", "Hourly mean wage", "Annual mean wage (2)"]),
            *industries,
            "",
        ]
    )


def comparison_prose_page(a: Role, b: Role, rng: random.Random) -> str:
    """An article comparing two roles in sentences, figures of both roles in either order."""
    year = rng.choice([2012, 2016, 2020, 2022])
    pa, pb = _plural(a).lower(), _plural(b).lower()
    return "\n".join(
        [
            *MENU,
            "",
            f"{a.name} vs. {b.name}: Which Career Fits You?",
            "",
            f"Both careers suit people who like to organise. Here is how {pa} and {pb} compare.",
            "",
            f"{a.name} Salaries",
            "",
            f"According to the BLS, {pa} earned a median salary of {_money(a.salary)} per year, "
            f"or {_money(a.hourly)} per hour, in May {year}. Earners in the top 10 percent made "
            f"{_money(a.high)} or more, while those in the bottom 10 percent made "
            f"{_money(a.low)} or less.",
            "",
            f"{b.name} Salaries",
            "",
            f"The average salary for {pb} was {_money(b.salary)} a year as of May {year}, the "
            f"highest in {b.state}, where they averaged {_money(int(b.salary * 1.2))}.",
            "",
            "Outlook",
            "",
            f"Employment of {pb} is projected to grow {abs(b.growth)} percent from {year} to "
            f"{year + 10}, while jobs for {pa} are projected to "
            f"{'decline' if a.growth < 0 else 'grow'} {abs(a.growth)} percent.",
            "",
            f"There were about {a.jobs:,} {pa} and {b.jobs:,} {pb} employed in the U.S. in {year}.",
            "",
        ]
    )


def fact_sheet_page(r: Role, rng: random.Random) -> str:
    """A workforce fact sheet: counts, shares, age and trends in bullets."""
    year = rng.choice([2018, 2020, 2022])
    plural, lower = _plural(r), _plural(r).lower()
    earlier = round(r.male - rng.uniform(1, 4), 1)
    races = "; ".join(f"{v:.1f}% {k}" for k, v in zip(RACES, r.race, strict=True))
    return "\n".join(
        [
            *MENU[:3],
            "",
            f"{r.name} Workforce Fact Sheet",
            "",
            f"  • There are nearly {r.jobs:,} {lower} nationwide, up from "
            f"{int(r.jobs * 0.9):,} in {year - 8}.1",
            f"  • {plural} have a median age of {r.age} years; one in four is older than 55.",
            f"  • From {year - 4} to {year}, the percentage of men among {lower} rose from "
            f"{earlier}% to {r.male}%.2",
            f"  • By race, {lower} in {year} were {races}.",
            f"  • About {r.lgbt} professional associations and 120 training programs serve them.",
            "",
            f"Copyright {year + 1}",
            "",
        ]
    )


KINDS = (
    "comparison",
    "profile",
    "how-to",
    "handbook",
    "statistics",
    "comparison-prose",
    "fact-sheet",
)


def mixed_texts(pages: int, seed: int = 0) -> list[str]:
    """`pages` pages cycling through every page kind, the seeds' layouts among them."""
    rng = random.Random(seed)
    people = make_roles(max(2, pages // len(KINDS) + 2), seed)
    texts = []
    for i in range(pages):
        kind = KINDS[i % len(KINDS)]
        r = people[(i // len(KINDS)) % len(people)]
        other = people[(i // len(KINDS) + 1) % len(people)]
        if kind == "comparison":
            texts.append(comparison_page(r, other, glued=(i // len(KINDS)) % 2 == 0))
        elif kind == "profile":
            texts.append(profile_page(r))
        elif kind == "how-to":
            texts.append(how_to_page(r))
        elif kind == "handbook":
            texts.append(handbook_page(r, rng))
        elif kind == "statistics":
            texts.append(statistics_page(r, rng))
        elif kind == "comparison-prose":
            texts.append(comparison_prose_page(r, other, rng))
        else:
            texts.append(fact_sheet_page(r, rng))
    return texts


def write_mixed_pages(folder: Path, *, pages: int, seed: int = 0) -> list[Path]:
    return write_texts(folder, mixed_texts(pages, seed), "mixed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_mixed_pages(args.out, pages=args.pages, seed=args.seed)
    print(f"wrote {len(paths)} pages of {len(KINDS)} kinds to {args.out}")


if __name__ == "__main__":
    main()

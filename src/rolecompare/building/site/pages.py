"""Rendering the site from its Jinja2 templates (`building/templates/site`, autoescaped, in
the one environment of `core.templates`).

Pages: `index.html` (the entry point: find a role by typing, every role with its key
numbers, the pairs or links to the pages that list them, the overview figure, what changed,
how the site was made), `pairs/<n>.html` when there are more pairs than one page should hold,
and `roles/<role>.html` for every role.

Every page is self-contained and loads nothing from elsewhere: the stylesheet and the small
sort-and-filter script are inline, allowed by a Content-Security-Policy that names them by
hash, and figures are data: URIs. No page carries an absolute path of the machine that built
it, and none but the index carries the build time, so an unchanged role's page is byte for
byte what it was and is not rewritten.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import jinja2

from rolecompare.building.site import formatting as fmt
from rolecompare.building.site.data import PairRow, RoleRow, SiteData, role_href, shown_sources
from rolecompare.core import templates
from rolecompare.facts.sources import web_address

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "site"
PAIRS_PER_PAGE = 250  # ~200 kB a page
MAX_CHANGED_ROLES = 200
MAX_TEXT_FACTS = 60

LABELS = {
    "salary_yearly": "Yearly salary",
    "salary_hourly": "Hourly pay",
    "salary_min": "Salary range, low end",
    "salary_max": "Salary range, high end",
    "salary_percentile": "Salary at percentile",
    "salary_percentile_hourly": "Hourly pay at percentile",
    "salary_regional_diff": "Pay against the US average in",
    "salary_abroad": "Yearly salary abroad",
    "salary_abroad_usd": "Yearly salary abroad, in USD",
    "growth_rate": "Job growth",
    "growth_projected": "Projected growth",
    "jobs_count": "Number of jobs",
    "experience_years": "Years of experience",
    "experience_min_years": "Minimum years of experience",
    "years_to_become_min": "Years to become one, at least",
    "years_to_become_max": "Years to become one, at most",
    "lgbt_share": "LGBT share",
    "gender_share": "Gender share",
    "race_share": "Race share",
    "skill_share": "Skill",
    "degree_share": "Degree",
    "degree_top": "Most common degree",
    "age": "Age",
    "top_city": "Highest paying city",
    "top_state": "Highest paying state",
    "top_company": "Best paying company",
    "top_industry": "Best paying industry",
    "major_top": "Most common major",
    "college_top": "Most common college",
    "education_entry": "Entry-level education",
    "experience_related": "Related work experience",
    "training_on_the_job": "On-the-job training",
    "skill_top": "Top skill",
    "job_satisfaction": "Job satisfaction",
}


def label(metric: str) -> str:
    return LABELS.get(metric, metric.replace("_", " ").capitalize())


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@cache
def assets() -> tuple[str, str, str]:
    """The inline stylesheet, the inline script and the policy that allows exactly them."""
    style = (TEMPLATES / "site.css").read_text(encoding="utf-8").strip()
    script = (TEMPLATES / "site.js").read_text(encoding="utf-8").strip()
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )
    return style, script, csp


def _pair(values) -> tuple:
    return tuple(values) if values is not None else (None, None)


def _mid_sort(values) -> str:
    low, high = _pair(values)
    if not (fmt.is_number(low) and fmt.is_number(high)):
        return ""
    return fmt.sort_key((low + high) / 2)


def _split_values(values) -> list[str]:
    if values is None or values != values or values == "":
        return []
    return re.split(r"(?<=\)); ", str(values))


@cache
def environment() -> jinja2.Environment:
    """`core.templates`' environment with the filters and globals of the site's templates."""
    filters = {
        "money_span": lambda v: fmt.span(*_pair(v), fmt=fmt.money),
        "percent_span": lambda v: fmt.span(*_pair(v), fmt=fmt.percent),
        "mid_sort": _mid_sort,
        "sort_key": fmt.sort_key,
        "points": fmt.points,
        "plain_number": fmt.number,
        "when": fmt.when,
        "b64": lambda data: base64.b64encode(data).decode("ascii"),
        "split_values": _split_values,
        "count": fmt.count,
    }
    return templates.add_filters(filters, role_link=_role_link)


def _role_link(role_id: str | None, prefix: str = "") -> str | None:
    return role_href(role_id, prefix) if role_id else None


def _render(template: str, **context) -> str:
    style, script, csp = assets()
    return (
        environment().get_template(template).render(style=style, script=script, csp=csp, **context)
    )


@dataclass(frozen=True)
class PairsPage:
    number: int
    pairs: list[PairRow]

    @property
    def file(self) -> str:
        return f"{self.number}.html"

    @property
    def href(self) -> str:
        return f"pairs/{self.file}"

    @property
    def count(self) -> int:
        return len(self.pairs)

    @property
    def first(self) -> str:
        return self.pairs[0].name_a

    @property
    def last(self) -> str:
        return self.pairs[-1].name_a


def pair_pages(pairs: list[PairRow], per_page: int | None = None) -> list[PairsPage]:
    """Pages of pairs when one page would be too heavy; [] when the index can hold them."""
    per_page = per_page or PAIRS_PER_PAGE
    if len(pairs) <= per_page:
        return []
    return [
        PairsPage(i // per_page + 1, pairs[i : i + per_page])
        for i in range(0, len(pairs), per_page)
    ]


def render_pairs_page(page: PairsPage, pages: list[PairsPage], total: int) -> str:
    return _render("pairs.html.j2", page=page, pages=pages, total=total)


def render_find_part(part) -> str:
    """One page of the roles with a word beginning `part.key` (`site.find`)."""
    return _render("find.html.j2", part=part)


def _blank(value: object) -> bool:
    return value is None or value != value or value == ""


def role_context(role: RoleRow, data: SiteData, in_plan: bool) -> dict:
    numbers = []
    for n in data.numbers.get(role.role_id, ()):
        refs, more = shown_sources(n["sources"])
        unit = None if _blank(n["unit"]) else str(n["unit"])
        value = (
            fmt.span(n["low"], n["high"], fmt=lambda v, u=unit: fmt.with_unit(v, u))
            if n["conflict"]
            else fmt.with_unit(n["value"], unit)
        )
        numbers.append(
            {
                "label": label(str(n["metric"])),
                "statistic": None if _blank(n["statistic"]) else str(n["statistic"]),
                "category": None if _blank(n["category"]) else str(n["category"]),
                "value": value,
                "conflict": bool(n["conflict"]),
                "refs": refs,
                "more": more,
            }
        )
    texts = []
    passages = 0
    for t in data.texts.get(role.role_id, ()):
        if t["metric"] in ("description", "responsibility"):
            passages += 1
            continue
        texts.append(
            {
                "label": label(str(t["metric"])),
                "category": None if _blank(t["category"]) else str(t["category"]),
                "text": str(t["text"]),
                "ref": f"{t['source']}:{t['line']}",
            }
        )
    more_texts = passages + max(0, len(texts) - MAX_TEXT_FACTS)
    pages = []
    for source in role.sources:
        page = dict(data.pages.get(source) or {"source": source})
        page["href"] = web_address(page.get("url"))
        for key in ("title", "url", "kind", "retrieved"):
            page[key] = None if _blank(page.get(key)) else page[key]
        pages.append(page)
    return {
        "role": role,
        "numbers": numbers,
        "texts": texts[:MAX_TEXT_FACTS],
        "more_texts": more_texts,
        "conflicts": data.conflicts.get(role.role_id, []),
        "pages": pages,
        "in_plan": in_plan,
    }


def render_role(role: RoleRow, data: SiteData, *, in_plan: bool = True) -> str:
    return _render("role.html.j2", **role_context(role, data, in_plan))


def render_index(
    data: SiteData,
    *,
    overview,
    heatmap,
    changes,
    context,
    provenance: dict,
    built_at: datetime,
    pages: list[PairsPage],
    find_map: str | None = None,
) -> str:
    roles = sorted(data.roles.values(), key=lambda r: (r.name.casefold(), r.role_id))
    ok = sum(p.status == "ok" for p in data.pairs)
    failed = sum(p.status == "failed" for p in data.pairs)
    reasons: dict[str, int] = {}
    if changes is not None:
        for why in changes.rebuilt.values():  # a pair counted once per kind of reason
            for key in {"their roles' facts" if r.startswith("facts of ") else r for r in why}:
                reasons[key] = reasons.get(key, 0) + 1
    return _render(
        "index.html.j2",
        roles=roles,
        pairs=data.pairs,
        pair_pages=pages,
        per_page=PAIRS_PER_PAGE,
        find_map=find_map,
        counts={
            "ok": ok,
            "failed": failed,
            "other": len(data.pairs) - ok - failed,
            "roles_in_pairs": sum(1 for r in roles if r.pairs),
        },
        overview=overview,
        heatmap=heatmap,
        without_salary=[r.name for r in roles if r.salary_mid is None],
        changes=changes,
        rebuilt_reasons=sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])),
        max_changes=MAX_CHANGED_ROLES,
        conflicts=data.conflict_rows,
        n_conflicts=data.n_conflicts,
        conflict_roles=data.conflict_roles,
        context=context,
        provenance=provenance,
        built_at=f"{built_at:%Y-%m-%d %H:%M}",
        built_at_full=f"{built_at:%Y-%m-%d %H:%M:%S}",
        built_at_iso=f"{built_at:%Y-%m-%dT%H:%M:%SZ}",
    )

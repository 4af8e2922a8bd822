"""The one Jinja2 environment: every piece of markup (report sections, site pages) comes
from a template rendered here, with autoescaping on and undefined names failing.

Templates live beside the stage that renders them (`reporting/templates/sections/`,
`building/templates/site/`) and share one namespace: a name is unique across the folders
(a test checks). A stage adds the filters its templates use with `add_filters` before it
renders (the site's number filters are `building.site.pages`').
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

PACKAGE = Path(__file__).resolve().parents[1]
TEMPLATE_DIRS = (
    PACKAGE / "reporting" / "templates" / "sections",
    PACKAGE / "building" / "templates" / "site",
)


@functools.cache
def environment() -> jinja2.Environment:
    """The templates' environment (autoescaping on for every template, undefined names fail;
    a template's output keeps its final newline)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in TEMPLATE_DIRS]),
        autoescape=True,  # every {{ }} is escaped, in text and in attributes
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def add_filters(filters: dict[str, Callable[..., Any]], **globals_: Any) -> jinja2.Environment:
    """The environment with these filters and globals added (idempotent)."""
    env = environment()
    env.filters.update(filters)
    env.globals.update(globals_)
    return env


def render(template: str, **context: Any) -> str:
    """The markup of `template` (a file name in one of `TEMPLATE_DIRS`) for `context`."""
    return environment().get_template(template).render(**context)

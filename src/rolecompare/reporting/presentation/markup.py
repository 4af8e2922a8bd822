"""Markup from templates: the report's sections are Jinja2 templates with autoescaping.

Nothing here assembles HTML from strings: a section is data (sentences, table rows, figures)
rendered by a template under `reporting/templates/sections/` (`core.templates`, the one
Jinja2 environment), so page text -- role names,
skills, descriptions, titles, addresses -- is always escaped and shows literally. Figures are
embedded as PNG data URIs with their alt text (`figures.alt_text`), so the HTML is
self-contained and a reader who cannot see a figure still gets what it shows.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import matplotlib.pyplot as plt
from IPython.display import HTML
from matplotlib.figure import Figure

from rolecompare.core import templates
from rolecompare.reporting.figures import alt_text, figure_to_png_bytes

CSS_PX_PER_INCH = 96  # an <img> width in CSS pixels: a 6.5 inch figure is 624 px wide


def render(template: str, **context: Any) -> str:
    """The markup of `template` (a file in templates/sections) for `context`, without the
    template file's final newline (a section sits inline in the notebook's output)."""
    return templates.render(template, **context).removesuffix("\n")


def html(template: str, **context: Any) -> HTML:
    """`render` as a notebook output (text/html)."""
    return HTML(render(template, **context))


@dataclass(frozen=True)
class EmbeddedFigure:
    """A figure ready for a template: base64 PNG, alt text and its size in CSS pixels."""

    png: str
    alt: str
    width: int
    height: int


def embed(fig: Figure) -> EmbeddedFigure:
    """The figure as PNG (the same bytes every run) with its alt text; the figure is closed."""
    data = figure_to_png_bytes(fig)
    width, height = fig.get_size_inches()
    alt = alt_text(fig)
    plt.close(fig)
    return EmbeddedFigure(
        base64.b64encode(data).decode("ascii"),
        alt,
        round(width * CSS_PX_PER_INCH),
        round(height * CSS_PX_PER_INCH),
    )


class FigureOutput:
    """A figure as a notebook image output (image/png) that carries its alt text.

    For notebooks that show single figures (the explore notebook): the report's template
    writes the alt text into the <img>, which nbconvert would otherwise fill with a
    placeholder.
    """

    def __init__(self, fig: Figure) -> None:
        self.figure = embed(fig)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
        data = {"image/png": self.figure.png, "text/plain": self.figure.alt}
        metadata = {
            "image/png": {
                "alt": self.figure.alt,
                "width": self.figure.width,
                "height": self.figure.height,
            }
        }
        return data, metadata


def figure(fig: Figure) -> FigureOutput:
    """Show a figure as PNG with its alt text (and free it)."""
    return FigureOutput(fig)

"""Workforce shares: label over value blocks (facts/parsing/share_blocks.py) and degree shares
in sentences (facts/parsing/categories.py)."""

from __future__ import annotations

from rolecompare.facts.parsing import parse_page


def shares(text: str) -> list[tuple]:
    result = parse_page("page.txt", text.encode())
    return [(f.line, f.metric, f.category, f.printed) for f in result.facts
            if f.metric.endswith("_share")]  # fmt: skip


def test_labels_over_their_values_with_noise_between() -> None:
    page = (
        "Chefs\n"
        "Education Level\n"
        "  • Associate's degree\n"
        "\n"
        "    51%\n"
        "  • Some college\n"
        "More\n"
        "    3%\n"
        "Race\n"
        "White (Non-Hispanic)\n"
        "58.4%\n"
        "Black or African American\n"
        "19.4%\n"
        "Women\n"
        "21%\n"
    )
    assert shares(page) == [
        (5, "degree_share", "Associate's degree", "51"),
        (8, "degree_share", "Some college", "3"),
        (11, "race_share", "White", "58.4"),
        (13, "race_share", "Black or African American", "19.4"),
        (15, "gender_share", "female", "21"),
    ]


def test_one_label_and_value_alone_is_no_block() -> None:
    assert shares("Chefs\nBachelor's degree\n10%\n") == []


def test_degree_shares_in_a_list_and_at_least_a_degree() -> None:
    page = (
        "Cashiers\n"
        "About 45% of cashiers hold a high school diploma, 26% have some college, and 9% have a "
        "bachelor's degree or higher.\n"
        "About 89% of cashiers hold at least a bachelor's degree.\n"
        "40 percent hold Master's degrees and a further 5 percent hold doctoral degrees.\n"
    )
    assert shares(page) == [
        (2, "degree_share", "high school diploma", "45"),
        (2, "degree_share", "some college", "26"),
        (2, "degree_share", "bachelor's degree or higher", "9"),
        (3, "degree_share", "bachelor's degree", "89"),
        (4, "degree_share", "Master's degrees", "40"),
        (4, "degree_share", "doctoral degrees", "5"),
    ]


def test_race_shares_listed_in_order_and_a_list_ending_in_other() -> None:
    page = (
        "Accountant Statistics\n"
        "White workers made up 77.6% of accountants in 2020; for Hispanics, Blacks, and Asians "
        "the shares were 7.3%, 9.2%, and 9.3%.\n"
        "- Native American, Other or Mixed: 2.5%\n"
    )
    assert sorted(shares(page)) == [
        (2, "race_share", "Asians", "9.3"),
        (2, "race_share", "Blacks", "9.2"),
        (2, "race_share", "Hispanics", "7.3"),
        (2, "race_share", "White", "77.6"),
        (3, "race_share", "Native American, Other or Mixed", "2.5"),
    ]

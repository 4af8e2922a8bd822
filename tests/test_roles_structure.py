"""Roles on pages nobody tuned for (issue 17): a role comes from what the page declares and what
its running text names, never from a menu entry, a byline, a site's section title or an
all-occupations figure. Small inline pages, exact roles."""

from __future__ import annotations

from rolecompare.facts.parsing.context import build_context
from rolecompare.facts.parsing.pages import parse_page


def _facts(page: str) -> list[tuple[str, str, float | None, int]]:
    result = parse_page("page.txt", page.encode("utf-8"))
    return [(f.role, f.metric, f.value, f.line) for f in result.facts]


def _roles(page: str) -> set[str]:
    return {role for role, *_ in _facts(page)}


def test_a_menu_entry_before_the_title_is_not_the_pages_role() -> None:
    # the menu's 'DevOps Engineers' is named once; the text names the administrators again
    # (in lower case: case variants of a name are one role when counting)
    page = (
        "Career Guides\n"
        "DevOps Engineers Network and Computer Systems Administrator\n"
        "Network and computer systems administrators keep an organization's networks running.\n"
        "2024 Median Pay: $96,800/year\n"
    )
    context = build_context(page.split("\n"))
    assert context.roles.main == "Network and Computer Systems Administrator"
    assert _roles(page) <= {"Network and Computer Systems Administrator"}


def test_a_role_named_once_in_a_byline_is_not_the_main_role() -> None:
    page = (
        "Warehouse Industry Statistics\n\n"
        "Alexander Schmidt\n\n"
        "Research Analyst covering technology trends.\n\n"
        "Median hourly wage of a warehouse worker in 2023: $18.50.\n\n"
        "In 2023 women made up 35% of the warehouse workforce.\n\n"
        "Forklift operators in the U.S. make a median of $38,000 a year.\n"
    )
    assert build_context(page.split("\n")).roles.main is None
    # the workforce share is the industry's: no role gets it (the two named roles are neither
    # declared nor SOC titles, so their figures stay unread for now)
    assert {role for role, *_ in _facts(page)} <= {"warehouse worker", "Forklift operator"}
    assert not [f for f in _facts(page) if f[3] == 9]


def test_a_page_naming_one_role_once_is_about_it() -> None:
    assert _facts("The median pay of welders was $48,940 in 2023.\n") == [
        ("welder", "salary_yearly", 48940.0, 1)
    ]


def test_a_site_section_title_the_text_never_names_is_not_the_subject() -> None:
    page = (
        "Careers\n\n"
        "Pay Information for Mechanic Jobs\n\n"
        "HVAC technicians install and repair heating and cooling equipment.\n\n"
        "HVAC technicians earn an average salary of $45,830 a year.\n"
    )
    roles = build_context(page.split("\n")).roles
    assert (roles.subject, roles.main) == (None, "HVAC technician")
    assert _facts(page) == [("HVAC technician", "salary_yearly", 45830.0, 7)]


def test_an_acronym_in_front_of_a_role_noun_is_part_of_its_name() -> None:
    context = build_context(["Careers", "", "Most electricians work."])
    (mention,) = context.roles.mentions("In 2012 BLS figures give HVAC technicians a raise.")
    assert (mention.role, mention.bare) == ("HVAC technician", False)


def test_pro_and_professional_say_which_members_not_which_role() -> None:
    page = (
        "Pro Plumber Profile\n\n"
        "Professional plumbers need a high school diploma.\n\n"
        "The US workforce counted approximately 93,405 plumbers in 2017.\n\n"
        "Median pay in 2016 was around $50,000 a year, so most plumbers earn well.\n"
    )
    assert build_context(page.split("\n")).roles.subject == "Plumber"
    assert _roles(page) == {"Plumber"}


def test_modifiers_that_share_one_head_noun_stay_one_role() -> None:
    page = (
        "How Much Does a Police Dispatcher Make?\n"
        "Police dispatchers send officers to incidents.\n"
        "The BLS reports that police, fire, and emergency medical dispatchers earned a median "
        "annual salary of $41,400 as of May 2020.\n"
    )
    assert _facts(page) == [
        ("police, fire, and emergency medical dispatcher", "salary_yearly", 41400.0, 3)
    ]
    # a comma list with no 'and', or an 'and' with no list, widens no further than before
    roles = build_context(page.split("\n")).roles
    assert [m.role for m in roles.mentions("fire, emergency medical dispatchers")] == [
        "emergency medical dispatcher"
    ]


def test_an_all_occupations_figure_is_no_role_and_not_the_us_average() -> None:
    page = (
        "Information Security Analysts\n\n"
        "Information security analysts earned a median annual wage of $95,510 in May 2017, "
        "while the median pay for all occupations that month was $37,690.\n"
    )
    assert _facts(page) == [("Information Security Analyst", "salary_yearly", 95510.0, 3)]


def test_the_average_us_worker_stays_the_us_average() -> None:
    page = (
        "Licensed Practical Nurse Salary\n\n"
        "A licensed practical nurse earned an average salary of $42,400 a year. That falls short "
        "of the $45,790 yearly wage of the average U.S. worker.\n"
    )
    facts = _facts(page)
    assert ("US average", "salary_yearly", 45790.0, 3) in facts
    assert ("Licensed Practical Nurse", "salary_yearly", 42400.0, 3) in facts


def test_a_possessive_stays_in_a_name_the_soc_vocabulary_holds() -> None:
    page = (
        "Police and Sheriff’s Patrol Officers Salary Range\n"
        "Police and Sheriff’s Patrol Officers earn a median salary of $72,280 per year.\n"
    )
    assert _facts(page) == [("Police and Sheriff’s Patrol Officer", "salary_yearly", 72280.0, 2)]
    roles = build_context(["Careers", "Most nurses work."]).roles
    # any other possessive ends the name: the hospital is not part of the role
    assert [m.role for m in roles.mentions("the hospital's registered nurses earn")] == [
        "registered nurse"
    ]


def test_both_apostrophes_spell_one_id() -> None:
    from rolecompare.facts.parsing.text import slugify

    assert slugify("Police and sheriff's patrol officer") == "police-and-sheriffs-patrol-officer"
    assert slugify("Police and Sheriff’s Patrol Officer") == "police-and-sheriffs-patrol-officer"


def test_a_title_word_in_ian_that_is_a_statistic_is_no_role() -> None:
    # 'Median Salary' looks like an agent noun ('Median' ends in -ian) but names no occupation
    page = "Writers and Authors\n\nMedian Salary\n$72,270\nper year\n"
    roles = build_context(page.split("\n")).roles
    assert (roles.declared, roles.main) == (["Writer and Author"], "Writer and Author")


def test_all_jobs_median_is_no_role_and_not_the_us_average() -> None:
    page = (
        "Customer Service Representative Statistics\n"
        "With 2,784,500 workers, customer service representatives make up a big workforce.\n"
        "This job's median $34KAll jobs' median $39K\n"
    )
    assert {role for role, *_ in _facts(page)} == {"Customer Service Representative"}


def _subject(page: str) -> str | None:
    return build_context(page.split("\n")).roles.subject


def test_a_heading_role_is_the_occupation_inside_it_that_the_text_names() -> None:
    # 'Key' is a label word: the text says 'welders', never 'key welders'
    page = (
        "JourneymanHQ\n\n"
        "8 Key Welder Demographics in the United States\n"
        "The median pay of welders was $48,940 in 2023.\n"
    )
    assert _subject(page) == "Welder"
    assert _facts(page) == [("Welder", "salary_yearly", 48940.0, 4)]
    # a quantifier in front is no part of the name
    page = "How Many Software Engineers in the US?\nMost software engineers work in offices.\n"
    assert _subject(page) == "Software Engineer"


def test_a_site_name_or_a_label_is_not_the_pages_role() -> None:
    # the site's name ends in a role noun the text never uses again; 'Editor's Choice' is a label
    page = (
        "Capital Counselor\nBusiness\n\n"
        "Facts About Social Workers (Editor’s Choice)\n"
        "Welders join metal parts.\n"
        "The median pay of welders was $48,940 in 2023.\n"
    )
    assert _subject(page) is None
    assert _roles(page) == {"welder"}


def test_a_label_word_in_agent_form_is_not_a_role() -> None:
    # 'Important' ends like an agent noun; the page never names 'importants'
    page = "Careers\n\nImportant Facts About This Occupation\nThe median pay is $24,410 a year.\n"
    assert _subject(page) is None


def test_a_soc_occupation_in_a_title_without_a_known_noun_is_the_subject() -> None:
    # 'guard' is no role noun of the readers; 'security guard' is a SOC 2018 title
    page = (
        "How Much Do Security Guard Jobs Pay?\n\n"
        "Security guards patrol buildings.\n"
        "A security guard earned a mean annual wage of $28,040 in May 2014.\n"
    )
    assert _subject(page) == "Security Guard"
    assert _facts(page) == [("Security Guard", "salary_yearly", 28040.0, 4)]


def test_a_generic_noun_among_other_words_of_a_heading_is_no_subject() -> None:
    page = (
        "Machine Design\n\n"
        "READ MORE: Engineers Bring Pride to Their Craft\n"
        "The median annual wage for mechanical engineers is $96,310.\n"
    )
    assert _subject(page) is None
    assert _facts(page) == [("mechanical engineer", "salary_yearly", 96310.0, 4)]


def test_worker_is_a_role_noun_and_a_bare_worker_is_the_clauses_role() -> None:
    page = (
        "Interesting Facts About Social Workers (Editor’s Choice)\n"
        "Social workers help people cope with problems.\n"
        "The median pay of social workers was $55,350 in 2021.\n"
    )
    roles = build_context(page.split("\n")).roles
    assert roles.main == "Social Worker"  # the heading names two: 'Editor' is a label
    assert _facts(page) == [("Social Worker", "salary_yearly", 55350.0, 3)]
    # two subjects joined by a comma alone are two roles, never 'worker, customer service ...';
    # the count of 'workers' is the clause's role's
    page = (
        "Customer Service Representative Statistics\n"
        "With 2,784,500 workers, customer service representatives make up a big workforce.\n"
    )
    roles = build_context(page.split("\n")).roles
    assert [m.role for m in roles.mentions(page.split("\n")[1])] == [
        "worker",
        "Customer Service Representative",
    ]
    assert _facts(page) == [("Customer Service Representative", "jobs_count", 2784500.0, 2)]


def test_an_industry_page_has_no_main_role_and_its_workforce_is_no_roles() -> None:
    page = (
        "Warehouse Industry Statistics\n\n"
        "In 2022 the U.S. warehousing industry had 1.8 million workers on its payrolls.\n"
        "Median hourly wage of a warehouse worker in 2023: $18.50.\n"
        "In 2023, most warehouse workers were young.\n"
    )
    roles = build_context(page.split("\n")).roles
    assert (roles.subject, roles.main, roles.declared) == (None, None, ["warehouse worker"])
    assert _facts(page) == [("warehouse worker", "salary_hourly", 18.5, 4)]


def test_words_that_only_describe_the_pages_role_are_not_a_new_role() -> None:
    page = (
        "Carpenter Salary\n"
        "Carpenters build and repair frameworks.\n"
        "California ranked among the states that paid carpenters most, at $54,600 a year.\n"
    )
    assert _roles(page) == {"Carpenter"}
    roles = build_context(["Cashier Demographics", "Cashiers work in stores."]).roles
    mentions = roles.mentions("Across the country cashiers are 32.2 years old on average.")
    assert [m.role for m in mentions] == ["Cashier"]
    # a kind named by nouns stays a role of its own
    roles = build_context(["Teacher Statistics", "Teachers teach."]).roles
    assert [m.role for m in roles.mentions("public school teachers earn more")] == [
        "public school teacher"
    ]


def test_a_table_under_a_role_heading_is_that_roles() -> None:
    page = (
        "What is a Hospitality Manager's annual salary?\n"
        "Hospitality managers run hotels and restaurants.\n"
        "Lodging Managers\n"
        "State Median Salary Bottom 10% Top 10%\n"
        "Alabama $59,750 $32,660 $97,410\n"
        "Alaska $59,740 $30,010 $98,290\n"
    )
    assert {(role, line) for role, _, _, line in _facts(page)} == {
        ("Lodging Manager", 5),
        ("Lodging Manager", 6),
    }


def test_a_title_joining_two_occupations_declares_two_roles() -> None:
    page = (
        "Top 2 U.S. Jobs by Number Employed: Salespersons and Cashiers\n\n"
        "Legal secretaries had median annual earnings of $36,720 in May 2004.\n"
        "Registered nurses earned a median annual wage of $69,790 in May 2004.\n"
    )
    context = build_context(page.split("\n"))
    assert context.roles.pair == ("Salesperson", "Cashier")
    # an occupation the page only mentions in passing gets a problem, not a fact
    assert _facts(page) == []
    # SOC names and a generic noun keep the joined name whole
    roles = context.roles
    assert [m.role for m in roles.mentions("chefs and head cooks earn")] == ["chef and head cook"]
    assert [m.role for m in roles.mentions("nurses and midwives earn")] == ["nurse and midwife"]


def test_a_kind_of_a_joined_titles_role_and_the_soc_name_holding_it_are_its_own() -> None:
    page = (
        "Paralegals and Secretaries - An Exploration of Wages\n"
        "The median annual earnings of paralegals and legal assistants came to $39,130 in 2004.\n"
        "Legal secretaries had median annual earnings of $36,720 in May 2004.\n"
    )
    assert _facts(page) == [
        ("paralegal and legal assistant", "salary_yearly", 39130.0, 2),
        ("Legal secretary", "salary_yearly", 36720.0, 3),
    ]


def test_the_sentences_after_a_passing_mention_stay_with_it() -> None:
    page = (
        "Plumber Salary\n"
        "Plumbers fix pipes.\n"
        "Registered nurses earn a median of $69,790 a year. The lowest 10 percent earned less "
        "than $45,000.\n"
    )
    roles = build_context(page.split("\n")).roles
    assert roles.pair is None
    assert [f for f in _facts(page) if f[3] == 3] == []


def test_names_of_one_field_are_one_role_named_as_the_page_first_names_it() -> None:
    page = (
        "HVAC, a Career on the Rise\n\n"
        "Openings for HVAC technicians keep growing.\n"
        "BLS lists these as the top-paying states for HVAC specialists:\n"
        "The median pay of HVAC specialists was $48,940 in 2023.\n"
        "HVAC workers are in demand.\n"
    )
    roles = build_context(page.split("\n")).roles
    assert (roles.subject, roles.main) == (None, "HVAC technician")
    assert _facts(page) == [("HVAC technician", "salary_yearly", 48940.0, 5)]


def test_on_a_page_about_one_role_its_other_names_of_the_field_are_aliases() -> None:
    page = "HVAC Technician Salary\n\nThe median pay of HVAC specialists was $48,940 in 2023.\n"
    assert _facts(page) == [("HVAC Technician", "salary_yearly", 48940.0, 3)]
    # distinct occupations of one field stay apart ('software engineers', 'software developers')
    page = (
        "Software Engineer Salary\n\n"
        "The median pay of software developers was $132,270 in 2023.\n"
        "Software engineers write code.\n"
    )
    # (a passing mention on a page about software engineers: a problem, not a fact)
    assert _roles(page) == set()


def test_a_role_read_by_a_pattern_ends_at_its_head_noun() -> None:
    page = (
        "Explore careers\n"
        "Becoming a chef de cuisine usually takes 4-6 years, while becoming a cook normally "
        "takes 2-4 years.\n"
    )
    got = {(role, metric, value) for role, metric, value, _ in _facts(page)}
    assert ("cook", "years_to_become_min", 2.0) in got
    assert ("cook", "years_to_become_max", 4.0) in got
    assert not {role for role, *_ in got} - {"chef de cuisine", "cook"}


def test_a_page_naming_several_roles_alike_has_no_main_role() -> None:
    page = (
        "Does Plumbing or HVAC Pay More?\n"
        "The median pay of plumbers was $59,880 in 2023, and electricians earn more.\n"
        "Jobs in plumbing are expected to grow 5%, while electrician jobs grow 9%.\n"
        "Plumbers and electricians both train as apprentices.\n"
    )
    roles = build_context(page.split("\n")).roles
    assert roles.main is None
    # the growth of 'jobs in plumbing' is not the electricians' (a later clause's role)
    assert ("electrician", "growth_projected", 5.0, 3) not in _facts(page)


def test_words_that_say_which_members_fall_away_before_a_soc_name() -> None:
    roles = build_context(["Accountant Diversity", "Accountants count."]).roles
    mentions = roles.mentions("White workers made up 77.6% of U.S. accountants and auditors.")
    assert [m.role for m in mentions][-1] == "accountant and auditor"


def test_a_title_comparing_fields_of_several_words_compares_their_roles() -> None:
    page = (
        "Mechanical Engineering vs Software Engineering\n\n"
        "Employment of mechanical engineers is projected to grow by 4 percent.\n"
        "Software engineers write the programs mechanical engineers use.\n"
    )
    assert build_context(page.split("\n")).roles.pair == (
        "mechanical engineer",
        "Software engineer",
    )


def test_a_heading_that_is_a_one_word_soc_title_is_the_subject() -> None:
    # 'microbiologist' is no role noun of the readers; the heading is the SOC title alone
    page = (
        "CareerGPS\nCareers\n\nMicrobiologists\n\nCode: 19-1022.00\n"
        "Microbiologists study how microscopic organisms grow.\n"
    )
    assert _subject(page) == "Microbiologist"
    # a one-word SOC title among other words of a menu line is not
    assert _subject("Models and Trends\nNew models learn faster.\n") is None


def test_an_organisations_name_names_no_role() -> None:
    roles = build_context(["Accountant Diversity", "Accountants count."]).roles
    text = "The National Association of Black Accountants (NABA) says only 2% of CPAs are Black."
    assert roles.mentions(text) == []
    roles.learn_abbreviations([text])
    assert "NABA" not in roles.abbreviations
    # a society's members are named by the page's own words elsewhere, not by its name
    assert [m.role for m in roles.mentions("Members of the Society of Actuaries report")] == []


def test_a_share_of_someone_who_is_not_a_role_is_nobodys() -> None:
    page = (
        "Software Engineer Statistics\n"
        "Software engineers write code.\n"
        "Only 5% of tech leaders are women.\n"
        "Women make up 25% of the workforce.\n"
    )
    assert [f[2] for f in _facts(page) if f[1] == "gender_share"] == [25.0]


def test_a_title_pairs_names_start_at_their_role_phrase() -> None:
    page = "Difference for Elementary Teachers vs Secondary Teachers\nTeachers teach.\n"
    assert build_context(page.split("\n")).roles.pair == ("Elementary Teacher", "Secondary Teacher")


def test_the_soc_group_a_page_cites_for_its_role_is_read_whole_and_attributed() -> None:
    page = (
        "Bookkeeper\n\n"
        "Bookkeepers keep the books.\n"
        "BLS keeps no separate figure for bookkeepers, but it reports mean annual wages of "
        "$37,250 in 2013 for bookkeeping, accounting and auditing clerks in the U.S.\n"
    )
    assert _facts(page) == [
        ("bookkeeping, accounting and auditing clerk", "salary_yearly", 37250.0, 4)
    ]
    # without the SOC name, a list without the serial comma is not widened
    roles = build_context(["Careers", "Dispatchers work."]).roles
    assert [m.role for m in roles.mentions("For example, police and fire dispatchers")] == [
        "police and fire dispatcher"
    ]


def test_a_soc_title_listing_occupations_is_one_role() -> None:
    roles = build_context(["Plumber Facts", "Plumbers work."]).roles
    text = "Employment of plumbers, pipefitters, and steamfitters is projected to grow."
    assert [m.role for m in roles.mentions(text)] == ["Plumber, Pipefitter, and Steamfitter"]
    # the same words in another order are no SOC title: each role on its own
    assert [m.role for m in roles.mentions("plumbers, welders, and electricians")] == [
        "Plumber",
        "welder",
        "electrician",
    ]


def test_a_generic_noun_with_title_words_only_is_the_pages_subject() -> None:
    page = "Nurse Salary\n\nNurses earn a median annual wage of $77,600.\n"
    assert _subject(page) == "Nurse"
    assert _subject("How Much Do Engineers Make in 2024?\nEngineers design things.\n") == "Engineer"


def test_a_share_among_or_continuing_someone_who_is_not_a_role_is_nobodys() -> None:
    page = (
        "Actuaries Find a Diversity Gap\n"
        "Actuaries assess risk.\n"
        "Among new SOA members, only 4.4% are Black and 3.7% are Hispanic or Latino.\n"
        "Roughly 12% of people living in the U.S. are Black and 15% are Hispanic or Latino.\n"
        "Among actuaries, 2.7% are Black.\n"
    )
    assert [(f[1], f[2], f[3]) for f in _facts(page)] == [("race_share", 2.7, 5)]


def test_a_kind_whose_last_front_word_is_a_noun_stays_its_own_role() -> None:
    roles = build_context(["Registered Nurse Salary", "Registered nurses care."]).roles
    text = "Advanced practice registered nurses earn more."
    assert [m.role for m in roles.mentions(text)] == ["Advanced practice registered nurse"]


def test_another_soc_occupation_of_the_same_field_is_a_passing_mention() -> None:
    page = (
        "Teacher Salary\n\n"
        "Teachers teach.\n"
        "The median pay of teaching assistants was $30,000 in 2023.\n"
        "The median pay of electrical engineers was $106,950 in 2023.\n"
    )
    assert _facts(page) == []


def test_a_role_read_with_words_in_front_is_the_role_phrase_it_ends_with() -> None:
    from rolecompare.facts.parsing.model import PageResult, RawFact
    from rolecompare.facts.parsing.pages import _roles_as_the_page_names_them

    context = build_context(["Police Dispatcher Market", "Police dispatchers answer calls."])
    result = PageResult("page.txt")
    for role in ("expects police dispatcher", "industry cannot do without actuary", "Cook"):
        result.facts.append(RawFact(role=role, metric="growth_projected", line=3, value=5.0))
    _roles_as_the_page_names_them(result, context)
    assert [f.role for f in result.facts] == ["Police Dispatcher", "actuary", "Cook"]


def test_the_soc_group_a_page_cites_becomes_one_of_its_roles() -> None:
    context = build_context(["Bookkeeper", "", "Bookkeepers keep the books."])
    roles = context.roles
    assert not roles.known("bookkeeping, accounting and auditing clerk")
    assert roles.attributable("bookkeeping, accounting and auditing clerk")
    # rows and sentences below may now name it as a role of the page
    assert roles.known("bookkeeping, accounting and auditing clerk")


def test_a_soc_title_whose_first_part_has_two_words_is_read_whole() -> None:
    roles = build_context(["Social Worker Statistics", "Social workers help."]).roles
    text = "• Mental health and substance abuse social workers are projected to grow 17%."
    assert [m.role for m in roles.mentions(text)] == [
        "Mental health and substance abuse social worker"
    ]
    # no SOC title: the two-word first part is not taken in
    (mention,) = roles.mentions("the pay of mental health and school nurses")
    assert not mention.role.lower().startswith("mental")


def test_a_figures_role_is_named_before_it_and_a_shares_right_after_it() -> None:
    from rolecompare.facts.parsing import sentences as s
    from rolecompare.facts.parsing.numbers import find_numbers, find_periods

    context = build_context(["Salespersons and Cashiers", "Cashiers ring up sales."])
    text = "On average retail workers earned $24,020 a year and cashiers $20,670."
    line = s.Line(3, text, context, find_numbers(text), find_periods(text))
    span = s.split_sentences(text)[0]
    sentence = s.Sentence(line, span, s.split_clauses(span))
    assert sentence.role_for(text.index("$24,020")) == "retail worker"  # not the cashiers'
    page = "Welder Statistics\nWelders join metal.\n- LGBT workers account for 3% of all welders.\n"
    assert _facts(page) == [("Welder", "lgbt_share", 3.0, 3)]


def test_the_soc_group_holding_a_pair_role_is_attributable() -> None:
    roles = build_context(["Plumbers vs Electricians", "Plumbers fix pipes."]).roles
    assert roles.pair == ("Plumber", "Electrician")
    assert roles.attributable("Plumber, Pipefitter, and Steamfitter")
    assert not roles.attributable("registered nurse")


def test_tech_is_a_role_noun_and_one_field_with_technician() -> None:
    page = (
        "HVAC Technician Salary\n\n"
        "HVAC technicians install heating systems.\n"
        "The median pay of HVAC techs was $50,590 in 2023.\n"
    )
    assert _facts(page) == [("HVAC Technician", "salary_yearly", 50590.0, 4)]


def test_a_pair_role_counted_by_its_word_alone() -> None:
    page = (
        "New report shows number of career firefighters vs. volunteer firefighters\n\n"
        "Of all those firefighters, 345,950 were career firefighters and 783,300 were "
        "volunteers.\n"
    )
    roles = build_context(page.split("\n")).roles
    assert [m.role for m in roles.mentions("783,300 were volunteers")] == ["volunteer firefighter"]
    # a word the page never counts alone stays no role ('career' here)
    assert roles.mentions("a career in fire service") == []

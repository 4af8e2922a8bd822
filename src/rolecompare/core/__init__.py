"""The ground floor every stage imports: role names and ids (`roles`), numbers shown to
people (`display`), the one Jinja2 environment (`templates`)."""

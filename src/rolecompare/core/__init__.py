"""The ground floor every stage imports: role names and ids, numbers shown to people."""

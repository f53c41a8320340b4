"""The status annex: the report's status table with its footnotes, as a document of its own
in each language, from the same views as the report's table."""

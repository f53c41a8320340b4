"""The French and Spanish texts of the templates, run by run (tools/make_template.py --lang).

Each English text of templates/report.docx, exactly as make_template.py writes it in a run,
maps to its translation; placeholders stay as they are (a placeholder names a value, in
every language) except where French or Spanish needs another form of a name
(`|name('the')`, `|names('of')`). The sentences that depend on the data are not here: they
are the messages of templates/report.fr.ftl and report.es.ftl.
"""

TRANSLATIONS: dict[str, dict[str, str]] = {"fr": {}, "es": {}}

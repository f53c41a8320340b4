"""The French and Spanish texts of the templates, run by run (tools/make_template.py --lang).

Each English text of templates/report.docx, exactly as make_template.py writes it in a run,
maps to its translation (tools/template_fr.py, tools/template_es.py); placeholders stay as
they are (a placeholder names a value, in every language) except where French or Spanish
needs another form of a State's name (`|name('the')`, `|names('of')`). The sentences that
depend on the data are not here: they are the messages of templates/report.fr.ftl and
templates/report.es.ftl.
"""

from template_es import TEXTS as SPANISH
from template_fr import TEXTS as FRENCH

TRANSLATIONS: dict[str, dict[str, str]] = {"fr": FRENCH, "es": SPANISH}

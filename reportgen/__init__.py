"""reportgen: the CCM co-coordinators' universalisation report, generated from data.

    data/*.yaml --load--> Inputs --compute--> Figures --render--> .docx --write--> output/
"""

from reportgen.problems import InputError, Problem

__all__ = ["InputError", "Problem"]

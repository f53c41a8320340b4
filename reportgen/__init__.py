"""reportgen: the CCM co-coordinators' universalisation report, generated from data.

data/*.yaml --load--> Inputs --compute--> Figures --render--> .docx --write--> output/
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from reportgen.pipeline import Built, build, check, render_bytes
from reportgen.problems import InputError, Problem

__all__ = ["Built", "InputError", "Problem", "build", "check", "render_bytes"]

try:
    __version__ = _version("reportgen")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"

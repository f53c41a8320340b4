"""reportgen: the CCM co-coordinators' universalisation report, generated from data.

data/*.yaml --load--> Inputs --compute--> Figures --render--> .docx --write--> output/
"""

from reportgen.app import Built, build, check
from reportgen.core.problems import InputError, Problem

__all__ = ["Built", "InputError", "Problem", "build", "check"]


def __getattr__(name: str) -> str:
    """`__version__`, read from the installed package only when asked (--version)."""
    if name != "__version__":
        raise AttributeError(f"module 'reportgen' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reportgen")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0+unknown"

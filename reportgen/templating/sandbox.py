"""A Jinja sandbox that bounds what a template costs, not only what it may touch.

Jinja's SandboxedEnvironment stops a template from reaching Python's internals, but not
from running for hours (`{% for x in range(100000) %}{% for y in range(100000) %}`),
computing a number of millions of digits (`9**99999999`) or building a string of
gigabytes (`'a' * 10**9`). `BoundedSandbox` adds, per render of a document:

- a deadline, checked at every loop iteration, call, attribute and item access, operator;
- a count of loop iterations (every `{% for %}` and `range`);
- a size for every value built and for the text produced: an operation whose result would
  be larger is refused before it is computed where the size can be known in advance
  (`*`, `**`, `%`, a width given to a filter or method), and right after otherwise;
- no `lipsum` (text generation), and `{% include %}` / `{% import %}` refused in words.

A limit reached, and a recursion without end, is a `TemplateLimit`, a Jinja TemplateError,
which the render stage reports as a problem of the template at its paragraph: exit
status 2 (as it does any other failure of an expression the template wrote).
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from reportgen.core.limits import Limits, refused

SOURCE_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
"""This module's own text, in the key of compiled code kept on disk (`reportgen.cache`):
code compiled before a change to the hooks `_parse` adds is never loaded after it, so a
template never runs without its limits."""

_CHECK_EVERY = 256  # operations between two looks at the clock
_MAX_INT_BITS = 100_000  # about 30,000 digits: far beyond any figure, far below a hang
_NUMBERS = re.compile(r"\d+")
_SIZED = (str, bytes, list, tuple, dict, set, frozenset)


class TemplateLimit(jinja2.TemplateRuntimeError):
    """A template that costs more than the limits allow, or whose expression fails."""

    def __init__(self, message: str, lineno: int | None = None) -> None:
        super().__init__(message)
        self.lineno = lineno


class _NoIncludes(jinja2.BaseLoader):
    """Refuses `{% include %}`, `{% import %}` and `{% extends %}`: a template is one document."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        raise jinja2.TemplateNotFound(
            template,
            f"{{% include %}}, {{% import %}} and {{% extends %}} are not supported "
            f"(the template names {template!r}): write the text in the template itself",
        )


class BoundedSandbox(SandboxedEnvironment):
    """A sandbox whose renders are bounded in time, loop iterations and size."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, limits: Limits, **options: Any) -> None:
        super().__init__(loader=_NoIncludes(), **options)
        self.limits = limits
        self.largest = limits.template_output_chars
        self.deadline = time.monotonic() + limits.template_seconds
        self.loops = 0
        self.operations = 0
        self.produced = 0
        self.globals.pop("lipsum", None)
        self.globals["range"] = self._range
        self.filters["_reportgen_loop"] = self._loop
        self.filters["_reportgen_sized"] = self._sized
        self.template_class = BoundedTemplate

    def restart(self) -> None:
        """Start the clock and the counts again, for a render after one that failed."""
        self.deadline = time.monotonic() + self.limits.template_seconds
        self.loops = self.operations = self.produced = 0

    # --- The clock, the counts and the sizes ----------------------------------------------

    def tick(self) -> None:
        """One operation: look at the clock now and then."""
        self.operations += 1
        if not self.operations % _CHECK_EVERY and time.monotonic() > self.deadline:
            raise TemplateLimit(
                refused(
                    f"the template takes more than {self.limits.template_seconds:g} s to render",
                    "template_seconds",
                    self.limits,
                )
            )

    def _count_loop(self) -> None:
        self.loops += 1
        if self.loops > self.limits.template_loops:
            raise TemplateLimit(
                refused(
                    f"the template's loops run more than {self.limits.template_loops} times",
                    "template_loops",
                    self.limits,
                )
            )
        self.tick()

    def _too_large(self, size: int) -> TemplateLimit:
        return TemplateLimit(
            refused(
                f"the template builds a value of {size} characters or items, more than "
                f"{self.limits.template_output_mb} MB",
                "template_output_mb",
                self.limits,
            )
        )

    def check_size(self, value: object) -> object:
        """`value`, unless it is text or a collection larger than the output limit.

        It runs on every attribute, item, call and filter of a render: the common case,
        a value of no size to speak of, costs one type test.
        """
        if isinstance(value, _SIZED):
            if len(value) > self.largest:
                raise self._too_large(len(value))
        elif type(value) is int and value.bit_length() > _MAX_INT_BITS:
            raise TemplateLimit(
                f"the template computes a number of more than {_MAX_INT_BITS} bits; refused"
            )
        return value

    def check_width(self, arguments: Iterable[object]) -> None:
        """Refuse a number given as a width or count larger than any output allowed."""
        for argument in arguments:
            if (
                isinstance(argument, int)
                and not isinstance(argument, bool)
                and abs(argument) > self.limits.template_output_chars
            ):
                raise self._too_large(abs(argument))

    def check_format(self, text: object) -> None:
        """Refuse a format string ("%0999999999d", "{:>999999999}") with a huge width."""
        if isinstance(text, str):
            self.check_width(int(n) for n in _NUMBERS.findall(text) if len(n) < 30)
            if any(len(n) >= 30 for n in _NUMBERS.findall(text)):
                raise self._too_large(10**30)

    # --- The hooks Jinja's sandbox calls --------------------------------------------------

    def _range(self, *arguments: int) -> range:
        """Python's range, no longer than the loop limit (its loop counts each number)."""
        self.tick()
        try:
            span = range(*arguments)
        except (TypeError, ValueError, OverflowError) as error:
            raise TemplateLimit(f"range{arguments!r} fails: {error}") from None
        if len(span) > self.limits.template_loops:
            raise TemplateLimit(
                refused(
                    f"range() gives {len(span)} numbers, more than {self.limits.template_loops}",
                    "template_loops",
                    self.limits,
                )
            )
        return span

    def _loop(self, iterable: Any) -> Iterator[Any]:
        """Every `{% for %}` iterates through here (see `_parse`)."""
        if isinstance(iterable, jinja2.Undefined):
            yield from iterable  # StrictUndefined raises, naming it
            return
        for item in iterable:
            self._count_loop()
            yield item

    def _sized(self, value: Any) -> Any:
        """Every `~` concatenation's result passes here (see `_parse`)."""
        self.tick()
        return self.check_size(value)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        self.tick()
        if operator == "**" and _is_number(left) and _is_number(right):
            exponent = right if isinstance(left, int) and isinstance(right, int) else 0
            if exponent > 0 and abs(left) > 1 and exponent * math.log2(abs(left)) > _MAX_INT_BITS:
                raise TemplateLimit(f"{left} ** {right} has over {_MAX_INT_BITS} bits; refused")
        elif operator == "*":
            if isinstance(left, int) and isinstance(right, int):
                if left.bit_length() + right.bit_length() > _MAX_INT_BITS:
                    raise TemplateLimit(f"a product of more than {_MAX_INT_BITS} bits; refused")
            else:
                for sized, times in ((left, right), (right, left)):
                    if isinstance(times, int) and hasattr(sized, "__len__"):
                        self.check_width([len(sized) * times])
        elif operator == "%" and isinstance(left, str):
            self.check_format(left)
        return self.check_size(super().call_binop(context, operator, left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            self.check_format(obj)  # the sandbox hands out a wrapper, checked here
        value = super().getattr(obj, attribute)
        return self.check_size(value) if isinstance(value, _SIZED) else value

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        return self.check_size(super().getitem(obj, argument))

    def call(
        __self,  # Jinja's own signature: keyword arguments may be named "self"
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        __self.tick()
        if __obj != __self._range:  # range checks its own length, with its own message
            __self.check_width([*args, *kwargs.values()])
        return __self.check_size(super().call(__context, __obj, *args, **kwargs))

    def bound_filters(self, filters: Mapping[str, Callable[..., Any]]) -> None:
        """Add `filters`, and wrap every filter so that widths and results are checked."""
        self.filters.update(filters)
        for name, function in list(self.filters.items()):
            if not name.startswith("_reportgen_"):
                self.filters[name] = _bounded_filter(self, function)

    # --- Every loop and concatenation passes a hook ---------------------------------------

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in list(tree.find_all(nodes.For)):
            loop.iter = nodes.Filter(
                loop.iter, "_reportgen_loop", [], [], None, None, lineno=loop.lineno
            )
        for parent in list(tree.find_all(nodes.Node)):
            for field in parent.fields:
                child = getattr(parent, field, None)
                if isinstance(child, nodes.Concat):
                    setattr(parent, field, _sized(child))
                elif isinstance(child, list):
                    child[:] = [_sized(c) if isinstance(c, nodes.Concat) else c for c in child]
        return tree


def _sized(node: nodes.Concat) -> nodes.Filter:
    return nodes.Filter(node, "_reportgen_sized", [], [], None, None, lineno=node.lineno)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _bounded_filter(env: BoundedSandbox, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` with its widths checked before and its result after."""

    passes_first = hasattr(function, "jinja_pass_arg")

    first = 2 if passes_first else 1  # the value, after a context Jinja may pass first
    formats = getattr(function, "__name__", "") == "do_format"

    def bounded(*args: Any, **kwargs: Any) -> Any:
        env.tick()
        if len(args) > first or kwargs:
            env.check_width([*args[first:], *kwargs.values()])
        if formats and args:
            env.check_format(args[first - 1])
        return env.check_size(function(*args, **kwargs))

    if passes_first:  # Jinja passes the context or environment first to filters marked so
        bounded.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    bounded.__name__ = getattr(function, "__name__", "filter")
    return bounded


class BoundedTemplate(jinja2.Template):
    """A template whose render is counted against its environment's limits."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        assert isinstance(env, BoundedSandbox)
        context = self.new_context(dict(*args, **kwargs))
        pieces: list[str] = []
        try:
            try:
                produced, largest, keep = env.produced, env.largest, pieces.append
                for piece in self.root_render_func(context):
                    produced += len(piece)
                    if produced > largest:
                        raise env._too_large(produced)
                    keep(piece)
                env.produced = produced
            except Exception:
                env.handle_exception()  # re-raises, with the template's lines in the traceback
        except RecursionError as error:
            env.restart()
            raise TemplateLimit(
                "it calls itself without end (a recursive macro or loop)",
                lineno=template_line(error),
            ) from error
        except MemoryError:
            env.restart()
            raise TemplateLimit("the template needs more memory than there is") from None
        except BaseException:
            # The render stage renders the failing part again to find its paragraph: it
            # gets a budget of its own, or it would fail at once, anywhere.
            env.restart()
            raise
        return "".join(pieces)


def template_line(error: BaseException) -> int | None:
    """The line of the innermost template frame in the traceback (Jinja maps it back)."""
    line, trace = None, error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return line

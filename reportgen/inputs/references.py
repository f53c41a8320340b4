"""Checks of what the report cites that only one year can say: the action plans of
report.yaml and the references of events.yaml to their actions and to another State's
paper (docs/data.md, "Action plans and references").

Errors: a plan key used twice, a plan whose years run backwards, a reference to a plan that
report.yaml does not list (an action's number below 1 is refused by the model). Warnings: a
plan referred to that is not in force in the year of the as-of day (most likely a previous
report's reference kept by mistake), and an events.yaml without `references:` (the
sentences that cite them are left out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reportgen.inputs.models import ActionsReference, EventsFile, ReportFrame
from reportgen.inputs.withdrawals import Finding, PathT

Unknown = Callable[[str, str, PathT], Iterator[Finding]]
"""Findings for a name that is not a State of states.yaml (`checks._StateNames.unknown`)."""


def check_plans(frame: ReportFrame) -> Iterator[Finding]:
    """Each action plan's key once, and its years in order."""
    seen: dict[str, int] = {}
    for index, plan in enumerate(frame.action_plans):
        at = ("action_plans", index)
        if plan.key in seen:
            yield Finding(
                "report",
                (*at, "key"),
                f"{plan.key!r} is used twice (action_plans[{seen[plan.key]}] has it)",
            )
        seen.setdefault(plan.key, index)
        if plan.to_year < plan.from_year:
            yield Finding(
                "report", (*at, "to"), f"{plan.to_year} is before its first year, {plan.from_year}"
            )


def _actions(events: EventsFile) -> Iterator[tuple[PathT, ActionsReference]]:
    """Every reference to actions, with its path in events.yaml."""
    references = events.references
    if references is None:
        return
    if references.demarches is not None:
        yield ("references", "demarches", "in_line_with"), references.demarches.in_line_with
        if references.demarches.goals is not None:
            yield ("references", "demarches", "goals"), references.demarches.goals
    if references.regional_approach is not None:
        yield ("references", "regional_approach"), references.regional_approach
    if references.humanitarian_nature is not None:
        yield ("references", "humanitarian_nature"), references.humanitarian_nature


def check_references(frame: ReportFrame, events: EventsFile, unknown: Unknown) -> Iterator[Finding]:
    """References to plans report.yaml lists, in force on the as-of day; the State of a
    paper cited is one of states.yaml; a warning when events.yaml has no references."""
    if events.references is None:
        yield Finding(
            "events",
            (),
            "has no `references:` block: the sentences that cite the actions of an action "
            "plan or another State's paper are left out of the report (docs/data.md, "
            '"Action plans and references"); write `references: {}` if none applies',
            "warning",
        )
        return
    plans = {plan.key: plan for plan in frame.action_plans}
    listed = ", ".join(plans) or "none"
    year = frame.as_of.year
    for at, reference in _actions(events):
        plan = plans.get(reference.plan)
        if plan is None:
            yield Finding(
                "events",
                (*at, "plan"),
                f"{reference.plan!r} is not the key of an action plan of report.yaml "
                f"(action_plans: {listed})",
            )
        elif not plan.from_year <= year <= plan.to_year:
            yield Finding(
                "events",
                (*at, "plan"),
                f"{plan.key} covers {plan.from_year}-{plan.to_year}, but the report is as of "
                f"{frame.as_of.isoformat()}: is this a previous report's reference? (refer to "
                "the plan in force)",
                "warning",
            )
    paper = events.references.categories_paper
    if paper is not None:
        yield from unknown(paper.by, "events", ("references", "categories_paper", "by"))

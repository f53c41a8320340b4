"""What the report cites that only one year can say, as its template's views: the actions of
an action plan (report.yaml `action_plans`, events.yaml `references`), another State's
paper, and the coordinators' own initiatives (report.yaml `coordinators[].initiatives`).

Each is a message of the catalogue written with its own values (`values.PER_USE`); a
reference that the data leaves out leaves out its words: a whole paragraph (`None`, which the
template's `{%p if %}` drops) or a clause (an empty text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.inputs.models import ActionPlan, ActionsReference, Inputs
from reportgen.language.fluent import Sentences
from reportgen.language.formats import Formats

_ARTICLED = re.compile(r"^(?P<name>.+?) \((?P<article>[^()]+)\)$")
"""A name with its article in parentheses, as UNTERM writes names: "Plan d'action (le)"."""


@dataclass(frozen=True)
class PlanName:
    """An action plan's name in the report's language: bare, with its article, after "of"."""

    bare: str
    the: str
    of: str


def plan_name(plan: ActionPlan, formats: Formats) -> PlanName:
    """ "Vientiane Action Plan (the)" as Vientiane Action Plan, the Vientiane Action Plan, of
    the Vientiane Action Plan; French « du Plan d'action de Vientiane », Spanish « del Plan
    de Acción de Vientiane » (the language's contraction of its preposition and article)."""
    language = formats.language
    articles = (*language.articles, "the")
    found = _ARTICLED.match(plan.name)
    bare, article = plan.name, ""
    if found and found.group("article") in articles:
        bare, article = found.group("name"), found.group("article").replace("\u2019", "'")
    if not article:
        running = bare
    elif article.endswith("'"):
        running = article + bare
    else:
        running = f"{article} {bare}"
    return PlanName(bare, running, language.contract(language.preposition_of, article, running))


@dataclass(frozen=True)
class ReferencesView:
    """The template's `references`: each a text in the report's language, or None (or "")
    when the data does not give it."""

    demarches: str | None
    regional_approach: str
    categories_paper: str | None
    humanitarian_nature: str


def _actions(
    reference: ActionsReference, plans: dict[str, ActionPlan], formats: Formats, say: Sentences
) -> dict[str, object]:
    """The values of a reference to actions: "Actions 5 and 6" (message action_numbers), how
    many, and the plan's name in its forms."""
    numbers = reference.actions
    name = plan_name(plans[reference.plan], formats)
    count = len(numbers)
    joined = formats.language.join([str(n) for n in numbers])
    return {
        "actions": say.say("action_numbers", {"count": count, "numbers": joined}),
        "count": count,
        "plan": name.bare,
        "the_plan": name.the,
        "of_plan": name.of,
    }


def references_view(inputs: Inputs, formats: Formats, say: Sentences) -> ReferencesView:
    """The report's references, each written by its message, or left out."""
    references = inputs.events.references
    if references is None:
        return ReferencesView(None, "", None, "")
    plans = {plan.key: plan for plan in inputs.report.action_plans}
    demarches = None
    if references.demarches is not None:
        in_line_with = references.demarches.in_line_with
        first = _actions(in_line_with, plans, formats, say)
        goals = references.demarches.goals
        values: dict[str, object] = {**first, "goals": None, "goals_count": 0}
        values |= {"goals_same_plan": "yes", "goals_of_plan": ""}
        if goals is not None:
            then = _actions(goals, plans, formats, say)
            values |= {
                "goals": then["actions"],
                "goals_count": then["count"],
                "goals_same_plan": "yes" if goals.plan == in_line_with.plan else "no",
                "goals_of_plan": then["of_plan"],
            }
        demarches = say.say("demarches_actions", values)
    regional = references.regional_approach
    humanitarian = references.humanitarian_nature
    paper = references.categories_paper
    return ReferencesView(
        demarches=demarches,
        regional_approach=""
        if regional is None
        else say.say("regional_approach_endorsed", _actions(regional, plans, formats, say)),
        categories_paper=None
        if paper is None
        else say.say(
            "categories_paper",
            {
                "by": formats.name(paper.by, "the"),
                "paper": paper.document,
                "paragraph": None if paper.paragraph is None else str(paper.paragraph),
                "groups": paper.groups,
            },
        ),
        humanitarian_nature=""
        if humanitarian is None
        else say.say("humanitarian_nature_action", _actions(humanitarian, plans, formats, say)),
    )


def own_initiatives(inputs: Inputs, formats: Formats, say: Sentences) -> str:
    """The sentence of part IV that tells the coordinators' own initiatives ("From our side,
    we can report that ..."), or "" when no coordinator has any."""
    frame = inputs.report
    having = [c for c in frame.coordinators if c.initiatives]
    if not having:
        return ""
    states: Sequence[str] = [c.state for c in having]
    naming = formats.naming
    plural = len(states) > 1 or any(naming is not None and naming.plural(s) for s in states)
    return say.say(
        "coordinator_initiatives",
        {
            "initiatives": formats.language.join([i for c in having for i in c.initiatives]),
            "count": sum(len(c.initiatives) for c in having),
            "states": formats.names(list(states), "the"),
            "plural": "yes" if plural else "no",
            "by_issuer": "yes" if list(states) == [frame.issuer] else "no",
        },
    )

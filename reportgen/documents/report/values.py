"""The values the report's sentences are given: what each message of its catalogue may use.

Every message is given the same values, `variables()`: counts as numbers, everything else as
text already written in the report's language (dates, percentages, lists of names). The
catalogue's comments say where each message appears and which values it uses; the values
are listed, with what each holds, in `VARIABLES`. Messages written once per item take
their own values instead (`PER_USE`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportgen.documents.report.meetings import held, names, place, places
from reportgen.inputs.narrative import letter_told
from reportgen.language.fluent import Values

if TYPE_CHECKING:
    from reportgen.figures.compute import Coordination, Figures
    from reportgen.inputs.models import Inputs
    from reportgen.language.fluent import Sentences
    from reportgen.language.formats import Formats

VARIABLES: dict[str, str] = {
    # Part I, opening
    "years": "years the issuer has coordinated before the meeting (0: this year)",
    "issuer": "the issuing State, in running text (le Portugal)",
    "appointed_city": "the city where the meeting that appointed the issuer closed, or none "
    "(held online)",
    "appointed_meeting": "the meeting that appointed the issuer (short name)",
    "appointed_parts": "when and where each part of that meeting was held, as a list of "
    "meeting_part (in September 2011 in Beirut, Lebanon)",
    "appointed_with": "the coordinators appointed with the issuer, in running text",
    "appointed_with_count": "how many they are",
    "joined": "the coordinators the issuer joined, in running text",
    "joined_to": "the same after 'to' (French: au Japon)",
    "joined_count": "how many they are",
    "joined_by": "the clauses coordination_joined_by gives for later coordinators, or empty",
    "issuer_plural": "yes when the issuer's name is plural (los Países Bajos), else no",
    "joined_plural": "yes when the coordinators joined are several or one plural name",
    "subject_plural": "yes when the issuer with those appointed with it take a plural verb",
    "issuer_gender": "m or f: the gender the issuer with those appointed with it agree in "
    "(f only when every name is feminine: la France)",
    "periods": "the intersessional periods the issuer served",
    "cities": "the cities of the meetings served (Beirut, Oslo and Lusaka)",
    "meetings_served": "the meetings served, as a list of meeting_in_list (the 9th MSP, the "
    "10th MSP and the 11th MSP)",
    "by_meeting": "yes when a city repeats among the meetings served (Geneva, Geneva and "
    "Geneva), or one was held online: the periods are named by their meetings",
    # Part I, figures
    "since_meeting": "the meeting new States Parties are counted from (full name)",
    "since_year": "the year it was held",
    "new": "States Parties since that meeting",
    "parties": "States Parties on the as-of day",
    "parties_before": "States Parties at the close of that meeting",
    "growth": "the rise from parties_before to parties, as a percentage",
    "new_share": "new as a share of parties, as a percentage",
    "successions": "new States Parties by succession (selects 'ratified or acceded to')",
    "in_period": "new States Parties of the highlighted period (in bold in the table)",
    "whole_period": "yes when the highlighted period is the one counted (after counting_since, "
    "before presented_to): every new State Party is of it, and none is in bold",
    "period_start_year": "the year of the meeting that opens the highlighted period",
    "period_end_year": "the year of the meeting that closes it",
    "period_meeting": "the meeting that opens it (short name)",
    "period_month": "its month and year",
    "acceded": "new States Parties that acceded",
    "acceded_states": "their names, in order (in French and Spanish with their articles)",
    "succeeded": "new States Parties that succeeded",
    "succeeded_states": "their names, in order (in French and Spanish with their articles)",
    "others": "new States Parties that ratified (neither acceded nor succeeded)",
    "period_deposits": "the clauses of period_first and period_more, or none",
    "yet": "signatories yet to ratify on the as-of day",
    "yet_before": "signatories yet to ratify when the highlighted period opened",
    "signatories": "signatory States",
    "yet_share": "yet as a share of signatories, as a percentage",
    "trend": "down, up or same: yet against yet_before",
    "short_name": "the Convention's short name (CCM)",
    "withdrawn": "States whose withdrawal took effect after that meeting closed, not Parties "
    "again on the as-of day",
    "withdrawals": "the clauses of withdrawal_took_effect for them, as a list, or none",
    "rejoined": "the clauses of rejoined_again, as a list, for the States Parties at that "
    "meeting's close whose withdrawal took effect since and that acceded again (not among "
    "new), or none",
    "change": "up, down or same: parties against parties_before",
    "pending": "the sentences of withdrawal_pending, one for each State Party whose withdrawal "
    "was notified but had not taken effect on the as-of day, or none",
    # Part II
    "approximate": "yes when the number of replies is approximate",
    "replies": "States that replied to the demarches",
    "joined_since": "of those reporting ongoing processes, how many became States Parties",
    "letter_replied": "yes when it is known how many States replied to the letter of point 3 "
    "(the campaign lists its replies, or reported their number); words when only what came of "
    "it is known, in the words reported then (letter_outcome); else no",
    "letter_outcome": "what came of the letter of point 3, in the words reported then "
    "(campaigns.yaml reported.outcome), or none",
    "letter_replies": "how many of the States the letter approached had replied by the as-of "
    "day (0 when not known)",
    "as_of": "the as-of day (1 September 2013)",
    "path_year": "the year the co-coordinators began presenting the answers by category "
    "(events.yaml categories_since), or none",
    "groups": "the categories of non-party States",
    "group_list": "the clauses of group_entry, joined by group_joiner and group_last_joiner",
    "category_ii": "Category II as a sentence names it (la catégorie II), or none",
    # Part IV
    "lines": "the lines of action",
    "first_line": "the first line of action",
    "numbered_lines": "the lines of action numbered 1) ...; 2) ...",
    "meeting": "the meeting the report is for (short name)",
    "meeting_name": "the meeting the report is for (full name)",
}
"""Every value a message is given, with what it holds."""

PER_USE: dict[str, frozenset[str]] = {
    "coordination_joined_by": frozenset(
        {
            "places",
            "first",
            "month",
            "together",
            "state",
            "plural",
            "meeting",
            "city",
            "subject_plural",
            "issuer_gender",
            "took_over",
            "took_over_of",
            "took_over_to",
            "subject",
        }
    ),
    "period_first": frozenset({"count", "kind", "meeting", "states"}),
    "period_more": frozenset({"count", "kind", "states"}),
    "group_entry": frozenset({"title", "prose", "size", "summary"}),
    "category_heading": frozenset({"title", "size"}),
    "this_meeting": frozenset({"kind"}),
    "region_count": frozenset({"count", "region", "label"}),
    "initiative_line": frozenset({"text", "place", "dates"}),
    "place": frozenset({"city", "host"}),
    "meeting_place": frozenset({"online", "city"}),
    "meeting_part": frozenset({"month", "online", "city", "country"}),
    "meeting_in_list": frozenset({"meeting"}),
    "chart_meeting_closed": frozenset({"meeting", "city", "day", "count"}),
    "chart_meeting_opening": frozenset({"meeting", "city", "day"}),
    "chart_time_rose": frozenset({"first", "opened", "last", "end", "marks"}),
    "chart_time_stayed": frozenset({"last", "opened", "end", "marks"}),
    "chart_time_opened": frozenset({"day"}),
    "chart_region_series": frozenset({"meeting"}),
    "chart_region_text": frozenset({"new", "meeting", "day", "regions"}),
    "chart_region_entry": frozenset({"region", "count"}),
    "document_subject": frozenset({"meeting_name"}),
    "withdrawal_took_effect": frozenset({"state", "of_state", "day"}),
    "rejoined_again": frozenset({"state", "of_state", "plural", "left", "day", "short_name"}),
    "withdrawal_pending": frozenset({"state", "of_state", "plural", "notified", "effective"}),
    "status_withdrawal": frozenset({"notified", "effective", "pending", "deposit", "kind"}),
    "action_numbers": frozenset({"count", "numbers"}),
    "demarches_actions": frozenset(
        {
            "actions",
            "count",
            "plan",
            "the_plan",
            "of_plan",
            "goals",
            "goals_count",
            "goals_same_plan",
            "goals_of_plan",
        }
    ),
    "regional_approach_endorsed": frozenset({"actions", "count", "plan", "the_plan", "of_plan"}),
    "humanitarian_nature_action": frozenset({"actions", "count", "plan", "the_plan", "of_plan"}),
    "categories_paper": frozenset({"by", "paper", "paragraph", "groups"}),
    "coordinator_initiatives": frozenset({"initiatives", "count", "states", "plural", "by_issuer"}),
    "paper_distribution": frozenset({"distribution"}),
    "paper_original": frozenset({"language"}),
    "paper_item": frozenset({"number", "provisional"}),
    "paper_submitted_by": frozenset({"authors"}),
}
"""Messages written once per item (a clause per State, a line per initiative), with the
values each is given instead of `VARIABLES`."""

REQUIRED = frozenset(
    {
        *PER_USE,
        "group_joiner",
        "meeting_online",
        "group_last_joiner",
        "chart_time_title",
        "chart_time_series",
        "chart_time_category",
        "chart_region_title",
        "chart_region_category",
        "document_keywords",
    }
)
"""Messages the program itself writes (charts, lists, properties): every catalogue has them."""

_YES_NO = frozenset({"yes", "no"})
_KINDS = frozenset({"ratified", "acceded", "succeeded"})
_GENDERS = frozenset({"m", "f"})

CHOICES: dict[str, frozenset[str]] = {
    "issuer_plural": _YES_NO,
    "joined_plural": _YES_NO,
    "subject_plural": _YES_NO,
    "issuer_gender": _GENDERS,
    "approximate": _YES_NO,
    "letter_replied": frozenset({"yes", "words", "no"}),
    "by_meeting": _YES_NO,
    "meeting_place.online": _YES_NO,
    "meeting_part.online": _YES_NO,
    "whole_period": _YES_NO,
    "trend": frozenset({"down", "up", "same"}),
    "change": frozenset({"down", "up", "same"}),
    "withdrawal_pending.plural": _YES_NO,
    "rejoined_again.plural": _YES_NO,
    "status_withdrawal.pending": _YES_NO,
    "status_withdrawal.kind": frozenset({"ratification", "accession", "succession"}),
    "coordination_joined_by.first": _YES_NO,
    "coordination_joined_by.together": _YES_NO,
    "coordination_joined_by.plural": _YES_NO,
    "coordination_joined_by.subject_plural": _YES_NO,
    "coordination_joined_by.issuer_gender": _GENDERS,
    "period_first.kind": _KINDS,
    "period_more.kind": _KINDS,
    "this_meeting.kind": frozenset({"msp", "review_conference", "extraordinary_msp", "typed"}),
    "paper_distribution.distribution": frozenset({"general", "limited", "restricted"}),
    "paper_original.language": frozenset({"en", "fr", "es", "ar", "ru", "zh"}),
    "paper_item.provisional": _YES_NO,
    "demarches_actions.goals_same_plan": _YES_NO,
    "coordinator_initiatives.plural": _YES_NO,
    "coordinator_initiatives.by_issuer": _YES_NO,
}
"""The words each text value a message may choose on can be (a value of a message written
once per item named with its message): a choice's keys are these, numbers, or plural
categories; any other key would never be chosen."""

ABSENT = frozenset(
    {
        "period_deposits",
        "path_year",
        "withdrawals",
        "rejoined",
        "pending",
        "status_withdrawal.deposit",
        "category_ii",
        "appointed_city",
        "coordination_joined_by.took_over",
        "coordination_joined_by.took_over_of",
        "coordination_joined_by.took_over_to",
        "coordination_joined_by.subject",
        "meeting_place.city",
        "meeting_part.city",
        "meeting_part.country",
        "initiative_line.place",
        "initiative_line.dates",
        "place.host",
        "chart_time_rose.marks",
        "chart_time_stayed.marks",
        "demarches_actions.goals",
        "categories_paper.paragraph",
    }
)
"""The values that may be absent ("or none" in `VARIABLES`): a message chooses on each
with a `[none]` variant and prints it only in another variant; the check refuses any
other use, which would print nothing or a wrong word."""

COUNTS = frozenset(
    {
        "years",
        "appointed_with_count",
        "joined_count",
        "periods",
        "new",
        "parties",
        "parties_before",
        "successions",
        "in_period",
        "acceded",
        "succeeded",
        "others",
        "yet",
        "yet_before",
        "signatories",
        "replies",
        "joined_since",
        "letter_replies",
        "groups",
        "lines",
        "period_first.count",
        "period_more.count",
        "group_entry.size",
        "category_heading.size",
        "region_count.count",
        "chart_meeting_closed.count",
        "chart_time_rose.first",
        "chart_time_rose.last",
        "chart_time_stayed.last",
        "chart_region_text.new",
        "chart_region_entry.count",
        "action_numbers.count",
        "demarches_actions.count",
        "demarches_actions.goals_count",
        "regional_approach_endorsed.count",
        "humanitarian_nature_action.count",
        "categories_paper.groups",
        "coordinator_initiatives.count",
    }
)
"""The values given as numbers: a choice by plural category or number is on one of these."""

SENTENCES = Values(VARIABLES, PER_USE, REQUIRED, CHOICES, ABSENT, COUNTS)
"""What the report's catalogue is checked against, and each of its messages given."""


def variables(inputs: Inputs, figures: Figures, formats: Formats, say: Sentences) -> dict[str, Any]:
    """The values every message of the template is given (`VARIABLES`)."""
    frame = inputs.report
    coordination = figures.coordination
    since = inputs.meeting(frame.counting_since)
    period_start = inputs.meeting(frame.highlight.after)
    period_end = inputs.meeting(frame.highlight.before)
    meeting = inputs.meeting(frame.presented_to)
    yet = figures.signatories_yet_to_ratify.count
    before = figures.signatories_yet_to_ratify_at_period_start.count
    acceded, succeeded = figures.new_accessions, figures.new_successions
    subject = [coordination.issuer, *coordination.appointed_with]
    subject_plural = _yes(_plural(formats, subject))
    issuer_gender = _gender(formats, subject)
    joined_by = "".join(_joined_by(coordination, formats, say))
    # Lists of States inside a sentence: French and Spanish write them as running text does,
    # with articles ("le Pérou, l'État plurinational de Bolivie et l'Iraq"); English keeps
    # the names of its table ("Peru, Bolivia (Plurinational State of) and Iraq").
    running = "the" if formats.language.lists_with_articles else "list"
    deposits: list[str] = []
    for kind, tally in (
        ("ratified", figures.period_ratifications),
        ("acceded", figures.period_accessions),
        ("succeeded", figures.period_successions),
    ):
        if not tally.count:
            continue
        values: dict[str, Any] = {
            "count": tally.count,
            "kind": kind,
            "states": formats.names(tally.states, running),
        }
        if deposits:
            deposits.append(say.say("period_more", values))
        else:
            deposits.append(
                say.say("period_first", {**values, "meeting": names(period_start, formats)[1]})
            )
    entries = [
        say.say(
            "group_entry",
            {
                "title": category.title,
                "prose": category.prose,
                "size": figures.category_members[category.key].count,
                "summary": category.summary,
            },
        )
        for category in inputs.categories
    ]
    group_list = _joined(entries, say.say("group_joiner"), say.say("group_last_joiner"))
    category_ii = next((c.prose for c in inputs.categories if c.key == "II"), None)
    lines = inputs.lessons.lines_of_action
    told = letter_told(inputs)
    letter_replies = None if told is None else told.replies
    letter_outcome = None if told is None else told.outcome
    served = coordination.meetings_served
    withdrawals, pending = _withdrawals(figures, since.end, formats, say)
    rejoined = _rejoined(figures, since.end, frame.convention.short_name, formats, say)
    parties, parties_before = (
        figures.states_parties.count,
        figures.states_parties_at_since_meeting.count,
    )
    return {
        "years": coordination.years,
        "issuer": formats.names([coordination.issuer], "the"),
        "appointed_city": coordination.appointed_at.city,
        "appointed_meeting": names(coordination.appointed_at, formats)[1],
        "appointed_parts": held(coordination.appointed_at, formats, say),
        "appointed_with": formats.names(coordination.appointed_with, "the"),
        "appointed_with_count": len(coordination.appointed_with),
        "joined": formats.names(coordination.joined, "the"),
        "joined_to": formats.names(coordination.joined, "to"),
        "joined_count": len(coordination.joined),
        "joined_by": joined_by,
        "issuer_plural": _yes(_plural(formats, [coordination.issuer])),
        "joined_plural": _yes(_plural(formats, coordination.joined)),
        "subject_plural": subject_plural,
        "issuer_gender": issuer_gender,
        "periods": coordination.intersessional_periods,
        "cities": formats.language.join([place(m, say) for m in served]),
        "meetings_served": formats.language.join(
            [say.say("meeting_in_list", {"meeting": names(m, formats)[1]}) for m in served]
        ),
        # a city that repeats, or a meeting held online ("between Beirut, Oslo and online"):
        # the periods are named by their meetings
        "by_meeting": _yes(
            len({place(m, say) for m in served}) < len(served)
            or any(m.city is None for m in served)
        ),
        "since_meeting": names(since, formats)[0],
        "since_year": formats.year(since.end),
        "new": figures.new_states_parties.count,
        "parties": figures.states_parties.count,
        "parties_before": figures.states_parties_at_since_meeting.count,
        "growth": formats.percent(figures.growth_since_meeting, 1),
        "new_share": formats.percent(figures.new_states_parties_share, 1),
        "successions": figures.new_successions.count,
        "in_period": figures.period_states_parties.count,
        "whole_period": _yes(whole_period(inputs)),
        "period_start_year": formats.year(period_start.end),
        "period_end_year": formats.year(period_end.start),
        "period_meeting": names(period_start, formats)[1],
        "period_month": formats.month_year(period_start.end),
        "acceded": acceded.count,
        "acceded_states": formats.names(formats.sorted_names(acceded.states), running),
        "succeeded": succeeded.count,
        "succeeded_states": formats.names(formats.sorted_names(succeeded.states), running),
        "others": figures.new_ratifications.count,
        "period_deposits": "".join(deposits) or None,
        "yet": yet,
        "yet_before": before,
        "signatories": figures.signatories.count,
        "yet_share": formats.percent(figures.signatories_yet_to_ratify_share),
        "trend": "down" if yet < before else "up" if yet > before else "same",
        "short_name": frame.convention.short_name,
        "withdrawn": figures.withdrawals_since_meeting.count,
        "withdrawals": withdrawals,
        "rejoined": rejoined,
        "change": "down"
        if parties < parties_before
        else "up"
        if parties > parties_before
        else "same",
        "pending": pending,
        "approximate": "yes" if inputs.events.demarches.replies_approximate else "no",
        "replies": inputs.events.demarches.replies,
        "joined_since": inputs.events.demarches.joined_since,
        "letter_replied": "yes"
        if letter_replies is not None
        else "words"
        if letter_outcome is not None
        else "no",
        "letter_replies": letter_replies or 0,
        "letter_outcome": letter_outcome,
        "as_of": formats.long_date(frame.as_of),
        "path_year": None
        if inputs.events.categories_since is None
        else str(inputs.events.categories_since),
        "groups": figures.categories,
        "group_list": group_list,
        "category_ii": category_ii,
        "lines": len(lines),
        "first_line": lines[0] if lines else "",
        "numbered_lines": formats.numbered(lines),
        "meeting": names(meeting, formats)[1],
        "meeting_name": names(meeting, formats)[0],
    }


def _joined_by(coordination: Coordination, formats: Formats, say: Sentences) -> list[str]:
    """The clauses of coordination_joined_by: each later coordinator joined those serving
    with the issuer, or took over from one of them (`took_over`: whom, else none). After a
    handover, those serving are no longer the sentence's subject: `subject` names them (the
    issuer with those who serve with it then), else none."""
    subject = [coordination.issuer, *coordination.appointed_with]
    changed = False
    clauses = []
    for index, a in enumerate(coordination.joined_by):
        left = a.took_over_from
        clauses.append(
            say.say(
                "coordination_joined_by",
                {
                    "first": "yes" if index == 0 else "no",
                    "month": formats.month_year(a.meeting.end),  # appointed at its close
                    "together": _yes(len(subject) > 1),
                    "state": formats.names([a.state], "the"),
                    "plural": _yes(_plural(formats, [a.state])),
                    "took_over": None if left is None else formats.names([left], "the"),
                    "took_over_of": None if left is None else formats.names([left], "of"),
                    "took_over_to": None if left is None else formats.names([left], "to"),
                    "subject": formats.names(subject, "the") if changed and not left else None,
                    "meeting": names(a.meeting, formats)[1],
                    "city": place(a.meeting, say),
                    "places": places(a.meeting, formats, say),
                    "subject_plural": _yes(_plural(formats, subject)),
                    "issuer_gender": _gender(formats, subject),
                },
            )
        )
        if left is not None and left in subject:
            subject[subject.index(left)] = a.state
            changed = True
    return clauses


def whole_period(inputs: Inputs) -> bool:
    """True when the highlighted period is the one the report counts new States Parties in:
    from the close of `counting_since` to the meeting the report is presented to."""
    frame = inputs.report
    return (
        frame.highlight.after == frame.counting_since
        and frame.highlight.before == frame.presented_to
    )


def _withdrawals(
    figures: Figures, since_end: dt.date, formats: Formats, say: Sentences
) -> tuple[str | None, str | None]:
    """The withdrawals that took effect after `since_end` as one list of clauses, and the
    sentences of those notified but not in effect on the as-of day; None for none."""
    as_of, back = figures.as_of, set(figures.rejoined_since_meeting.states)
    took_effect = [
        say.say(
            "withdrawal_took_effect",
            {
                "state": formats.name(w.state, "the"),
                "of_state": formats.name(w.state, "of"),
                "day": formats.long_date(w.effective),
            },
        )
        for w in figures.withdrawals_notified
        if since_end < w.effective <= as_of and w.state not in back
    ]
    pending = [
        say.say(
            "withdrawal_pending",
            {
                "state": formats.name(w.state, "the"),
                "of_state": formats.name(w.state, "of"),
                "plural": _yes(_plural(formats, [w.state])),
                "notified": formats.long_date(w.notified),
                "effective": formats.long_date(w.effective),
            },
        )
        for w in figures.withdrawals_notified
        if w.effective > as_of
    ]
    return formats.names(took_effect) or None, " ".join(pending) or None


def _rejoined(
    figures: Figures, since_end: dt.date, short_name: str, formats: Formats, say: Sentences
) -> str | None:
    """The States Parties at the close of the meeting counted from whose withdrawal took effect
    since and that acceded again, as one list of clauses of rejoined_again; None for none."""
    clauses = []
    for name in figures.rejoined_since_meeting.states:
        again = next(d for d in figures.state_party.values() if d.name == name).deposit
        left = max(
            w.effective
            for w in figures.withdrawals_notified
            if w.state == name and since_end < w.effective <= again
        )
        clauses.append(
            say.say(
                "rejoined_again",
                {
                    "state": formats.name(name, "the"),
                    "of_state": formats.name(name, "of"),
                    "plural": _yes(_plural(formats, [name])),
                    "left": formats.long_date(left),
                    "day": formats.long_date(again),
                    "short_name": short_name,
                },
            )
        )
    return formats.names(clauses) or None


def _plural(formats: Formats, states: Sequence[str]) -> bool:
    """True when States, as the report names them, take a plural verb."""
    naming = formats.naming
    return len(states) > 1 or any(naming is not None and naming.plural(s) for s in states)


def _gender(formats: Formats, states: Sequence[str]) -> str:
    """The gender States named together agree in: "f" only when every name is feminine."""
    naming = formats.naming
    if naming is None or any(naming.gender(s) != "f" for s in states):
        return "m"
    return "f"


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _joined(items: list[str], joiner: str, last_joiner: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return joiner.join(items[:-1]) + last_joiner + items[-1]

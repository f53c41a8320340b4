### The sentences of templates/report.docx (English) whose words depend on the data.
### Language: en
###
### Project Fluent (https://projectfluent.org/fluent/guide/). A message is printed where the
### template holds {{ sentence.NAME }}; the comment above each message says where, and which
### values it uses. Counts ($new, $years...) choose the words: [0] for none, [one] for one,
### *[other] otherwise (the star marks the default). Every other value is text already in the
### report's language. Functions: WORDS($n) writes a number in words (gender: "f" for a
### feminine noun in French and Spanish; noun: "no" where Spanish writes "veintiuno", not
### "veintiún"), CAPITAL(...) capitalises the first letter, ORDINAL($n) writes 102nd.
### {" "} is a space kept at the start or end of a text, {""} an empty text.
### docs/template.md, "Sentences and catalogues", says how to change or add a message.

## Part I, opening paragraphs

# Paragraph 1, first words: "For the past two years, Portugal has been strongly involved...".
# $years: calendar years the issuer has coordinated before the meeting (0: its first year).
for_the_past = { $years ->
    [0] This year
    [one] For the past year
   *[other] For the past { WORDS($years) } years
}

# Paragraph 2: how the issuer took up the coordination.
# $appointed_city: where the meeting that appointed the issuer closed, or none (online:
# $appointed_meeting, its short name); $issuer: the issuer;
# $appointed_with, $appointed_with_count: coordinators appointed with it;
# $joined, $joined_count: coordinators it joined; $joined_by: the clauses of
# coordination_joined_by below, one for each coordinator who joined later, or empty.
coordination_taken_up = { $appointed_city ->
    [none] At the { $appointed_meeting }
   *[other] In { $appointed_city }
}, { $issuer }{ $appointed_with_count ->
    [0] {""}
   *[other] {" "}and { $appointed_with }
} { $joined_count ->
    [0] took up the coordination
   *[other] joined { $joined } in the coordination
}{ $joined_by }.

# One clause for each coordinator who joined later, appended to coordination_taken_up.
# $first: yes for the first such clause; $month: month and year; $together: yes when the
# issuer was appointed with others (or serves with others since a handover); $state: who
# joined; $plural: yes when its name is plural; $meeting: the meeting's short name;
# $places: where it was held (meeting_place for each part; $city: where it closed).
# $took_over: the coordinator serving with the issuer whose term ended at that meeting, from
# whom $state took over, or none; $subject: after such a handover, the issuer with those who
# serve with it then (Spain and Malawi), or none.
coordination_joined_by = { $first ->
    [yes] {" "}and
   *[no] ,
} in { $month } { $took_over ->
    [none] { $subject ->
        [none] {""}
       *[other] { $subject }{" "}
    }{ $together ->
        [yes] were
       *[no] was
    } joined by { $state }
   *[other] { $state } took over from { $took_over }
}, at the { $meeting }, which was held { $places }

# Paragraph 3: "...undertaken by the co-coordinators in the <periods_served>, and is divided...".
# $periods: intersessional periods the issuer served; $cities: the meetings' cities;
# $meetings_served: the meetings (meeting_in_list), by which $by_meeting (yes when a city
# repeats: Geneva, Geneva and Geneva; or one was held online) names the periods.
periods_served = { $periods ->
    [one] intersessional period
   *[other] { WORDS($periods) } intersessional periods
} between { $by_meeting ->
    [yes] { $meetings_served }
   *[no] { $cities }
}

# Paragraph 1, after "appointed as co-coordinator by the <meeting>, ": when and where it was
# held. $appointed_parts: each of its parts (meeting_part below), as a list.
appointed_held = held { $appointed_parts }

# One part of a meeting, in appointed_held. $month: month and year; $online: yes when held
# online; $city, $country: where, or none (online).
meeting_part = in { $month } { $online ->
    [yes] online
   *[no] in { $city ->
        [none] {""}
       *[other] { $city }
    }{ $country ->
        [none] {""}
       *[other] , { $country }
    }
}

# Where a part of a meeting was held, in coordination_joined_by. $online: yes when online;
# $city: the city, or none (online).
meeting_place = { $online ->
    [yes] online
   *[no] in { $city ->
        [none] {""}
       *[other] { $city }
    }
}

# A meeting held online, where a chart names the city of a meeting.
meeting_online = online

# A meeting in a list of meetings (periods_served). $meeting: its short name.
meeting_in_list = the { $meeting }

## Part I. Latest figures

# Its first paragraph: new States Parties since the meeting counted from.
# $since_meeting, $since_year: that meeting and its year; $new: new States Parties;
# $parties_before, $parties: States Parties at its close and on the as-of day; $growth: the
# rise in per cent; $new_share: new as a share of all; $in_period: those of the highlighted
# period; $period_start_year, $period_end_year: the period's years; $short_name: CCM.
# Withdrawals (Article 20): $withdrawn: States whose withdrawal took effect since the
# meeting; $withdrawals: withdrawal_took_effect for each, as a list, or none; $change: up,
# down or same ($parties against $parties_before). $rejoined: rejoined_again for each State
# Party at the meeting's close whose withdrawal took effect since and that acceded again (not
# among $new), as a list, or none. $whole_period: yes when the highlighted
# period is the one counted (every new State Party is of it): the sentence then ends with
# the table's lead-in, without "Two of them (identified in bold)".
new_states_parties = Since the { $since_meeting } ({ $since_year }), { $rejoined ->
    [none] {""}
   *[other] { $rejoined }{ $new ->
        [0] ;{" "}
       *[other] , and{" "}
    }
}{ $new ->
    [0] { $rejoined ->
        [none] no State has { joined_verb } the { $short_name };{" "}
       *[other] {""}
    }{ $withdrawals ->
        [none] the number of States Parties remains { $parties }.
       *[other] the number of States Parties fell from { $parties_before } to { $parties } when { $withdrawals }.
    }
   *[other] { $new ->
        [one] the following State has
       *[other] the following { WORDS($new) } ({ $new }) States have
    } { joined_verb } the { $short_name }, { $withdrawals ->
        [none] raising the number of States Parties from { $parties_before } to { $parties }{ $parties_before ->
            [0] {""}
           *[other] , an increase of { $growth }
        }
       *[other] and { $withdrawals }: the number of States Parties { $change ->
            [up] rose from { $parties_before } to { $parties }
            [down] fell from { $parties_before } to { $parties }
           *[same] remains { $parties }
        }
    }; { $new ->
        [one] it makes
       *[other] they make
    } up { $new_share } of all { $parties } States Parties{ $whole_period ->
        [yes] :
       *[no] . { $in_period ->
            [0] { $new ->
                [one] It did not join in the { $period_start_year }-{ $period_end_year } intersessional period. The new State Party is as follows:
               *[other] None of them joined in the { $period_start_year }-{ $period_end_year } intersessional period. The new States Parties are as follows:
            }
            [one] { $new ->
                [one] This State (identified in bold) became a State Party
               *[other] { CAPITAL(WORDS($in_period)) } of them (identified in bold) became a State Party
            } in the { $period_start_year }-{ $period_end_year } intersessional period:
           *[other] { CAPITAL(WORDS($in_period)) } of them (identified in bold) became States Parties in the { $period_start_year }-{ $period_end_year } intersessional period:
        }
    }
}

# A withdrawal that took effect, in new_states_parties. $state: the State (with "the" where
# its name takes it); $of_state: "of" and its name; $day: the day it took effect.
withdrawal_took_effect = { $state }'s withdrawal took effect on { $day }

# A State Party at the close of the meeting counted from whose withdrawal took effect since
# and that acceded again, in new_states_parties (not a new State Party). $state, $of_state: as
# in withdrawal_took_effect; $plural: yes when its name is plural; $left: the day its
# withdrawal took effect; $day: the day it acceded again; $short_name: CCM.
rejoined_again = { $state }, whose withdrawal took effect on { $left }, acceded again on { $day }

# A withdrawal notified but not yet in effect on the as-of day, at the end of yet_to_ratify.
# $state, $of_state: as in withdrawal_took_effect; $plural: yes when the name is plural;
# $notified: the day the depositary received it; $effective: the day it takes effect.
withdrawal_pending = { CAPITAL($state) }, which notified its withdrawal on { $notified }, remains a State Party until the withdrawal takes effect on { $effective }.

# Used by new_states_parties: how States joined. $successions: new States Parties by succession.
joined_verb = { $successions ->
    [0] ratified or acceded to
   *[other] ratified, acceded or succeeded to
}

# Before the list of regions, in a paragraph printed only when there are new States Parties.
# $new: new States Parties.
regional_distribution = Geographically, { $new ->
    [one] the new State Party is from the following region:
   *[other] the new States Parties are distributed as follows:
}

# One bullet for each region with new States Parties. $count: how many; $region: the
# region in a sentence (the Americas); $label: its bare name (Americas).
region_count = { $count } from { $region }

# The paragraph after the lists, first sentence: accessions and successions among the new.
# $acceded, $acceded_states; $succeeded, $succeeded_states: counts and names;
# $others: those that ratified. Ends with a space when not empty.
accessions = { $acceded ->
    [0] { $succeeded ->
        [0] {""}
       *[other] { $new ->
            [one] The abovementioned State
           *[other] { CAPITAL(WORDS($succeeded)) } of the abovementioned States
        } succeeded to the Convention ({ $succeeded_states }){ $others ->
            [0] {""}
            [one] ; the other ratified it
           *[other] ; the others ratified it
        }.{" "}
    }
   *[other] { $new ->
        [one] The abovementioned State
       *[other] { CAPITAL(WORDS($acceded)) } of the abovementioned States
    } acceded to the Convention ({ $acceded_states }){ $succeeded ->
        [0] {""}
       *[other] {" "}and { WORDS($succeeded) } succeeded to it ({ $succeeded_states })
    }{ $others ->
        [0] {""}
        [one] ; the other ratified it
       *[other] ; the others ratified it
    }.{" "}
}

# Same paragraph, next sentence: deposits since the meeting that opens the highlighted
# period. $period_deposits: the clauses of period_first and period_more, or none;
# $period_meeting: that meeting's short name. Ends with a space.
# $whole_period: yes when that meeting is the one counted from: the first paragraph has
# said it all, and nothing is printed.
period_deposits = { $whole_period ->
    [yes] {""}
   *[no] { $period_deposits ->
        [none] No State has joined the Convention since the { $period_meeting }.{" "}
       *[other] { $period_deposits }.{" "}
    }
}

# The first clause of period_deposits. $count: how many; $kind: ratified, acceded or
# succeeded; $meeting: the meeting's short name; $states: their names.
period_first = { CAPITAL(WORDS($count)) } { $count ->
    [one] State has
   *[other] States have
} { $kind ->
    [acceded] acceded to
    [succeeded] succeeded to
   *[ratified] ratified
} the Convention since the { $meeting } ({ $states })

# Each further clause of period_deposits. $count, $kind, $states: as in period_first.
period_more = {" "}and { WORDS($count) } { $count ->
    [one] has
   *[other] have
} { $kind ->
    [acceded] acceded to
    [succeeded] succeeded to
   *[ratified] ratified
} it ({ $states })

# Same paragraph, last sentences: signatories yet to ratify. $yet: how many on the as-of
# day; $yet_before: when the highlighted period opened ($period_month); $signatories: all
# signatories; $yet_share: $yet of $signatories in per cent; $trend: down, up or same.
# Then $pending: withdrawal_pending for each withdrawal notified but not yet in effect on the
# as-of day, or none (after the table, so that no sentence comes between the new States
# Parties and "Two of them (identified in bold)").
yet_to_ratify = { $yet ->
    [0] All { $signatories } signatory States have ratified the { $short_name }.
   *[other] However, { WORDS($yet) } ({ $yet }) of the { $signatories } signatory States, that is { $yet_share }, { $yet ->
        [one] has
       *[other] have
    } yet to ratify the { $short_name }. { $trend ->
        [down] It should be noted that this number has come down from { WORDS($yet_before) } ({ $yet_before }) since { $period_month }.
        [up] This number has risen from { WORDS($yet_before) } ({ $yet_before }) since { $period_month }.
       *[same] This number is unchanged since { $period_month }.
    }
}{ $pending ->
    [none] {""}
   *[other] {" "}{ $pending }
}

## Part II. Action taken jointly by the co-coordinators

# Point 1, second sentence: "Around one hundred States (100) replied, providing...".
# $approximate: yes when the number is approximate; $replies: how many replied.
replies = { $approximate ->
    [yes] Around
   *[no] In all,
} { WORDS($replies) } States ({ $replies }) replied

# Point 1, second paragraph: of the States reporting ongoing processes, how many joined.
# $joined_since: how many became States Parties.
joined_since = Since then { WORDS($joined_since) } { $joined_since ->
    [one] has become a State Party
   *[other] have become States Parties
}.

# Point 3, after the letter to the missions in Geneva: what came of it. $letter_replied: yes
# when it is known how many States replied (the campaign lists its replies, or reported their
# number); words for a past campaign whose outcome is known only in the words reported then,
# $letter_outcome (campaigns.yaml reported.outcome); no when nothing is known: nothing is said.
# $letter_replies: how many replied by the as-of day, $as_of.
letter_replies = { $letter_replied ->
    [yes] { $letter_replies ->
        [0] By { $as_of }, none of them had replied.
        [one] By { $as_of }, one of them had replied.
       *[other] By { $as_of }, { WORDS($letter_replies) } of them had replied.
    }
    [words] { $letter_outcome }
   *[no] {""}
}

# Point 4, first words: "Following the path initiated in 2012, we herewith present" (a summary
# of the answers). $path_year: the year the co-coordinators began presenting the answers by
# category (events.yaml categories_since), or none: the clause is left out.
summary_opening = { $path_year ->
    [none] We herewith present
   *[other] Following the path initiated in { $path_year }, we herewith present
}

# One line of the list of initiatives (before its ";" or "."). $text: what took place;
# $place: where (from place below), or none; $dates: when, or none.
initiative_line = { $text }{ $place ->
    [none] {""}
   *[other] {" "}in { $place }
}{ $dates ->
    [none] {""}
   *[other] {" "}on { $dates }
}

# Where an initiative took place: $city, and $host, the State that hosted it, or none.
place = { $city }{ $host ->
    [none] {""}
   *[other] , { $host }
}

# Point 4, first paragraph: "...received <answers_period> to their initiatives."
# $years: as in for_the_past.
answers_period = { $years ->
    [0] this year
    [1] this year
   *[other] during the last { WORDS($years) } years
}

# Point 4: the categories of non-party States. $groups: how many; $group_list: the
# entries below joined by group_joiner and, before the last, group_last_joiner.
groups = We have divided the countries into { WORDS($groups) } { $groups ->
    [one] group
   *[other] groups
}: { $group_list }.

# One entry of groups. $title: the category's title; $prose: its name in a sentence (in_prose
# in data/categories.yaml; in English the title); $size: its members; $summary: what they
# said (data/categories.yaml).
group_entry = { $title }, comprising { $size ->
    [one] 1 country, of those { $summary }
   *[other] { $size } countries { $summary }
}
group_joiner = {"; "}
group_last_joiner = {"; and "}

# After groups: printed when there is a Category II. $category_ii: its name in a sentence
# (in_prose, or its title), or none.
category_ii_outlook = { $category_ii ->
    [none] {""}
   *[other] In some cases, countries in { $category_ii } could become States Parties in the near future, but that would require a greater national effort and the support and tenacity of the international community due to identified constraints.{" "}
}

# The heading of each category, before its footnote. $title; $size: its members.
category_heading = { $title }: { $size } { $size ->
    [one] State
   *[other] States
}

# In a category's paragraphs (categories.yaml), what the marker {this meeting} stands for:
# the meeting the report is presented to, as a sentence says "this" of it ({This meeting}
# begins with a capital). $kind: msp, review_conference, extraordinary_msp, or typed (a
# meeting named in the data without its kind).
this_meeting = this { $kind ->
    [review_conference] Conference
   *[other] Meeting
}

# The footnote of a State in the status table that notified its withdrawal, one for each
# withdrawal. $notified: the day the depositary received it; $effective: the day it takes
# (or took) effect; $pending: yes when that is after the as-of day; $deposit: the day of the
# instrument it withdraws from, given only for a State that joined more than once, or none;
# $kind: that instrument (ratification, accession or succession).
status_withdrawal = { $deposit ->
    [none] Withdrawal
   *[other] { $kind ->
        [accession] Accession
        [succession] Succession
       *[ratification] Ratification
    } of { $deposit }: withdrawal
} notified on { $notified }, { $pending ->
    [yes] to take effect on { $effective }
   *[no] effective { $effective }
}.

## Part IV. Lessons learned

# First paragraph: "...have greater impact when <lines_of_action>.". $lines: how many;
# $first_line: the only one; $numbered_lines: all of them, numbered 1) ...; 2) ...
lines_of_action = { $lines ->
    [one] this line of action is taken: { $first_line }
   *[other] { WORDS($lines) } different lines of action are taken: { $numbered_lines }
}

## Charts (their words; the data are the figures)

# Chart of States Parties over time: title, the line's name, the axis of days.
chart_time_title = States Parties over time
chart_time_series = States Parties
chart_time_category = Date

# Its alternative text. $first, $last: the first and last counts; $opened: chart_time_opened;
# $end: the as-of day; $marks: the meetings marked (chart_meeting_closed/opening joined
# by "; "), or none.
chart_time_rose = Step line chart: the number of States Parties rose from { $first } on { $opened }, to { $last } on { $end }.{ $marks ->
    [none] {""}
   *[other] {" "}Meetings marked: { $marks }.
}
chart_time_stayed = Step line chart: the number of States Parties stayed at { $last } from { $opened }, to { $end }.{ $marks ->
    [none] {""}
   *[other] {" "}Meetings marked: { $marks }.
}
# $day: the day the Convention opened for signature.
chart_time_opened = { $day }, the day the Convention opened for signature
# A meeting on the chart: $meeting (short name), $city, $day (its last or first day),
# $count: States Parties at its close.
chart_meeting_closed = the { $meeting } ({ $city }), closing on { $day } with { $count } { $count ->
    [one] State Party
   *[other] States Parties
}
chart_meeting_opening = the { $meeting } ({ $city }), opening on { $day }

# Chart of new States Parties by region: title, the axis of regions, the bars' name
# ($meeting: the meeting counted from, short name).
chart_region_title = New States Parties by region
chart_region_category = Region
chart_region_series = New States Parties since the { $meeting }
# Its alternative text. $new: how many; $meeting; $day: the meeting's last day; $regions:
# chart_region_entry for each region, as a list.
chart_region_text = Bar chart: { $new ->
    [0] no new State Party since the { $meeting } closed on { $day }.
    [one] the one new State Party since the { $meeting } closed on { $day }, by region: { $regions }.
   *[other] the { $new } new States Parties since the { $meeting } closed on { $day }, by region: { $regions }.
}
chart_region_entry = { $region } { $count }

## Document properties (File > Properties)

# Subject. $meeting_name: the meeting the report is for.
document_subject = Report to the { $meeting_name }
# Keywords. $short_name: the Convention's short name.
document_keywords = { $short_name }; universalisation

## The first page of a working paper (frame: working-paper in report.yaml, docs/frame.md)

# Top right, under the symbol: how the paper is distributed. $distribution: general,
# limited or restricted (working_paper's distribution).
paper_distribution = { $distribution ->
    [limited] Distr.: Limited
    [restricted] Distr.: Restricted
   *[general] Distr.: General
}

# Top right, under the date: the language the report was written in. $language: en, fr,
# es, ar, ru or zh (working_paper's original).
paper_original = Original: { $language ->
    [fr] French
    [es] Spanish
    [ar] Arabic
    [ru] Russian
    [zh] Chinese
   *[en] English
}

# Top left, under the meeting's place and dates. $number: the agenda item's number as the
# language writes it (10 (a)); $provisional: yes while the agenda is provisional.
paper_item = Item { $number } of { $provisional ->
    [no] the agenda
   *[yes] the provisional agenda
}

# Under the title. $authors: the coordinators who author the report (the Netherlands and
# Portugal), or working_paper's submitted_by.
paper_submitted_by = Submitted by { $authors }

## What the report cites that only one year can say (events.yaml references; report.yaml
## action_plans and coordinators' initiatives). Each is left out with its words when the
## data leaves it out.

# Actions of an action plan, in the messages below. $count: how many; $numbers: their
# numbers as the language lists them (5 and 6).
action_numbers = { $count ->
    [one] Action { $numbers }
   *[other] Actions { $numbers }
}

# Part II, point 1, the paragraph after the demarches (references.demarches).
# $actions: the actions it is in line with (action_numbers); $count: how many; $plan,
# $the_plan, $of_plan: their plan's name, bare, with its article, after "of" (of the
# Vientiane Action Plan). $goals: the actions whose goals the demarches advanced
# (action_numbers), or none; $goals_count: how many; $goals_same_plan: yes when of the same
# plan; $goals_of_plan: that plan after "of".
demarches_actions = This initiative is in line with { $actions } { $of_plan }{ $goals ->
    [none] .
   *[other] , and in the demarches we have also advanced the goals foreseen in { $goals } { $goals_same_plan ->
        [yes] of the Action Plan
       *[no] { $goals_of_plan }
    }.
}

# Part II, point 2, after "favoured a regional approach, as the CCM calls for"
# (references.regional_approach). $actions, $count, $plan, $the_plan, $of_plan: as above.
regional_approach_endorsed = {" "}and as has clearly been endorsed in { $the_plan } ({ $actions })

# Part IV, after "The humanitarian nature of the CCM" (references.humanitarian_nature).
# $actions, $count, $plan, $the_plan, $of_plan: as above.
humanitarian_nature_action = {" "}({ $actions } { $of_plan })

# Part II, point 4, the paragraph on another State's division of countries
# (references.categories_paper). $by: the State that issued the paper; $paper: the paper,
# with its possessive (its universalisation paper); $paragraph: the paragraph referred to,
# or none; $groups: how many types of countries it makes.
categories_paper = The division into { WORDS($groups) } types of countries made by { $by } in { $paper }{ $paragraph ->
    [none] {""}
   *[other] {" "}(para. { $paragraph })
} is accurate. However, as coordinators we have tried to reduce the number of groups and to bring them more in line with the reasons expressed by the different countries. We would note, as { $by } does, that it is regrettable that a large number of the countries that have not signed the Convention are indeed the major producers.

# Part IV, after "promotion among political groupings has translated into positive
# results." (coordinators' initiatives in report.yaml). $initiatives: their clauses, as a
# list; $count: how many; $states: the coordinators who have some; $plural: yes when they
# take a plural verb; $by_issuer: yes when they are the issuer's alone.
coordinator_initiatives = {" "}{ $by_issuer ->
    [yes] From our side, we can report
   *[no] { $plural ->
        [yes] For their part, { $states } can report
       *[no] For its part, { $states } can report
    }
} that { $initiatives }, and we assume that others, like the EU, ASEAN, APEC, the Arab League, the Organisation of Islamic Cooperation, the Commonwealth and the Francophonie, to name just a few, may have a similar result.

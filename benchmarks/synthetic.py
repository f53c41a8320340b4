"""Synthetic data of the shape of data/, at the scale of a late report: every State that can join.

197 States, 30 years of meetings (one Meeting of States Parties a year), 20 categories and 200
outreach events, written as the five YAML files of data/ into a folder. The numbers are random
but drawn from a fixed seed, so the same seed writes the same bytes; the data is made valid
under `reportgen check` (the cross-record rules of reportgen/checks.py), so that the benchmark
times a real build rather than a refusal.

Why 197: a treaty open to "all States", as this Convention is (Article 15), can be joined by
every State the UN Secretary-General, its depositary, treats as one. That is the 193 Members
of the United Nations, the two observer States (the Holy See and the State of Palestine), and
the Cook Islands and Niue (members of UN specialised agencies); the Cook Islands is in fact a
State Party. Names come from pycountry (ISO 3166-1); regions are those of data/states.yaml,
with the same grouping for the States the shipped report does not name.

    python -m benchmarks.synthetic DIR     writes the files into DIR
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pycountry
import yaml

SEED = 2008
"""The default seed: the year the Convention was opened for signature."""

STATES = 197
YEARS_OF_MEETINGS = 30
CATEGORIES = 20
EVENTS = 200

# Every State that can join, by the report's regions (ISO 3166-1 alpha-3). The shipped
# data/states.yaml places 167 of them; the other 30 follow the same grouping (Central Asia,
# the Gulf and the Levant in Asia; the Caucasus in Europe; the Caribbean in the Americas).
REGIONS: dict[str, str] = {
    "Africa": """
        AGO BDI BEN BFA BWA CAF CIV CMR COD COG COM CPV DJI DZA EGY ERI ETH GAB GHA GIN GMB
        GNB GNQ KEN LBR LBY LSO MAR MDG MLI MOZ MRT MUS MWI NAM NER NGA RWA SDN SEN SLE SOM
        SSD STP SWZ SYC TCD TGO TUN TZA UGA ZAF ZMB ZWE""",
    "Americas": """
        ARG ATG BHS BLZ BOL BRA BRB CAN CHL COL CRI CUB DMA DOM ECU GRD GTM GUY HND HTI JAM
        KNA LCA MEX NIC PAN PER PRY SLV SUR TTO URY USA VCT VEN""",
    "Asia": """
        AFG ARE BGD BHR BRN BTN CHN IDN IND IRN IRQ ISR JOR JPN KAZ KGZ KHM KOR KWT LAO LBN
        LKA MDV MMR MNG MYS NPL OMN PAK PHL PRK PSE QAT SAU SGP SYR THA TJK TKM TLS UZB VNM
        YEM""",
    "Europe": """
        ALB AND ARM AUT AZE BEL BGR BIH BLR CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GEO GRC
        HRV HUN IRL ISL ITA LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU RUS SMR
        SRB SVK SVN SWE TUR UKR VAT""",
    "Pacific": "AUS COK FJI FSM KIR MHL NIU NRU NZL PLW PNG SLB TON TUV VUT WSM",
}

# Cities that have hosted disarmament meetings, with the State they are in.
CITIES: tuple[tuple[str, str], ...] = (
    ("Vientiane", "LAO"),
    ("Beirut", "LBN"),
    ("Oslo", "NOR"),
    ("Lusaka", "ZMB"),
    ("San José", "CRI"),
    ("Dubrovnik", "HRV"),
    ("Geneva", "CHE"),
    ("Lomé", "TGO"),
    ("Accra", "GHA"),
    ("Skopje", "MKD"),
    ("Santiago", "CHL"),
    ("Manila", "PHL"),
    ("Wellington", "NZL"),
    ("Dublin", "IRL"),
    ("Maputo", "MOZ"),
)

CONVENTION_OPENED = dt.date(1995, 12, 3)
ENTRY_INTO_FORCE = dt.date(1997, 8, 1)
FIRST_MEETING_YEAR = 1996
AS_OF = dt.date(FIRST_MEETING_YEAR + YEARS_OF_MEETINGS - 1, 9, 1)
"""A week before the last meeting, as the 4th MSP report was as of 1 September 2013."""

_VOCABULARY = """
    States Parties universalisation convention outreach regional approach dialogue stockpile
    destruction clearance victim assistance national legislation ratification accession
    parliament capital mission Geneva humanitarian disarmament cooperation resources
    priorities obstacles reassurance implementation transparency reporting workshop seminar
    coordinators demarche neighbours reciprocity security concerns
"""

_EVENT_TEXTS = (
    "A regional conference took place",
    "A workshop on the implementation of the CCM was organised",
    "A seminar for parliamentarians was held",
    "*Handicap International* presented its latest monitoring report",
    "The coordinators met the permanent missions of the region",
    "A briefing on stockpile destruction was given",
)


def state_names() -> dict[str, str]:
    """The name each State is printed with, by ISO code: pycountry's, in UN word order.

    ISO writes "Korea, Republic of"; the report writes "Republic of Korea".
    """
    names = {}
    for codes in REGIONS.values():
        for code in codes.split():
            country = pycountry.countries.get(alpha_3=code)
            if country is None:
                raise ValueError(f"{code} is not an ISO 3166-1 alpha-3 code in pycountry")
            name = str(country.name)
            if ", " in name:
                head, _, tail = name.partition(", ")
                name = f"{tail} {head}"
            names[code] = name
    return names


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _sentence(rng: random.Random, words: int) -> str:
    vocabulary = _VOCABULARY.split()
    text = " ".join(rng.choice(vocabulary) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(2, 5)))


def make_data(seed: int = SEED) -> dict[str, Any]:
    """The content of the five data files, by stem, as plain values ready for YAML."""
    rng = random.Random(seed)
    names = state_names()
    region_of = {code: region for region, codes in REGIONS.items() for code in codes.split()}
    codes = sorted(names)
    assert len(codes) == STATES, len(codes)

    # Who joined and how: ratified after signing, acceded, succeeded, signed only, neither.
    order = codes[:]
    rng.shuffle(order)
    kinds = ["ratification"] * 90 + ["accession"] * 50 + ["succession"] * 2
    kinds += ["signed"] * 15 + ["none"] * (STATES - len(kinds) - 15)
    states, not_parties = [], []
    for code, kind in zip(order, kinds, strict=True):
        record: dict[str, Any] = {"name": names[code], "iso3": code, "region": region_of[code]}
        if kind in ("ratification", "signed"):
            signature = _day(rng, CONVENTION_OPENED, ENTRY_INTO_FORCE)
            record["signature"] = signature.isoformat()
            if kind == "ratification":
                record["ratification"] = _day(rng, signature, AS_OF).isoformat()
        elif kind in ("accession", "succession"):
            record[kind] = _day(rng, ENTRY_INTO_FORCE, AS_OF).isoformat()
        if kind in ("signed", "none"):
            not_parties.append(names[code])
        states.append(record)
    states.sort(key=lambda s: s["name"])

    meetings = []
    for index in range(YEARS_OF_MEETINGS):
        number = index + 1
        city, country = CITIES[index % len(CITIES)]
        start = dt.date(FIRST_MEETING_YEAR + index, 9, rng.randint(8, 14))
        meetings.append(
            {
                "key": f"{number}MSP",
                "name": f"{_ordinal(number)} Meeting of States Parties",
                "short_name": f"{_ordinal(number)} MSP",
                "city": city,
                "country": names[country],
                "start": start.isoformat(),
                "end": (start + dt.timedelta(days=3)).isoformat(),
            }
        )

    # A coordinator appointed every other meeting, serving four years; the issuer was
    # appointed three meetings before the one the report is for.
    serving = rng.sample(codes, YEARS_OF_MEETINGS // 2)
    coordinators = []
    for position, code in enumerate(serving):
        appointed = 2 * position
        record = {"state": names[code], "appointed_at": meetings[appointed]["key"]}
        if appointed + 4 < YEARS_OF_MEETINGS:
            record["until"] = meetings[appointed + 4]["key"]
        coordinators.append(record)
    issuer = coordinators[YEARS_OF_MEETINGS // 2 - 2]["state"]
    partner = coordinators[YEARS_OF_MEETINGS // 2 - 1]["state"]

    report = {
        "title": "Universalisation",
        "letterhead": ["MINISTRY OF FOREIGN AFFAIRS", f"{issuer.upper()} (SYNTHETIC)"],
        "issuer": issuer,
        "locale": "en_GB",
        "as_of": AS_OF.isoformat(),
        "convention": {
            "name": "Convention on Cluster Munitions",
            "short_name": "CCM",
            "opened_for_signature": CONVENTION_OPENED.isoformat(),
            "entry_into_force": ENTRY_INTO_FORCE.isoformat(),
        },
        "regions": [
            {"name": "Africa"},
            {"name": "Americas", "in_prose": "the Americas"},
            {"name": "Asia"},
            {"name": "Europe"},
            {"name": "Pacific", "in_prose": "the Pacific"},
        ],
        "meetings": meetings,
        "presented_to": meetings[-1]["key"],
        "counting_since": meetings[-3]["key"],
        "highlight": {"after": meetings[-2]["key"], "before": meetings[-1]["key"]},
        "coordinators": coordinators,
    }

    rng.shuffle(not_parties)
    categories = []
    for index in range(CATEGORIES):
        number = index + 1
        categories.append(
            {
                "key": f"C{number}",
                "title": f"Category {number}",
                "summary": f"that gave answers of kind {number} to the coordinators",
                "description": [_paragraph(rng) for _ in range(rng.randint(1, 3))],
                "members": sorted(not_parties[index::CATEGORIES]),
            }
        )

    all_names = [names[code] for code in codes]
    initiatives = []
    for index in range(EVENTS):
        event: dict[str, Any] = {"id": f"event-{index + 1:03d}", "text": rng.choice(_EVENT_TEXTS)}
        if index == 0 or rng.random() < 0.8:
            city, country = rng.choice(CITIES)
            event["place"] = city
            if rng.random() < 0.6:
                event["host"] = names[country]
            start = _day(rng, ENTRY_INTO_FORCE, AS_OF - dt.timedelta(days=3))
            event["start"] = start.isoformat()
            if rng.random() < 0.7:
                event["end"] = (start + dt.timedelta(days=rng.randint(1, 3))).isoformat()
        event["states"] = rng.sample(all_names, rng.randint(0, 3))
        initiatives.append(event)

    events = {
        "initiatives": initiatives,
        "demarches": {
            "by": [issuer, partner],
            "period": f"{AS_OF.year - 2}/{AS_OF.year - 1}",
            "states_approached": len(not_parties),
            "replies": len(not_parties) * 4 // 5,
            "replies_approximate": True,
            "reporting_ongoing_processes": len(not_parties) // 3,
            "joined_since": 2,
        },
        "letter": {"signed_by": [issuer, partner], "states_addressed": len(not_parties)},
        "strategy": {
            "name": "Synthetic Regional Universalisation Strategy",
            "adopted_at": initiatives[0]["id"],
            "participants": 35,
            "measures": [_sentence(rng, 10).rstrip(".").lower() for _ in range(3)],
        },
        "regional_results": _sentence(rng, 20).lower(),
    }
    lessons = {
        "lines_of_action": ["regional approach", "target approach", "parliamentary outreach"],
        "recommendations": [_sentence(rng, 15).rstrip(".").lower() for _ in range(12)],
    }
    return {
        "report": report,
        "states": states,
        "categories": categories,
        "events": events,
        "lessons": lessons,
    }


def generate(directory: Path, seed: int = SEED) -> Path:
    """Write the five synthetic data files into `directory` (created); return it."""
    directory.mkdir(parents=True, exist_ok=True)
    for stem, content in make_data(seed).items():
        text = yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=100)
        header = f"# Synthetic {stem} for benchmarks (benchmarks/synthetic.py, seed {seed}).\n\n"
        (directory / f"{stem}.yaml").write_text(header + text, encoding="utf-8")
    return directory


def main() -> None:
    """`python -m benchmarks.synthetic DIR [--seed N]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    print(generate(args.directory, args.seed))


if __name__ == "__main__":
    main()

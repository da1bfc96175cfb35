"""Page chrome in plain text (no model needed): title once, dateline, agency, masthead date untrusted."""

from __future__ import annotations

import pytest

from dragoman.model import Article, ReferenceDate
from dragoman.text.chrome import annotate

PAGE = """The Daily Ledger | Monday, 3 March 2025 | Subscribe

Ministers Agree to Reopen Border Crossing

Ministers Agree to Reopen Border Crossing

NAIROBI (AFP) — The foreign ministers of Kenya and Ethiopia agreed on Sunday to reopen the main border crossing between the two countries, officials said.
The decision followed two days of talks in the Ethiopian capital, the ministers said in a joint statement.
"We have turned a page," the Kenyan minister told reporters. (AFP)
"""


def chrome_text(article: Article, key: str) -> str:
    s, e = article.chrome[key]
    return article.text[s:e]


def test_title_dateline_agency_and_masthead():
    art = annotate(Article(id="t", text=PAGE))
    assert art.title == "Ministers Agree to Reopen Border Crossing"
    assert chrome_text(art, "title") == art.title
    # the repeated title is reported once as title, the repeat separately (and not parsed)
    assert art.chrome["title_repeat"][0] > art.chrome["title"][0]
    assert art.dateline == "NAIROBI" and chrome_text(art, "dateline") == "NAIROBI"
    assert art.agency == "AFP"
    assert art.reference_date == ReferenceDate("2025-03-03", "page", False)
    assert "Monday, 3 March 2025" == chrome_text(art, "masthead_date")
    assert art.text == PAGE  # nothing is cut out


def test_trusted_date_is_not_overridden_by_masthead():
    art = annotate(Article(id="t", text=PAGE, reference_date=ReferenceDate("2025-03-04", "user", True)))
    assert art.reference_date == ReferenceDate("2025-03-04", "user", True)
    assert "masthead" in art.chrome


def test_agency_credit_at_the_end_and_upper_case_dateline():
    text = "Rebels Seize Town\n\nGOMA - Rebels seized the town of Rutshuru on Friday after heavy fighting with government troops, residents said. (Reuters)"
    art = annotate(Article(id="t", text=text))
    assert art.dateline == "GOMA"
    assert art.agency == "Reuters"
    assert art.reference_date.source == "none" and art.reference_date.date is None
    assert art.title == "Rebels Seize Town"


@pytest.mark.parametrize("lead, place, agency", [
    ("BRASÍLIA - Brazil's foreign ministry said on Friday that the visit would go ahead as planned.", "BRASÍLIA", None),
    ("SÃO PAULO, Brazil (Reuters) - Thousands marched through the city on Sunday against the new pension law.",
     "SÃO PAULO", "Reuters"),
    ("Brasília (AFP) - The Brazilian president signed the decree on Monday after weeks of negotiation with Congress.",
     "Brasília", "AFP"),
    ("ŁÓDŹ - Polish police detained four people after clashes outside the stadium late on Saturday night.", "ŁÓDŹ", None),
])
def test_accented_datelines(lead, place, agency):
    art = annotate(Article(id="t", text="A Headline Here\n\n" + lead))
    assert art.dateline == place
    # the chrome span also covers the country after the place ("SÃO PAULO, Brazil"): it is no actor
    assert chrome_text(art, "dateline") == (place + ", Brazil" if ", Brazil" in lead else place)
    assert art.agency == agency


@pytest.mark.parametrize("lead, place, agency", [
    # a South Asian agency's dateline: no dash between it and the story
    ("Chennai, Apr 16 (SNA) Chief Minister Meena Raghavan on Tuesday met the finance commission.", "Chennai", "SNA"),
    ("Karachi, 3 March (NNS) Police arrested two men in Lyari on Monday.", "Karachi", "NNS"),
])
def test_a_dateline_with_no_dash(lead, place, agency):
    art = annotate(Article(id="t", text="A Headline Here\n\n" + lead))
    assert (art.dateline, art.agency) == (place, agency)
    assert chrome_text(art, "dateline") == place


def test_a_name_and_an_agency_without_a_day_are_no_dateline():
    art = annotate(Article(id="t", text="A Headline Here\n\nMaria Lopez (AFP) The minister said on Tuesday."))
    assert art.dateline is None


def test_plain_sentence_has_no_chrome():
    text = "The two presidents met in Geneva on Tuesday to discuss arms control and agreed to meet again next year."
    art = annotate(Article(id="t", text=text))
    assert art.title is None and art.dateline is None and art.agency is None
    assert "masthead" not in art.chrome


def test_sentence_with_a_date_is_not_a_masthead():
    text = ("On 4 May 2021 the parliament of Peru voted to remove the interior minister after weeks of protests.\n"
            "The vote passed with a large majority, according to the speaker of the house.")
    art = annotate(Article(id="t", text=text))
    assert "masthead" not in art.chrome
    assert art.reference_date.date is None


def test_a_short_lead_sentence_with_a_date_is_story_not_masthead():
    # a news brief whose first sentence is short and holds a full date: no masthead, no title, nothing hidden
    for text in (
        "Sweden joined the alliance on 7 March 2024.",
        "Brazil and Argentina signed the accord on March 26, 1991.\nThe treaty created a customs union.",
    ):
        art = annotate(Article(id="t", text=text))
        assert "masthead" not in art.chrome, text
        assert "title" not in art.chrome, text
        assert art.reference_date.date is None


def test_labelled_and_separated_mastheads_are_still_mastheads():
    art = annotate(Article(id="t", text="Last updated on Saturday, April 27th, 2024.\nEnvoys Meet in Doha\n"
                                         "DOHA - Envoys met on Friday to discuss a ceasefire."))
    assert art.reference_date == ReferenceDate("2024-04-27", "text", False)
    assert chrome_text(art, "title") == "Envoys Meet in Doha"
    art = annotate(Article(id="t", text="Kabul Times | Tuesday, 27 October 2020 | 10:32 am\nEnvoys Meet in Doha\n"
                                         "KABUL - Envoys met on Monday."))
    assert art.reference_date == ReferenceDate("2020-10-27", "page", False)


@pytest.mark.parametrize("lead", [
    ("NAIROBI (AFP) — Rebel militants stormed a hotel near the palace in Mogadishu late on Saturday, killing "
     "at least 12 people before security forces ended the siege, officials said."),
    "GOMA, Congo (Reuters) - Rebel militants stormed a hotel near the airport on Saturday, witnesses said.",
])
def test_a_dateline_the_parser_took_for_the_subject_is_not_the_source(pipeline, lead):
    """spaCy may read "NAIROBI (AFP) — militants stormed ..." with the dateline as the subject and the
    militants in apposition to it: the militants are the source."""
    from dragoman.api_public import extract

    art = extract("Hotel siege ends\n\n" + lead, published="2024-03-17", pipeline=pipeline)
    ev = next(e for e in art.events if e.type == "ASSAULT")
    names = {a.name.lower() for a in art.actors if a.id in ev.sources}
    assert names == {"rebel militants"}, [(e.type, e.sources, e.rule) for e in art.events]


@pytest.mark.parametrize("lead", [
    "LYON - Hundreds of French farmers drove tractors into the city centre on Thursday to protest against a planned trade agreement.",
    "MARSEILLE - Hundreds of dock workers marched through the port on Friday to protest against the pension reform.",
])
def test_a_dateline_read_as_a_second_subject_is_not_the_source(pipeline, lead):
    """"LYON - Hundreds of farmers drove ...": spaCy may take the dateline for a subject beside the real one."""
    from dragoman.api_public import extract

    art = extract(lead, published="2024-03-17", pipeline=pipeline)
    ev = next((e for e in art.events if e.type == "PROTEST"), None)
    assert ev is not None and ev.sources, [(e.type, e.sources, e.rule) for e in art.events]
    assert all(art.actor(a).kind != "place" for a in ev.sources), [art.actor(a) for a in ev.sources]


@pytest.mark.parametrize("text, region", [
    ("GOMA, Democratic Republic of Congo - Fighters attacked an army post on Friday.", "Democratic Republic of Congo"),
    ("SARAJEVO, Bosnia and Herzegovina (AP) - The presidency met on Friday.", "Bosnia and Herzegovina"),
    ("PORT OF SPAIN, Trinidad and Tobago - Police said on Friday they had arrested two men.", "Trinidad and Tobago"),
])
def test_a_dateline_country_named_with_of_or_and_is_part_of_the_dateline(text, region):
    """The whole country after the place is the dateline, never an actor or the start of the lead's subject."""
    art = annotate(Article(id="t", text=text))
    assert chrome_text(art, "dateline").endswith(region)
    assert art.dateline == text.split(",")[0]


def test_a_datelines_day_is_chrome_and_no_part_of_the_first_actor(pipeline):
    from dragoman import extract

    art = extract("BOGOTA, Aug 5 (GDA) - Fighters from a dissident armed faction stormed the town of Balboa on Tuesday "
                  "night, killing two police officers.", pipeline=pipeline)
    s, e = art.chrome["dateline_date"]
    assert art.text[s:e] == "Aug 5"
    assert not any("Aug" in a.name for a in art.actors), [a.name for a in art.actors]


def test_a_dateline_and_its_date_read_as_the_subject_give_the_subject_joined_to_them(pipeline):
    """"HANOI, May 7 - Vietnam and Laos signed ...": spaCy may take the dateline for the subject, its date for an
    apposition and the two countries for names joined to the date; the countries are the sources, and the city the
    agreement was signed in is no party to it."""
    from dragoman.api_public import extract

    art = extract("HANOI, May 7 - Vietnam and Laos signed an agreement in Hanoi on Tuesday to build a high-voltage "
                  "transmission line.", published="2024-05-07", pipeline=pipeline)
    ev = next(e for e in art.events if e.type in ("SUPPORT", "AGREE"))
    assert {art.actor(a).name for a in ev.sources} == {"Vietnam", "Laos"}, ev
    assert not ev.targets
    # but a city that aid was to reach receives it
    art = extract("The Red Crescent suspended aid deliveries in Kabul on Wednesday after two of its trucks were hit by "
                  "gunfire.", published="2024-05-07", pipeline=pipeline)
    ev = next(e for e in art.events if e.type == "SANCTION")
    assert [art.actor(a).name for a in ev.targets] == ["Kabul"]


def test_a_wire_storys_lead_names_its_minister_and_takes_the_datelines_day(pipeline):
    """"BRIDGETOWN, March 4 (Isla Wire) - Antigua and Barbuda's Minister of Trade and CARICOM Affairs, X, held a video
    call with Y, the government said": the minister (the country's two words one name, a bloc inside her portfolio)
    called the other minister, on the dateline's day (no time of its own told)."""
    from dragoman import extract

    text = ("BRIDGETOWN, March 4 (Isla Wire) - Antigua and Barbuda's Minister of Trade and CARICOM Affairs, Delphine "
            "Osterholt-Rowe, held a video call with Guyanese Trade Minister Anand Persaud Ramlakhan Tiwari about sugar "
            "quotas, the government said.")
    art = extract(text, published="2026-03-05", pipeline=pipeline)
    ev = next(ev for ev in art.events if ev.type == "CONSULT")
    assert [art.actor(a).name for a in ev.sources] == ["Delphine Osterholt-Rowe"], ev
    assert [art.actor(a).name for a in ev.targets] == ["Anand Persaud Ramlakhan Tiwari"], ev
    assert art.actor(ev.sources[0]).country == "ATG"
    assert (ev.date, ev.date_precision) == ("2026-03-04", "day")

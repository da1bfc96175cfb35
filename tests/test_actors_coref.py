"""Coreference of pronouns, short names and titles through the real spaCy model (sentences written for these
tests): which actor "she", "they", "them", "the Herald" and "the chairman of ..." stand for.  Each test fails
without the rule it names; the guards check what a rule leaves alone."""

from __future__ import annotations

import re

import pytest

from dragoman.api_public import extract


def holder(article, text: str, nth: int = 0):
    """The actor holding the ``nth`` occurrence of ``text`` as a mention (``None``: no actor holds it)."""
    spans = sorted((m.start, a) for a in article.actors for m in a.mentions if m.text == text)
    at = [m.start() for m in re.finditer(r"\b" + re.escape(text) + r"\b", article.text)][nth]
    return next((a for s, a in spans if s == at), None)


def test_a_subject_pronoun_of_reported_speech_is_the_speaker(pipeline):
    art = extract("Ms Anna Kovacs told the assembly that she would vote for the bill because Mr Paul Dunn had "
                  "rewritten it, and she urged colleagues to follow.", pipeline=pipeline)
    assert holder(art, "she", 0).name == "Anna Kovacs"
    assert holder(art, "she", 1).name == "Anna Kovacs"  # not Dunn, the subject of a clause inside


def test_they_is_the_subject_of_the_main_clause_before(pipeline):
    art = extract("The miners' union said France had broken its promise. They will strike on Monday.",
                  pipeline=pipeline)
    assert holder(art, "They").name == "miners' union"


def test_they_is_the_subject_not_a_country_in_a_phrase(pipeline):
    art = extract("Peace activists marched through the capital during the border dispute with Spain. They "
                  "demanded talks.", pipeline=pipeline)
    assert holder(art, "They").name == "Peace activists"


def test_they_in_its_own_sentence_is_the_nearest_group(pipeline):
    art = extract("Police arrested the protesters after they blocked the road.", pipeline=pipeline)
    assert holder(art, "they").name == "protesters"


def test_a_pronoun_carries_its_actor_to_the_next_pronoun(pipeline):
    art = extract("Governor Ruth Mason visited the flooded towns on Sunday. Residents said she had promised help "
                  "weeks ago. Local councillors were less patient. They criticised her for the slow response.",
                  pipeline=pipeline)
    assert holder(art, "her").name == "Ruth Mason"


def test_he_after_a_quote_is_its_speaker_not_the_quotes_subject(pipeline):
    # '"X's budget is a sham," the opposition leader said. He went on to ...': the speaker carries on
    art = extract('Opposition leader Tomas Varga dismissed Finance Minister Pavel Kollar\'s budget. Mr Kollar\'s '
                  'budget was not about what was good for the country, but "all about his own party," the opposition '
                  'leader said after the vote. He went on to accuse Mr Kollar of hiding a deficit.', pipeline=pipeline)
    assert holder(art, "He").name == "Tomas Varga"


def test_he_is_not_a_queen(pipeline):
    art = extract("The queen received the new ambassador, Mr Omar Faris. He presented his credentials.",
                  pipeline=pipeline)
    assert holder(art, "He").name == "Omar Faris"


def test_an_object_them_is_not_a_singular_body(pipeline):
    art = extract("The minister praised the reforms after the Senate approved them, and she defended them again "
                  "on Monday.", pipeline=pipeline)
    assert holder(art, "them", 0) is None and holder(art, "them", 1) is None


def test_an_object_them_is_a_plural_group(pipeline):
    art = extract("Riot police surrounded the protesters and arrested them.", pipeline=pipeline)
    assert holder(art, "them").name == "protesters"


def test_the_short_name_of_an_organisation_named_before(pipeline):
    art = extract("The Boston Herald reported the fire on Friday. The Herald says she was questioned by detectives.",
                  pipeline=pipeline)
    assert holder(art, "Herald", 1).name == "Boston Herald"
    assert holder(art, "she") is None  # a newspaper is no person


def test_a_one_word_name_after_the_is_no_person(pipeline):
    art = extract("A cyclist was hit by a van in Leeds. The Gazette says he was taken to hospital.", pipeline=pipeline)
    assert holder(art, "Gazette").kind == "organisation"
    assert holder(art, "he") is None


def test_a_title_that_names_its_body_is_not_a_namesake(pipeline):
    art = extract("Airline chairman Tom Reed opened the meeting. The chairman of the Civil Aviation Authority then "
                  "called for tighter rules.", pipeline=pipeline)
    assert holder(art, "chairman of the Civil Aviation Authority").kind == "group"  # not Tom Reed
    ev = next(e for e in art.events if e.type == "REQUEST")
    assert [art.actor(i).name for i in ev.sources] == ["chairman of the Civil Aviation Authority"]


def test_a_countrys_charities_are_its_ngos_and_its_public_its_civilians(pipeline):
    from dragoman import extract

    art = extract("French charities have begun flying in supplies to deliver aid. The French public has pledged millions.",
                  published="2024-05-04", pipeline=pipeline)
    coded = {a.name: (a.country, a.sector) for a in art.actors}
    assert coded.get("French charities") == ("FRA", "NGO"), coded
    assert coded.get("French public") == ("FRA", "CVL"), coded
    assert "AID" in [e.type for e in art.events], [(e.type, e.rule) for e in art.events]


def test_the_director_of_a_film_is_no_government_officer(pipeline):
    from dragoman import extract

    art = extract("The director of the film, Ravi Menon, says the movie is harmless.", published="2024-05-04",
                  pipeline=pipeline)
    assert all(a.sector != "GOV" for a in art.actors), [(a.name, a.sector) for a in art.actors]
    art = extract("The director of the agency, John Smith, resigned on Monday.", published="2024-05-04", pipeline=pipeline)
    assert [a.sector for a in art.actors if a.name == "John Smith"] == ["GOV"], [(a.name, a.sector) for a in art.actors]


def test_belgrade_is_serbias_not_a_dissolved_states(pipeline):
    from dragoman import extract

    art = extract("Students protested in Belgrade on Monday.", published="2024-05-04", pipeline=pipeline)
    assert {a.country for a in art.actors} == {"SRB"}, [(a.name, a.country) for a in art.actors]


def test_the_pronoun_that_says_who_speaks_is_nobody_named_in_the_quote(pipeline):
    from dragoman import extract

    art = extract('Senator Dana Whitfield spoke in Lanark on Monday. "The minister has misled the farmers," she said.',
                  published="2024-05-04", pipeline=pipeline)
    she = art.text.index("she said")
    owner = [a.name for a in art.actors if any(m.start == she for m in a.mentions)]
    assert owner == ["Dana Whitfield"], owner


def test_the_group_is_the_body_named_before(pipeline):
    from dragoman import extract

    art = extract("Human Rights Watch published a report on prisons on Monday. The group urged the government to "
                  "free the detainees.", published="2024-05-04", pipeline=pipeline)
    req = [e for e in art.events if e.type == "REQUEST"]
    assert req and [art.actor(s).name for s in req[0].sources] == ["Human Rights Watch"], [(e.type, e.sources) for e in art.events]
    # said which ("the group of experts"), or nothing named before: no guess
    art = extract("The group of experts urged the government to free the detainees.", published="2024-05-04", pipeline=pipeline)
    assert all(not e.sources for e in art.events if e.type == "REQUEST"), [(e.type, e.sources) for e in art.events]


def test_the_head_noun_of_a_bodys_name_is_that_body(pipeline):
    art = extract("The Fair Wage Commission recommended a higher rate for young workers. The government of Ruritania "
                  "has not accepted the commission's recommendation. The Audit Board published a study on Monday. "
                  "The Home Office welcomed the board's report.", published="2024-05-04", pipeline=pipeline)
    assert holder(art, "the commission").name == "Fair Wage Commission"
    assert holder(art, "the board").name == "Audit Board"
    welcome = [e for e in art.events if e.type == "SUPPORT"]
    assert welcome and [art.actor(t).name for t in welcome[0].targets] == ["Audit Board"], welcome
    # a head that alone means something else ("the state"), or none named before: nobody
    art = extract("Islamic State fighters left the town. The state sent troops to the border. The tribunal fined "
                  "the Tarsa Tribunal's clerk.", published="2024-05-04", pipeline=pipeline)
    assert holder(art, "The state") is None and holder(art, "The tribunal") is None


def test_the_head_noun_is_the_body_whatever_the_tagger_and_the_verbs_of_phrase(pipeline):
    # the tagger takes a lower-case "council" for a proper noun, and the parser hangs "of nimbyism" on it
    art = extract("Westbury District Council voted to reject the housing plan on Monday. Ministers accused the council "
                  "of nimbyism.", published="2024-05-04", pipeline=pipeline)
    accusation = next(e for e in art.events if e.type == "ACCUSE")
    assert [art.actor(t).name for t in accusation.targets] == ["Westbury District Council"]


def test_a_surname_written_with_its_article_is_found_without_it(pipeline):
    """"Hazim Karim al-Saadi" ... "held talks with Saadi": the later surname is the minister."""
    from dragoman import extract

    art = extract("Iraq's water resources minister, Hazim Karim al-Saadi, urged a visiting Turkish delegation on "
                  "Wednesday to release more water. The Turkish team, led by Deputy Foreign Minister Selim Ozkan, "
                  "held talks with Saadi at the ministry in Baghdad.", published="2026-03-19", pipeline=pipeline)
    talks = next(e for e in art.events if e.type == "CONSULT")
    assert [art.actor(a).name for a in talks.targets] == ["Hazim Karim al-Saadi"]


def test_it_as_the_subject_of_an_act_is_the_body_a_sentence_was_about(pipeline):
    from dragoman import extract

    art = extract("The Ruritanian army said on Monday that two of its posts had come under fire. It blamed the Tumba "
                  "Liberation Front for the attack.", published="2024-05-04", pipeline=pipeline)
    blame = [e for e in art.events if e.type == "ACCUSE"]
    assert blame and [art.actor(a).name for a in blame[0].sources] == ["Ruritanian army"], \
        [(e.type, [art.actor(a).name for a in e.sources]) for e in art.events]
    # "it is", "it emerged": no one; a thing the sentence was about is no body
    art = extract("The Ruritanian army held a parade. It was the largest in years. The council leader said the barge was "
                  "unsafe and that it broke the rules.", published="2024-05-04", pipeline=pipeline)
    army = next(a for a in art.actors if a.name == "Ruritanian army")
    assert not [m for m in army.mentions if m.kind == "pronoun"], army.mentions


@pytest.mark.parametrize("text, pronoun, body", [
    ("The former minister quit the Labour Party last week, calling it a shambles.", "it", "Labour Party"),
    ("The senator criticised the World Bank on Friday, accusing it of neglect.", "it", "World Bank"),
    ("Ann Moss attacked the dockers' unions on Monday, accusing them of greed.", "them", "unions"),
])
def test_an_object_pronoun_of_a_participle_is_the_object_of_the_act_it_goes_with(pipeline, text, pronoun, body):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    holders = [a.name for a in art.actors if any(m.kind == "pronoun" and m.text == pronoun for m in a.mentions)]
    assert len(holders) == 1 and body in holders[0], [(a.name, [m.text for m in a.mentions]) for a in art.actors]


def test_meeting_a_standard_is_no_meeting(pipeline):
    from dragoman import extract

    art = extract("The company said the barge met all fire regulations.", published="2024-05-04", pipeline=pipeline)
    assert not art.events, [(e.type, e.rule) for e in art.events]


def test_a_title_is_not_a_deputys_or_a_shadows(pipeline):
    """A rank the later title does not carry makes another office: "the prime minister" is not the "Deputy Prime
    Minister" named before, "the chancellor" not the "shadow chancellor"."""
    art = extract("Deputy Prime Minister Alan Greaves chaired the cabinet meeting on the budget. The prime "
                  "minister later said he would not resign.", pipeline=pipeline)
    who = holder(art, "prime minister", 0)
    assert who is None or who.name != "Alan Greaves", who
    art = extract("Shadow chancellor Oliver Pennington attacked the plan. The chancellor said the figures were sound.",
                  pipeline=pipeline)
    who = holder(art, "chancellor", 0)
    assert who is None or who.name != "Oliver Pennington", who


def test_a_lead_that_describes_one_person_is_the_name_that_opens_the_next_sentence(pipeline):
    """Wire leads describe, then name: "A Guatemalan journalist ... was arrested. Herrera, 44, was led away"."""
    art = extract("A Honduran journalist known for his reporting on the port was arrested in the capital on Thursday. "
                  "Herrera, 51, was taken from his home by officers at dawn.", pipeline=pipeline)
    who = holder(art, "Honduran journalist")
    assert who is not None and who.name == "Herrera" and who.country == "HND" and who.sector == "JRN", who
    # a name that does not open the next sentence is someone else
    art = extract("A senior minister resigned on Monday. Police said Smith was not involved.", pipeline=pipeline)
    assert holder(art, "senior minister").name != "Smith"


def test_a_title_refers_to_the_leader_the_lexicon_knows_in_office_at_the_articles_date(pipeline):
    """"Keir Starmer ... the prime minister": named with no title, a leader in office at the article's date (the
    leaders' lexicon) holds the office the title names; with two such leaders of one office, no guess."""
    text = ("Keir Starmer has dismissed reports that he will reshuffle his cabinet. The prime minister said the "
            "reports were wrong.")
    art = extract(text, published="2025-03-04", pipeline=pipeline)
    who = holder(art, "prime minister")
    assert who is not None and who.name == "Keir Starmer", who
    art = extract("Keir Starmer met Rishi Sunak in the Commons. The prime minister said the talks were useful.",
                  pipeline=pipeline)  # no date: both were prime ministers
    who = holder(art, "prime minister")
    assert who is None or who.name not in ("Keir Starmer", "Rishi Sunak"), who


def test_an_undated_article_means_the_leader_in_office_in_the_years_it_names(pipeline):
    """With no date, a leader the lexicon knows in office in none of the years the article names is not the one a
    title means: "Keir Starmer ... Rishi Sunak ... in May 2023 ... the prime minister" is Sunak (Starmer took office
    in 2024); naming no year, both may be, and no guess is made."""
    text = ("Rishi Sunak met Keir Starmer at a memorial service in May 2023. The prime minister said the two men had "
            "spoken briefly.")
    who = holder(extract(text, pipeline=pipeline), "prime minister")
    assert who is not None and who.name == "Rishi Sunak", who
    text = "Rishi Sunak met Keir Starmer at a memorial service. The prime minister said the two men had spoken briefly."
    who = holder(extract(text, pipeline=pipeline), "prime minister")
    assert who is None or who.name not in ("Keir Starmer", "Rishi Sunak"), who


def test_they_who_speak_uncoded_are_those_speakers_not_a_country_nearby(pipeline):
    """"... in Norway, and dockers have said they want higher pay": "they" are the dockers (no actor: nobody
    coded), not Norway, nor the harbour staff named before."""
    text = "About 3,000 harbour staff work at ports in Norway, and dockers have said they want higher pay."
    who = holder(extract(text, pipeline=pipeline), "they")
    assert who is None, who


def test_a_group_told_again_by_its_number_and_noun_is_the_group_told_before(pipeline):
    """"Six opposition parties ... the six parties": one group; "the two parties" is not it."""
    text = "Six opposition parties walked out of the assembly on Monday. The six parties say the new electoral law is unfair."
    art = extract(text, pipeline=pipeline)
    first, again = holder(art, "Six opposition parties"), holder(art, "six parties")
    assert first is not None and again is first, (first, again)
    art = extract(text.replace("The six parties", "The two parties"), pipeline=pipeline)
    assert holder(art, "two parties") is not holder(art, "Six opposition parties")


def test_he_inside_a_quoted_sentence_is_not_its_speaker(pipeline):
    """'Dunn replied: "He has gone now ..."': the one quoted would say "I"; "he" is someone talked about (the
    chairman the sentence before asked to resign), not another speaker either. A phrase in quotation marks ("his
    'serious concerns'") is no quoted sentence: its pronouns are read as the narrative's."""
    text = ("Mr Ole Varga, the club chairman, faced calls to quit. Mrs Ana Holm said the chairman should go at once. "
            'Mr Paul Dunn replied: "He has gone now, and I hope the club can move on."')
    art = extract(text, pipeline=pipeline)
    who = holder(art, "He")
    assert who is not None and who.name == "Ole Varga", who
    text = 'Mr Paul Dunn wrote to the board about his "serious concerns".'
    who = holder(extract(text, pipeline=pipeline), "his")
    assert who is not None and who.name == "Paul Dunn", who


def test_a_year_named_outside_the_undated_articles_era_does_not_decide_its_offices(pipeline):
    """An undated article naming Tony Blair and Gordon Brown, and a target "by 2030": "the prime minister" is still
    Blair (the era of the two in office together decides, not a year of a forecast)."""
    text = ("Tony Blair has attacked the opposition's tax plans. The prime minister told a rally the plans would "
            "fail. Gordon Brown said the plans would mean dearer bus fares by 2030.")
    art = extract(text, pipeline=pipeline)
    who = holder(art, "prime minister")
    assert who is not None and who.name == "Tony Blair", who


def test_a_bare_title_in_the_headline_is_the_holder_the_story_names(pipeline):
    """"... governor condemns raid": a headline writes no article; the governor is the one the story names after it,
    and the headline's accusation and the lead's are one event."""
    text = ("Cannery sweep nets 80; governor condemns 'dawn ambush'\n\n"
            "Federal agents detained 80 workers at a canning plant on Tuesday. Gov. Ilse Marwick accused the agents "
            "of a \"dawn ambush\" on families.")
    art = extract(text, published="2024-05-08", pipeline=pipeline)
    who = holder(art, "governor")
    assert who is not None and who.name == "Ilse Marwick", who
    accusations = [e for e in art.events if e.type == "ACCUSE"]
    assert len(accusations) == 1 and len(accusations[0].evidence) == 2, [(e.rule, e.evidence) for e in accusations]


def test_you_in_a_quote_told_to_a_person_is_that_person(pipeline):
    """'He told Mrs Holm: "It is shameful that you ..."': "you" is whom the quote is told to; told to an outlet, or
    outside quotation marks, it is anyone; "you have told lies" is no report of what the one told says."""
    text = ('Mr Paul Dunn answered the letter on Tuesday. He told Mrs Ana Holm: "It is shameful that you have spread '
            'these rumours."')
    art = extract(text, pipeline=pipeline)
    who = holder(art, "you")
    assert who is not None and who.name == "Ana Holm", who
    assert [(art.actor(e.sources[0]).name, [art.actor(t).name for t in e.targets])
            for e in art.events if e.type == "ACCUSE" and e.sources] == [("Paul Dunn", ["Ana Holm"])], art.events
    text = 'Mr Paul Dunn spoke to Radio Velna on Tuesday. He told the station: "You have to be careful."'
    assert holder(extract(text, pipeline=pipeline), "You") is None
    text = 'Mr Paul Dunn told Mrs Ana Holm: "Now you have told too many stories."'
    assert holder(extract(text, pipeline=pipeline), "you") is None


def test_a_ministers_title_refers_to_the_holder_of_that_office_the_lexicon_knows(pipeline):
    """"Charles Clarke ... Jack Straw ... the home secretary": of the ministers named with no title, the one the
    ministers' lexicon knows in that very office (not the minister named last); "the chancellor" is the chancellor."""
    text = ("Charles Clarke and Jack Straw flew to Brussels for the summit. Gordon Brown stayed in London. The home "
            "secretary told reporters the talks had gone well, and the chancellor praised the agreement.")
    art = extract(text, published="2005-06-10", pipeline=pipeline)
    who = holder(art, "home secretary")
    assert who is not None and who.name == "Charles Clarke", who
    who = holder(art, "chancellor")
    assert who is not None and who.name == "Gordon Brown", who
    art = extract(text, published="2003-06-10", pipeline=pipeline)  # Clarke was not home secretary yet
    who = holder(art, "home secretary")
    assert who is None or who.name not in ("Charles Clarke", "Jack Straw"), who


def test_an_undated_article_is_of_the_era_in_which_the_people_it_names_held_office(pipeline):
    """With no date and no year named, the offices meant are those its people held together: "Tony Blair ... Gordon
    Brown ... Jack Straw" are of Blair's years, when Brown was chancellor, not prime minister; so "the prime
    minister" is Blair and "the chancellor" Brown."""
    text = ("Gordon Brown, Jack Straw and Tony Blair arrived at the conference hall together. The chancellor "
            "spoke first, and the prime minister closed the debate.")
    art = extract(text, pipeline=pipeline)
    who = holder(art, "chancellor")
    assert who is not None and who.name == "Gordon Brown", who
    who = holder(art, "prime minister")
    assert who is not None and who.name == "Tony Blair", who
    # an office held outside that era is a former holder's: a home secretary of the 1990s named then is no minister,
    # but still of his country
    art = extract(text + " Michael Howard, the opposition leader, watched from the gallery.", pipeline=pipeline)
    howard = next(a for a in art.actors if a.name == "Michael Howard")
    assert howard.sector != "GOV" and howard.country == "GBR", howard


@pytest.mark.parametrize("text, org, sector", [
    # an office holder who speaks for or works at a body is coded as that body's
    ("A spokesman for Amnesty International condemned the verdict.", "AMNESTY", None),
    ("But a spokesman for the Home Office defended the proposals.", "HOMEOFFICE", "GOV"),
    ("A spokesman for the Taliban denied the report.", "TALIBAN", None),
])
def test_a_spokesman_for_a_body_is_the_bodys(pipeline, text, org, sector):
    art = extract(text, published="2005-03-04", pipeline=pipeline)
    src = [art.actor(a) for e in art.events for a in e.sources]
    assert src and src[0].org == org and (sector is None or src[0].sector == sector), src


def test_an_organisations_national_section_is_the_organisation(pipeline):
    """"Oxfam Ireland condemned ...": the country after the organisation's name is its section, not the actor."""
    art = extract("Oxfam Ireland condemned the killings.", published="2005-03-04", pipeline=pipeline)
    src = [art.actor(a) for e in art.events for a in e.sources]
    assert src and src[0].org == "OXFAM", src
    art = extract("The EU Britain summit was held in London.", published="2005-03-04", pipeline=pipeline)
    assert {a.name for a in art.actors} >= {"European Union", "United Kingdom"}  # two names, no section


def test_the_seats_member_is_the_member_named_before(pipeline):
    """"the Mid-Bedfordshire MP" is a title, its place the seat: the MP named before, not a person called so."""
    art = extract("The Tory MP Jonathan Sayeed was suspended for two weeks. The Mid-Bedfordshire MP had denied a claim "
                  "that he was paid for guiding visitors.", published="2005-03-04", pipeline=pipeline)
    who = holder(art, "Mid-Bedfordshire MP")
    assert who is not None and who.name == "Jonathan Sayeed", who


def test_the_speakers_of_a_report_set_after_it_are_not_named_in_it(pipeline):
    """"More work was needed before the officers were deployed, they argued in the study." (found reading
    bbc-val-331 beside its text): "they" are the speakers named before, not the officers of what they said."""
    art = extract("Researchers from Leeds University warned that the new scheme could weaken local policing. More "
                  "work needed to be done before the officers were deployed, they argued in the study.",
                  published="2005-03-04", pipeline=pipeline)
    who = holder(art, "they")
    assert who is not None and "Leeds" in who.name, who


def test_two_family_names_later_are_the_person_named_in_full(pipeline):
    art = extract("CALI, May 14 (Andes Wire) - Police arrested former mayor Julio Andrés Ferro Quintana at his home in "
                  "Cali on Thursday. Agents detained Ferro Quintana shortly after 6 a.m. Prosecutors said Ferro had "
                  "signed the contracts.", pipeline=pipeline)
    whole = holder(art, "Julio Andrés Ferro Quintana")
    assert whole is not None and whole.kind == "person"
    assert holder(art, "Ferro Quintana", 1) is whole
    assert holder(art, "Ferro", 2) is whole  # the father's family name alone, from a name of four words


def test_a_middle_name_of_three_words_is_no_family_name(pipeline):
    art = extract("Senator Harold Fitzgerald Brant spoke on Monday. Fitzgerald Brant said the bill would pass. "
                  "Mayor Anne Fitzgerald disagreed.", pipeline=pipeline)
    assert holder(art, "Anne Fitzgerald").name == "Anne Fitzgerald"  # not "Fitzgerald" of the senator's name


@pytest.mark.parametrize("description", ["militia", "armed group"])
def test_an_armed_group_described_is_the_one_named_before(pipeline, description):
    art = extract("BUNIA, May 9 (Lake Wire) - Fighters of the Union of Northern Combatants (UNC) attacked the "
                  f"town of Lopa before dawn on Saturday, killing nine people. The {description} struck the market and a "
                  "camp for displaced families, witnesses said.", pipeline=pipeline)
    named = holder(art, "UNC")
    assert named is not None and named.sector == "REB"
    assert holder(art, description) is named


def test_an_armed_group_described_among_two_named_is_nobodys_and_attackers_are_not_described(pipeline):
    art = extract("Fighters of the Union of Northern Combatants attacked Lopa on Saturday, and the Kiro Valley "
                  "Brigade militia raided Tema. The militia burned houses. Police said the attackers fled.",
                  pipeline=pipeline)
    militia = holder(art, "militia", 1)
    assert militia is None or not {"Union", "Kiro"} & set(militia.name.split())
    attackers = holder(art, "attackers")
    assert attackers is None or "Union" not in attackers.name  # "the attackers" may be anyone's


def test_a_spokesman_of_an_armed_group_is_not_the_group_described(pipeline):
    art = extract("An M23 spokesman, Jean Habiyaremye, said the rebels had captured two military positions.",
                  pipeline=pipeline)
    rebels = holder(art, "rebels")
    assert rebels is not None and rebels.name != "Jean Habiyaremye"


def test_the_fighters_of_a_body_the_tagger_did_not_name_are_known_by_its_name(pipeline):
    art = extract("Mourners buried the dead on Thursday. Fighters of the KRLF attacked the base before dawn on Wednesday. "
                  "Fighters of Somalia trained with Kenyan troops.", published="2025-03-04", pipeline=pipeline)
    attack = [e for e in art.events if e.type == "ASSAULT"]
    assert attack and [(art.actor(s).name, art.actor(s).sector) for s in attack[0].sources] == [
        ("Fighters of the KRLF", "REB")], attack
    assert holder(art, "Fighters of Somalia").country == "SOM"  # of a place: its country's, no body's


def test_the_ministers_of_two_countries_are_of_neither_the_place_nor_the_last_country(pipeline):
    art = extract("AMMAN, May 7 (Levant Wire) - Kuwait and Oman reviewed a pipeline plan during talks between the two "
                  "countries' foreign ministers in Amman on Thursday.", published="2025-05-07", pipeline=pipeline)
    ministers = holder(art, "two countries' foreign ministers")
    assert ministers is not None and ministers.country is None, art.actors


def test_a_person_told_of_with_a_is_not_the_person_named_after(pipeline):
    art = extract("GRAZ, April 21 (Alpine Wire) - Officers of a special unit arrested a 41-year-old Belgian man in Graz on "
                  "Tuesday; he is suspected of running a ring that forged lorry permits, prosecutors said.\n\n"
                  "\"We believe this man organised the forgeries,\" said Karin Vollmer, a senior public prosecutor in Graz.",
                  published="2026-04-21", pipeline=pipeline)
    vollmer = next(a for a in art.actors if a.name == "Karin Vollmer")
    assert not any("Belgian man" in m.text for m in vollmer.mentions), vollmer
    detained = next(e for e in art.events if e.type == "COERCE")
    assert "Karin Vollmer" not in [art.actor(t).name for t in detained.targets], detained


def test_a_bodys_initials_in_parentheses_are_no_country_code(pipeline):
    art = extract("The raid was led by the state criminal police office (Landeskriminalamt, LKA) in Bavaria.",
                  published="2026-04-21", pipeline=pipeline)
    assert not any(a.country == "LKA" for a in art.actors), art.actors


def test_he_who_says_it_is_not_the_person_named_in_what_he_says(pipeline):
    from dragoman import extract

    art = extract("Mark Quill spoke in Leeds on Monday. These are the figures Mr Hale must explain, he said, "
                  "urging members to question him on them.", published="2025-03-04", pipeline=pipeline)
    asks = [e for e in art.events if e.type == "REQUEST"]
    assert asks and [art.actor(i).name for i in asks[0].sources] == ["Mark Quill"], art.events


def test_i_in_a_quote_is_the_subject_of_the_verb_it_reports_under(pipeline):
    # two reporting verbs in one sentence: "I" is the speaker of the one its quote hangs on, not the first
    art = extract('Mr Orvik denied the report, and before he flew to Oslo the budget minister told reporters: '
                  '"I trust the premier completely."', pipeline=pipeline)
    assert holder(art, "I").name == "budget minister"


def test_they_is_the_subject_a_number_opens(pipeline):
    # "Three dock unions ... at the party's congress. They demand ...": the subject, though its phrase opens with a number
    art = extract("Three dock unions will meet the transport minister at the Velnan Labour Party's congress in Orvik. "
                  "They demand that the ministry scrap the new port rules.", pipeline=pipeline)
    assert holder(art, "They").name == "Three dock unions"


def test_the_two_standing_alone_are_the_two_people_named_last(pipeline):
    art = extract("Velnia's trade minister Ilse Varga received her Dorvan counterpart Tomas Brek in Orvik on Monday, "
                  "and the two signed a memorandum on river freight.", pipeline=pipeline)
    held = [a.name for a in art.actors if any(m.text == "two" for m in a.mentions)]
    assert sorted(held) == ["Ilse Varga", "Tomas Brek"], held


def test_the_two_before_a_noun_or_with_one_person_named_is_no_one(pipeline):
    art = extract("Governor Ilse Varga said the two parties had broken the deal. Later the two met in Orvik.",
                  pipeline=pipeline)
    assert not [a.name for a in art.actors if any(m.text == "two" for m in a.mentions)]


def test_an_acronym_of_a_body_named_before_is_that_body_not_a_lexicon_namesake(pipeline):
    # "ISF" is the lexicon's Iraqi Security Forces; here it spells the body whose officers the story named
    art = extract("Two reporters were held overnight by officers of the Internal Security Forces, and the ISF later "
                  "released them without charge.", pipeline=pipeline)
    isf = holder(art, "the ISF")
    assert isf is not None and "Internal Security Forces" in isf.name and isf.country != "IRQ", (isf and (isf.name, isf.country))


def test_they_inside_a_clause_is_the_subject_above_it_not_the_nearest_body(pipeline):
    art = extract("Hundreds of fishermen rallied outside the fisheries ministry on Monday to protest against what "
                  "they called ruinous quotas.", pipeline=pipeline)
    assert holder(art, "they").name == "fishermen", [(a.name, [m.text for m in a.mentions]) for a in art.actors]


def test_plural_titles_are_the_office_holders_the_story_names(pipeline):
    # "the interior ministers of X and Y" opens the story, the two are named after it, and "the ministers" later
    art = extract("The interior ministers of Hungary and the Czech Republic held talks in Gyor on Monday. Hungarian "
                  "Interior Minister Bence Tarjan and his Czech counterpart Pavla Hruba signed a border accord after the "
                  "talks. The ministers also discussed migration.", pipeline=pipeline)
    talks = [e for e in art.events if e.type == "CONSULT"]
    assert talks and sorted(art.actor(a).name for a in talks[0].sources) == ["Bence Tarjan", "Pavla Hruba"]
    assert not [a for a in art.actors if a.kind == "group" and "minister" in a.name.lower()], [a.name for a in art.actors]


def test_a_plural_title_counting_others_is_no_one_named(pipeline):
    art = extract("Environment Minister Ilse Varga met her Dorvan counterpart Tomas Brek in Orvik. Three other "
                  "ministers stayed away from the talks.", pipeline=pipeline)
    assert any(a.kind == "group" and a.name.endswith("ministers") for a in art.actors), [a.name for a in art.actors]


def test_a_name_without_its_first_given_name_is_the_same_person(pipeline):
    art = extract("Jean-Marc Tshibanda Ilunga, the province's governor, told reporters the road would reopen. "
                  "\"We have no other choice,\" Tshibanda Ilunga said.", pipeline=pipeline)
    people = [a for a in art.actors if a.kind == "person"]
    assert len(people) == 1 and "Tshibanda Ilunga" in [m.text for m in people[0].mentions], [(a.name, a.kind) for a in art.actors]


def test_the_pair_and_a_top_diplomat_with_a_named_counterpart(pipeline):
    # "the pair" stands for the two named last, as "the two" does; a top diplomat holds a minister's office
    art = extract("Velnia's top diplomat, Ilse Varga, and Dorvan's foreign minister, Tomas Brek, pledged to reopen the "
                  "border crossing, after the pair met in Orvik on Monday. The two ministers also discussed fishing "
                  "quotas.", pipeline=pipeline)
    for name in ("Ilse Varga", "Tomas Brek"):
        held = {m.text for a in art.actors if a.name == name for m in a.mentions}
        assert {"pair", "two ministers"} <= held, (name, held)
    met = [e for e in art.events if e.type == "CONSULT"]
    assert met and {art.actor(a).name for a in met[0].sources} == {"Ilse Varga", "Tomas Brek"}
    assert not [a for a in extract("The pair of envoys met in Orvik.", pipeline=pipeline).actors
                if any(m.text == "pair" for m in a.mentions)]


def test_a_title_joined_by_and_to_a_person_is_another_person(pipeline):
    art = extract("Foreign Minister Tomas Brek and Hungary's foreign minister discussed fishing quotas in Orvik. "
                  "Hungary's foreign minister, Ilse Varga, said the talks went well.", pipeline=pipeline)
    brek = next(a for a in art.actors if a.name == "Tomas Brek")
    assert brek.country != "HUN" and not any("Hungary" in m.text for m in brek.mentions), (brek.country, brek.mentions)


@pytest.mark.parametrize("text, name, sector", [
    ("Scottish councils must freeze their rents, says the housing minister.", "Scottish councils", "GOV"),
    ("Hampshire County Council voted on Tuesday to sue the bus operator.", "Hampshire County Council", "GOV"),
])
def test_local_councils_are_local_government(pipeline, text, name, sector):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    got = {a.name: a.sector for a in art.actors}
    assert got.get(name) == sector, got
    # guard: a school's council is no government
    art = extract("The student council protested against the canteen prices.", published="2024-05-04", pipeline=pipeline)
    assert not [a for a in art.actors if a.sector == "GOV"], [(a.name, a.sector) for a in art.actors]


def test_its_is_the_body_its_own_sentence_is_about(pipeline):
    from dragoman import extract

    art = extract("The navy said on Sunday that its helicopters had sunk three pirate skiffs.", published="2024-05-04",
                  pipeline=pipeline)
    navy = next(a for a in art.actors if a.name.lower().endswith("navy"))
    assert any(m.kind == "pronoun" and m.text == "its" for m in navy.mentions), [(a.name, a.mentions) for a in art.actors]
    # guard: a thing's "its" is no body's, and a body named only in an earlier sentence is not what "its" is about
    art = extract("The navy held a parade. The bill and its provisions were criticised by the Green Party.",
                  published="2024-05-04", pipeline=pipeline)
    assert not [m for a in art.actors for m in a.mentions if m.text == "its"], [(a.name, a.mentions) for a in art.actors]


# --- rule: a person told again by the common noun the article described them with (actors/epithet.py) ---------


@pytest.mark.parametrize("text, who, epithet", [
    (("Governor Ana Lind faces a challenge from Tom Hale, a retired surgeon. On Thursday, Lind accused the retired "
     "surgeon of lying."), "Tom Hale", "the retired surgeon"),
    ("The pop singer Marco Velez was charged on Monday. Prosecutors accused the singer of hiding income.",
     "Marco Velez", "the singer"),
])
def test_a_person_is_told_again_by_the_noun_that_described_them(pipeline, text, who, epithet):
    art = extract(text, pipeline=pipeline)
    assert holder(art, epithet) is not None and holder(art, epithet).name == who, [(a.name, [m.text for m in a.mentions])
                                                                                  for a in art.actors]
    accusation = next(e for e in art.events if e.type == "ACCUSE")
    assert [art.actor(i).name for i in accusation.targets] == [who]


@pytest.mark.parametrize("text, epithet", [
    # two people described with the noun: which one is not said
    (("Tom Hale, a surgeon, and Eva Ruiz, a surgeon at the same clinic, were arrested. Police accused the surgeon "
     "of fraud."), "the surgeon"),
    # a noun that tells which one it is, or a noun no one was described with
    ("Tom Hale, a retired surgeon, was arrested. Police said the surgeon who treated him was not involved.",
     "the surgeon"),
    ("Tom Hale, a retired surgeon, was arrested. Police accused the nurse of fraud.", "the nurse"),
    # a word the description lacks says another one
    ("Tom Hale, a retired surgeon, was arrested. Police accused the German surgeon of fraud.", "the German surgeon"),
])
def test_an_epithet_is_nobody_the_article_did_not_single_out(pipeline, text, epithet):
    art = extract(text, pipeline=pipeline)
    assert holder(art, epithet) is None or holder(art, epithet).name != "Tom Hale"


def test_they_in_words_said_to_an_outlet_is_not_the_outlet(pipeline):
    art = extract('Mr Reid told BBC News: "Those who leak these stories think they will gain, but they are wrong."',
                  pipeline=pipeline)
    who = holder(art, "they")
    assert who is None or who.name != "BBC News", [(a.name, [m.text for m in a.mentions]) for a in art.actors]


@pytest.mark.parametrize("text", [
    "Jean Moreau was charged with fraud on Monday. Moreau's lawyer, Ana Ruiz, said her client denies every count.",
    "Jean Moreau was charged with fraud on Monday. Ana Ruiz, who represents Moreau, said her client denies every count.",
])
def test_her_client_is_whom_the_lawyer_acts_for(pipeline, text):
    art = extract(text, pipeline=pipeline)
    denial = next(e for e in art.events if e.type == "REJECT")
    assert [art.actor(i).name for i in denial.sources] == ["Jean Moreau"], [(a.name, [m.text for m in a.mentions])
                                                                          for a in art.actors]

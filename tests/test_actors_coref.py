"""Coreference of pronouns and short names through the real spaCy model (sentences written for these tests):
which actor "he", "they", "them" and "the Chronicle" stand for.  Each test fails without the rule it names."""

from __future__ import annotations

import re

from dragoman.api_public import extract


def holder(article, text: str, nth: int = 0):
    """The actor holding the ``nth`` mention written exactly ``text`` (``None``: no actor holds it)."""
    spans = sorted((m.start, a) for a in article.actors for m in a.mentions if m.text == text)
    starts = sorted({m.start() for m in re.finditer(r"\b" + text + r"\b", article.text)})
    at = starts[nth]
    return next((a for s, a in spans if s == at), None)


def test_a_subject_pronoun_of_reported_speech_is_the_speaker(pipeline):
    art = extract("Mr Tom Clarke said he had supported the plan when Mr Sam Blunt argued for it in cabinet and he "
                  "supported it now.", pipeline=pipeline)
    assert holder(art, "he", 0).name == "Tom Clarke"
    assert holder(art, "he", 1).name == "Tom Clarke"  # not Blunt, the subject of a clause inside


def test_they_is_the_subject_of_the_main_clause_before(pipeline):
    art = extract("The Green Party's new posters say Britain is enjoying record growth. They urge voters not to "
                  "let the Tories take it away.", pipeline=pipeline)
    assert holder(art, "They").name == "Green Party"


def test_they_is_the_subject_not_a_country_in_a_phrase(pipeline):
    art = extract("Peace campaigners have lost an appeal over police tactics at a rally during the Iraq war. They "
                  "had appealed against a ruling that officers acted lawfully.", pipeline=pipeline)
    assert holder(art, "They").name == "Peace campaigners"


def test_they_in_its_own_sentence_is_the_nearest_group(pipeline):
    art = extract("Police arrested the protesters after they blocked the road.", pipeline=pipeline)
    assert holder(art, "they").name == "protesters"


def test_a_pronoun_carries_its_actor_to_the_next_pronoun(pipeline):
    art = extract("Chancellor Gordon Brown gave his budget on Monday. Critics said he had raised taxes. According to "
                  "the opposition parties, it was a con trick. As always, they accused him of hiding the facts.",
                  pipeline=pipeline)
    assert holder(art, "him").name == "Gordon Brown"
    ev = next(e for e in art.events if e.type == "ACCUSE" and "accused" in art.text[e.evidence[0].start:e.evidence[0].end])
    assert [art.actor(i).name for i in ev.targets] == ["Gordon Brown"]


def test_he_is_not_a_girl(pipeline):
    art = extract("A kidnapped girl was found in a basket where Michael Webb had hidden her. He had threatened to "
                  "kill her parents.", pipeline=pipeline)
    assert holder(art, "He").name == "Michael Webb"
    assert holder(art, "her", 1).name == "kidnapped girl"


def test_an_object_them_after_a_plural_thing_is_the_thing(pipeline):
    art = extract("Mr Tom Clarke said he had backed the plans when Mr Sam Blunt argued for them in Cabinet and he "
                  "backed them now.", pipeline=pipeline)
    assert holder(art, "them", 1) is None


def test_an_object_them_is_a_plural_group(pipeline):
    art = extract("Riot police surrounded the protesters and arrested them.", pipeline=pipeline)
    assert holder(art, "them").name == "protesters"


def test_the_short_name_of_an_organisation_named_before(pipeline):
    art = extract("The San Francisco Chronicle reported the stabbing on Friday. The Chronicle says he was arrested a "
                  "block away.", pipeline=pipeline)
    assert holder(art, "Chronicle", 1).name == "San Francisco Chronicle"
    assert holder(art, "he") is None  # a newspaper is no person


def test_a_one_word_name_after_the_is_no_person(pipeline):
    art = extract("A man was stabbed on a train in Oakland. The Chronicle says he was arrested a block away.",
                  pipeline=pipeline)
    assert holder(art, "Chronicle").kind == "organisation"
    assert holder(art, "he").name == "man"


def test_a_title_that_names_its_body_is_not_a_namesake(pipeline):
    art = extract("Labour party chairman Ian Hale announced a review of the rules. Last month the chairman of the "
                  "Commission for Racial Equality also called for shortlists in certain cases.", pipeline=pipeline)
    officer = holder(art, "chairman of the Commission for Racial Equality")
    assert officer is not None and officer.kind == "group"  # not Ian Hale, Labour's chairman
    ev = next(e for e in art.events if e.type == "REQUEST")
    assert [art.actor(i).name for i in ev.sources] == ["chairman of the Commission for Racial Equality"]

"""Unit tests of the actor resolver on hand-built Article records (no spaCy model loaded).

Each record is written token by token with the parse a good parser would give, so the tests pin what
the resolver does with the parse, not what spaCy happens to output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.actors import load_lexicon, resolve
from dragoman.actors.dictionary import load_dictionary
from dragoman.actors.lexicon import Lexicon, default_lexicon
from dragoman.api_public import extract
from dragoman.errors import ConfigError
from dragoman.model import Article, Sentence, Span, Token
from dragoman.settings import Settings

NO_SPACE_BEFORE = {"'s", "’s", ",", ".", ")", ":"}


def build(sentences: list[list[tuple]], ents: list[tuple[int, int, str]] = (), chrome: dict | None = None,
          prefix: str = "") -> Article:
    """An Article from tokens ``(text, pos, tag, dep, head_offset[, ent_type])`` per sentence.

    ``head_offset`` is relative to the token (0 = root).  ``ents`` are (first token, end token, label)
    over article-wide token indexes.
    """
    text = prefix
    toks: list[Token] = []
    sents: list[Sentence] = []
    for si, words in enumerate(sentences):
        if text and not text.endswith((" ", "\n")):
            text += " "
        s_start, t_start = len(text), len(toks)
        for k, w in enumerate(words):
            word, pos, tag, dep, off = w[:5]
            ent = w[5] if len(w) > 5 else ""
            if k and word not in NO_SPACE_BEFORE and text[-1] != "(":
                text += " "
            start = len(text)
            text += word
            i = len(toks)
            toks.append(Token(i, start, len(text), word, word.lower(), pos, tag, dep, i + off, si,
                              "B" if ent else "O", ent))
        sents.append(Sentence(si, s_start, len(text), text[s_start:], t_start, len(toks)))
    spans = tuple(Span(toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end], lab, a, b, toks[a].sent)
                  for a, b, lab in ents)
    return Article(id="t", text=text, tokens=tuple(toks), sentences=tuple(sents), entities=spans,
                   chrome=chrome or {})


def by_name(article: Article, name: str):
    for a in article.actors:
        if a.name == name:
            return a
    raise AssertionError(f"no actor {name!r} in {[a.name for a in article.actors]}")


# "Egypt's Army Chief of Staff General Tarek Nabil met Ethiopian soldiers."
TITLE = [[
    ("Egypt", "PROPN", "NNP", "poss", 4, "GPE"), ("'s", "PART", "POS", "case", -1),
    ("Army", "PROPN", "NNP", "compound", 2), ("Chief", "PROPN", "NNP", "compound", 1),
    ("of", "ADP", "IN", "prep", -1), ("Staff", "PROPN", "NNP", "pobj", -1),
    ("General", "PROPN", "NNP", "compound", 2), ("Tarek", "PROPN", "NNP", "compound", 1, "PERSON"),
    ("Nabil", "PROPN", "NNP", "nsubj", 1, "PERSON"), ("met", "VERB", "VBD", "ROOT", 0),
    ("Ethiopian", "ADJ", "JJ", "amod", 1, "NORP"), ("soldiers", "NOUN", "NNS", "dobj", -2),
    (".", "PUNCT", ".", "punct", -3),
]]


def test_title_codes_country_sector_and_role():
    art = resolve(build(TITLE, ents=[(0, 1, "GPE"), (7, 9, "PERSON"), (10, 11, "NORP")]))
    nabil = by_name(art, "Tarek Nabil")
    assert (nabil.country, nabil.sector, nabil.kind) == ("EGY", "MIL", "person")
    assert nabil.role == "Army Chief of Staff"
    assert any(m.text == "Tarek Nabil" and m.kind == "name" for m in nabil.mentions)
    soldiers = by_name(art, "Ethiopian soldiers")
    assert (soldiers.country, soldiers.sector) == ("ETH", "MIL")
    # Egypt is the general's affiliation, not an actor of its own
    assert not [a for a in art.actors if a.name == "Egypt"]


def test_ids_follow_first_mention_and_mentions_index_the_text():
    art = resolve(build(TITLE, ents=[(0, 1, "GPE"), (7, 9, "PERSON"), (10, 11, "NORP")]))
    assert [a.id for a in art.actors] == [f"a{i}" for i in range(1, len(art.actors) + 1)]
    firsts = [min(m.start for m in a.mentions) for a in art.actors]
    assert firsts == sorted(firsts)
    for a in art.actors:
        for m in a.mentions:
            assert art.text[m.start:m.end] == m.text


# "CAIRO - Tarek Nabil wrote on Telegram. Nabil said he would travel."  with spaCy's usual mistakes:
# the dateline taken for an organisation, the platform for a person, the bare surname for a place.
CORRECT = [
    [("CAIRO", "PROPN", "NNP", "npadvmod", 3, "ORG"), ("-", "PUNCT", ":", "punct", 2),
     ("Tarek", "PROPN", "NNP", "compound", 1, "PERSON"), ("Nabil", "PROPN", "NNP", "nsubj", 1, "PERSON"),
     ("wrote", "VERB", "VBD", "ROOT", 0), ("on", "ADP", "IN", "prep", -1),
     ("Telegram", "PROPN", "NNP", "pobj", -1, "PERSON"), (".", "PUNCT", ".", "punct", -3)],
    [("Nabil", "PROPN", "NNP", "nsubj", 1, "GPE"), ("said", "VERB", "VBD", "ROOT", 0),
     ("he", "PRON", "PRP", "nsubj", 2), ("would", "AUX", "MD", "aux", 1), ("travel", "VERB", "VB", "ccomp", -3),
     (".", "PUNCT", ".", "punct", -4)],
]


def test_ner_mistakes_corrected_and_coreference():
    art = resolve(build(CORRECT, ents=[(0, 1, "ORG"), (2, 4, "PERSON"), (6, 7, "PERSON"), (8, 9, "GPE")],
                        chrome={"dateline": (0, 5)}))
    names = [a.name for a in art.actors]
    assert "Telegram" not in names and "CAIRO" not in names and "Egypt (government)" not in names
    assert names == ["Tarek Nabil"]
    kinds = {(m.text, m.kind) for m in art.actors[0].mentions}
    assert ("Nabil", "surname") in kinds and ("he", "pronoun") in kinds
    # an uncoded person keeps its name, country and sector None: never a guess
    assert art.actors[0].country is None and art.actors[0].sector is None


# "The Sahel Relief Council (SRC) accused rebels. SRC officials said ..." (an unknown organisation)
ACRONYM = [
    [("The", "DET", "DT", "det", 3), ("Sahel", "PROPN", "NNP", "compound", 2, "ORG"),
     ("Relief", "PROPN", "NNP", "compound", 1, "ORG"), ("Council", "PROPN", "NNP", "nsubj", 4, "ORG"),
     ("(", "PUNCT", "-LRB-", "punct", -1), ("SRC", "PROPN", "NNP", "appos", -2), (")", "PUNCT", "-RRB-", "punct", -3),
     ("accused", "VERB", "VBD", "ROOT", 0), ("rebels", "NOUN", "NNS", "dobj", -1), (".", "PUNCT", ".", "punct", -2)],
    [("SRC", "PROPN", "NNP", "nsubj", 1, "ORG"), ("agreed", "VERB", "VBD", "ROOT", 0), (".", "PUNCT", ".", "punct", -1)],
]


def test_acronym_defined_in_parentheses_and_generic_group():
    art = resolve(build(ACRONYM, ents=[(1, 4, "ORG"), (10, 11, "ORG")]))
    council = by_name(art, "Sahel Relief Council")
    acr = [m for m in council.mentions if m.kind == "acronym"]
    assert [m.text for m in acr] == ["SRC", "SRC"]
    rebels = by_name(art, "rebels")
    assert rebels.country is None and rebels.sector == "REB"


# "Washington rejected the offer." — a capital acting for its government
CAPITAL = [[("Washington", "PROPN", "NNP", "nsubj", 1, "GPE"), ("rejected", "VERB", "VBD", "ROOT", 0),
            ("the", "DET", "DT", "det", 1), ("offer", "NOUN", "NN", "dobj", -2), (".", "PUNCT", ".", "punct", -3)]]


def test_capital_stands_for_government():
    art = resolve(build(CAPITAL, ents=[(0, 1, "GPE")]))
    (a,) = art.actors
    assert (a.country, a.sector, a.kind) == ("USA", "GOV", "government")


def test_lexicon_sizes_and_codes():
    lex = default_lexicon()
    assert len(lex.country_names) >= 245
    orgs = {e.name for es in lex.names.values() for e in es if e.source == "organisations"}
    assert len(orgs) >= 150
    nato = lex.lookup("NATO")[0]
    assert (nato.country, nato.org) == ("IGO", "NATO")
    assert lex.lookup("Taliban")[0].country == "AFG"
    assert lex.lookup("U.S.")[0].country == "USA" and lex.lookup("Afghan")[0].country == "AFG"
    assert lex.role("special envoy").sector == "GOV" and lex.role("chief of staff").sector == "MIL"


# -- the user dictionary --------------------------------------------------------------------------


def test_user_dictionary_overrides_builtin(tmp_path: Path):
    f = tmp_path / "actors.yaml"
    f.write_text(
        "- name: Tarek Nabil\n  aliases: [Nabil]\n  country: SDN\n  sector: REB\n"
        "- name: Washington\n  country: XYZ\n  sector: GOV\n",
        encoding="utf-8",
    )
    lex = load_lexicon(Settings(actors_file=str(f)))
    art = resolve(build(CORRECT, ents=[(0, 1, "ORG"), (2, 4, "PERSON"), (6, 7, "PERSON"), (8, 9, "GPE")],
                        chrome={"dateline": (0, 5)}), lex)
    nabil = by_name(art, "Tarek Nabil")
    assert (nabil.country, nabil.sector) == ("SDN", "REB")
    cap = resolve(build(CAPITAL, ents=[(0, 1, "GPE")]), lex).actors[0]
    assert cap.country == "XYZ"


def test_user_dictionary_dates_limit_the_coding(tmp_path: Path):
    f = tmp_path / "actors.csv"
    f.write_text("name,aliases,country,sector,valid_from,valid_to\nTarek Nabil,Nabil,SDN,GOV,2019-01-01,2020-12-31\n",
                 encoding="utf-8")
    lex = Lexicon(load_dictionary(f))
    base = build(CORRECT, ents=[(0, 1, "ORG"), (2, 4, "PERSON"), (6, 7, "PERSON"), (8, 9, "GPE")])
    from dragoman.model import ReferenceDate

    inside = resolve(base.replace(reference_date=ReferenceDate("2020-05-01", "user", True)), lex)
    outside = resolve(base.replace(reference_date=ReferenceDate("2023-05-01", "user", True)), lex)
    assert by_name(inside, "Tarek Nabil").country == "SDN"
    assert by_name(outside, "Tarek Nabil").country is None


@pytest.mark.parametrize(
    "name,content,where",
    [
        ("bad.yaml", "- name: A\n  country: FR\n", "line 1"),
        ("bad2.yaml", "- name: A\n  country: FRA\n- country: DEU\n  sector: GOV\n", "line 3"),
        ("bad3.yaml", "- name: A\n  valid_from: 2020-13-01\n", "line 1"),
        ("bad4.yaml", "- name: [unclosed\n", "line"),
        ("bad.csv", "name,country,sector\nA,FRA,GOV\nB,DE,GOV\n", "line 3"),
        ("bad2.csv", "name,colour\nA,red\n", "line 1"),
        ("actors.txt", "name: A\n", "format"),
    ],
)
def test_bad_dictionary_names_file_and_line(tmp_path: Path, name: str, content: str, where: str):
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_dictionary(f)
    assert str(f) in str(e.value) and where in str(e.value)


def test_missing_dictionary_is_a_config_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="not found"):
        load_lexicon(Settings(actors_file=str(tmp_path / "nope.yaml")))


def test_new_york_is_new_york_not_york(pipeline):
    from dragoman import extract

    art = extract("The mayor of New York met state legislators in Albany on Monday. Later she flew to York, in "
                  "England.", published="2024-05-04", pipeline=pipeline)
    mayor = next(a for a in art.actors if a.name.startswith("mayor"))
    assert mayor.country == "USA"
    assert any(a.name == "York" and a.country == "GBR" for a in art.actors)


@pytest.mark.parametrize("text, name, country, sector", [
    # state institutions named by name alone, with no role word to code them
    ("Customs and Border Protection turned the convoy back at the crossing.", "US Customs and Border Protection", "USA", "COP"),
    ("ICE detained a farm worker in Ohio.", "US Immigration and Customs Enforcement", "USA", "COP"),
    ("The House Judiciary Committee subpoenaed the former adviser.", "House Judiciary Committee", "USA", "LEG"),
    ("The National Audit Office criticised the ministry's accounts.", "UK National Audit Office", "GBR", "GOV"),
    ("Scotland Yard arrested two men in east London.", "Metropolitan Police", "GBR", "COP"),
    # a name several countries' institutions share is the UK's only where no other country is named
    ("Canada's House of Commons passed the bill.", "House of Commons", "CAN", None),
])
def test_state_institutions_named_alone(pipeline, text, name, country, sector):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    got = {(a.name, a.country, a.sector) for a in art.actors}
    assert (name, country, sector) in got, got


def test_an_honorific_the_tagger_took_into_an_organisations_name_makes_a_person():
    # the tagger sometimes tags "Mr Ladbrook" whole as an organisation: the honorific says a person
    art = resolve(build([[("But", "CCONJ", "CC", "cc", 3), ("Mr", "PROPN", "NNP", "compound", 1),
                          ("Ladbrook", "PROPN", "NNP", "nsubj", 1), ("said", "VERB", "VBD", "ROOT", 0),
                          ("no", "DET", "DT", "det", 1), (".", "PUNCT", ".", "punct", -2)]], ents=[(1, 3, "ORG")]))
    who = by_name(art, "Ladbrook")
    assert who.kind == "person" and not [a for a in art.actors if a.kind == "organisation"]


@pytest.mark.parametrize("text, name", [
    # one name the tagger cut in two (the second piece tagged NNPS)
    ("Police arrested former Tumaco mayor Hernando José Salcedo Pardo at his home in Cali on Thursday.",
     "Hernando José Salcedo Pardo"),
    # four words after a title, taken for an organisation's name
    ("The town's former mayor, Ricardo Alberto Montoya Garzón, was arrested on Thursday.",
     "Ricardo Alberto Montoya Garzón"),
    # a name taken for a place (or missed), with "who" after it
    ("Fabio Restrepo, who governed the port from 2019, was detained on Thursday.", "Fabio Restrepo"),
])
def test_a_persons_name_the_tagger_cut_or_mistook_is_one_person(pipeline, text, name):
    art = extract(text, pipeline=pipeline)
    assert any(a.name == name and a.kind == "person" for a in art.actors), [(a.name, a.kind) for a in art.actors]


def test_a_bodys_name_after_a_title_word_is_no_person(pipeline):
    art = extract("The Independent Police Complaints Commission has begun an investigation into the shooting.",
                  pipeline=pipeline)
    assert not any(a.kind == "person" for a in art.actors), [(a.name, a.kind) for a in art.actors]


@pytest.mark.parametrize("text", ["Gunmen stormed the town of Saut-Mathurine before dawn on Tuesday.",
                                  "Gunmen stormed the village of Kabingo Lwasa on Tuesday."])
def test_the_town_of_a_name_is_a_place_no_actor(pipeline, text):
    art = extract(text, pipeline=pipeline)
    assert [a.name for a in art.actors] == ["Gunmen"]


def test_an_organisation_named_for_its_fighters_is_an_armed_group(pipeline):
    art = extract("The Union of Djala Fighters said on Monday it had seized the mine.", pipeline=pipeline)
    union = next(a for a in art.actors if a.name == "Union of Djala Fighters")
    assert union.sector == "REB"


def test_a_capital_named_the_and_a_place_noun_keeps_its_article(pipeline):
    art = extract("The Kiro Valley Brigade militia raided Tema. Officials in The Valley, Anguilla, said nothing.",
                  pipeline=pipeline)
    countries = {a.name: a.country for a in art.actors}
    assert countries.get("Kiro Valley Brigade militia") != "AIA"  # any valley is not Anguilla's capital
    assert countries.get("The Valley") == "AIA"


@pytest.mark.parametrize("text, name", [
    ("Fighters of the militant group Harakat Fajr al-Wadi attacked the town on Saturday.", "Harakat Fajr al-Wadi"),
    ("Fighters from the armed group Jama'at Rijal al-Sahel attacked an army base on Saturday.",
     "Fighters from the armed group Jama'at Rijal al-Sahel"),
])
def test_a_name_after_a_bodys_role_word_is_the_bodys_not_a_persons(pipeline, text, name):
    art = extract(text, pipeline=pipeline)
    assert not any(a.kind == "person" for a in art.actors), [(a.name, a.kind) for a in art.actors]
    attack = next(e for e in art.events if e.type == "ASSAULT")
    assert [art.actor(i).name for i in attack.sources] == [name]


@pytest.mark.parametrize("text, name, sector", [
    ("The Patani Raya Armed Front said on Monday that its fighters had attacked the outpost.",
     "Patani Raya Armed Front", "REB"),
    ("The Armed Forces of Liberia said on Monday that soldiers had arrested two men.", "Armed Forces of Liberia", "MIL"),
])
def test_an_organisation_named_armed_is_a_rebel_group_but_armed_forces_are_not(pipeline, text, name, sector):
    art = extract(text, pipeline=pipeline)
    body = next(a for a in art.actors if a.name == name)
    assert body.sector == sector


def test_its_fighters_are_the_organisation_named_before_them(pipeline):
    art = extract("The Patani Raya Armed Front said on Monday that its fighters had attacked the outpost.",
                  pipeline=pipeline)
    attack = next(e for e in art.events if e.type == "ASSAULT")
    assert [art.actor(i).name for i in attack.sources] == ["Patani Raya Armed Front"]
    art = extract("The government said its soldiers had attacked the rebels.", pipeline=pipeline)
    attack = next(e for e in art.events if e.type == "ASSAULT")
    assert [art.actor(i).name for i in attack.sources] == ["soldiers"]  # not the armed members' word

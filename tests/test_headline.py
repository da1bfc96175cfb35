"""A headline glued to the story's first sentence (text/headline.py): found from the words alone, not
parsed, and the first sentence read without it. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from dragoman.text.headline import glued_headline

STORY = (
    "Harbour workers end pay strike Dock workers in Port Ellery have ended a three-week strike over pay after "
    "the harbour authority offered a seven percent rise, their union said on Friday. The union's leader, Mara "
    "Quist, said members had voted to accept the offer. The harbour authority said ships would be loaded again "
    "from Monday and thanked the workers for their patience."
)


def headline(text: str) -> str | None:
    span = glued_headline(text)
    return text[span[0]:span[1]] if span else None


def test_a_glued_headline_is_found():
    assert headline(STORY) == "Harbour workers end pay strike"


@pytest.mark.parametrize("text, want", [
    # a name after the headline: the cut is before the whole name, not inside it
    (("Quist to lead dock union Veteran organiser Mara Quist has been elected leader of the dock workers' union "
     "in Port Ellery, beating two rivals in a postal ballot. Quist said her first task was the pension dispute. "
     "The union's members voted by a wide margin, officials said."),
     "Quist to lead dock union"),
    # the headline ends on a name the story repeats in full
    (("Harbour chief rebuked by Quist Union leader Mara Quist has rebuked the harbour chief for cutting night "
     "shifts without notice at Port Ellery. The harbour chief said the cuts were needed. Quist said the union "
     "would meet members on Tuesday to discuss the cuts."),
     "Harbour chief rebuked by Quist"),
    # a headline closing on ", says X", glued to a story that opens with another name and names X again
    (("Port heading for ruin, says Quist Harbour chief Lars Eklund has failed the dock workers of Port Ellery, Mara "
     "Quist has said. The harbour is losing ships to its rivals, the union leader told members. Eklund said the "
     "union was exaggerating the losses."),
     "Port heading for ruin, says Quist"),
    # a headline opening with an acronym the story spells out, ending on a past form before "The"
    (("PDU leader Mara Quist detained The head of the Port Dockers Union was detained by police on Monday over "
     "the fire at the harbour. A union spokesman said Quist was arrested on Tuesday morning. Police said "
     "they had questioned three other men about the fire."),
     "PDU leader Mara Quist detained"),
])
def test_the_cut_keeps_names_whole(text, want):
    assert headline(text) == want


@pytest.mark.parametrize("text", [
    # a story that starts with its sentence, a title on a line of its own, a single long sentence
    ("Dock workers in Port Ellery have ended a three-week strike over pay after the harbour authority offered a "
    "seven percent rise, their union said on Friday. The union's leader said members had voted to accept the "
    "offer. The harbour authority said ships would be loaded again from Monday."),
    "Harbour workers end pay strike\n\n" + STORY.split(" ", 5)[5],
    ("On Friday the Port Ellery harbour authority and the dock workers' union led by Mara Quist signed a pay "
    "agreement ending the three-week strike that had left ships unloaded at the quays of the northern harbour "
    "since the start of the month"),
    # one-line news whose first sentence names someone, their act, then its object or a day; a dateline
    ("Portuguese Defence Minister Rui Calado accused Spain on Tuesday of sending a survey ship into Portuguese "
    "waters near the Azores. Spain denied it. Calado said the ship had been there for two days and that Lisbon "
    "would protest to Madrid."),
    ("LISBON - Portuguese Defence Minister Rui Calado accused Spain of sending a survey ship into Portuguese waters "
    "near the Azores. Spain denied it. Calado said the ship had been there for two days and that Lisbon would "
    "protest to Madrid."),
    ("Portugal's Rui Calado welcomed Spain's prime minister for talks at his residence in Lisbon on Friday. The two "
    "discussed fishing rights off the Azores. Calado said Portugal and Spain were close partners in the region."),
    ("Harbour union leader Mara Quist believes the strike will end within days. Quist told members on Friday that "
    "the harbour authority had made a better offer. The authority said talks would continue on Monday."),
])
def test_no_headline_where_there_is_none(text):
    assert headline(text) is None


def test_the_glued_headline_is_not_parsed_and_the_first_sentence_stands_alone(pipeline):
    from dragoman import extract

    art = extract(STORY, published="2024-05-04", pipeline=pipeline)
    assert art.title == "Harbour workers end pay strike"
    assert "title_glued" in art.chrome
    assert art.sentences[0].text.startswith("Dock workers in Port Ellery have ended")
    assert not any(e.evidence[0].start < art.chrome["title_glued"][1] for e in art.events)


# --- a headline on its own line: its parts parsed apart, its event the lead's (nlp/parser.py, events/merge.py) ---

TWO_PART = (
    "Police arrest 40 in Port Ellery dock raid; union condemns 'heavy-handed' tactics\n\n"
    "Ruritanian police arrested 40 dock workers during a raid on the port of Port Ellery on Tuesday, officials said. "
    "The dock workers' union condemned the raid as heavy-handed."
)


def test_a_headlines_parts_are_parsed_as_sentences_of_their_own(pipeline):
    from dragoman import extract

    art = extract(TWO_PART, published="2024-05-04", pipeline=pipeline)
    assert [s.text for s in art.sentences[:2]] == ["Police arrest 40 in Port Ellery dock raid;",
                                                   "union condemns 'heavy-handed' tactics"]


def test_the_lead_that_retells_the_headline_is_one_event_with_it(pipeline):
    from dragoman import extract

    art = extract(TWO_PART, published="2024-05-04", pipeline=pipeline)
    arrests = [e for e in art.events if e.type == "COERCE"]
    assert len(arrests) == 1, [(e.type, e.rule) for e in art.events]
    assert [x.sent for x in arrests[0].evidence] == [0, 2]


def test_a_later_sentence_is_not_the_headlines_event(pipeline):
    # guard: the same kind of act told deep in the story, by others, is not folded into the headline's
    from dragoman import extract

    text = ("Police arrest 40 in Port Ellery dock raid\n\n"
            "Ruritanian police arrested 40 dock workers during a raid on the port on Tuesday, officials said. "
            "The union said the raid was illegal. Its leader, Mara Quist, said members would strike. "
            "In a separate case, border guards arrested two smugglers near Vell on Monday.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    arrests = [e for e in art.events if e.type == "COERCE"]
    assert len(arrests) == 2, [(e.type, e.rule, [x.sent for x in e.evidence]) for e in art.events]


@pytest.mark.parametrize("headline, lead, type_, word", [
    # the headline's parse codes nothing ("sanctions", "fire" read as nouns): the lead's event is told there too
    ("US sanctions Ruritanian prison officials after detainee deaths",
     ("WASHINGTON - The Treasury on Thursday imposed sanctions on six senior Ruritanian prison officials, barring "
      "Americans from doing business with them, a spokesman said."), "SANCTION", "sanctions"),
    ("Riot police fire tear gas at Port Ellery dockworkers",
     ("Riot police in Port Ellery fired tear gas at about 2,000 dockworkers marching on the harbour authority "
      "late on Friday, union leaders said."), "ASSAULT", "gas"),
    # the head noun of the lead's words ("fired a water cannon"), beside a participant the headline names
    ("Vellish coastguard water cannons Ruritanian navy patrol boat",
     ("Ruritania's defence ministry said a Vellish coastguard cutter fired a water cannon at one of its navy patrol "
      "boats near the Kell islands on Sunday."), "ASSAULT", "cannons"),
])
def test_the_headline_retells_the_leads_event_its_parse_missed(pipeline, headline, lead, type_, word):
    from dragoman import extract

    text = headline + "\n\n" + lead + " The opposition said it would raise the matter in parliament."
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    evs = [e for e in art.events if e.type == type_ and any(x.sent == 1 for x in e.evidence)]
    assert evs, [(e.type, e.rule, [x.sent for x in e.evidence]) for e in art.events]
    told = [x for x in evs[0].evidence if x.sent == 0]
    assert told and art.text[told[0].trigger[0]:told[0].trigger[1]] == word, evs[0].evidence


@pytest.mark.parametrize("headline", [
    "Tear gas fired at Vell football fans",  # the word, but none of the lead's participants
    "Harbour strike enters third week",  # the participants' country, not the word
])
def test_a_headline_about_something_else_is_not_the_leads_event(pipeline, headline):
    # guard: the lead's tear gas is told in the headline only with its word and one of its participants
    from dragoman import extract

    text = (headline + "\n\nRuritanian riot police fired tear gas at striking dockers in Port Ellery on Monday "
            "night, the union said. The dockers want higher pay.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    evs = [e for e in art.events if e.type == "ASSAULT" and any(x.sent and x.sent >= 1 for x in e.evidence)]
    assert evs, [(e.type, e.rule) for e in art.events]
    assert all(x.sent != 0 for e in evs for x in e.evidence), [(e.rule, e.evidence) for e in evs]


def test_the_headlines_act_is_the_leads_though_they_name_it_differently(pipeline):
    # "clash" in the headline, "fired rubber bullets" in the lead: one happening, however their CAMEO codes differ
    from dragoman import extract

    text = ("Ruritanian police and striking dockers clash in Port Ellery\n\n"
            "PORT ELLERY, May 3 - Ruritanian riot police fired rubber bullets at striking dockers outside the harbour "
            "authority on Tuesday, the union said. Forty people were hurt, hospital staff said.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    fights = [e for e in art.events if e.type == "ASSAULT" and any(x.sent in (0, 1) for x in e.evidence)]
    assert len(fights) == 1 and {x.sent for x in fights[0].evidence} >= {0, 1}, \
        [(e.type, e.rule, [x.sent for x in e.evidence]) for e in art.events]


@pytest.mark.parametrize("headline, type_, target", [
    ("Former Ruritanian treasurer Tom Vell indicted on bribery charges", "ACCUSE", "Tom Vell"),  # a reduced passive
    ("Tom Vell detained in Port Ellery after critical report", "COERCE", "Tom Vell"),  # a bare past form
])
def test_a_headlines_bare_passive_acts_on_its_subject(pipeline, headline, type_, target):
    from dragoman import extract

    art = extract(headline + "\n\nThe case has shocked the capital of Ruritania, officials said.", published="2024-05-04",
                  pipeline=pipeline)
    evs = [e for e in art.events if e.type == type_]
    assert evs, [(e.type, e.rule) for e in art.events]
    assert not evs[0].sources and target in {art.actor(a).name for a in evs[0].targets}


def test_a_headlines_verb_with_no_object_stays_active(pipeline):
    # guard: "resigned" takes no object, and a past form with an object is active
    from dragoman import extract

    art = extract("Ruritanian minister Tom Vell resigned over expenses\n\nThe case has shocked the capital.",
                  published="2024-05-04", pipeline=pipeline)
    quits = [e for e in art.events if e.type == "RETREAT"]
    assert quits and "Tom Vell" in {art.actor(a).name for a in quits[0].sources}, [(e.type, e.rule) for e in art.events]


TITLE_CASE_BODY = ("\n\nA court in the city of Port Ellery on Tuesday jailed local journalist Mara Quist for seven years "
                   "over her reports on army casualties, her lawyer said. The Port Ellery court said the reports were "
                   "false. NATO has not commented.")


@pytest.mark.parametrize("headline, want", [
    # words the body writes in lower case (or their stems: "Jails" / "jailed") are lowered; names stay
    ("Court Jails Port Ellery Journalist for 7 Years Over Reports on Army Casualties",
     "Court jails Port Ellery journalist for 7 years over reports on army casualties"),
    # capitals, inner capitals, the first word and what follows a colon stay; a word the body never uses stays
    ("NATO Silent as Court Jails Journalist: Quist Sentenced", "NATO Silent as court jails journalist: Quist Sentenced"),
    # a headline in sentence case is left alone
    ("Court jails journalist Mara Quist over reports", "Court jails journalist Mara Quist over reports"),
])
def test_a_title_case_headline_is_parsed_in_sentence_case(headline, want):
    from dragoman.nlp.parser import sentence_case

    text = headline + TITLE_CASE_BODY
    got = sentence_case(text, 0, len(headline), len(headline))
    assert got == want and len(got) == len(headline)


def test_a_title_case_headlines_act_is_coded_and_merged_with_the_lead(pipeline):
    from dragoman import extract

    art = extract("Court Jails Port Ellery Journalist for 7 Years Over Reports on Army Casualties" + TITLE_CASE_BODY,
                  published="2024-05-04", pipeline=pipeline)
    jail = [e for e in art.events if e.type == "COERCE"]
    assert len(jail) == 1 and [x.sent for x in jail[0].evidence] == [0, 1], [(e.type, e.rule) for e in art.events]
    assert art.tokens[1].text == "Jails"  # the text itself is never changed


def test_a_title_case_headline_lowers_the_dictionarys_words_the_body_does_not_use(pipeline):
    # "Discuss", "Further", "Facilitation" are not in the story, but the model's dictionary has them
    from dragoman import extract
    from dragoman.nlp.parser import sentence_case

    head = "NATO Silent as Court Jails Journalist"
    assert sentence_case(head + TITLE_CASE_BODY, 0, len(head), len(head), frozenset({"silent"})) == \
        "NATO silent as court jails journalist"
    art = extract("Khalid and Pakistan's Envoy Discuss Further Facilitation of Peace Talks\n\nKABUL - Pakistan's "
                  "Special Representative Mohammad Sadiq and US special envoy Zalmay Khalid held a virtual conference "
                  "on Tuesday.", published="2024-05-04", pipeline=pipeline)
    talks = [e for e in art.events if e.type == "CONSULT"]
    assert len(talks) == 1 and [x.sent for x in talks[0].evidence] == [0, 1], [(e.type, e.rule) for e in art.events]


def test_a_headlines_verb_tagged_a_particle_is_its_verb(pipeline):
    from dragoman import extract

    art = extract("EU leaders back Ruritania migrant deal, split over quotas\n\nBRUSSELS, Oct 16 (Reuters) - European "
                  "Union leaders endorsed a draft plan on Friday to offer Ruritania aid.", published="2024-05-04",
                  pipeline=pipeline)
    assert art.tokens[2].text == "back" and art.tokens[2].pos == "VERB"
    support = [e for e in art.events if e.type == "SUPPORT"]
    assert len(support) == 1 and [x.sent for x in support[0].evidence] == [0, 1], [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, type_", [
    # a headline drops its articles: a title opening it as its subject names someone ("the minister")
    (("Minister quits over fishing plan as rebels circle the premier\n\nA junior environment minister resigned "
      "last night in protest at the premier's fishing plan."), "RETREAT"),
    (("Judge blocks deportation of Ruritanian activist\n\nA federal judge on Monday blocked the deportation of Tom "
      "Vell, an activist from Ruritania."), "COERCE"),
])
def test_a_headlines_bare_title_is_its_subject_and_its_act_is_the_leads(pipeline, text, type_):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    evs = [e for e in art.events if e.type == type_]
    assert len(evs) == 1 and [x.sent for x in evs[0].evidence] == [0, 1], [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # a plural acronym ends the headline: "MPs" is no first name of the name after it
    (("Vance pledges calm to Ellery MPs Premier Ada Vance has told the island's MPs that the harbour dispute will "
      "not stop the budget. Vance said the talks would go on. The opposition said it would wait for the figures."),
     "Vance pledges calm to Ellery MPs"),
    # the story restates the headline's subject in another form of the word ("Ally" / "allies")
    (("Ally backing for harbour deal The premier's allies are to back the harbour authority's deal to extend the "
      "docks. Their leader told members the deal would bring jobs to Port Ellery. The vote is due next week."),
     "Ally backing for harbour deal"),
    # the same two words told again across a full stop are no name ("port plan. The")
    (("Council doubts over port plan The council of Port Ellery has raised doubts over the port plan. The harbour "
      "authority said it would answer the council's questions. A vote is due in the spring, officials said."),
     "Council doubts over port plan"),
])
def test_a_glued_headline_is_found_where_its_words_come_back_in_another_form(text, want):
    assert headline(text) == want


def test_a_headline_ending_on_a_preposition_is_not_cut_before_a_name():
    text = ("Dravic cool on Melbourne Reigning champion Petra Dravic says she doubts she can defend her title in "
            "Melbourne after a long injury layoff. Dravic missed four months with a wrist problem and has played on "
            "hard courts only twice since. Her coach said a decision would come next week. The event begins in "
            "January.")
    # ("on" is a function word: the headline does not end on it; read as YAML's True it was not one)
    assert headline(text) in (None, "Dravic cool on Melbourne")

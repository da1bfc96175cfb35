"""The quotes stage on sentences written for these tests (real spaCy parse, real actors stage).

Quotation-mark pairing is tested on raw text (no model); attribution, channel and event links on
parsed articles.  The seed check reads the shared seed article and its expected quote.
"""

from __future__ import annotations

import pytest

from dragoman.api_public import extract
from dragoman.model import Event, Evidence, Quote
from dragoman.text.marks import find_marked


@pytest.fixture(scope="module")
def qpipe():
    """The text, parse, actors, events and quotes stages: what the quotes stage reads, nothing more."""
    from dragoman.pipeline import Pipeline

    return Pipeline(stages=["text", "actors", "speech", "events", "quotes"])


def run(qpipe, text: str):
    return extract(text, published="2024-05-02", pipeline=qpipe)


def direct(article) -> list[Quote]:
    return [q for q in article.quotes if q.direct]


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


# -- quotation marks (no model) ---------------------------------------------------------------


def test_marks_curly_straight_and_nested():
    text = 'She said “they called it a "security operation," but it was an eviction,” and left. He said "no".'
    spans = [text[m.start : m.end] for m in find_marked(text)]
    assert spans == ['they called it a "security operation," but it was an eviction,', "no"]


def test_marks_run_on_over_paragraphs():
    text = "“We will rebuild the bridge. It will take a year.\n\n“Nobody will be left behind,” the mayor said."
    (m,) = find_marked(text)
    assert m.paragraphs == 2
    assert text[m.start : m.end].startswith("We will rebuild") and text[m.start : m.end].endswith("left behind,")


def test_marks_run_on_in_a_text_that_lost_its_paragraph_breaks():
    # a speech over two paragraphs with the breaks flattened away: the second paragraph's mark does not close the first
    text = ('The harbour master said: "The dredging will take a year. "Ships will wait outside until then." '
            'Later the mayor said "no" and left. "We will appeal," she added.')
    spans = [text[m.start : m.end] for m in find_marked(text)]
    assert spans == ['The dredging will take a year. "Ships will wait outside until then.', "no", "We will appeal,"]


def test_marks_unclosed_quote_ends_with_its_paragraph():
    text = '"We will not stop, the commander said.\n\nThe fighting went on.'
    (m,) = find_marked(text)
    assert text[m.start : m.end] == "We will not stop, the commander said."


def test_marks_skip_inch_marks_attributes_and_read_reversed_openers():
    text = 'The guard, 6\'2" tall, stood still. <tweet author="someone">x</tweet>\n”Leave now,” he said.'
    spans = [text[m.start : m.end] for m in find_marked(text)]
    assert spans == ["Leave now,"]


# -- direct quotes ----------------------------------------------------------------------------


def test_curly_quote_speaker_after(qpipe):
    art = run(qpipe, "“We will not accept any foreign base on our soil,” the defence minister said on Monday.")
    q = only(direct(art))
    assert q.text == "We will not accept any foreign base on our soil,"
    assert q.cue == "said" and "minister" in q.speaker_text
    assert art.text[q.start : q.end] == q.text


def test_straight_quote_inverted_speaker(qpipe):
    art = run(qpipe, '"The border will stay open to trucks," said Amina Diallo, the trade minister of Niger.')
    q = only(direct(art))
    assert "Diallo" in q.speaker_text
    assert q.speaker is not None and "Diallo" in art.actor(q.speaker).name


def test_quote_spanning_two_sentences_is_one_quote(qpipe):
    art = run(qpipe, "“The talks were useful. We agreed to meet again in June,” Kenyan envoy Samuel Otieno told reporters in Nairobi.")
    q = only(direct(art))
    assert q.text.startswith("The talks were useful.") and q.text.endswith("June,")
    assert "Otieno" in q.speaker_text and q.cue == "told" and q.channel == "press"


def test_quote_over_two_paragraphs_keeps_the_speaker(qpipe):
    text = (
        'The governor of the province spoke after the floods. "We have lost three bridges and the main road. '
        "The army is helping us,\u201d Governor Ali Hassan said.\n\n"
        '"We will rebuild everything before the rains. Nobody will be left behind.\n\n'
        '"I ask the government in the capital to send engineers," he added.'
    )
    art = run(qpipe, text)
    qs = direct(art)
    assert len(qs) == 2
    assert qs[1].text.startswith("We will rebuild") and qs[1].text.endswith("send engineers,")
    assert all(q.speaker is not None and "Hassan" in art.actor(q.speaker).name for q in qs)


def test_nested_quote_stays_inside(qpipe):
    art = run(qpipe, "“They told us, ‘the convoy will not pass,’ and then the shelling began,” the driver said.")
    q = only(direct(art))
    assert "‘the convoy will not pass,’" in q.text and q.speaker_text == "the driver"


def test_scare_quotes_titles_and_nicknames_are_not_quotes(qpipe):
    text = (
        "The so-called “peace dividend” never reached the northern provinces. "
        "The minister appeared on “Morning Report” on Sunday. "
        'Jean "Papa" Mbeki led the delegation to the "technical talks" in Addis Ababa.'
    )
    assert direct(run(qpipe, text)) == []


def test_quoted_words_in_a_reported_clause_take_the_clause(qpipe):
    art = run(qpipe, "Officials in Amman said the proposal was “dead on arrival” because it ignored the refugees.")
    q = only(direct(art))
    assert "the proposal was" in q.text and "dead on arrival" in q.text
    assert q.speaker_text.endswith("Officials in Amman") or "Officials" in q.speaker_text


def test_two_fragments_of_one_clause_make_one_quote(qpipe):
    art = run(qpipe, 'The coast guard of Vietnam said in a statement that it had taken "necessary measures" against '
                     'fishing boats that had "illegally entered" its waters near the islands.')
    q = only(direct(art))
    assert "necessary measures" in q.text and "illegally entered" in q.text
    assert q.channel == "statement" and "coast guard" in q.speaker_text


def test_pronoun_speaker_resolved_to_the_person(qpipe):
    text = (
        "Foreign Minister Paul Kagwe of Uganda met the Sudanese envoy in Kampala on Tuesday. "
        "“We are ready to sign the border protocol,” he said."
    )
    art = run(qpipe, text)
    q = only(direct(art))
    assert q.speaker_text == "he"
    assert q.speaker is not None and "Kagwe" in art.actor(q.speaker).name


def test_a_pronoun_speaker_is_the_actor_coreference_gave_it(qpipe):
    """The speaker of "he said" is the actor holding the pronoun as a mention (the actor stage's
    coreference), also far from the name; a pronoun coreference left alone has no actor."""
    art = run(qpipe, "Senator Jim Clyburn met party leaders in Columbia on Monday. The meeting lasted three hours. "
                     "Reporters waited outside the building for news. Protesters gathered in the square nearby.\n\n"
                     "“We will not give up,” he said.\n\n“You will see,” you said.")
    he, you = sorted(direct(art), key=lambda q: q.start)
    holder = art.actor_at(*he.speaker_span)
    assert he.speaker_text == "he" and holder is not None and he.speaker == holder.id
    assert holder.name == "Jim Clyburn"
    assert you.speaker_text == "you" and you.speaker is None


# -- indirect speech --------------------------------------------------------------------------


def test_said_that(qpipe):
    art = run(qpipe, "The Chadian minister said that the army would withdraw from the border by May.")
    q = only([q for q in art.quotes if not q.direct])
    assert q.text == "that the army would withdraw from the border by May"
    assert q.cue == "said" and q.speaker_text == "The Chadian minister"


def test_said_without_that(qpipe):
    art = run(qpipe, "Police said the protesters had blocked the highway near Lima for six hours.")
    q = only([q for q in art.quotes if not q.direct])
    assert q.text.startswith("the protesters had blocked") and q.speaker_text == "Police"


def test_said_as_an_aside(qpipe):
    art = run(qpipe, "The new crossing, the Bolivian transport minister said, would open to lorries in March.")
    q = only([q for q in art.quotes if not q.direct])
    assert q.text.startswith("The new crossing") and q.text.endswith("in March")
    assert q.speaker_text == "the Bolivian transport minister"


def test_the_subject_of_a_passive_cue_is_not_its_speaker(qpipe):
    """"are accused of": the reporters are the accused, not the accusers; "was quoted as saying" still names
    who spoke."""
    art = run(qpipe, 'The reporters are accused of "spreading disinformation" under a 2022 law.')
    assert all(q.speaker is None and q.speaker_text is None for q in art.quotes)
    art = run(qpipe, "The minister was quoted as saying that the talks had failed.")
    q = only(art.quotes)
    assert q.speaker_text == "The minister" and q.speaker is not None


def test_according_to(qpipe):
    art = run(qpipe, "According to the Malian foreign ministry, the ambassador was summoned on Friday.")
    q = only([q for q in art.quotes if not q.direct])
    assert q.cue == "according to"
    assert q.speaker_text == "the Malian foreign ministry"
    assert q.text == "the ambassador was summoned on Friday."


# -- channels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, channel",
    [
        ("Prime Minister Anna Berg said on Twitter that Sweden would send two field hospitals to Gaza.", "Twitter"),
        ("The Polish foreign ministry said in a statement that the consul had been expelled.", "statement"),
        ("“We will respond,” the spokesman said on state television.", "state television"),
        ("Colonel Diarra said in an interview with Reuters that the junta would not hold elections this year.", "interview with Reuters"),
        ("“Talks are over,” the rebel commander tweeted on Sunday.", "Twitter"),
    ],
)
def test_channels(qpipe, sentence, channel):
    art = run(qpipe, sentence)
    assert art.quotes, sentence
    assert art.quotes[0].channel == channel


def test_no_channel_when_none_is_stated(qpipe):
    art = run(qpipe, "“We are not afraid,” the mayor of Kharkiv said.")
    assert only(direct(art)).channel is None


# -- events -----------------------------------------------------------------------------------


def test_quote_lists_the_events_it_reports(qpipe):
    text = "“Our forces shelled the depot at dawn,” the army spokesman said. Later the convoy left Goma."
    art = run(qpipe, text)
    inside = text.index("shelled")
    outside = text.index("left")
    events = (
        Event(id="e-in", type="ASSAULT", evidence=(Evidence(0, 60, (inside, inside + 7)),)),
        Event(id="e-out", type="RETREAT", evidence=(Evidence(62, len(text), (outside, outside + 4)),)),
    )
    from dragoman.quotes import make
    from dragoman.settings import Settings

    # the quotes found by the speech stage, linked by the quotes stage once the events are known
    assert direct(art)
    out = make(Settings())(art.replace(events=events))
    q = only(direct(out))
    assert q.events == ("e-in",)


def test_record_round_trip(qpipe):
    art = run(qpipe, "“We will respond,” the spokesman said on state television.")
    rec = art.to_dict()
    assert rec["quotes"][0]["channel"] == "state television" and rec["quotes"][0]["direct"] is True
    assert rec["quotes"][0]["speaker_text"] == "the spokesman"


# -- the seed ---------------------------------------------------------------------------------


def test_seed_quote(seed_article, seed_expected, seed_text):
    from dragoman.evaluation.common import share_word

    lines = seed_text.split("\n")
    actors = {a["id"]: a for a in seed_expected["actors"]}
    for exp in seed_expected["quotes"]:
        line_start = sum(len(x) + 1 for x in lines[: exp["line"]])
        line_end = line_start + len(lines[exp["line"]])
        found = [q for q in seed_article.quotes if q.direct and line_start <= q.start < line_end]
        q = only(found)
        assert q.text.startswith(exp["starts"]) and q.text.endswith(exp["ends"])
        assert q.channel == exp["channel"]
        want = actors[exp["speaker"]]["name"]
        actor = seed_article.actor(q.speaker) if q.speaker else None
        assert actor is not None and share_word(actor.name, want), (q.speaker_text, actor)


# -- the polnear scoring rules (hand-made record, no model) ------------------------------------


def test_polnear_scoring_rules():
    from dragoman.evaluation.quotes import score_article
    from dragoman.model import Actor, Article, Mention

    text = "Officials said that the plan was “dead on arrival” and “a trap.” The “so-called” reform stalled."
    a, b = text.index("that the plan"), text.index(".” The") + 2
    rec = {
        "id": "x",
        "attributions": [
            {"direct_quote": True, "source": {"text": "Officials"}, "content": {"text": text[a:b], "spans": [[a, b]]}},
            {"direct_quote": False, "source": {"text": "Officials"}, "content": {"text": "", "spans": [[0, 5]]}},
        ],
    }
    dead = text.index("dead")
    trap = text.index("a trap")
    scare = text.index("so-called")
    quotes = (
        Quote("a1", dead, dead + len("dead on arrival"), "dead on arrival", True, speaker_text="they"),
        Quote(None, trap, trap + len("a trap."), "a trap.", True),
        Quote(None, scare, scare + len("so-called"), "so-called", True),
    )
    art = Article(id="x", text=text, quotes=quotes,
                  actors=(Actor("a1", "Officials", mentions=(Mention(0, 9, "Officials"),)),))
    s = score_article(rec, art)
    # two pieces inside the gold content cover 22 of its 49 characters (≥ 30%): found
    assert (s["gold"], s["pred"], s["belonging"], s["found"]) == (1, 3, 2, 1)
    # the first belonging quote's speaker is named by its actor's name as well as its words
    assert (s["speaker_ok"], s["speaker_n"]) == (1, 1)
    assert [e["kind"] for e in s["errors"]] == ["false positive"]


def test_marks_never_fail_on_odd_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list('ab .,:\n"“”‘’\'=6-—'))

    @settings(max_examples=300, deadline=None, database=None)
    @given(st.text(alphabet=alphabet, max_size=80))
    def check(text):
        for m in find_marked(text):
            assert 0 <= m.open_mark < m.start <= m.end <= len(text)
            assert text[m.start : m.end].strip() == text[m.start : m.end]

    check()

"""Readers' comments after a story (text/comments.py): found by their voice, never parsed, never coded."""

from __future__ import annotations

from dragoman.model import Article
from dragoman.text.chrome import annotate
from dragoman.text.comments import comments_start, unquoted

STORY = (
    "Council tax to rise by 4% in April The council tax paid by households in England will rise by 4% in April, "
    "the local government minister has announced. "
    "Ministers said the increase was the lowest for a decade. "
    "The Local Government Association said councils would still face a gap of 200m in their budgets. "
    '"We have done everything we can to keep bills down," a spokeswoman for the association said. '
    "The opposition's housing spokesman, Tom Reddy, accused ministers of passing the cost of their promises on "
    "to pensioners. "
    "Councils will publish their bills next month. "
)

COMMENTS = (
    "Why should people on fixed incomes pay for the promises of ministers? "
    "I have paid more every year for ten years and my bins are collected less often. "
    "We moved here for the schools, not for the bills. "
    "The minister should try living on a pension. "
    "I welcome any freeze, but I doubt we will see one. "
    "Our parish has lost its library and its bus. "
    "Who decides these things anyway? "
    "My neighbours say the same. "
    "Nothing changes whoever is in power. "
    "I thank the councillors who voted against it. "
    "We will remember at the election. "
)


def test_the_comments_after_a_story_are_found_where_they_start():
    text = STORY + COMMENTS
    assert comments_start(text) == len(STORY)


def test_a_story_alone_an_opinion_column_and_a_long_closing_quote_have_no_comments():
    assert comments_start(STORY) is None
    column = (
        "I have covered this council for twenty years. " + COMMENTS + "We said so last year. "
        "The minister said the rise was fair. " + COMMENTS)
    assert comments_start(column) is None  # personal from the start
    closing = STORY + (
        'The mayor said: "I was elected to keep bills down. We cut our costs by a fifth. '
        "I will not ask pensioners to pay for the government's promises. We will go to court if we must. "
        "My council has the lowest tax in the region. I am proud of that. We will keep it so. "
        "Our residents deserve no less. I have written to the minister. We expect a reply this week. "
        'I will publish it."')
    assert comments_start(closing) is None  # one quote of many sentences, its marks at its ends


def test_quotation_marks_are_read_by_where_they_stand():
    plain, inside = unquoted('He said: "I will go. ', False)
    assert "I" not in plain and inside  # the quote runs on into the next sentence
    plain, inside = unquoted('We will win," she said.', False)
    assert "We" not in plain and not inside  # its first mark closes: it began inside a quote
    plain, inside = unquoted("I think so.", False)
    assert plain == "I think so." and not inside


def test_comments_are_chrome_and_not_parsed():
    art = annotate(Article(id="c", text=STORY + COMMENTS))
    s, e = art.chrome["comments"]
    assert art.text[s:e].startswith("Why should people") and e == len((STORY + COMMENTS).rstrip())


def test_no_event_is_coded_from_readers_comments(pipeline):
    from dragoman.api_public import extract

    art = extract(STORY + COMMENTS, published="2005-02-01", pipeline=pipeline)
    assert art.events, "the story's own events are coded"
    assert all(e.evidence[0].start < len(STORY) for e in art.events), [
        (e.type, art.text[e.evidence[0].start:e.evidence[0].end]) for e in art.events]
    assert all(q.start < len(STORY) for q in art.quotes)

"""The topic gate (text/topic.py) with the shipped model: political news of any country is political,
a match report, an album review or a product review is not.  The texts are written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman.errors import ConfigError
from dragoman.model import Article
from dragoman.text import topic

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "eval" / "bbc_news" / "dev.jsonl"

CAMPAIGN = (
    "Governor Ramirez Launches Senate Bid in Crowded Democratic Primary. "
    "Governor Elena Ramirez formally entered the race for the open Senate seat on Tuesday, telling supporters "
    "at a union hall in Columbus that she would fight for working families and protect voting rights. "
    "Ramirez joins a crowded field of Democratic candidates ahead of the March primary, including two "
    "congressmen and a former state attorney general. Her campaign said it raised $2.1 million in the first "
    "24 hours, much of it from small donors. Republicans quickly attacked her record on taxes, and the state "
    "party chairman called her a career politician. Polls show the general election leaning Republican, but "
    "her advisers argue that turnout among suburban voters will decide it. The incumbent senator announced "
    "his retirement in January after three terms."
)
STATEHOUSE = (
    "House Votes to Override Veto on School Funding. "
    "The state House of Representatives voted 71 to 29 on Thursday to override the governor's veto of a bill "
    "that would raise funding for rural schools, sending the measure to the Senate, where leaders said they "
    "expected a close vote. Lawmakers from both parties spoke in favor of the override after a debate that "
    "lasted most of the afternoon. The governor's office said the legislation would force cuts elsewhere in "
    "the budget and urged senators to sustain the veto. Teachers' groups rallied outside the Capitol before "
    "the vote, and the speaker said the chamber would not back down."
)
IMMIGRATION = (
    "Judge Blocks New Asylum Rule at Southern Border. "
    "A federal judge in San Francisco on Monday blocked the administration from enforcing a rule that would "
    "bar most migrants from seeking asylum if they crossed another country on their way to the United States. "
    "The ruling came in a lawsuit filed by immigrant advocacy groups, who argued that the rule violated federal "
    "law and international treaties. The Justice Department said it would appeal. Homeland Security officials "
    "said the rule was needed to reduce the backlog of cases in immigration courts, which has grown to nearly "
    "a million. Democrats in Congress welcomed the decision, while several Republican senators called on the "
    "Supreme Court to intervene."
)
# political news in the words of technology and money: the kinds a model of British news of 2004-2005 took
# for technology or business
HACK = (
    "Party Says Hackers Stole Emails from Its Servers. "
    "The national committee of the Democratic Party said on Tuesday that hackers had broken into its computer "
    "network and copied thousands of emails and research files on its opponents. A cybersecurity firm hired "
    "by the committee said the intruders had used the same software tools in earlier attacks on technology "
    "companies and had stayed inside the network for almost a year. The FBI said it was investigating. The "
    "Republican nominee's campaign denied any involvement and called the story a distraction, while senior "
    "Democrats in Congress asked for a briefing from intelligence officials before the convention next week."
)
SUPER_PAC = (
    "Super PAC Spent $40 Million Before Candidate Quit. "
    "A super PAC backing Senator Tom Hale spent more than $40 million on television ads in the months before "
    "he ended his presidential bid, according to filings released on Friday by the Federal Election "
    "Commission. Most of the money came from a dozen donors, among them two hedge fund managers and the owner "
    "of a casino chain, who each gave at least $1 million. The spending did little for Hale, who never rose "
    "above single digits in the polls and finished fifth in New Hampshire. The group's treasurer said it had "
    "no regrets and would now support the front-runner for the nomination."
)
MATCH = (
    "Rovers Stun Leaders with Late Winner. "
    "Rovers came from behind to beat the league leaders 2-1 on Saturday, with substitute Danny Cole heading "
    "the winner in the 89th minute. The visitors took the lead through a deflected free kick just before half "
    "time, and their keeper made a string of saves as Rovers pressed. The equaliser came on the hour when "
    "the captain drove a low shot into the far corner. The manager praised his side's spirit after the match, "
    "saying the squad never stopped believing. The defeat ends the leaders' run of nine straight wins, and "
    "Rovers climb to fourth in the table ahead of next week's derby."
)
ALBUM = (
    "Album Review: The Velvet Tides Return with a Bold Third Record. "
    "Four years after their breakthrough, The Velvet Tides are back with an album that trades the shimmering "
    "guitars of their debut for brass, strings and a drum machine. Singer Maya Okafor has never sounded more "
    "confident, and the lead single is already a fixture on radio playlists. The band recorded the songs in a "
    "converted barn with their longtime producer, and the warm, loose sound suits them. Not every experiment "
    "works: the seven-minute closing track drifts. But this is the record of a band enjoying itself, and the "
    "tour that starts next month should be a joy. Four stars."
)
PHONE = (
    "Review: The Pixelon 8 Is the Best Budget Phone of the Year. "
    "The Pixelon 8 costs $399 and has a bright 6.4-inch display, a battery that easily lasts two days and a "
    "camera that holds its own against phones twice the price. The software is clean, with three years of "
    "updates promised, and the fingerprint sensor is fast. Gamers will notice the chip struggles with the most "
    "demanding titles, and there is no wireless charging. Still, for most users the Pixelon 8 does everything "
    "they need, and the battery life alone makes it worth buying. The phone is available in three colours from "
    "next week."
)


@pytest.mark.parametrize("text", [CAMPAIGN, STATEHOUSE, IMMIGRATION, HACK, SUPER_PAC],
                         ids=["campaign", "statehouse", "immigration", "hack", "super-pac"])
def test_us_political_news_is_political(text):
    got = topic.classify(Article(id="x", text=text))
    assert got.label == "politics", got
    assert got.source in ("words", "political words")


@pytest.mark.parametrize("text, label", [(MATCH, "sport"), (ALBUM, "entertainment"), (PHONE, "tech")],
                         ids=["match", "album", "phone"])
def test_news_that_is_not_political_is_not(text, label):
    got = topic.classify(Article(id="x", text=text))
    assert got.label == label, got
    assert got.political < 0.5


def test_a_political_site_makes_a_page_political_and_a_section_outranks_it():
    assert topic.url_topic("https://www.politico.com/news/2019/11/18/some-story-123") == "politics"
    assert topic.url_topic("https://subdomain.politifact.com/factchecks/2019/nov/18/claim/") == "politics"
    assert topic.url_topic("https://politico.com.example.net/story") is None  # not a subdomain of the site
    assert topic.url_topic("https://www.politico.com/sports/2019/11/18/a-match") == "sport"
    got = topic.classify(Article(id="x", text=PHONE, url="https://thehill.com/homenews/123-a-phone-story"))
    assert (got.label, got.source) == ("politics", "url")


def test_british_and_american_spellings_are_one_word():
    assert topic.words("The defence programme cost 5 per cent more") == topic.words(
        "the defense program cost 5 percent more")
    assert "percent" in topic.words("Unemployment rose by two per cent.")


def test_the_lexicon_speaks_for_politics_where_the_training_text_was_silent():
    # "gubernatorial" and "impeachment" are in the political lexicon; the British news the model learned
    # from hardly used them, so their weight comes from the lexicon prior
    m = topic.model()
    pol = m.classes.index("politics")
    for w in ("gubernatorial", "impeachment", "senator", "primaries"):
        row = m.weights[w]
        assert row[pol] == max(row) and row[pol] > sorted(row)[-2] + 1.0, (w, row)


def test_the_lexicon_alone_makes_a_text_political():
    # a text the word model would not call political, full of the words of government and elections
    text = ("Our phone review, in brief. " + PHONE + " Elsewhere: lawmakers, senators and the governor argued "
            "about the election; voters, candidates, the legislature, the ballot, the referendum, the "
            "parliament, the ministry, diplomats and a ceasefire were all in the news this week.")
    assert len(topic.words(text) & topic.political_words()) >= topic._conf()["political_words_needed"]
    assert topic.classify(Article(id="x", text=text)).label == "politics"


def test_a_bad_spelling_line_is_a_clear_error(tmp_path, monkeypatch):
    conf = (topic.DATA / "topic.yaml").read_text(encoding="utf-8")
    (tmp_path / "topic.yaml").write_text(conf.replace("spellings: {", "spellings: {Defence Force: defense, "),
                                         encoding="utf-8")
    monkeypatch.setattr(topic, "DATA", tmp_path)
    topic._conf.cache_clear()
    try:
        with pytest.raises(ConfigError) as e:
            topic.words("anything")
        assert "Defence Force" in e.value.message and "british: american" in (e.value.hint or "")
    finally:
        monkeypatch.undo()
        topic._conf.cache_clear()


def test_the_trainer_refuses_a_missing_file(tmp_path):
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "train_topic.py"), str(tmp_path / "nope.jsonl"),
                          "--dry-run"], capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 2 and "nope.jsonl: no such file" in res.stderr


@pytest.mark.skipif(not BBC.is_file(), reason="needs ../shared/eval/bbc_news/dev.jsonl")
def test_the_shipped_model_is_what_the_trainer_makes(tmp_path):
    out = tmp_path / "topic.json"
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "train_topic.py"), str(BBC), "--folds", "0",
                          "--out", str(out)], capture_output=True, text=True, timeout=600, check=False)
    assert res.returncode == 0, res.stderr
    assert json.loads(out.read_text()) == json.loads((topic.DATA / "topic.json").read_text())

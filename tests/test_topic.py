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


# entertainment news with the words of courts and protest: a naive Bayes, counting "judge", "court" and
# "protesters" as independent evidence, is easily sure of politics; the gate asks for a calibrated probability
COURT = (
    "Rapper Fined After Scuffle at Awards Party. "
    "Rapper Lil Harbor was fined $5,000 and ordered to do 200 hours of community service on Tuesday after "
    "admitting he pushed a photographer outside an awards party in Los Angeles last spring. The judge said "
    "the star had let down the young fans who buy his records. His lawyer told the court the rapper was "
    "sorry and had been provoked by a crowd of cameras. Harbor, whose second album went platinum, left the "
    "courthouse without speaking to reporters. He starts a 30-date tour of the United States next week, "
    "and his label said the shows would go ahead as planned."
)
FILM = (
    "Church Groups Protest Against Horror Film. "
    "Church groups have called for a horror film to be withdrawn from cinemas, saying its scenes of a "
    "possessed priest mock their faith. Protesters handed out leaflets outside several cinemas on the "
    "film's opening weekend, and one chain of theaters said it would not show it. The director said the "
    "film was a story about fear, not about religion, and that he had expected some people to be upset. "
    "The film took $12 million at the box office in its first three days, more than the studio had "
    "expected, and its star said the row had only made audiences curious."
)
# political news that names leaders the British news of 2004-2005 never named, with few lexicon words
SUMMIT = (
    "Obama and Merkel Meet in Berlin. "
    "Obama and Merkel spent two hours together in Berlin on Thursday, discussing trade, the refugee crisis "
    "and the conflict in Ukraine. Obama praised Merkel for her leadership and said the two countries "
    "would keep working closely. Merkel thanked him for his friendship over eight years. Protesters "
    "against a planned trade deal gathered near the chancellery. Obama then flew to London for a dinner "
    "with the queen."
)


@pytest.mark.parametrize("text, label", [(MATCH, "sport"), (ALBUM, "entertainment"), (PHONE, "tech"),
                                         (COURT, "entertainment"), (FILM, "entertainment")],
                         ids=["match", "album", "phone", "celebrity-court", "film-protest"])
def test_news_that_is_not_political_is_not(text, label):
    got = topic.classify(Article(id="x", text=text))
    assert got.label == label, got
    assert got.political < 0.5


# world news that speaks of money (written for this test): rivals' talks on oil revenues and a central bank
RIVALS = (
    "Rival Administrations Meet in Tunis Over Oil Revenue Split. "
    "The heads of the two rival administrations that claim to run the country met in Tunis on Monday for talks "
    "mediated by the host government, their first direct contact in fourteen months. The talks focused on how "
    "oil revenues should be shared between the east and the west, who controls the central bank's board and a "
    "timetable for a unified budget. Officials from both delegations said the atmosphere was tense but that "
    "neither side walked out. The mediator said a second round could be held next month. Oil output has fallen "
    "by a third since armed groups loyal to the eastern camp shut two export terminals in the spring."
)
# business news that names a minister and a central bank (written for this test)
RATES = (
    "Central Bank Holds Rates as Inflation Eases. "
    "The central bank kept its benchmark interest rate at 7.5 percent on Thursday, saying inflation had eased to "
    "4.1 percent in October from 5.3 percent a month earlier as food and fuel prices fell. The decision was "
    "expected by most economists polled last week. The currency firmed slightly against the dollar after the "
    "announcement, and shares of the country's largest lenders rose. The finance minister said growth would "
    "reach 3 percent this year, helped by record exports of copper and a recovery in tourism. Analysts said the "
    "bank could begin cutting rates early next year if the harvest is good."
)


def test_world_news_of_money_is_political_and_business_news_with_a_minister_is_not():
    """The BBC model takes world news of rival camps' talks over oil revenues for business; the world model, trained
    with project-written world news, gives the second opinion."""
    assert topic.model().classify_words(topic.words(RIVALS)).other == "business"
    got = topic.classify(Article(id="x", text=RIVALS))
    assert (got.label, got.source) == ("politics", "world words"), got
    assert got.political >= topic._conf()["world_threshold"]
    got = topic.classify(Article(id="y", text=RATES))
    assert got.label == "business", got


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


def test_leaders_named_alone_speak_for_politics():
    # their surnames are a prior for politics (tools/train_topic.py: leader_names), so a story naming
    # Obama and Merkel is political news though the training text never named them
    m = topic.model()
    pol = m.classes.index("politics")
    for w in ("obama", "merkel", "erdogan", "modi"):
        row = m.weights[w]
        assert row[pol] == max(row) and row[pol] > sorted(row)[-2] + 0.5, (w, row)
    got = topic.classify(Article(id="x", text=SUMMIT))
    assert (got.label, got.source) == ("politics", "words"), got


def test_the_politics_threshold_is_read_from_the_data_file():
    # below the threshold the most likely other topic; the same words at a lower threshold are politics
    conf = topic._conf()
    ws = topic.words(FILM)
    p = topic.model().classify_words(ws).political
    saved = conf["political_threshold"]
    try:
        conf["political_threshold"] = p / 2
        assert topic.judge(ws, 200).label == "politics"
        conf["political_threshold"] = min(1.0, p * 2 + 0.01)
        assert topic.judge(ws, 200).label == "entertainment"
    finally:
        conf["political_threshold"] = saved


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


def _trainer():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import train_topic
    finally:
        sys.path.remove(str(ROOT / "tools"))
    return train_topic


def test_the_leaders_surnames_are_the_unambiguous_aliases():
    names = _trainer().leader_names()
    assert {"obama", "merkel", "putin", "erdogan", "clinton"} <= names
    # "Theresa May", "Gordon Brown" and "John Major" have no one-word alias: common words are not names
    assert not {"may", "brown", "major", "john"} & names


def test_the_event_figures_follow_the_topic_of_each_article():
    tt = _trainer()
    cache = [
        # a match report: one event kept only if the article is taken for political news, a material conflict
        {"id": "a", "category": "sport", "words": 500, "events": [{"q": 4, "p": True, "b": False, "o": False}]},
        # a business story: one event a business topic keeps, one only politics keeps
        {"id": "b", "category": "business", "words": 1000, "events": [{"q": 1, "p": True, "b": True, "o": False},
                                                                         {"q": 3, "p": True, "b": False, "o": False}]},
        {"id": "c", "category": "sport"},  # not read (no words): not counted
    ]
    assert tt.event_figures(cache, ["politics", "business", "sport"]) == {
        "business": (1.0, 0.0), "sport": (2.0, 1.0)}
    assert tt.event_figures(cache, ["sport", "politics", "sport"]) == {
        "business": (2.0, 0.0), "sport": (0.0, 0.0)}


def test_the_trainer_reports_the_events_of_held_out_articles(tmp_path):
    # the honest measure: each article coded with a gate trained without it (here on a few written texts)
    data = tmp_path / "news.jsonl"
    rows = [{"id": f"p{i}", "category": "politics", "text": t} for i, t in enumerate([CAMPAIGN, STATEHOUSE, IMMIGRATION])]
    rows += [{"id": f"s{i}", "category": "sport", "text": t} for i, t in enumerate([MATCH, MATCH.replace("Rovers", "United")])]
    rows += [{"id": "e0", "category": "entertainment", "text": ALBUM}, {"id": "t0", "category": "tech", "text": PHONE},
             {"id": "b0", "category": "business", "text": PHONE.replace("Review", "Shares").replace("phone", "company")}]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    cache = tmp_path / "cache.jsonl"
    cmd = [sys.executable, str(ROOT / "tools" / "train_topic.py"), str(data), "--folds", "2", "--dry-run",
           "--linear-min-df", "1", "--min-df", "1", "--events", str(cache)]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert res.returncode == 0, res.stderr
    assert "held-out factual events per 1,000 words" in res.stdout
    assert [json.loads(line)["id"] for line in cache.open()] == [r["id"] for r in rows]
    report = res.stdout.split("held-out factual events per 1,000 words")[1].splitlines()
    figures = {line.split()[0]: line.split()[1:] for line in report[1:] if line.strip()}
    assert set(figures) == {"politics", "sport", "entertainment", "tech", "business"}, res.stdout
    assert float(figures["politics"][0]) > 0  # the political texts hold events whatever the folds say
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode == 0 and "coded" not in again.stdout  # read from the cache, not parsed again


@pytest.mark.skipif(not BBC.is_file(), reason="needs ../shared/eval/bbc_news/dev.jsonl")
def test_the_shipped_model_is_what_the_trainer_makes(tmp_path):
    out, world = tmp_path / "topic.json", tmp_path / "topic_world.json"
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "train_topic.py"), str(BBC), "--folds", "0",
                          "--out", str(out), "--world-out", str(world)], capture_output=True, text=True, timeout=600,
                         check=False)
    assert res.returncode == 0, res.stderr
    made, shipped = json.loads(out.read_text()), json.loads((topic.DATA / "topic.json").read_text())
    assert made["classes"] == shipped["classes"] and made["weights"].keys() == shipped["weights"].keys()
    # the same up to the last rounded digit (L-BFGS's arithmetic may differ in it from one BLAS to another)
    assert all(abs(made["prior"][c] - shipped["prior"][c]) < 2e-3 for c in made["classes"])
    assert all(abs(x - y) < 2e-3 for w, row in made["weights"].items() for x, y in zip(row, shipped["weights"][w]))
    # the world model likewise, from the collection and the project-written articles of tools/data/topic
    made, shipped = json.loads(world.read_text()), json.loads((topic.DATA / "topic_world.json").read_text())
    assert made["weights"].keys() == shipped["weights"].keys()
    assert all(abs(made["prior"][c] - shipped["prior"][c]) < 2e-3 for c in made["classes"])
    assert all(abs(x - y) < 2e-3 for w, row in made["weights"].items() for x, y in zip(row, shipped["weights"][w]))

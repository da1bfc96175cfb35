"""Which clauses are political events: the article's topic, the political-actor requirement, trigger senses
and page boilerplate. Every text here was written for these tests."""

from __future__ import annotations

import pytest

SPORT = (
    "United stormed to the title on Saturday after a 3-1 win over City at a packed stadium. "
    "The striker's 25-yard strike in the second half sealed it, and the captain said the side had battled "
    "fierce competition all season. The chairman praised the manager and the coach attacked the referee's "
    "decisions. Spain beat Germany 2-1 in Madrid in the other match, and the goalkeeper was shot to fame by "
    "two saves. Fans stormed the pitch at the final whistle as the players celebrated with the trophy."
)

WAR = (
    "Rebel fighters attacked an army base near Goma on Tuesday, killing four soldiers, the Congolese army said. "
    "The government accused Rwanda of backing the rebels and recalled its ambassador from Kigali. "
    "Rwanda denied the accusation. The United Nations called for an immediate ceasefire and urged both sides "
    "to return to peace talks in Nairobi, where diplomats had met last month."
)


def types(art):
    return sorted(e.type for e in art.events)


def test_a_sport_report_has_no_political_event(pipeline):
    from dragoman import extract

    art = extract(SPORT, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "sport", art.topic
    assert not art.events, [(e.type, e.rule) for e in art.events]


def test_the_same_words_in_a_war_report_are_events(pipeline):
    from dragoman import extract

    art = extract(WAR, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "politics"
    got = types(art)
    assert "ASSAULT" in got and "ACCUSE" in got and "REQUEST" in got, got


def test_the_topic_gate_can_be_turned_off(pipeline):
    from dragoman import extract
    from dragoman.pipeline import Pipeline
    from dragoman.settings import Settings

    off = Pipeline(Settings(topic_gate=False, political_only=False, min_confidence=0.0))
    art = extract(SPORT, published="2024-05-04", pipeline=off)
    assert art.topic is None
    assert art.events, "without the gate the sport report's trigger words are coded"


@pytest.mark.parametrize("url, label", [
    ("https://news.example.org/sport/football/2024/05/04/united-win-title", "sport"),
    ("https://example.com/entertainment/music/band-tour", "entertainment"),
    ("https://example.com/politics/2024/05/04/senate-vote", "politics"),
])
def test_a_url_section_names_the_topic(url, label):
    from dragoman.model import Article
    from dragoman.text.topic import classify

    assert classify(Article(id="x", text=WAR if label != "politics" else SPORT, url=url)).label == label


def test_a_short_text_is_too_short_to_tell():
    from dragoman.model import Article
    from dragoman.text.topic import classify

    topic = classify(Article(id="x", text="The striker scored twice as United beat City."))
    assert topic.label == "politics" and topic.source == "too short to tell"


@pytest.mark.parametrize("text", [
    "The band beat the favourites to the top of the charts on Sunday.",
    "Shares plunged as the firm battled its rivals for customers.",
    "An earthquake killed eight people in the north of the country on Monday.",
    "Eight people were killed when a landslide buried their village, officials said.",
    "A gas tank exploded at the plant on Sunday.",
])
def test_no_political_participant_no_event(pipeline, text):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert not art.events, [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, type_", [
    ("Militants killed eight people in the north of the country on Monday.", "ASSAULT"),
    ("Police arrested a man over the killing, the interior ministry said.", "COERCE"),
    ("The opposition leader attacked the government's budget plans as reckless.", "ACCUSE"),
    ("The foreign ministry denied the accusation.", "REJECT"),
    ("Prosecutors dropped the investigation into the former minister.", "CONCEDE"),
    ("Government troops recaptured the town of Kalehe.", "COERCE"),
    ("The two sides exchanged prisoners on Sunday.", "RETREAT"),
    # whoever is charged, by a state no one needs to name
    ("Kovac-Hale was charged with fraud on Monday.", "COERCE"),
    ("Nordbank Holdings was charged with money laundering on Monday.", "COERCE"),
])
def test_political_acts_are_coded(pipeline, text, type_):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert type_ in types(art), [(e.type, e.rule) for e in art.events]


def test_a_party_is_a_political_actor(pipeline):
    from dragoman import extract

    art = extract("Labour accused the Tories of wasting money on Monday.", published="2024-05-04", pipeline=pipeline)
    ev = next(e for e in art.events if e.type == "ACCUSE")
    src, tgt = art.actor(ev.sources[0]), art.actor(ev.targets[0])
    assert (src.name, src.sector, src.country) == ("Labour Party", "PTY", "GBR")
    assert (tgt.name, tgt.sector) == ("Conservative Party", "PTY")


def test_boilerplate_lines_are_chrome_and_never_coded(pipeline):
    from dragoman import extract

    text = ("Police arrested six protesters in the capital on Monday, officials said.\n\n"
            "Read more: President condemns the violence in the capital\n\n"
            "Click here to subscribe to our newsletter\n\n"
            "Share it with a friend!\n\n"
            "The governor criticised the police for the arrests.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    furniture = sorted(text[s:e] for k, (s, e) in art.chrome.items() if k.split(".")[0] == "boilerplate")
    assert furniture == ["Click here to subscribe to our newsletter",
                         "Read more: President condemns the violence in the capital", "Share it with a friend!"]
    for e in art.events:
        for ev in e.evidence:
            assert not any(s <= ev.trigger[0] < t for k, (s, t) in art.chrome.items() if k.startswith("boilerplate"))
    assert types(art) == ["ACCUSE", "COERCE"], [(e.type, e.rule) for e in art.events]


def test_quotation_marks_in_boilerplate_are_no_quote(pipeline):
    from dragoman import extract

    text = ("The minister resigned on Monday after weeks of pressure, officials said.\n\n"
            "Read more: 'We will not be silenced,' says the opposition leader\n\n"
            "The opposition welcomed the resignation.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert "boilerplate" in art.chrome
    assert not any("silenced" in q.text for q in art.quotes), [q.text for q in art.quotes]


@pytest.mark.parametrize("text, violent", [
    # done to no actor, place or physical target: figurative
    ("The chancellor set out to slaughter the council tax as an election issue.", False),
    ("The prime minister shot basketball hoops with pupils at the school.", False),
    ("The Senate killed the bill on Tuesday.", False),
    ("The mayor has been fighting dirty air for decades.", False),
    # done to someone or somewhere: violence
    ("Gunmen shot three policemen in Kano on Monday.", True),
    ("Rebels attacked the convoy near Goma.", True),
    ("Troops stormed the building and killed two of the hostage-takers.", True),
    ("Police beat protesters with batons.", True),
])
def test_violence_needs_someone_or_somewhere_to_be_done_to(unfiltered, text, violent):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=unfiltered)
    assert ("ASSAULT" in types(art)) == violent, [(e.type, e.rule) for e in art.events]


def test_asking_a_question_is_no_request(unfiltered):
    from dragoman import extract

    art = extract('"How can that be right?" the opposition leader asked.', published="2024-05-04", pipeline=unfiltered)
    assert "REQUEST" not in types(art)
    art = extract("The opposition leader asked the minister to resign.", published="2024-05-04", pipeline=unfiltered)
    assert "REQUEST" in types(art)
    art = extract("The union asked for talks with the government.", published="2024-05-04", pipeline=unfiltered)
    assert "REQUEST" in types(art)


@pytest.mark.parametrize("text, type_", [
    ("The Tories attacked Gordon Brown over his Budget.", "ACCUSE"),
    ("Senator Warren attacked the company over its fees.", "ACCUSE"),
    ("Militants attacked the governor's convoy.", "ASSAULT"),
    ("The minister was attacked by a man with a knife.", "ASSAULT"),
    ("Russia attacked Ukraine in February.", "ASSAULT"),
    # an attack on a politician, by anyone, told with what was said or why, is made in words
    ("The novelist Maria Lind attacked Governor Tom Hollis for his remarks on the budget.", "ACCUSE"),
    ("Maria Lind went on to attack Governor Tom Hollis, saying he had ignored the flooded towns.", "ACCUSE"),
    ("The mayor attacked his critics in a radio interview.", "ACCUSE"),
    ("A man attacked Governor Tom Hollis outside his office.", "ASSAULT"),
    ("Gunmen attacked Governor Tom Hollis for an hour.", "ASSAULT"),
    # office holders attacking a party do it in words
    ("Senior MPs attacked the Conservative Party over the cuts.", "ACCUSE"),
    # an attack told with the blame it laid is made in words, whoever is attacked
    ("Ann Moss attacked the dockers' unions on Monday, accusing them of greed.", "ACCUSE"),
    ("Gunmen attacked a police convoy, saying it was revenge for the raid.", "ASSAULT"),
])
def test_a_politician_attacking_someone_is_criticism_unless_there_is_a_weapon(unfiltered, text, type_):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=unfiltered)
    assert types(art) == [type_], [(e.type, e.rule) for e in art.events]


def test_voters_are_whom_a_party_urges(pipeline):
    from dragoman import extract

    art = extract("Labour urged voters to turn out on Thursday.", published="2024-05-04", pipeline=pipeline)
    ev = next(e for e in art.events if e.type == "REQUEST")
    assert [art.actor(a).name for a in ev.targets] == ["voters"]


def test_without_a_date_the_latest_year_named_dates_the_news(pipeline):
    from dragoman import extract

    # (a day written out with its year: an act dated by a year or a month alone is background whatever the year, as
    # news tells its own acts by the day; see test_times)
    art = extract("Britain agreed on 4 May 1970 to spend 0.7% of its income on aid, the charity said. "
                  "On 2 March 2005 the chancellor called on rich countries to keep that promise.", pipeline=pipeline)
    old = next(e for e in art.events if (e.date or "").startswith("1970"))
    new = next(e for e in art.events if (e.date or "").startswith("2005"))
    assert old.aux.historical and not new.aux.historical, art.events


@pytest.mark.parametrize("text, want", [
    ("Tony Blair offered his congratulations to the couple.", ["SUPPORT"]),
    ("The chancellor said he was on course to meet his two fiscal rules.", []),
    ("Iran offered to host the talks.", ["AGREE"]),
])
def test_offers_and_meetings_in_their_other_senses(unfiltered, text, want):
    from dragoman import extract

    assert types(extract(text, published="2024-05-04", pipeline=unfiltered)) == want


def factual_types(art):
    return sorted(e.type for e in art.events if not (e.aux.negated or e.aux.hypothetical or e.aux.future or e.aux.historical))


def extract_at(pipe, text):
    """The sentence coded as news of 4 May 2024 by ``pipe``."""
    from dragoman import extract

    return extract(text, published="2024-05-04", pipeline=pipe)


def assert_factual(art, want):
    assert factual_types(art) == want, [(e.type, e.rule, e.aux) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # other senses of a trigger: talking about a topic, releasing a document, "let's", crimes committed,
    # beating or battling a rival at the polls
    ("The senator talked about the budget for an hour.", []),
    ("The ministry released a report on Tuesday.", []),
    ("The pollster released its survey on Sunday.", []),
    ("\"Let's go back to the start,\" the governor said.", []),
    ("The mayor's aide committed fraud, the court found.", []),
    ("The Democrats beat the incumbent governor in the election.", []),
    ("The senator is battling the governor for the nomination.", []),
    ("Why had the budget not been published, the senator asked.", []),
    # the same words where they are events
    ("The army released 40 prisoners on Tuesday.", ["RETREAT"]),
    ("The two presidents talked with each other by phone.", ["CONSULT"]),
    ("Police beat the protesters with batons.", ["ASSAULT"]),
    ("Health officials imposed a quarantine to prevent the virus from spreading.", []),
    ("Police prevented the protesters from reaching the square.", ["COERCE"]),
    # a charge laid by the law is coercion; one a critic makes is an accusation
    ("The two activists were charged under the public order act, police said.", ["COERCE"]),
    ("Critics charged that the governor had misled voters.", ["ACCUSE"]),
    ("Rebels shelled the town on Monday, the defence minister charged on Tuesday.", ["ACCUSE", "ASSAULT"]),
    # shooting back words is a retort; retaliating with duties is a sanction
    ("The senator's office shot back that the governor was putting her ambitions ahead of her duty.", ["ACCUSE"]),
    ("Police shot back at the gunmen.", ["ASSAULT"]),
    ("China has retaliated with duties on $110 billion of American goods.", ["SANCTION"]),
    # strikes on a town are attacks; a strike against a pay freeze is a walkout
    ("Russia's strikes on the city continued overnight.", ["ASSAULT"]),
    ("Nurses held a strike against the pay freeze at the hospital.", ["PROTEST"]),
])
def test_trigger_senses_that_are_no_event(unfiltered, text, want):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=unfiltered)
    assert factual_types(art) == want, [(e.type, e.rule, e.aux) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # failing and warning are events only when they govern one
    # failing to tackle something is no REJECT; said of the minister by the opposition it is its criticism
    ("The minister has failed to tackle the housing shortage, the opposition said.", ["ACCUSE"]),
    ("The scheme has failed to tackle the housing shortage.", []),
    ("The two sides failed to reach an agreement on Sunday.", ["REJECT"]),
    ("The doctors warned that the hospitals were running out of beds.", []),
    ("Iran warned that it would strike American bases.", ["THREATEN"]),
    # a warning that someone will face a danger is no threat; one that they will face force or consequences is
    ("Nurses warned that patients would face serious health risks from the closures.", []),
    ("The general warned that the rebels would face the full force of the army.", ["THREATEN"]),
])
def test_failing_and_warning_need_an_act(unfiltered, text, want):
    art = extract_at(unfiltered, text)
    assert types(art) == want, [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # a wish asks nothing of anyone; a want that names whom it asks, or asks for what only another can give, is a demand
    ("Moldova wants peace, the president told the state news agency.", []),
    ("Not everyone in the ruling party wants a quick deal.", []),
    ("We want people to feel safe coming down here, said a shop owner.", []),
    ("Kenya wants Uganda to reopen the border crossing at Busia.", ["REQUEST"]),
    ("The unions want the government to withdraw the pension regulations.", ["REQUEST"]),
    ("The families of the victims want an apology from the police.", ["REQUEST"]),
    ("The rebels want the 2019 accord used as the framework for the talks.", ["REQUEST"]),
    ("The government wants its own proposals to be taken into consideration.", ["REQUEST"]),
])
def test_a_want_is_a_demand_only_of_someone(unfiltered, text, want):
    art = extract_at(unfiltered, text)
    assert types(art) == want, [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # an infinitive with a subject of its own, which the parser may hang as a clause, takes its governor's mode
    ("The farmers' union says it expects up to 3,000 members to demonstrate against the levy.", []),
    ("The vote prompted the association's president to resign in protest.", ["RETREAT"]),
])
def test_an_infinitive_with_its_own_subject_is_planned_or_done_as_its_governor_says(unfiltered, text, want):
    art = extract_at(unfiltered, text)
    assert art.events and factual_types(art) == want, [(e.type, e.rule, e.aux) for e in art.events]


@pytest.mark.parametrize("text, trigger, hypothetical", [
    # a complement wanted, implored or taught is not done
    ("The opposition is pushing to expel the ambassador.", "expel", True),
    ("The activists decided to boycott the election.", "boycott", False),
    ("Rebels tried to assassinate the governor on Monday.", "assassinate", False),
    ("The army continued to shell the town.", "shell", False),
    ("The general was forced to resign on Friday.", "resign", False),
    # the purpose of a coded act is not done yet; of a plain verb it is the act
    ("The government deployed troops to arrest the protest leaders.", "arrest", True),
    ("Thousands of workers stayed at home to protest against the reform.", "protest", False),
    # "went on to" tells what came next
    ("The senator went on to accuse the governor of lying.", "accuse", False),
])
def test_complements_wanted_are_hypothetical_and_complements_done_are_not(unfiltered, text, trigger, hypothetical):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=unfiltered)
    ev = [e for e in art.events if art.text[e.evidence[0].trigger[0]:e.evidence[0].trigger[1]].split()[0] == trigger]
    assert ev, [(e.type, e.rule, art.text[e.evidence[0].trigger[0]:e.evidence[0].trigger[1]]) for e in art.events]
    assert ev[0].aux.hypothetical == hypothetical, ev[0]


@pytest.mark.parametrize("text, want", [
    ("Lawyers for the foreign nationals detained under the act spoke to reporters.", []),
    ("The families of the prisoners detained in May met the governor.", ["CONSULT"]),
    ("Mourners buried eleven civilians killed by the army in the north.", ["ASSAULT"]),
])
def test_a_participle_describing_a_noun_is_no_event_unless_it_is_violence_with_its_agent(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("The lawyer said the government should have acted sooner.", ["ACCUSE"]),
    ("The bishop said Britain should be a safe haven for refugees.", []),
    ("The opposition said the minister should resign.", ["REQUEST"]),
    ("On Monday the president insisted the reform was working.", []),
    ("The unions insisted on talks with the government.", ["REQUEST"]),
    ("The party seeks to win back its old voters.", []),
    ("The rebels sought talks with the government.", ["REQUEST"]),
    ("The figures demonstrated the scale of the crisis.", []),
])
def test_what_is_said_is_a_demand_or_reproach_only_when_an_act_is_named(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("Rising poverty threatens the security of the region.", []),
    ("Car exhausts contribute to the smog in the city every winter.", []),
    ("The bombing killed four soldiers near the border.", ["ASSAULT"]),
    ("Investigators shared evidence with the prosecutors.", ["COOPERATE"]),
])
def test_a_thing_that_does_something_is_no_actor(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, source, target", [
    ("The opposition leader said the government's handling of the floods was a disgrace.", "opposition leader", "government"),
    ('"The Labour government has betrayed pensioners," the Conservative spokesman said.', "Conservative spokesman", "Labour government"),
    ("The opposition leader said the Labour government's pledges were worthless.", "opposition leader", "Labour government"),
    ("The Conservative spokesman said the Labour government had failed.", "Conservative spokesman", "Labour government"),
    # what someone is said to do "too" much, or be "too" weak
    ("The Green Party's treasury spokeswoman said the Labour government was borrowing too much.", "spokeswoman",
     "Labour government"),
    ("The opposition leader said the Labour government had acted too slowly on the floods.", "opposition leader",
     "Labour government"),
    # a judgement of how someone acts, told with the act (the refusal and the judgement are both coded)
    ("Ministers are being foolish by refusing to publish the report, the opposition leader says.",
     "opposition leader", "Ministers"),
    # breaking a law, a treaty or rights, said of another
    ("The opposition leader said the Labour government had violated the refugee treaty.", "opposition leader",
     "Labour government"),
    # a word of reproach added to the lists
    ("The Green Party's treasury spokeswoman said the Labour government's new levy was draconian.", "spokeswoman",
     "Labour government"),
])
def test_a_reported_criticism_of_another_actor_is_an_accusation(pipeline, text, source, target):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    ev = [e for e in art.events if e.type == "ACCUSE"]
    assert ev, [(e.type, e.rule) for e in art.events]
    assert source in " ".join(art.actor(a).name for a in ev[0].sources)
    assert target in " ".join(art.actor(a).name for a in ev[0].targets)


@pytest.mark.parametrize("text", [
    "The minister said the weather had been a disgrace all summer.",  # nobody criticised
    "The senator said it would be unacceptable to raise taxes, adding that Iran had attacked the tanker.",  # an event of its own
    # breaking a club's or a game's rules is no breach of a law
    "The senator said the Labour government's football team had breached the league's rules.",
    # "too" much of a thing, or of a time, judges no one
    "The senator said there were too many families in the shelters of the Labour government's capital.",
    "The senator said the refugees had waited in Labour government camps for too long.",
])
def test_a_criticism_needs_someone_criticised_and_no_event_of_its_own(pipeline, text):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert not [e for e in art.events if e.rule == "accuse/criticism-in-speech"], [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, want", [
    ("The minister denied that the cabinet was split.", ["REJECT"]),
    ("The prince denied having met the businessman.", ["REJECT"]),
    ("The opposition leader paid tribute to the chancellor's record.", ["SUPPORT"]),
    ("The president paid tribute to the soldiers who died in the attack.", []),
    ("The senator agreed with the commission's assessment of the war.", ["SUPPORT"]),
    ("The Home Office defended the measures.", ["SUPPORT"]),
])
def test_denials_tributes_and_endorsements(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    ("The opposition leader said the country needed lower taxes.", ["REQUEST"]),
    ("The senator said the agencies had to publish their accounts.", ["REQUEST"]),
    ("The senator said they had to be careful.", []),
    ("The ministry announced plans to cut 10,000 jobs in the civil service.", ["AGREE"]),
    ("Twelve men are being held without trial under the anti-terror laws.", ["COERCE"]),
    ("The two foreign ministers held talks in Doha.", ["CONSULT"]),
])
def test_needs_plans_and_detention(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    ("Seventy search warrants were executed in Britain and Norway.", []),
    ("Rebels executed three soldiers in the village.", ["ASSAULT"]),
    ("The games maker fights for survival.", []),
    ("The company is deploying new technology to meet demand.", []),
    ("The European Parliament has already clashed with the Commission on the issue.", ["ACCUSE"]),
    ("Protesters clashed with police in the capital.", ["ASSAULT"]),
    ("Lawmakers proposed a law aimed at cracking down on indecency on television.", []),
    ("The government cracked down on protesters in the capital.", ["ASSAULT"]),
    ("Hurricanes that have struck the coast cost billions.", []),
])
def test_warrants_survival_technology_and_crackdowns_on_things(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("The coast, which was struck by four hurricanes, claimed the most.", []),
    ("The support act was met with general approval.", []),
    ("The minister met with the envoy in Doha.", ["CONSULT"]),
])
def test_disasters_and_receptions_are_no_events(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("Residents are burning fires for cooking and heating.", []),
    ("Rioters burned the police station on Friday.", ["COERCE"]),
    ("The agency reported that the city has the most particles that can cause dangerous heart troubles.", []),
])
def test_burning_fuel_and_describing_danger_are_no_events(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, trigger", [
    ("Politicians are worried that pressuring the farmers could reopen old wounds.", "pressuring"),
    ("The minister said the government could issue subsidies, helping farmers buy machinery.", "helping"),
])
def test_a_gerund_shares_the_modes_of_its_clause(unfiltered, text, trigger):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=unfiltered)
    ev = [e for e in art.events if art.text[e.evidence[0].trigger[0]:e.evidence[0].trigger[1]].split()[0] == trigger]
    assert ev and ev[0].aux.hypothetical, [(e.type, e.rule, e.aux) for e in art.events]


@pytest.mark.parametrize("text, want", [
    ("Officers searched the area and were able to arrest a suspect.", ["COERCE"]),
    ("Obama's involvement offers a powerful reminder of the role voters will play.", []),
])
def test_able_to_is_done_and_a_thing_owned_by_an_actor_is_a_thing(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("MPs urged ministers to create more sites for travellers.", ["REQUEST"]),  # "sites" is no sit-in
    ("MPs pressed the ministry, saying villagers suffer from illegal encampments.", ["REQUEST"]),
])
def test_a_regular_plural_is_its_lemma_and_an_adjective_of_a_thing_no_criticism(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


BUSINESS = (
    "Shares in the carmaker fell 4% on Tuesday after it cut its profit forecast for the year, and the dollar "
    "slid against the euro as investors sold stocks. Analysts said sales of its new models had been weak in "
    "the third quarter and that the firm's quarterly earnings would disappoint the market. The US Treasury "
    "said it was committed to a strong dollar. The European Union filed a complaint against the United States "
    "at the World Trade Organisation over subsidies to aircraft makers. Police arrested the firm's former "
    "chief executive on fraud charges last month, and the bank's shares rose 2% in early trading. India and "
    "Bangladesh signed a deal on electricity exports."
)


def test_business_news_keeps_a_state_acting_politically_only(pipeline):
    from dragoman import extract

    art = extract(BUSINESS, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "business", art.topic
    got = {(e.type, art.text[e.evidence[0].trigger[0]:e.evidence[0].trigger[1]].split()[0]) for e in art.events}
    assert ("ACCUSE", "filed") in got and ("COERCE", "arrested") in got, got
    assert ("SUPPORT", "signed") in got, got  # two states acting together
    assert not any(t == "AGREE" for t, _ in got), got  # "committed to a strong dollar" is no event


def test_business_news_keeps_civil_society_addressing_a_state_not_a_company_doing_so(pipeline):
    from dragoman import extract

    text = (BUSINESS + " The GMB union, which represents 900 of the carmaker's staff, urged ministers to block the "
            "sale of the plant. The carmaker urged ministers to cut the tax on electric vehicles.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "business", art.topic
    requests = [(art.actor(e.sources[0]).name if e.sources else None) for e in art.events if e.type == "REQUEST"]
    assert len(requests) == 1 and "union" in (requests[0] or ""), requests


def test_business_news_keeps_two_states_officials_meeting(pipeline):
    """Talks between a foreign minister and his foreign counterpart, both the talks' parties, are political in
    business news too (the counterpart's title names no state institution by a strong word)."""
    from dragoman import extract

    text = (BUSINESS + " Foreign Minister Tomas Ekwueme and his Togolese counterpart Edem Kpodar held talks on power "
            "exports on Tuesday.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "business", art.topic
    talks = [{art.actor(i).name for i in (*e.sources, *e.targets)} for e in art.events if e.type == "CONSULT"]
    assert talks == [{"Tomas Ekwueme", "Edem Kpodar"}], talks


def test_business_news_keeps_two_states_ministers_named_as_one_group_meeting(pipeline):
    """"The two countries' trade ministers met": officials of two states together, told as one group, are political in
    business news; a firm's managers meeting are not."""
    from dragoman import extract

    text = (BUSINESS.replace(" India and Bangladesh signed a deal on electricity exports.", "") + " Grain traders could "
            "soon cross the border faster after the two countries' trade ministers met in Velmar on Tuesday. The "
            "carmaker's managers met in Detroit on Tuesday.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "business", art.topic
    talks = [" ".join(art.actor(i).name for i in (*e.sources, *e.targets)) for e in art.events if e.type == "CONSULT"
             and e.evidence[0].start >= text.index("Grain")]
    assert len(talks) == 1 and "trade ministers" in talks[0], talks


def test_business_news_keeps_a_politicians_demand(pipeline):
    """A politician named as one demanding something is political in business news, with no one else named; the
    firm's own demand is not."""
    from dragoman import extract

    text = (BUSINESS + " Senator Elena Ruiz called for hearings on the takeover. "
            "The carmaker called for lower taxes on electric vehicles.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "business", art.topic
    requests = [{art.actor(i).name for i in e.sources} for e in art.events if e.type == "REQUEST"]
    assert requests == [{"Elena Ruiz"}], requests


def test_business_news_keeps_an_arrest_by_a_body_whose_own_name_says_it_polices(pipeline):
    """No lexicon knows "the Corvala Provincial Police Command", but in business news, where no band takes such a
    name, its own words make it a state actor: its arrest stays; a band's name ("Bloc Party") would not."""
    from dragoman import extract

    text = BUSINESS + " The Corvala Provincial Police Command arrested the property developer Ines Varga on Monday."
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "business", art.topic
    arrests = [{art.actor(i).name for i in e.sources} for e in art.events if e.type == "COERCE"
               and "Corvala" in art.text[e.evidence[0].start:e.evidence[0].end]]
    assert arrests == [{"Corvala Provincial Police Command"}], arrests


@pytest.mark.parametrize("text, want", [
    ("The minister was later fired.", ["SANCTION"]),
    ("The suspect confessed to the killings.", ["CONCEDE"]),
    ("The former ambassador testified before the House committee.", ["COOPERATE"]),
    ("Tariffs have been imposed on imports from the European Union.", ["SANCTION"]),
    ("The government has scrapped plans to build a new prison.", ["CONCEDE"]),
    ("The ministry disputed the report's figures.", ["REJECT"]),
    ("The opposition leader derided the government's budget.", ["ACCUSE"]),
    ("Soldiers fired shots at the crowd.", ["ASSAULT"]),  # firing at someone is no dismissal
])
def test_dismissals_admissions_testimony_and_disputes(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("Consumer advocates are urging the regulator to set backup power rules.", ["REQUEST"]),
    ("Both the prime minister and the chancellor have called for urgent action to fight poverty.", ["REQUEST"]),
    ("The minister declined to comment.", []),
])
def test_people_named_by_what_they_do_act_and_a_call_for_action_is_a_request(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("A new poll shows 44 percent of Americans want the House to impeach the president.", []),
    ("The senator has the backing of 52% of primary voters, according to a survey released on Thursday.", []),
    ("The union called for a 5 percent pay rise.", ["REQUEST"]),
    ("The senator said one has to ask whether the plan is a priority.", []),
    ("The senator said nobody should be distracted from the business of government.", []),
    ("The opposition leader said the government must resign.", ["REQUEST"]),
])
def test_poll_figures_and_generic_subjects_ask_nothing(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("The border agency did not accept the offer.", ["REJECT"]),
    ("The senators did not support the bill.", ["REJECT"]),
    ("The senator called the report a lie.", ["REJECT"]),
    ("The minister called the decision a disgrace.", ["ACCUSE"]),
    ("The minister called the ambassador on Monday.", []),
])
def test_a_denied_acceptance_is_a_refusal_and_calling_a_claim_a_lie_rejects_it(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("Health care providers protested longer detention periods for migrants.", ["PROTEST"]),
    ("Activists urged the council to release the prisoners.", ["REQUEST"]),
    ("Natural disasters that have struck the coast cost billions.", []),
    ("A group of doctors is urging the ministry to accept its offer.", ["REQUEST"]),
])
def test_people_named_by_a_suffix_act_in_words_and_an_addressee_is_no_source(unfiltered, text, want):
    art = extract_at(unfiltered, text)
    assert_factual(art, want)
    for e in art.events:  # the ministry is asked, it does not ask
        assert not any(art.actor(a).name.endswith("ministry") for a in e.sources), [(e.type, e.sources) for e in art.events]


@pytest.mark.parametrize("text, want", [
    ("Protesters are planning a protest outside parliament on Wednesday.", []),  # not yet
    ("The opposition held a meeting with the president.", ["CONSULT"]),
    ("Protesters staged a protest outside parliament.", ["PROTEST"]),
])
def test_a_planned_event_is_not_yet_one(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("The army wants to seize the port and arrest the governor.", []),  # the second verb is wanted too
    ("The army seized the port and arrested the governor.", ["COERCE"]),
])
def test_a_coordinated_verb_shares_its_governors_modes(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_a_percentage_of_goods_is_no_poll(unfiltered):
    assert_factual(extract_at(unfiltered, "The EU agreed to cut tariffs on American goods by 10 percent."), ["AGREE"])


@pytest.mark.parametrize("text, want", [
    ("The minister said the party can win the vote without asking voters to pay more taxes.", []),  # no one asked
    ("The minister asked voters to pay more taxes.", ["REQUEST"]),
    ("He asked whether the army had attacked the village.", []),  # a question asserts nothing
    ("The army attacked the village.", ["ASSAULT"]),
    ("The rebels called for soldiers to be killed or assaulted.", ["REQUEST"]),  # wanted, not done
])
def test_what_is_done_without_asked_about_or_called_for_is_not_done(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("The senator accepted that many farmers now worried about the new rules.", []),  # an acknowledgement
    ("The senator accepted the offer of talks.", ["AGREE"]),
    ("The opposition claimed the government had met all of its promises.", []),
    ("The opposition leader met the president on Monday.", ["CONSULT"]),
    ("His heart beats faster when the band plays.", []),
    ("Riot police beat the protesters.", ["ASSAULT"]),
    ("With protests exploding across the country, the president went on television.", []),
    ("A bomb exploded outside the ministry.", ["ASSAULT"]),
    ("Two former governors, who are also seeking the nomination, met voters.", ["CONSULT"]),  # no request
    ("The rebels are seeking a ceasefire.", ["REQUEST"]),
])
def test_words_in_their_other_senses_code_nothing(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("The finance minister quit on Monday after the scandal.", ["RETREAT"]),
    ("The defence secretary quit the cabinet on Monday.", ["RETREAT"]),
    ("The striker quit the club.", []),
    ("The senator signaled support for the new sanctions.", ["SUPPORT"]),
])
def test_quitting_office_and_signalled_support(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    ("Since 2015, at least 9,000 migrants have arrived in Greece.", []),  # no visit
    ("The foreign minister arrived in Kabul on Monday.", ["CONSULT"]),
    ("European figures were helped by the rapid growth of tourism.", []),  # a thing helps no one
    ("The rebels were helped by the government.", ["AID"]),
])
def test_visits_are_political_actors_and_things_help_no_one(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    ("He served in the army from 1941 to 1945 and was wounded in Normandy.", []),  # shares the dates: background
    ("The rebels attacked the convoy on Monday and killed five soldiers.", ["ASSAULT"]),
    ("I defy anyone to watch the show and call it boring.", []),
    ("The rebels defied the ceasefire.", ["REJECT"]),
])
def test_a_joined_past_verb_shares_its_date_and_defying_anyone_is_a_dare(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("EU foreign ministers on Monday added three Iranian firms to the bloc's sanctions list.", ["SANCTION"]),
    ("The Treasury blacklisted two banks on Friday.", ["SANCTION"]),
    ("The council added two names to the list of speakers.", []),
])
def test_adding_to_a_sanctions_list_sanctions(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    ("The minister said Labour teachers worried about being sued if something went wrong.", []),  # a supposed case
    ("The minister said the Labour plan was wrong.", ["ACCUSE"]),
    ("The president provided a medical record to quiet questions about his health.", []),
    ("The US provided weapons to the rebels.", ["AID"]),
])
def test_criticism_of_a_supposed_case_and_documents_provided_are_no_events(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    ("The opposition leader said the Labour government had mishandled the strike.", ["ACCUSE"]),
    ("The party spokesman said the ministers had ignored the problem for years.", ["ACCUSE"]),
    ("The minister said some Labour councils could ignore the new rules.", []),  # what may be done, not what was
    ('The senator said he had met the Society for the Prevention of Cruelty to Animals.', ["CONSULT"]),  # a name's word
])
def test_criticism_words_judge_what_was_done_not_what_may_be_nor_a_name(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


def test_a_rejoinder_is_speech_and_the_doer_of_the_criticised_act_is_its_target(pipeline):
    art = extract_at(pipeline, 'But the party spokesman responded: "Britain is working, do not let the Tories wreck it again".')
    acc = [e for e in art.events if e.type == "ACCUSE"]
    assert acc, [(e.type, e.rule) for e in art.events]
    assert [art.actor(a).name for a in acc[0].targets] == ["Conservative Party"]


def test_an_actor_urged_is_not_the_same_request_as_the_one_it_made(pipeline):
    art = extract_at(pipeline, "The president called for action on debt. Charities are urging the president to double aid.")
    assert [e.type for e in art.events].count("REQUEST") == 2, [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, want", [
    ("She said she had later asked the lawyer what had happened.", []),  # a question
    ("The union asked the court whether the ban was lawful.", []),
    ("The opposition leader asked the minister to resign.", ["REQUEST"]),
    ("The government should do more to help independent record labels.", []),  # owed, not done
    ("But they still want more.", []),
])
def test_questions_obligations_and_wanting_more_are_not_done(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_a_name_that_merely_contains_party_is_no_firm_state_actor():
    from dragoman.events.relevance import firm_state_actor
    from dragoman.model import Actor

    band = Actor(id="a1", name="Bloc Party", kind="organisation", sector="PTY", role="Bloc Party", rule="ner:ORG+name-words")
    police = Actor(id="a2", name="Police", kind="group", sector="COP", role="Police", rule="lexicon:role")
    assert not firm_state_actor(band, False)
    assert firm_state_actor(police, False)


@pytest.mark.parametrize("text, want", [
    ("The US raised tariffs on Chinese goods on Friday.", ["SANCTION"]),
    ("China slapped tariffs on US soybeans.", ["SANCTION"]),
    ("The company raised prices on Friday.", []),
    ("When the United States slaps tariffs on goods, it is not foreign exporters that pay.", []),  # a habit
    ("When the army shelled the town, residents fled.", ["ASSAULT"]),
])
def test_tariffs_raised_are_sanctions_and_a_present_when_clause_is_a_habit(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_a_threat_of_tariffs_if_no_deal(unfiltered):
    art = extract_at(unfiltered, "The president said he would raise tariffs on Chinese goods if no deal is reached.")
    assert "THREATEN" in [e.type for e in art.events], [(e.type, e.rule) for e in art.events]


def test_a_month_two_or_more_before_the_news_is_background(pipeline):
    from dragoman import extract

    art = extract("Tariffs on Chinese goods were increased from 10% to 25% in May 2019.", published="2019-11-20", pipeline=pipeline)
    assert [e.aux.historical for e in art.events] == [True], [(e.type, e.aux) for e in art.events]
    art = extract("The army shelled the town in October 2019.", published="2019-11-20", pipeline=pipeline)
    assert [e.aux.historical for e in art.events] == [False], [(e.type, e.aux) for e in art.events]


def test_a_year_inside_the_accusation_dates_its_content_not_the_accusation(pipeline):
    from dragoman import extract

    art = extract("The minister accused the chancellor of missing his target on providing treatment to three million "
                  "patients by 2005. Aid budgets will be doubled by 2015.", pipeline=pipeline)
    acc = [e for e in art.events if e.type == "ACCUSE"]
    assert acc and not acc[0].aux.historical, [(e.type, e.aux) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # reactions and judgements that are criticism (CAMEO 111)
    ("Refugee groups have reacted with alarm to the ministry's new rules.", ["ACCUSE"]),
    ("The senator questioned the governor's record on crime.", ["ACCUSE"]),
    ("A regional court ruled the curfew illegal last week.", ["ACCUSE"]),
    ("The Republican candidate hammered the mayor over her plan for new parking fees.", ["ACCUSE"]),
    # the same words where they criticise no one
    ("The senator questioned the witness for two hours.", []),
    ("Workers hammered the nails into the roof.", []),
    ("The court ruled on the case on Monday.", []),
    # concern expressed is a statement (CAMEO 012), as the sentence sets have it
    ("The European Commission expressed concern about the figures.", []),
])
def test_reactions_and_rulings_that_criticise(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_a_reported_judgement_of_an_act_is_criticism_even_with_nobody_named(pipeline):
    art = extract_at(pipeline, 'The bishop said arrests without warrants were "unacceptable".')
    assert [e.type for e in art.events] == ["ACCUSE"], [(e.type, e.rule) for e in art.events]
    art = extract_at(pipeline, "The minister said the weather had been unacceptable.")
    assert not art.events, [(e.type, e.rule) for e in art.events]  # a judgement of no act is an opinion


def test_a_participle_joined_to_a_passive_one_is_passive_too(unfiltered):
    art = extract_at(unfiltered, "The man was arrested in Madrid and extradited to Portugal.")
    names = {e.type: ([art.actor(a).name for a in e.sources], [art.actor(a).name for a in e.targets]) for e in art.events}
    assert "man" not in " ".join(names.get("COOPERATE", ([], []))[0]), names
    assert any("man" in " ".join(t) for _, t in names.values()), names


@pytest.mark.parametrize("text, want", [
    # a claim called wrong or untrue is denied, not the speaker's accusation of anyone
    ("A spokeswoman for the interior ministry said it was completely wrong to suggest that the inquiry was a cover-up.", ["REJECT"]),
    ("The minister said the claims were untrue.", ["REJECT"]),
    ("The opposition leader said the government's plan was wrong.", ["ACCUSE"]),
    # what has yet to be done is owed by no one
    ("The premier said a decision had yet to be taken over how the summit would be organised.", []),
])
def test_a_claim_called_wrong_is_denied(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    # insisting on what is not so, laughing off or rebutting a claim: a denial
    ("On Monday the chancellor insisted the new treaty did not mean giving up control of the currency.", ["REJECT"]),
    ("The minister shrugged off the criticism.", ["REJECT"]),
    ("The ministry rebutted the report.", ["REJECT"]),
    # insisting on what is so, or on not knowing, rebuts nothing
    ("The minister insisted the plan would work.", []),
    ("The governor insisted she did not know when the referendum would be held.", []),
])
def test_insisting_something_is_not_so_is_a_denial(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    # speaking to a leader is a consultation; speaking to reporters, an audience or a parliament addresses them
    ("The prime minister spoke on the telephone to the US president on Tuesday.", ["CONSULT"]),
    ("The prime minister spoke to the Chinese president on Monday.", ["CONSULT"]),
    ("The minister spoke to reporters in Brussels.", []),
    ("The premier was speaking on Monday to more than 200 pupils from schools in the north about knife crime.", []),
    ("Speaking to the national assembly on Tuesday, the interior minister defended the plan.", ["SUPPORT"]),
    # evidence demonstrating something is no protest
    ("The figures demonstrate that the policy has failed.", []),
])
def test_speaking_to_someone_and_demonstrating_something(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_earlier_is_today_and_ago_is_background_only_when_long_ago(pipeline):
    art = extract_at(pipeline, "Finance minister Petra Havlova earlier backed a plan to suspend the loans of the flooded provinces.")
    assert [e.aux.historical for e in art.events] == [False], [(e.type, e.aux) for e in art.events]
    art = extract_at(pipeline, "The army shelled the town three days ago.")
    assert [e.aux.historical for e in art.events] == [False], [(e.type, e.aux) for e in art.events]
    art = extract_at(pipeline, "The army shelled the town two years ago.")
    assert [e.aux.historical for e in art.events] == [True], [(e.type, e.aux) for e in art.events]


def test_an_act_named_in_general_as_a_subject_is_no_happening(unfiltered):
    # "supporting her coalition was not a lost cause": backing in general, neither done nor refused
    art = extract_at(unfiltered, "She said supporting her coalition was not a lost cause.")
    assert not [e for e in art.events if e.type == "REJECT"], [(e.type, e.rule) for e in art.events]
    assert_factual(art, [])


@pytest.mark.parametrize("text, want", [
    # feeling threatened or betrayed is a state of mind; being threatened by someone is an act
    ("The nurses say the letters have caused them to feel threatened, intimidated and unable to work.", []),
    ("The villagers felt betrayed by the government.", []),
    ("The minister was threatened by the protesters.", ["THREATEN"]),
])
def test_a_feeling_is_no_act(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # protesters gathering protest; families gathering do not
    ("Protesters gathered outside the parliament on Monday afternoon.", ["PROTEST"]),
    ("Families gathered at the cemetery.", []),
    # a minister receiving a named visitor hosts a visit; receiving a letter or patients does not
    ("The foreign minister received her Peruvian counterpart Mateo Quispe at the presidential palace on Tuesday.", ["CONSULT"]),
    ("The minister received a letter from the president.", []),
    ("The hospital received 40 wounded soldiers.", []),
    # dismissing a measure as invalid rejects it
    ("Vietnam has dismissed as invalid a fishing moratorium announced by China.", ["REJECT"]),
])
def test_gathering_receiving_and_dismissing(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # "for" with a gerund gives the reason for an act, not what is called for
    ("The senator called the auditors liars for publishing the figures.", ["ACCUSE"]),
    ("The opposition called for talks with the rebels.", ["REQUEST"]),
    # what someone wanted, as a subject, asks nothing; demanding how something happened asks a question
    ("What the governor wanted was not what the mayor wanted.", []),
    ("The presenter repeatedly demanded how the minister could be so certain.", []),
    # what an embedded question supposes is not asserted
    ("Asked if he believed Tehran wanted the talks to fail, the senator said he would not speculate.", []),
])
def test_reasons_free_relatives_and_questions_ask_nothing(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # praise of another actor or its act in reported speech is support
    ("The MP said she was proud of the government's record on schools.", ["SUPPORT"]),
    ("Tomas Reyes said the villagers were delighted with the apology.", ["SUPPORT"]),
    # of nothing anyone did, it is a mood
    ("The minister said he was pleased with the weather.", []),
])
def test_reported_praise_is_support(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


def test_who_feels_delighted_is_not_whom_the_praise_is_for(pipeline):
    art = extract_at(pipeline, "Tomas Reyes said the villagers were delighted with the apology.")
    ev = [e for e in art.events if e.type == "SUPPORT"]
    assert ev and not any("famil" in art.actor(a).name for a in ev[0].targets), [(e.type, e.targets) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # what is said to be needed, or what others need to be, is asked for; what is not needed is not
    ("The opposition leader argued a change of course was needed to control the deficit.", ["REQUEST"]),
    ("The audit court said national governments needed to be more transparent about how grants were spent.", ["REQUEST"]),
    ("The opposition says the regional water boards are not needed.", []),
    ("The minister said they had to be careful.", []),
])
def test_what_is_said_to_be_needed_is_asked_for(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    # beating a rival to an award, in the ratings or to a title is a contest, whatever the article's topic
    ("The young director won the top prize, beating a veteran who was nominated for the fifth time.", []),
    ("The quiz show was beaten in the ratings by a rival channel's cooking contest.", []),
    ("Police beat the protesters with batons outside the parliament.", ["ASSAULT"]),
    # a record released is no prisoner freed
    ("The remixed single was released in Canada and reached number 9.", []),
])
def test_contests_and_records_are_no_violence_or_release(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # a score or a fixture makes beating a sporting win; an injury rules a player out of a match, no one rejects
    ("The 2002 champion fought back to beat his opponent 7-6 4-6 6-3 in the second round.", []),
    ("The striker has been ruled out of Sunday's match with a knee injury.", []),
    ("The government ruled out talks with the rebels.", ["REJECT"]),
])
def test_sport_senses_whatever_the_topic(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # a game shooting up the charts, a firm targeting buyers, blogs fighting for an award: no violence
    ("The new racing game shot straight to the top of the German charts in its first week.", []),
    ("The firm is targeting customers who already have a computer and want to upgrade.", []),
    ("Fighting it out for the annual prize are six podcasts.", []),
    ("Soldiers shot three protesters in the capital.", ["ASSAULT"]),
])
def test_charts_markets_and_awards_are_no_battlefield(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # "must" concluding what is so demands nothing
    ("Many will conclude the candidate must be doing something right.", []),
    ("The minister said they must have known about the plan.", []),
    ("The minister said the government must act now.", ["REQUEST"]),
])
def test_a_must_that_concludes_demands_nothing(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_missing_a_trick_is_no_accusation(pipeline):
    art = extract_at(pipeline, 'The mayor said: "If so, we miss a trick and our residents are left without help."')
    assert not [e for e in art.events if e.type == "ACCUSE"], [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # a phrase before the verb is an adjunct, not the verb's own preposition: no call for anything
    ('For the regional Greens, Maria Lindahl called the new plan "hugely unambitious".', []),
    ("The regional Greens called for a new plan.", ["REQUEST"]),
])
def test_a_fronted_phrase_is_not_the_verbs_preposition(unfiltered, text, want):
    assert [e.type for e in extract_at(unfiltered, text).events if e.type == "REQUEST"] == want


@pytest.mark.parametrize("text, want", [
    # naming someone or their act with a word of criticism accuses them; a word of criticism for the weather does not
    ('Senator Dana Whitfield called the finance minister\'s budget "reckless" and "cruel".', ["ACCUSE"]),
    ("Opposition leaders described the curfew as shameful.", ["ACCUSE"]),
    ("The farmers' union called the summer dreadful for the harvest.", []),
])
def test_a_label_of_criticism_accuses(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, target", [
    # likening someone to something in scare quotes or with a word of criticism labels them, not what they are
    # likened to; someone hit for or over something is criticised
    ('Party chairman Tom Reyes likened the two ministers to "squabbling children".', "two ministers"),
    ("Senator Ann Bell compared the governor's plan to a disastrous gamble.", "governor"),
    ("Senator Joan Harkin hit Governor Paul Tarrin for his handling of the floods.", "Paul Tarrin"),
    ("Senator Joan Harkin, who has hit Governor Paul Tarrin over the flood response, spoke on Monday.", "Paul Tarrin"),
])
def test_likening_and_hitting_over_something_accuse(unfiltered, text, target):
    art = extract_at(unfiltered, text)
    got = [[art.actor(a).name for a in e.targets] for e in art.events if e.type == "ACCUSE" and not e.aux.hypothetical]
    assert len(got) == 1 and target in " ".join(got[0]), [(e.type, e.rule, e.targets) for e in art.events]


@pytest.mark.parametrize("text", [
    "Senator Ann Bell compared the governor to Lincoln.",
    "The minister compared this year's figures to last year's.",
    "Falling oil prices hit Nigeria over the summer.",
])
def test_a_plain_comparison_or_a_blow_of_fortune_accuses_no_one(unfiltered, text):
    assert_factual(extract_at(unfiltered, text), [])


def test_under_investigation_is_done_to_the_subject(unfiltered):
    art = extract_at(unfiltered, "The regional governor is under investigation by anti-corruption prosecutors.")
    ev = [e for e in art.events if e.type == "ACCUSE"]
    assert ev, [(e.type, e.rule) for e in art.events]
    assert [art.actor(a).name for a in ev[0].targets] == ["regional governor"]
    assert "prosecutors" in " ".join(art.actor(a).name for a in ev[0].sources)


def test_a_politician_under_attack_is_criticised(unfiltered):
    art = extract_at(unfiltered, "The opposition leader came under attack over her pension plan.")
    assert [e.type for e in art.events] == ["ACCUSE"], [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # a headline's "X to do Y" is what is to come
    ("Treasury minister to quit over housing row", ["AGREE"]),  # an announced intent (CAMEO 03)
])
def test_a_headline_infinitive_is_future(unfiltered, text, want):
    art = extract_at(unfiltered, text)
    assert [e.type for e in art.events if e.aux.future] == want, [(e.type, e.aux) for e in art.events]
    assert not [e for e in art.events if not e.aux.future]


@pytest.mark.parametrize("text, published", [
    # "next Monday", "tomorrow": told as to come, whether or not the article has a date to count from
    ("Union leaders are holding talks with the health secretary next Monday.", "2024-05-04"),
    ("Union leaders hold talks with the health secretary next Monday.", None),
    ("Union leaders hold talks with the health secretary tomorrow.", None),
])
def test_an_act_told_for_next_week_or_tomorrow_is_future(unfiltered, text, published):
    from dragoman import extract

    art = extract(text, published=published, pipeline=unfiltered)
    assert art.events and all(e.aux.future for e in art.events), [(e.type, e.rule, e.aux) for e in art.events]


def test_a_past_act_that_names_next_week_was_done(unfiltered):
    # guard: the parser hangs "next week" on the challenge; the debate, not the challenge, is to come
    art = extract_at(unfiltered, "Treasurer Ann Cole challenged Mr Harlow to a televised debate on housing next week.")
    assert [e.type for e in art.events if not e.aux.future] == ["REQUEST"], [(e.type, e.rule, e.aux) for e in art.events]


@pytest.mark.parametrize("text, asks", [
    # what people "should see" is a forecast; "should see sense" asks
    ("The finance minister said most households in Devon should notice only a small rise in their bills.", False),
    ("The finance minister said the rail unions should see sense and call off the strike.", True),
])
def test_should_see_forecasts_unless_it_asks_for_sense(unfiltered, text, asks):
    art = extract_at(unfiltered, text)
    assert bool([e for e in art.events if e.type == "REQUEST"]) == asks, [(e.type, e.rule) for e in art.events]


def test_a_speaker_set_after_a_closing_verb_of_saying_is_its_subject(unfiltered):
    # "..., warn union leaders": the leaders warn; the parser took them for the object
    art = extract_at(unfiltered, "Thousands of nurses could walk out if ministers freeze their pay, warn union leaders.")
    warned = [e for e in art.events if e.rule and "warn" in e.rule]
    assert warned and [art.actor(a).name for a in warned[0].sources] == ["union leaders"], \
        [(e.type, e.rule, [art.actor(a).name for a in e.sources]) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # a visit is an event when it meets someone or goes abroad, not a trip at home to a place
    ("The governor toured the flooded southern districts of the state on Friday.", []),
    ("The Canadian prime minister visited a new rail depot in Ottawa on Monday.", []),
    ("The Canadian prime minister visited Mexico City on Monday.", ["CONSULT"]),
    ("The Canadian prime minister visited the Mexican president on Monday.", ["CONSULT"]),
    # a town the tagger takes for a person, listed with the others, is one of the places
    ("The Labour leader visits Norwich, Ipswich, Truro, Penzance and Hexham this week.", []),
])
def test_a_trip_at_home_is_no_visit(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # declining to give a view or details is a statement, not a refusal of anything
    ("The defence secretary declined to give her view of the general's remarks.", []),
    ("The defence secretary declined to back the general's plan.", ["REJECT"]),
])
def test_declining_to_give_a_view_rejects_nothing(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # a guilty plea concedes (a plea of not guilty denies); people held by an agency are detained;
    # an injunction coerces; protesters interrupting a speech protest
    ("The former deputy mayor of Kelso pleaded guilty on Tuesday to taking bribes.", ["CONCEDE"]),
    ("The former deputy mayor of Kelso pleaded not guilty to taking bribes.", ["REJECT"]),
    ("The interior ministry has been holding detainees for months without charge.", ["COERCE"]),
    ("The Constitutional Court issued an injunction against the new surveillance law.", ["COERCE"]),
    ("Protesters interrupted the governor's speech at the convention, chanting slogans.", ["PROTEST"]),
])
def test_pleas_holding_injunctions_and_interruptions(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # a condition contrary to fact: "had X done Y" did not happen; a party attacking someone criticises
    ("Had the army shelled the town, thousands of civilians would have died.", []),
    ("The army shelled the town on Monday, killing two civilians.", ["ASSAULT"]),
    ("The Social Democrats attacked the chancellor's family for months.", ["ACCUSE"]),
])
def test_counterfactuals_and_parties_attacking(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


QUOTED = ('Senator Dana Whitfield spoke to reporters in Lanark on Monday. "The minister has lied to the farmers," '
          'she said. "The cabinet\'s arrogance has been its undoing. The government must withdraw the levy."')


def test_a_sentence_that_continues_a_quote_is_the_speakers(pipeline):
    # the speaker is named in the sentence before: the criticism and the demand that follow are hers; the
    # pronoun that says who speaks ("she said") is nobody named inside the quote
    art = extract_at(pipeline, QUOTED)
    sent = dict(enumerate(art.sentences))
    who = {}
    for e in art.events:
        n = next(i for i, s in sent.items() if s.start <= e.evidence[0].trigger[0] < s.end)
        who[(n, e.type)] = [art.actor(a).name for a in e.sources]
    assert who == {(1, "ACCUSE"): ["Dana Whitfield"], (2, "ACCUSE"): ["Dana Whitfield"],
                   (3, "REQUEST"): ["Dana Whitfield"]}, who


@pytest.mark.parametrize("text, want", [
    # concern voiced that another actor did something accuses it; concern about a thing, or that prices rise, does not
    ("The finance ministry expressed concern that the central bank had ignored its warnings.", ["ACCUSE"]),
    ("The finance ministry expressed concern about the central bank's forecasts.", []),
    ("The finance ministry expressed concern that prices may rise.", []),
])
def test_concern_that_an_actor_did_something_accuses_it(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # private life is no event; bringing a party back to the centre returns no one
    ("At university the future senator met his wife Ilse, now a councillor.", []),
    ("She spent years returning her party to the centre ground.", []),
    ("The rebels returned the border town to government control on Monday.", ["RETREAT"]),
])
def test_private_life_and_a_party_brought_back_are_no_events(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # denying a named person's words, announcing support, arguing against a plan; a party leader speaking to a
    # broadcaster's programme consults no one
    ('The party leader denied Ms Ortega, his housing spokeswoman, said the plans "stink".', ["REJECT"]),
    ("The Greens announced their support for the government's transport plan on Monday.", ["SUPPORT"]),
    ("The finance minister argued against raising the fuel tax.", ["REJECT"]),
    ("Speaking to the BBC's Sunday programme, the party leader said the vote would be close.", []),
])
def test_denials_support_and_opposition_announced(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # an attack repelled took place, done to those who repelled it; a map dismissed is rejected
    ("Malian troops repelled an attack by Katiba Tessalit fighters on their camp on Tuesday night.", ["ASSAULT"]),
    ("Bhutan's foreign minister dismissed China's new official map on Tuesday.", ["REJECT"]),
])
def test_repelled_attacks_and_dismissed_maps(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # not having to do something demands nothing; "agreed" after a quote is a way of saying; what one has
    # "to offer" offers nothing; what a rumour says happened is not known to have happened
    ('"Savers will not have to do anything to keep their accounts," the finance minister said.', []),
    ('"Farmers are angry and we will win this together," agreed Senator Dana Whitfield.', []),
    ('"Our nurses have much to offer to the health of this country," the health minister said.', []),
    ("The ministry said rumours that it had distributed fake ballots were false.", []),
    ("The government agreed to release the prisoners.", ["AGREE"]),
])
def test_ways_of_saying_and_what_one_has_are_no_acts(unfiltered, text, want):
    assert [e.type for e in extract_at(unfiltered, text).events if e.type != "REJECT" and not (
        e.aux.negated or e.aux.hypothetical or e.aux.future or e.aux.historical)] == want


def test_wanting_someone_to_win_demands_nothing(unfiltered):
    assert not extract_at(unfiltered, "Personally the minister wanted the young tenor to win.").events
    assert [e.type for e in extract_at(unfiltered, "The UN wants both sides to resume talks.").events] == ["REQUEST"]


def test_a_country_guessed_from_the_articles_focus_does_not_make_a_trip_domestic(unfiltered):
    # "the president" takes Afghanistan only because the article is about it: his visit to Kabul stands
    assert [e.type for e in extract_at(unfiltered, "The president visited Kabul on Monday.").events] == ["CONSULT"]


@pytest.mark.parametrize("text, historical", [
    # a death toll of a war so far is background, not an attack of the news
    ("The civil war has killed at least 20,000 people, according to the United Nations.", True),
    ("More than 4,300 people have been killed since then, a monitoring group says.", True),
    ("The war, which began in 2011, has killed thousands of villagers.", True),
    ("The insurgency killed more than 9,000 people.", True),
    # an attack told as news is not
    ("Rebels have killed 12 soldiers in an ambush near the border, the army said.", False),
    ("Clashes between police and protesters killed nine people on Monday.", False),
])
def test_a_death_toll_is_background(unfiltered, text, historical):
    art = extract_at(unfiltered, text)
    assert [e.aux.historical for e in art.events if e.type == "ASSAULT"] == [historical], [(e.type, e.rule, e.aux) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # "have to" in someone's own quoted words is an opinion; reported, it asks
    ('"The two ministries have to understand that the talks are the only road," the envoy said.', []),
    ("The envoy said the two ministries had to return to the talks.", ["REQUEST"]),
    ('"Nobody should be deported to face torture," the charity said.', []),
])
def test_have_to_in_a_direct_quote_is_an_opinion(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # refusing to tell is no comment, not a refusal
    ("A ministry spokesman refused to say whether the envoy would be recalled.", []),
    ("The governor declined to name the companies under investigation.", []),
    ("The government refused to release the detained protesters.", ["REJECT"]),
    # a letter or a statement that asks is its author's request
    ("Forty senators sent a letter urging the president to veto the bill.", ["REQUEST"]),
    ("In a letter calling for an inquiry, the mayor said the police had failed the victims.", ["ACCUSE", "REQUEST"]),
    # what a speaker did next, joined to what she said of a thing
    ("The commissioner said the court's ruling was welcome and praised the judges for their courage.", ["SUPPORT"]),
])
def test_tellings_letters_and_a_speakers_next_act(pipeline, text, want):
    art = extract_at(pipeline, text)
    assert sorted(e.type for e in art.events if not (e.aux.negated or e.aux.hypothetical or e.aux.future
                                                     or e.aux.historical)) == want, [(e.type, e.rule) for e in art.events]


def test_a_refused_offer_answers_whoever_made_it(pipeline):
    art = extract_at(pipeline, "Volunteer doctors offered to run a clinic for the detained migrants. "
                               "Customs and Border Protection did not accept the offer.")
    rej = [e for e in art.events if e.type == "REJECT"]
    assert rej and [art.actor(t).name for t in rej[0].targets] == ["Volunteer doctors"], [(e.type, e.rule, e.targets) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # an apology concedes a fault (the article coders' convention; PLOVER's gold set has one SUPPORT)
    ("The defence minister apologised to the soldier's family on Tuesday.", ["CONCEDE"]),
    # committing a crime is no commitment
    ("Voters who have committed no crime are turned away, the charity said.", []),
    ("The minister committed to a review of the asylum rules.", ["AGREE"]),
])
def test_apologies_and_commitments(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_a_denied_claim_answers_whoever_made_it(pipeline):
    # no accusation was coded, but the assessment was someone's: the observers'
    art = extract_at(pipeline, "Election observers from the OSCE said the vote was marred by fraud. "
                               "The Belarusian foreign ministry rejected the assessment as one-sided.")
    rej = [e for e in art.events if e.type == "REJECT"]
    assert rej and rej[0].targets and "Observers" in art.actor(rej[0].targets[0]).name.title(), \
        [(e.type, e.rule, [art.actor(t).name for t in e.targets]) for e in art.events]
    # a denial of a clause names no claimant: "denied that ..." keeps its target empty unless an accusation was coded
    art = extract_at(pipeline, "Senator Ruth Vale said the agency had been slow. The agency denied that it had "
                               "ignored the warnings.")
    assert [e.targets for e in art.events if e.type == "REJECT"] in ([], [()]), [(e.type, e.rule, e.targets) for e in art.events]


def test_a_judged_remark_judges_whoever_made_it(pipeline):
    art = extract_at(pipeline, "Senator Brian Holloway said the migrants were bringing disease. Democrats called "
                               "the remark dangerous.")
    acc = [e for e in art.events if e.type == "ACCUSE"]
    assert acc and [art.actor(t).name for t in acc[0].targets] == ["Brian Holloway"], \
        [(e.type, e.rule, e.targets) for e in art.events]



@pytest.mark.parametrize("text, want", [
    ("Protesters heckled the councillors as the library closures were approved.", ["PROTEST"]),
    ("The minister hit back at the union leaders over the strike.", ["ACCUSE"]),
    ("A spokeswoman said the ministry was co-operating fully with the inquiry.", ["COOPERATE"]),
    ("Senator Ann Harlan has been endorsed by the farm bureau's political arm.", ["SUPPORT"]),
    # a habit, even in a clause of its own, is background ("which sometimes heckled his speeches")
    ("He stood up to the teaching unions, which sometimes heckled his speeches, and won.", []),
])
def test_heckling_hitting_back_co_operating_and_habits(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # "fined" (which the model lemmatizes as "fin") is a penalty imposed
    ("The European court fined Hungary 200,000 euros a day over its asylum rules.", ["SANCTION"]),
    # a recommendation is not the act: "recommended that she be fined"
    ("Jurors recommended that the governor's aide be fined $5,000.", []),
])
def test_fines(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_giving_evidence_to_an_inquiry_is_cooperation_by_the_witness(unfiltered):
    art = extract_at(unfiltered, "Richard Tennant, giving evidence to the public inquiry, said he had never seen the report.")
    coop = [e for e in art.events if e.type == "COOPERATE"]
    assert coop and [art.actor(s).name for s in coop[0].sources] == ["Richard Tennant"], [(e.type, e.sources) for e in art.events]


@pytest.mark.parametrize("text, want", [
    ("Low interest rates and hopes of a China-US trade deal supported share prices in Mumbai.", []),
    ("China supported the resolution at the Security Council.", ["SUPPORT"]),
])
def test_what_supports_prices_is_no_support(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # attacks in words with a particle or preposition
    ("The minister lashed out at the opposition over the budget.", ["ACCUSE"]),
    ("The senator tore into the governor's tax plan.", ["ACCUSE"]),
    ("Labour MPs rounded on the chancellor at the meeting.", ["ACCUSE"]),
    ("On Thursday, the senator unloaded on the newspaper during a breakfast.", ["ACCUSE"]),
    # a poll's answers are no acts
    ("Fifty-one percent say that the president's actions were wrong and he should be impeached.", []),
    ("A majority of voters said the governor should resign.", []),
    ("The senator said the governor should resign.", ["REQUEST"]),
    # a newsroom's investigation is journalism
    ("BBC News investigates how the network worked and who was behind it.", []),
    ("Police investigated the deal.", ["ACCUSE"]),
])
def test_attacks_in_words_polls_and_journalism(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, future", [
    # a conditional threat reported is made when it is said; an announced plan is still to come
    ("The president said he would raise tariffs on Chinese imports if no deal is reached.", False),
    ("Iran said it would strike American bases if attacked.", False),
    ("The president said he would impose tariffs on Mexican goods next month.", True),
])
def test_a_conditional_threat_is_made_when_said(unfiltered, text, future):
    art = extract_at(unfiltered, text)
    threats = [e for e in art.events if e.type == "THREATEN"]
    assert threats and threats[0].aux.future == future, [(e.type, e.rule, e.aux) for e in art.events]


def test_fearing_harm_if_returned_is_no_threat_by_the_speaker(unfiltered):
    art = extract_at(unfiltered, "The cleric rejected any tie to the bombers and said he would face torture if sent back.")
    assert factual_types(art) == ["REJECT"], [(e.type, e.rule, e.aux) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # a plan announced commits to something only with what it is a plan for
    ("Mr Hale announced his plans a day after launching his new party.", []),
    ("The government has announced plans to cut 100,000 civil servants.", ["AGREE"]),
    # a duty, a right or a plan to do something is not doing it
    ("Police have said they have a duty to investigate the men.", []),
    ("The government has the right to expel diplomats.", []),
    ("The army unveiled a plan to attack the city.", ["AGREE"]),
])
def test_plans_duties_and_rights_are_not_acts(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # what people lack is told, not asked of anyone; a measure's reason is no call for it
    ("Relief groups say some 2 million villagers will need food aid by spring.", []),
    ("The minister said the changes were needed to avoid a crisis in old age.", []),
    # a call for what is needed
    ("The opposition leader argued that a new course was needed to rein in borrowing.", ["REQUEST"]),
    ("The senator said the United States needs stronger border security.", ["REQUEST"]),
])
def test_needs_told_and_needs_asked(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # what a speaker says others want is a judgement of them, not their demand
    ('"He wants you to forget what he did," the senator said.', []),
    ('"We want these men to be returned to their families," said the council\'s leader.', ["REQUEST"]),
])
def test_wanting_said_of_others_in_a_quote_is_no_demand(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # an authority's order is the act it orders
    ("The governor ordered the arrest of the protest leaders.", ["COERCE"]),
    ("The regional commander ordered troops to step up security at markets.", ["MOBILIZE"]),
    ("The minister ordered an investigation into the killings.", ["ACCUSE"]),
    # a court's order binds (coercion); an order to talk stays a demand
    ("The court ordered the ministry to pay compensation.", ["COERCE"]),
    ("The president ordered his envoy to hold talks with the rebels.", ["REQUEST"]),
])
def test_an_order_is_the_act_it_orders(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # accidents and storms kill no one politically, told in a headline or by a storm's name
    ("Four killed as train derails after landslip in Cumbria", []),
    ("Storm Ingrid tore across the north-west on Tuesday with strong gusts, killing at least three people.", []),
    ("Rebels stormed the town on Tuesday, killing at least three people.", ["ASSAULT"]),
])
def test_accidents_and_named_storms_are_no_attacks(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # a clash of dates and a press conference are no events; a joint news conference is a meeting
    ("The mayor set her weekly briefing to clash with the governor's budget speech.", []),
    ("The minister held a press conference on Tuesday.", []),
    ("The minister held a news conference in Kabul with the US envoy.", ["CONSULT"]),
    ("Protesters clashed with police in the capital on Sunday.", ["ASSAULT"]),
])
def test_clashing_dates_and_press_conferences(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_the_president_of_a_firm_is_no_state_actor_in_technology_news(pipeline):
    from dragoman import extract

    text = ("The start-up unveiled its new smartphone app on Monday at a technology fair in Spokane. The app lets users "
            "share photos and videos with friends, edit them with filters and post them to a feed, and the firm said "
            "downloads doubled in a week. Software engineers praised the design of the app, its fast camera and its "
            "battery use, which the company said was half that of rival apps on most phones. The app runs on Android "
            "and iOS devices, costs nothing to download and makes money from advertising and paid storage for large "
            "video files. The firm plans a version for tablets and laptops next year, its chief technology officer "
            "told developers at the fair, and it will open its software to outside programmers in the spring. "
            "Lena Ostrova, president of Bright Harbor, a Denver software and design studio, said the launch was "
            "reckless and the app was a disaster for users' privacy.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "tech", art.topic
    assert not art.events, [(e.type, e.rule, [art.actor(a).name for a in e.sources]) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # what anyone should do is a principle, what a named actor should do a demand
    ('"No-one should be deported to face torture," the charity\'s director, Ann Meyer, said.', []),
    ('"People need to be patient," the mayor, Carl Ostrow, told reporters.', []),
    ("The mayor, Carl Ostrow, said the governor should call the White House.", ["REQUEST"]),
    # advice for a case is no demand
    (('"If the governor has a problem with the law, she should take it up with Congress," the mayor, Carl Ostrow, '
      "said."), []),
])
def test_an_obligation_of_no_one_or_for_a_case_is_no_demand(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


def test_clauses_joined_with_subjects_of_their_own_are_separate_acts(unfiltered):
    art = extract_at(unfiltered, "Police arrested two men on Monday, and a judge charged them with fraud on Friday.")
    got = sorted((e.type, art.actor(e.sources[0]).name, e.date) for e in art.events)
    assert got == [("COERCE", "Police", "2024-04-29"), ("COERCE", "judge", "2024-05-03")], got
    # a participle telling the same act is still that act
    art = extract_at(unfiltered, "Troops stormed the hotel, killing twelve gunmen.")
    assert [e.type for e in art.events] == ["ASSAULT"], art.events


@pytest.mark.parametrize("text, want", [
    # a vow of a hostile act is a threat; a vow to fight a thing is none
    ("Senate Democrats have vowed to block the nomination.", ["THREATEN"]),
    ("The militia vowed that the air strikes would not go unanswered.", ["THREATEN"]),
    ("The minister promised that those responsible would be tracked down and punished.", ["THREATEN"]),
    ("The party pledged to scrap tuition fees.", ["AGREE"]),
    ("The president vowed to fight poverty.", []),
    # a reward for information is no promise to anyone; allowing for a thing is taking it into account
    ("The interior ministry has put a bounty of 2 million dollars on the gang's chiefs.", []),
    ("Even allowing for the bias of some polls, the Tories are still behind.", []),
    ("The junta allowed the envoy to meet the detained leader.", ["CONCEDE"]),
    # support told in the simple present is a position held
    ("She says she supports more border agents.", []),
    ("Two senators who support the bill met the governor's aides.", ["CONSULT"]),
    ("The senator backed the bill on Tuesday.", ["SUPPORT"]),
])
def test_hostile_vows_rewards_and_positions(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)


@pytest.mark.parametrize("text, want", [
    # saying one will not (or never did) do what others want done is a refusal made now
    ('"We will not recognise these results," the opposition leader, Ana Radic, said.', ["REJECT"]),
    ("Sheriff Tom Brannigan said he would not enforce the law.", ["REJECT"]),
    ("Serbia has never recognised Kosovo.", ["REJECT"]),
    ("The sheriff said he did not enforce the law last year.", []),
    ("The sheriff said he would enforce the law.", []),
    ("If the court rules against him, the sheriff said, he would not enforce the law.", []),
])
def test_a_refusal_of_an_act_is_made_when_it_is_said(unfiltered, text, want):
    assert_factual(extract_at(unfiltered, text), want)



@pytest.mark.parametrize("text, want", [
    # criticism told as a noun, with its maker and whom it is aimed at (events/complaint.py)
    ("The minister faced criticism from union leaders over the cuts.", ("union leaders", "minister")),
    ("The senator has made allegations that the governor took bribes.", ("senator", "governor")),
    ("The finance minister denied the opposition's claims that he had misled parliament.", ("opposition", "finance minister")),
    ("The cabinet has been damaged by accusations of incompetence from its own backbenchers.", ("backbenchers", "cabinet")),
    ("The senator has been persistent in her criticism of the governor's vote on the bill.", ("senator", "governor")),
    ("The Conservatives have expressed serious misgivings about the government's plans for house arrest.",
     ("Conservative", "government")),
    # fire drawn from someone, words said with an adjective of criticism
    ("The interior minister came under fire from opposition leader Marta Olsen over the border delays.",
     ("Marta Olsen", "interior minister")),
    ("Senator Joan Harkin had harsh words for Governor Paul Tarrin on Tuesday.", ("Joan Harkin", "Paul Tarrin")),
    # no maker, no target, not done, or no accusation claimed
    ("The senator had kind words for the governor.", None),
    ("The minister would face criticism from union leaders.", None),
    ("The island's government rejects the mainland's sovereignty claims.", None),
    ("The newspaper published claims that the economy was growing.", None),
    ("The plan faced criticism.", None),
])
def test_criticism_told_as_a_noun_is_an_accusation(pipeline, text, want):
    art = extract_at(pipeline, text)
    got = [([art.actor(a).name for a in e.sources], [art.actor(a).name for a in e.targets])
           for e in art.events if e.type == "ACCUSE"]
    if want is None:
        assert not got, [(e.type, e.rule) for e in art.events]
    else:
        assert len(got) == 1 and want[0] in " ".join(got[0][0]) and want[1] in " ".join(got[0][1]), got


@pytest.mark.parametrize("text, type_, doer, undergoer", [
    # an attack faced from armed men is one of force; charges faced with no one laying them, the law's coercion
    ("Border guards faced an attack by insurgents near the crossing.", "ASSAULT", "insurgents", "Border guards"),
    ("Border guards came under fire from insurgents near the crossing.", "ASSAULT", "insurgents", "Border guards"),
    ("The former governor faces corruption charges.", "COERCE", None, "former governor"),
])
def test_an_attack_or_charges_faced_are_what_they_are(pipeline, text, type_, doer, undergoer):
    art = extract_at(pipeline, text)
    got = [([art.actor(a).name for a in e.sources], [art.actor(a).name for a in e.targets])
           for e in art.events if e.type == type_]
    assert len(got) == 1 and undergoer in " ".join(got[0][1]), [(e.type, e.rule) for e in art.events]
    assert (doer in " ".join(got[0][0])) if doer else not got[0][0], got
    assert not [e for e in art.events if e.type == "ACCUSE"], [(e.type, e.rule) for e in art.events]


def test_a_judgement_of_a_report_is_aimed_at_who_the_report_was_named_by(pipeline):
    """"A report by the audit office says ... We welcome the report": the report's maker is named with it."""
    art = extract_at(pipeline, 'A report by the National Audit Office says the ministry was slow to pay farmers. '
                               'A ministry spokesman said: "We welcome the report."')
    got = [[art.actor(a).name for a in e.targets] for e in art.events if e.type == "SUPPORT"]
    assert got and "Audit Office" in " ".join(got[0]), [(e.type, e.rule, e.targets) for e in art.events]


def test_a_headlines_present_verb_taken_for_a_noun_is_the_verb(pipeline):
    """"Mayor demands Harlow resign": the tagger reads "demands" as a plural noun; the demand is the event and the
    resignation only demanded."""
    art = extract_at(pipeline, "Mayor demands Harlow resign over the budget.")
    verb = next(t for t in art.tokens if t.text == "demands")
    assert verb.pos == "VERB" and verb.dep == "ROOT", verb
    assert not any(e.type == "RETREAT" and not e.aux.hypothetical for e in art.events), [(e.type, e.rule) for e in art.events]


def test_a_judgement_of_plans_is_aimed_at_who_announced_them_last(pipeline):
    """"The ministry announced plans ... The mayor said the plans were ... Unions oppose the plans": the nearest use
    of the word as what someone made names its maker, though the word was first used otherwise."""
    art = extract_at(pipeline, "Plans to merge the two agencies were discussed for months. The ministry announced the "
                               "plans on Monday. Unions oppose the plans.")
    got = [[art.actor(a).name for a in e.targets] for e in art.events if e.type == "REJECT"]
    assert got and "ministry" in " ".join(got[0]), [(e.type, e.rule, e.targets) for e in art.events]


def test_support_or_opposition_to_a_measure_or_a_call_for_one_is_aimed_at_the_government(pipeline):
    """"The unions welcomed the increase", "the Tories called for a change in the law": with no one named, the
    government of the article; the government itself, or a named maker, is left alone."""
    art = extract_at(pipeline, "The government announced a rise in the minimum wage. The Trade Unions Congress welcomed "
                               "the increase. The Conservatives called for a change in the law. The Liberal Democrats "
                               "oppose the proposals.")
    got = {e.type: [art.actor(a).name for a in e.targets] for e in art.events}
    assert got.get("SUPPORT") == ["government"] and got.get("REQUEST") == ["government"] \
        and got.get("REJECT") == ["government"], got
    art = extract_at(pipeline, "The Trade Unions Congress welcomed the increase.")
    assert all(not e.targets for e in art.events), [(e.type, e.targets) for e in art.events]  # no government named
    art = extract_at(pipeline, "The shadow cabinet met on Monday. The Liberal Democrats oppose the proposals.")
    assert all(not e.targets for e in art.events if e.type == "REJECT"), [(e.type, e.targets) for e in art.events]
    # a call for a thing, no act or measure, asks the government for nothing ("a crowd calling for more songs")
    art = extract_at(pipeline, "The government announced a rise in the minimum wage. In the film's last scene the "
                               "villagers are calling for more songs.")
    assert all(not e.targets for e in art.events if e.type == "REQUEST"), [(e.type, e.targets) for e in art.events]


@pytest.mark.parametrize("text, target", [
    # a party at home criticising a measure no one is named as making criticises the government
    (("The government wants ten new prisons. Liberal Democrat spokesman Tom Varley branded the prison scheme a costly "
      "folly."), "government"),
    # a union's criticism of plans is as often of an employer's: no target
    ("The government wants ten new prisons. The prison officers' union attacked the plans as reckless.", None),
    # a party of another country than the government's: which state's measures it means is not told, none is taken
    ("The Polish government wants ten new prisons. Germany's Social Democrats attacked the measures as too mild.",
     None),
    # the Tories' plans are the Tories'
    ("The government wants ten new prisons. Liberal Democrat spokesman Tom Varley attacked Tory plans as reckless.",
     "Conservative"),
    # a criticised decision is as often a court's
    ("The government wants ten new prisons. Liberal Democrat spokesman Tom Varley attacked the decision as reckless.",
     None),
])
def test_a_partys_criticism_of_a_measure_no_one_is_named_as_making_is_aimed_at_the_government(pipeline, text, target):
    art = extract_at(pipeline, text)
    got = [[art.actor(a).name for a in e.targets] for e in art.events if e.type == "ACCUSE"]
    assert got, [(e.type, e.rule, e.targets) for e in art.events]
    if target is None:
        assert not got[0], got
    else:
        assert target in " ".join(got[0]), got


def test_questions_a_plan_raises_are_no_ones_criticism(pipeline):
    art = extract_at(pipeline, "The EU negotiator said the prime minister's proposals for a customs arrangement raise "
                               "a series of difficult questions.")
    assert not [e for e in art.events if e.type == "ACCUSE"], [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, target", [
    # what critics say is criticism: of whom their title names, or of the actor the statement is about
    (("Critics of the government say it has launched a dozen schemes when what is needed is more teachers."),
     "government"),
    ("The party calls housing its main campaign theme, but critics claim its own record is poor.", "party"),
    # critics of nothing named, saying nothing of anyone: no event
    ("Critics say the weather will improve.", None),
])
def test_what_critics_say_is_criticism(pipeline, text, target):
    art = extract_at(pipeline, text)
    got = [[art.actor(a).name for a in e.targets] for e in art.events if e.type == "ACCUSE"]
    if target is None:
        assert not got, got
    else:
        assert got and target in " ".join(got[0]), [(e.type, e.rule, e.targets) for e in art.events]


def test_what_it_is_time_to_do_is_not_done(pipeline):
    """"It is time for the government to investigate the claims" (found reading bbc-train-724 beside its text):
    advice, the investigation hypothetical."""
    art = extract_at(pipeline, "It is time for the government to investigate the claims.")
    assert not factual_types(art), [(e.type, e.rule, e.aux) for e in art.events]


@pytest.mark.parametrize("text, want", [
    # a that-clause the parser hung on whom a speaker told, or on where it was said, is what was said
    (("The opposition leader, Mara Quist, told the station's morning programme that the government's plans were "
     '"inadequate".'), ["ACCUSE"]),
    ("The finance minister said in an interview with a news agency that the central bank's policy was reckless.",
     ["ACCUSE"]),
    ("Officials told reporters that the talks would resume on Monday.", []),
    # words of criticism that judge another actor's act
    ('The union leader said the ministry had been "careless" with the pension records.', ["ACCUSE"]),
    ("The senator said the governor's handling of the floods was indefensible.", ["ACCUSE"]),
    # the same words where they judge no one
    ("The coach said the weather had been disappointing.", []),
    # questioning whether something was done, or raising doubts about an act, is criticism
    ("Defence lawyers questioned whether the court's rulings had relied on confessions extracted by force.",
     ["ACCUSE"]),
    ("The senator raised doubts about the governor's account of the meeting.", ["ACCUSE"]),
    # doubting what may yet happen is not
    ("Several leaders questioned whether the neighbouring state would take the migrants back.", []),
    # a clash between politicians is one of words; between crowds and police, or troops, it is not
    ("The governor clashed on Friday with the head of the rival referendum campaign.", ["ACCUSE"]),
    ("Protesters clashed with police in the capital.", ["ASSAULT"]),
    ("Rebels clashed with troops near the border.", ["ASSAULT"]),
    # "had to" in reported speech asks an actor to act; a forecast of it, or a need of no one, does not
    ("The senator said the governor had to resign.", ["REQUEST"]),
    ("The opposition believes the minister will have to raise taxes after the election.", []),
    ("The council leader said a way has to be found of keeping the island ferry running.", []),
    # what is shot, or hijacked, must be someone or something: a mind or a possessed thing of no one is not
    ("Angry, the governor said her rival's nerve was shot.", []),
    ("Two soldiers were shot dead at a checkpoint.", ["ASSAULT"]),
    ("The protesters were shot by police.", ["ASSAULT"]),
    # resisting calls is refusing them, playing down an idea denies it; campaigning with a candidate, speaking
    # highly of someone is support
    ("The premier has so far resisted calls for him to fix the date of the vote.", ["REJECT", "REQUEST"]),
    ("The mayor on Monday played down the idea that she had made a pact with the dockers' union.", ["REJECT"]),
    ("The congressman campaigned with the candidate on Wednesday.", ["SUPPORT"]),
    ("The retired general spoke highly of the outgoing premier's honesty.", ["SUPPORT"]),
    # playing down a risk denies no one's claim
    ("Officials played down the risk of an outbreak.", []),
])
def test_read_from_real_articles_on_5_december(pipeline, text, want):
    """What was told, questions and clashes, "had to", what is shot, resisting and campaigning with (5 Dec)."""
    assert_factual(extract_at(pipeline, text), want)


def test_business_news_keeps_workers_protesting(pipeline):
    """A protest by workers or a union is political in business news ("strike", "rally"); a firm's is not an event."""
    from dragoman import extract

    text = BUSINESS + " Thousands of textile workers rallied outside the factory to demand a higher minimum wage."
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "business", art.topic
    assert [e.type for e in art.events if e.type == "PROTEST"] == ["PROTEST"], [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text", [
    "Border guards turned back families seeking asylum at the crossing.",
    "Soldiers found hundreds of villagers seeking shelter in the cathedral.",
])
def test_people_described_as_seeking_asylum_or_shelter_make_no_request(pipeline, text):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert "REQUEST" not in types(art), [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text", [
    "The opposition sought a meeting with the president.",
    "Thousands of Velnan refugees sought asylum in Norway last year.",  # a finite "sought": asking the country
])
def test_seeking_a_meeting_or_asylum_somewhere_is_still_a_request(pipeline, text):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert "REQUEST" in types(art), [(e.type, e.rule) for e in art.events]



@pytest.mark.parametrize("text, want", [
    ("Hundreds of mourners gathered at the cemetery on Tuesday to bury the victims.", []),
    ("Hundreds of mourners gathered outside the governor's office, chanting slogans against the army.", ["PROTEST"]),
])
def test_mourners_gathering_protest_only_when_they_protest(pipeline, text, want):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert [t for t in types(art) if t == "PROTEST"] == want, [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text", [
    "The minister said that anyone who attacks the police will be punished.",
    "Those who help the smugglers break the law, the governor said.",
    "Councils that refuse to build new homes could be fined under the plans.",
])
def test_whoever_does_something_in_a_present_relative_clause_does_no_act(pipeline, text):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert not [e for e in art.events if e.type in ("ASSAULT", "AID", "REJECT")], [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, makers, rejecter", [
    ("The premier rejected the opposition's call for a quota on migrants.", ["opposition"], "premier"),
    ("The president has so far resisted calls for him to name the election day.", [], "president"),
])
def test_a_rejected_call_was_a_request_of_the_rejecter(pipeline, text, makers, rejecter):
    art = extract_at(pipeline, text)
    got = [([art.actor(a).name for a in e.sources], [art.actor(a).name for a in e.targets])
           for e in art.events if e.type == "REQUEST"]
    assert got == [(makers, [rejecter])], [(e.type, e.rule) for e in art.events]
    assert "REJECT" in types(art)


def test_a_rejected_report_is_no_request(pipeline):
    assert "REQUEST" not in types(extract_at(pipeline, "The minister rejected the report."))


def test_a_court_ruling_against_a_plan_rejects_it(pipeline):
    art = extract_at(pipeline, "The appeals court ruled against the governor's immigration plan.")
    ev = next(e for e in art.events if e.type == "REJECT")
    assert [art.actor(a).name for a in ev.targets] == ["governor"], ev


def test_where_a_criticism_was_said_is_not_whom_it_judges(pipeline):
    art = extract_at(pipeline, "The senator claimed the new law would encourage corruption, in an interview on Radio "
                               "Velna.")
    assert not any("Radio Velna" in art.actor(a).name for e in art.events for a in e.targets), \
        [(e.type, e.rule, [art.actor(a).name for a in e.targets]) for e in art.events]


def test_a_conviction_is_the_laws_coercion(pipeline):
    # the guideline codes a conviction as a charge is coded: COERCE by the court of the convicted
    art = extract_at(pipeline, "A court in Orvik convicted the former port director of fraud on Monday.")
    ev = next(e for e in art.events if e.cameo == "116")
    assert ev.type == "COERCE" and "court" in " ".join(art.actor(a).name for a in ev.sources)


def test_saying_it_is_time_for_someone_to_act_asks_them(pipeline):
    art = extract_at(pipeline, "The opposition leader said it was time for the interior minister to resign.")
    ev = next(e for e in art.events if e.type == "REQUEST")
    assert [art.actor(a).name for a in ev.targets] == ["interior minister"], ev
    assert not [e for e in extract_at(pipeline, "The minister said it was time for a change.").events
                if e.type == "REQUEST"]


def test_demanding_assurance_that_something_was_not_done_asks_no_action_against_anyone(pipeline):
    # a denied act in what is demanded is no call for it against someone (CAMEO 113, ACCUSE): a plain demand
    art = extract_at(pipeline, "The senator sought guarantees that the prisoners had not been subjected to torture in "
                               "custody.")
    assert "REQUEST" in types(art) and "ACCUSE" not in types(art), [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text, want", [
    ("The minister said Norway was in danger of panic over the floods.", []),  # a risk warned of
    ("The senator said the governor had been a disappointment to the voters.", ["ACCUSE"]),
])
def test_a_danger_warned_of_judges_no_one_but_a_disappointment_named_does(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    # a clash in a debate or an interview is one of words, whoever clashed
    ("The mayor's two rivals clashed over rents during an hour-long radio interview on Thursday.", ["ACCUSE"]),
    # a crowd, even an opposition's, clashing with police or troops is no exchange of words
    ("Opposition supporters clashed with riot police outside the electoral commission on Monday.", ["ASSAULT"]),
    ("Protesters clashed with security forces near the summit venue on Friday.", ["ASSAULT"]),
    # a war declared on what is no actor is a figure of speech; on a state it is war
    ("The motoring lobby said the coalition had declared war on the suburbs.", []),
    ("The new mayor has declared war on red tape.", []),
    ("The army declared war on the rebels in the north.", ["ASSAULT"]),
    ("Velnia's president declared war on Dorvania on Monday, days after the border raid.", ["ASSAULT"]),
])
def test_clashes_in_debates_and_wars_on_things(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


@pytest.mark.parametrize("text, want", [
    # a joined clause with a subject of its own does not share the first clause's negation
    ("The envoy never reached the border post, but the rebels' spokesman blamed the army for the delay.", ["ACCUSE"]),
    ("Velna's coast guard has not stopped the trawlers, but the fishermen's union urged the navy to patrol the bay.",
     ["REQUEST"]),
])
def test_a_joined_clause_with_its_own_subject_keeps_its_own_modes(pipeline, text, want):
    assert_factual(extract_at(pipeline, text), want)


def test_a_clause_saying_where_a_thing_is_is_not_what_was_urged(pipeline):
    # the strike "where" the market is, is no part of the request: a plain REQUEST, not rallying opposition to Sweden
    art = extract_at(pipeline, "Norway asked Sweden to keep the Svinesund market open, where a strike by porters has gone "
                               "on for a week.")
    ev = next(e for e in art.events if e.evidence and "asked" in art.text[e.evidence[0].trigger[0]:e.evidence[0].trigger[1]])
    assert ev.type == "REQUEST", (ev.type, ev.rule)


def test_sport_news_keeps_an_arrest_by_officers_of_a_body_a_strong_word_names(pipeline):
    """"Officers of the Orsk Internal Security Forces" are a state's people, however weak "officers" is: in a sport
    report their arrest of a player stays; "officers of the supporters' club" are no state's."""
    from dragoman import extract

    text = (SPORT + " Officers of the Orsk Internal Security Forces detained striker Tomas Ruel at the airport on "
            "Sunday. Officers of the supporters' club detained midfielder Ivo Lenk at the airport on Sunday.")
    art = extract(text, published="2024-05-04", pipeline=pipeline)
    assert art.topic is not None and art.topic.label == "sport", art.topic
    held = [" ".join(art.actor(i).name for i in e.targets) for e in art.events if e.type == "COERCE"]
    assert len(held) == 1 and "Tomas Ruel" in held[0], held

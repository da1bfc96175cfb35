"""Who acts on whom, end to end: the real spaCy model, the actor stage and the event coder on sentences written
for these tests.  Each test names the rule it checks; the guards check that a rule leaves alone what it must."""

from __future__ import annotations

import pytest

from dragoman.api_public import extract


def events(pipeline, text: str, type_: str | None = None):
    art = extract(text, pipeline=pipeline)
    evs = [e for e in art.events if type_ is None or e.type == type_]
    return art, evs


def one(pipeline, text: str, type_: str):
    art, evs = events(pipeline, text, type_)
    assert len(evs) == 1, [(e.type, e.rule) for e in art.events]
    return art, evs[0]


def names(art, ids) -> set[str]:
    return {art.actor(i).name for i in ids}


def mentions(art, ids) -> set[str]:
    return {m.text for i in ids for m in art.actor(i).mentions}


def all_mentions(art) -> set[str]:
    return {m.text for a in art.actors for m in a.mentions}


# --- targets that are no participants ---------------------------------------------------------------


def test_a_meeting_where_a_vow_was_made_is_not_its_target(pipeline):
    art, ev = one(pipeline, "At the NATO summit in Vilnius, the Polish defence minister vowed that Warsaw would buy "
                            "more tanks.", "AGREE")
    assert "Polish defence minister" in names(art, ev.sources)
    assert "North Atlantic Treaty Organization" not in names(art, ev.targets)


def test_talks_with_someone_still_name_the_counterpart(pipeline):
    art, ev = one(pipeline, "At talks with the rebels in Addis Ababa, the Ethiopian government offered an amnesty.",
                  "AGREE")
    assert "rebels" in mentions(art, ev.targets)


@pytest.mark.parametrize("text", [
    "The senator promised to expand the Medicaid and Medicare programs.",
    "The senators vowed to abolish the Medicaid program.",
])
def test_a_name_compounded_to_a_programme_is_not_a_target(pipeline, text):
    _art, ev = one(pipeline, text, "AGREE")
    assert ev.sources and not ev.targets


def test_a_known_body_compounded_to_its_plan_is_a_target(pipeline):
    art, ev = one(pipeline, "The Serbian government rejected the EU plan on Monday.", "REJECT")
    assert names(art, ev.targets) == {"European Union"}


@pytest.mark.parametrize("text, office", [
    ("After quitting the job of interior minister in March, Lena Berg accused the cabinet of cowardice.",
     "interior minister"),
    ("Omar Said stepped down as defence minister last week.", "defence minister"),
])
def test_an_office_is_not_an_actor(pipeline, text, office):
    art = extract(text, pipeline=pipeline)
    assert not any(office in m for m in all_mentions(art))


# --- sources the parse hides -----------------------------------------------------------------------


def test_whose_party_is_the_party_of_the_noun_it_hangs_on(pipeline):
    art, ev = one(pipeline, "Ms Jo Hart, whose party rejects the fuel levy, spoke first.", "REJECT")
    assert names(art, ev.sources) == {"Jo Hart"}
    assert not any(m.lower().startswith("whose") for m in all_mentions(art))


def test_an_appositive_name_is_the_subject_not_the_owner(pipeline):
    art, ev = one(pipeline, "Their spokesman, Daniel Osei, condemned the arrests.", "ACCUSE")
    assert names(art, ev.sources) == {"Daniel Osei"}


@pytest.mark.parametrize("text, source", [
    (("The Norwegian government has frozen the assets of three senior officers of the Wagner Group, the Russian "
     "mercenary force fighting in Mali, and barred them from Norwegian territory."), "Norwegian government"),
    (("The Dutch government has seized the property of two leaders of the Hells Angels, the motorcycle gang "
     "accused of extortion, the ministry said."), "Dutch government"),
])
def test_an_appositive_after_the_object_is_not_the_subjects(pipeline, text, source):
    """The parser may hang an apposition to a noun of the object on the subject, across the verb: the subject
    stays who acts."""
    art, evs = events(pipeline, text)
    ev = next(e for e in evs if e.type in ("SANCTION", "COERCE"))
    assert names(art, ev.sources) == {source}, [(e.type, names(art, e.sources)) for e in art.events]


def test_a_conjoined_demand_after_an_opinion_is_the_speakers(pipeline):
    art, ev = one(pipeline, "Mayor Lisa Grant said the budget was fair but appealed to the unions to call off the "
                            "strike.", "REQUEST")
    assert names(art, ev.sources) == {"Lisa Grant"} and "unions" in mentions(art, ev.targets)


def test_a_conjoined_act_keeps_a_thing_as_its_doer(pipeline):
    # the first conjunct acts ("the convoy reached"): its subject is not swapped for the speaker
    art, ev = one(pipeline, "Witnesses said the convoy reached the border and attacked the villagers.", "ASSAULT")
    assert not ev.sources and "villagers" in mentions(art, ev.targets)


def test_the_object_of_with_before_a_participle_is_its_subject(pipeline):
    art, ev = one(pipeline, "Ministers courted the farmers with both Germany and France promising new subsidies.",
                  "AGREE")
    assert names(art, ev.sources) == {"Germany", "France"}


# --- addressees ------------------------------------------------------------------------------------


def test_pleaded_with_someone_parsed_as_a_clause(pipeline):
    # the parser reads "with the ministry to reverse ..." as a clause whose subject is the ministry
    art, ev = one(pipeline, "In an open letter on Friday, the farmers pleaded with the ministry to reverse its "
                            "refusal to compensate flood victims.", "REQUEST")
    assert "farmers" in mentions(art, ev.sources) and "ministry" in mentions(art, ev.targets)


@pytest.mark.parametrize("text", [
    "The union appealed to the ministry to reopen the talks.",
    "The senators called on the governor to resign.",
    "The teachers' union pleaded with the ministry to lift the ban.",
])
def test_an_addressee_parsed_normally_still_is_the_target(pipeline, text):
    _art, ev = one(pipeline, text, "REQUEST")
    assert ev.targets


# --- people named by what they do ------------------------------------------------------------------


@pytest.mark.parametrize("text, type_, source, sector", [
    ("Nurses in Leeds staged a protest over unpaid overtime.", "PROTEST", "Nurses", "MED"),
    ("Dozens of lawyers petitioned the supreme court to halt the executions.", "REQUEST", "lawyers", "JUD"),
    ("Patient advocates accused the regulator of ignoring safety warnings.", "ACCUSE", "Patient advocates", "NGO"),
    ("Healthcare workers protested outside the ministry on Tuesday.", "PROTEST", "Healthcare workers", "MED"),
    ("Critics accused the mayor of wasting public money.", "ACCUSE", "Critics", "OPP"),
])
def test_plural_role_nouns_are_actors(pipeline, text, type_, source, sector):
    art, ev = one(pipeline, text, type_)
    src = [art.actor(i) for i in ev.sources]
    assert [a.name for a in src] == [source] and sector in (src[0].sector, src[0].country)  # NGO: a pseudo-country


def test_a_regulator_is_an_actor(pipeline):
    art, ev = one(pipeline, "Patient advocates accused the regulator of ignoring safety warnings.", "ACCUSE")
    assert "regulator" in mentions(art, ev.targets)


def test_members_of_a_named_body_are_that_body(pipeline):
    art, ev = one(pipeline, "Members of the National Union of Journalists condemned the arrests.", "ACCUSE")
    assert names(art, ev.sources) == {"Members of the National Union of Journalists"}


def test_the_states_a_foreign_minister_visits_are_the_visits_targets(pipeline):
    # (a trip at home to places with nobody met is no visit: tests/test_relevance.py)
    art, ev = one(pipeline, "Canada's trade minister Mark Ellis toured farming regions on Friday, visiting Kansas and Nebraska.",
                  "CONSULT")
    assert names(art, ev.targets) == {"Kansas", "Nebraska"}
    assert all(art.actor(i).country == "USA" for i in ev.targets)


# --- denials and admissions ------------------------------------------------------------------------


def test_the_people_in_a_denied_act_are_not_the_denials_targets(pipeline):
    art, ev = one(pipeline, "The general denied ordering the soldiers to fire on the crowd.", "REJECT")
    assert "general" in mentions(art, ev.sources) and not ev.targets


def test_what_is_admitted_is_no_addressee(pipeline):
    # ("accepted that ..." is an acknowledgement and codes nothing: test_relevance.py)
    art, ev = one(pipeline, "The premier conceded that several ministers had ignored the warnings.", "CONCEDE")
    assert "premier" in mentions(art, ev.sources) and not ev.targets


def test_the_accuser_of_a_denied_accusation_is_still_the_target(pipeline):
    art, ev = one(pipeline, "The rebels denied the government's accusation.", "REJECT")
    assert "government" in mentions(art, ev.targets)


def test_a_demand_is_still_addressed_to_the_subject_of_its_clause(pipeline):
    art, ev = one(pipeline, "The government demanded that the rebels release the hostages.", "REQUEST")
    assert "rebels" in mentions(art, ev.targets)


# --- passives with no one named acting ------------------------------------------------------------


def test_forces_deployed_by_no_one_named_mobilise_themselves(pipeline):
    art, ev = one(pipeline, "Some 500 soldiers were deployed along the border overnight.", "MOBILIZE")
    assert "500 soldiers" in " ".join(names(art, ev.sources)) and not ev.targets


def test_forces_deployed_by_a_named_government_are_mobilised_by_it(pipeline):
    art, ev = one(pipeline, "Hundreds of soldiers were deployed by the Malian government to the northern border.",
                  "MOBILIZE")
    assert "government" in " ".join(names(art, ev.sources)).lower()


def test_a_country_that_jails_on_its_soil_with_no_one_else_named(pipeline):
    art, ev = one(pipeline, "Two aid workers have been jailed in Egypt.", "COERCE")
    assert names(art, ev.sources) == {"Egypt"} and names(art, ev.targets) == {"Two aid workers"}


def test_a_named_jailer_keeps_the_country_as_the_place(pipeline):
    art, ev = one(pipeline, "The suspects were detained by police in Kenya.", "COERCE")
    assert "police" in mentions(art, ev.sources) and "Kenya" not in names(art, ev.sources)


def test_a_city_is_not_made_the_jailer(pipeline):
    _art, ev = one(pipeline, "Two protesters were arrested in Paris on Monday.", "COERCE")
    assert not ev.sources


@pytest.mark.parametrize("text, type_, source", [
    ("The minister resigned after accusing the prime minister of lying.", "ACCUSE", "minister"),
    ("Beijing responded by imposing tariffs on American soybeans.", "SANCTION", "Beijing"),
])
def test_a_participle_after_a_preposition_shares_its_verbs_subject(pipeline, text, type_, source):
    art, ev = one(pipeline, text, type_)
    assert source in mentions(art, ev.sources)


def test_rejecting_a_call_is_aimed_at_the_caller(pipeline):
    art, ev = one(pipeline, "The minister rejected a call for talks from the rebels.", "REJECT")
    assert "minister" in mentions(art, ev.sources) and "rebels" in mentions(art, ev.targets)


@pytest.mark.parametrize("text, group", [
    # the group's name before its own role word ("armed group", "militia"), which the tagger does not tag
    ("Gunmen from the Kataib Sahel al-Gharb armed group stormed a checkpoint near Tadmur on Sunday.",
     "Kataib Sahel al-Gharb"),
])
def test_fighters_of_a_named_armed_group_are_that_groups(pipeline, text, group):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    ev = [e for e in art.events if e.type == "ASSAULT"]
    assert ev, [(e.type, e.rule) for e in art.events]
    assert group in " ".join(art.actor(a).name for a in ev[0].sources)


def test_gunmen_from_a_named_group_are_that_groups(pipeline):
    from dragoman import extract

    art = extract("Gunmen from the Tumba Liberation Front attacked a checkpoint near Mbandaka on Monday.", published="2024-05-04",
                  pipeline=pipeline)
    ev = [e for e in art.events if e.type == "ASSAULT"]
    assert ev, [(e.type, e.rule) for e in art.events]
    assert "Tumba Liberation Front" in " ".join(art.actor(a).name for a in ev[0].sources)


# --- rule: a rejection that names no one answers the earlier accuser (events/response.py) ------------


@pytest.mark.parametrize("text", [
    ("Opposition leader Mara Velk accused the interior minister, Tomas Rein, of hiding the crime figures. "
    "Rein rejected the charge on Tuesday."),
    "Senator Ada Brill accused Tomas Rein of lying about the budget. Rein denied that he had misled voters.",
    # complaints, a diplomatic protest and a figure are claims too
    ("Opposition leader Mara Velk filed complaints against the interior minister, Tomas Rein, on Monday. "
     "Rein rejected the complaints on Wednesday."),
    ("Senator Ada Brill accused the interior minister, Tomas Rein, of doubling the cost of the prisons plan. "
     "Rein rejected the figure."),
])
def test_a_rejection_answers_the_earlier_accuser(pipeline, text):
    art, ev = one(pipeline, text, "REJECT")
    assert "Rein" in mentions(art, ev.sources)
    assert {"Mara Velk", "Ada Brill"} & names(art, ev.targets), names(art, ev.targets)


@pytest.mark.parametrize("text", [
    "Mara Velk praised the budget on Monday. Tomas Rein rejected the criticism.",  # praise is no claim
    "Mara Velk accused the police of racism. Tomas Rein rejected the plan.",  # a plan is not what she said
])
def test_a_rejection_answers_nobody_who_made_no_claim(pipeline, text):
    art, ev = one(pipeline, text, "REJECT")
    assert not ev.targets, names(art, ev.targets)


# --- rule: a refusal that names no one answers whoever asked the refuser (events/response.py: refusals) ------


@pytest.mark.parametrize("text", [
    ("Opposition leader Mara Velk asked the cabinet on Monday to scrap the port levy. "
     "The cabinet has so far refused."),
    ("Senator Ada Brill called on the transport ministry to reopen the rail inquiry. "
     "The ministry said on Friday it would not reopen the inquiry."),
    # the request was made of a part of the government, the refusal is the government's
    ("Opposition leader Mara Velk urged the prime minister to scrap the port levy. The government refused."),
])
def test_a_refusal_answers_whoever_asked_the_refuser(pipeline, text):
    art, evs = events(pipeline, text, "REJECT")
    assert len(evs) == 1, [(e.type, e.rule) for e in art.events]
    assert {"Mara Velk", "Ada Brill"} & names(art, evs[0].targets), (names(art, evs[0].targets), evs[0].rule)


def test_a_refusal_answers_no_request_made_of_someone_else(pipeline):
    # the request was made of a court, not of the refusing party
    art, evs = events(pipeline, "Senator Ada Brill asked the Supreme Court to halt the count. The Dorvan Freedom Party "
                                "refused to concede.", "REJECT")
    assert evs and not any("Ada Brill" in names(art, e.targets) for e in evs), [(e.rule, names(art, e.targets)) for e in evs]


def test_an_election_commission_is_a_state_body_that_answers_a_partys_complaints(pipeline):
    art, ev = one(pipeline, "The Dorvan Freedom Party filed complaints with the election commission on Monday. "
                  "The election commission rejected the complaints on Wednesday.", "REJECT")
    assert [art.actor(a).sector for a in ev.sources] == ["GOV"], mentions(art, ev.sources)
    assert names(art, ev.targets) == {"Dorvan Freedom Party"}, names(art, ev.targets)


@pytest.mark.parametrize("text", [
    # a denial in a relative clause answers the statement it hangs on
    "The treasurer Ada Brill said the Green plans would cost nine billion pounds, which the Greens deny.",
    # "it" stands for what was said before
    "Opposition leader Mara Velk said the ministry had hidden the crime figures. The ministry denied it on Tuesday.",
])
def test_a_denial_of_what_was_said_answers_the_speaker(pipeline, text):
    art, ev = one(pipeline, text, "REJECT")
    assert {"Ada Brill", "Mara Velk"} & names(art, ev.targets), (ev.rule, names(art, ev.targets))


def test_a_denial_of_what_was_just_said_answers_its_speaker_not_an_earlier_accuser(pipeline):
    text = ("Opposition leader Mara Velk accused the Greens of hypocrisy on Monday. The treasurer Ada Brill said on "
            "Tuesday that the Green plans would cost nine billion pounds, which the Greens deny.")
    art, evs = events(pipeline, text, "REJECT")
    assert len(evs) == 1 and names(art, evs[0].targets) == {"Ada Brill"}, [(e.rule, names(art, e.targets)) for e in evs]


def test_a_denial_of_wrongdoing_answers_a_charge_told_earlier_in_the_article(pipeline):
    text = ("Prosecutors charged Mayor Tom Bell with fraud on Monday. The case has divided the city council. "
            "Several councillors called for calm. Local businesses said they were worried. Bell has denied wrongdoing.")
    art, ev = one(pipeline, text, "REJECT")
    assert "Bell" in mentions(art, ev.sources) and names(art, ev.targets) == {"Prosecutors"}, names(art, ev.targets)


def test_a_judgement_of_a_verdict_judges_the_court_that_gave_it(pipeline):
    text = ("The Constitutional Court on Wednesday dissolved the opposition Unity Party. Judge Anan Sorn read the "
            "verdict aloud. Hundreds of supporters wept outside. Some chanted slogans. Human Rights Watch condemned "
            "the verdict.")
    art, evs = events(pipeline, text, "ACCUSE")
    assert evs and names(art, evs[-1].targets) & {"Anan Sorn", "Constitutional Court"}, \
        [(e.type, e.rule, names(art, e.targets)) for e in art.events]


@pytest.mark.parametrize("text, judged", [
    # a decision nothing else names is the last act told: the court's fine
    (("The regional court on Monday fined the Dorvan mayor for breaking campaign rules. The opposition Unity Party "
     "welcomed the decision."), "regional court"),
    # a judgment is the judge's, not that of the lawyer named after him
    (("A High Court judge ruled on Friday that the curfews broke the law. Mr Justice Penrose said the orders were "
     "unlawful. The men's lawyer, Owen Tarrant, said they had suffered for a year. Civil rights group Liberty "
     "welcomed the judgment."), "Penrose"),
    # a ruling refused: the object of the verb the refusal governs
    (("An arbitration tribunal in The Hague found in July that Velnia's case over the islands was unfounded. The "
     "Velnia's leaders refused on Monday to recognise the ruling."), "tribunal"),
])
def test_a_judged_decision_is_aimed_at_whoever_made_it(pipeline, text, judged):
    art = extract(text, pipeline=pipeline)
    evs = [e for e in art.events if e.type in ("SUPPORT", "REJECT")]
    assert evs and any(judged in n for n in names(art, evs[-1].targets)), \
        [(e.type, e.rule, names(art, e.targets)) for e in art.events]


def test_a_decision_judged_is_no_killing_told_before_it(pipeline):
    # guard: "the decision" names something decided, not the killings of the sentence before
    text = "Militants killed four soldiers near Garissa on Monday. The Kenyan opposition condemned the decision."
    art, evs = events(pipeline, text, "ACCUSE")
    assert evs and not any(names(art, e.targets) & {"Militants"} for e in evs), \
        [(e.type, e.rule, names(art, e.targets)) for e in art.events]


@pytest.mark.parametrize("text, side", [
    # a count's range is no pair of parties: of a passive, whom the act was done to
    (("The president will lay a wreath at the memorial in Yerevan on Sunday. Between 1.2 and 1.4 million people, "
      "mainly Armenians, were killed in the deportations."), "targets"),
    ("Between 200 and 300 Hamas fighters attacked the town on Sunday.", "sources"),
])
def test_between_two_numbers_is_a_count_not_the_parties(pipeline, text, side):
    art, evs = events(pipeline, text)
    assert evs and all(not e.reciprocal for e in evs), [(e.type, e.rule, e.reciprocal) for e in evs]
    got = [names(art, getattr(e, side)) for e in evs]
    assert any(any("Armenians" in n or "Hamas" in n for n in g) for g in got), got


@pytest.mark.parametrize("text, target", [
    (("Interior Minister Karl Benn said on Friday that he was outlawing the Kurdistan Workers' Party, which he "
     "described as \"a gang of thugs\"."), "Kurdistan Workers' Party"),
    ("Rebels shelled the Velnish army, which President Ilse Marr condemned as a failing force.",
     "Velnish army"),
])
def test_a_relative_pronoun_object_stands_for_its_noun(pipeline, text, target):
    art, evs = events(pipeline, text, "ACCUSE")
    assert evs and names(art, evs[-1].targets) == {target}, [(e.type, e.rule, names(art, e.targets)) for e in art.events]


def test_a_place_before_a_relative_label_is_not_its_target(pipeline):
    # a label given to a city judges what is done there, not a party to it
    art, evs = events(pipeline, "Russian soldiers patrol Aleppo, which the Syrian opposition council called "
                                "\"a humiliation\".", "ACCUSE")
    assert evs and not any(art.actor(t).kind == "place" for e in evs for t in e.targets), \
        [(e.type, e.rule, names(art, e.targets)) for e in evs]


def test_an_object_pronoun_is_not_its_own_clauses_subject(pipeline):
    art, ev = one(pipeline, "Megan Lind won the primary on Tuesday. Senator Rafa Garza congratulated her.", "SUPPORT")
    assert names(art, ev.targets) == {"Megan Lind"}, names(art, ev.targets)


def test_a_participle_clause_of_a_passive_verb_is_passive(pipeline):
    # "were held for years, accused of spying": the held are the accused, not the accusers
    art, evs = events(pipeline, "The three aid workers were held for two years, accused of spying for Ruritania.", "ACCUSE")
    assert evs, [(e.type, e.rule) for e in art.events]
    assert not evs[0].sources and "aid workers" in " ".join(mentions(art, evs[0].targets))


def test_a_participle_clause_of_a_state_keeps_its_subject(pipeline):
    # guard: "committed to restraint, the party ...": how the party stands, not something done to it
    art, evs = events(pipeline, "Committed to a ceasefire, the Tumba Liberation Front pledged to free all hostages.")
    assert all(not (set(e.targets) & {a.id for a in art.actors if "Tumba" in a.name}) for e in evs), \
        [(e.type, e.rule, names(art, e.sources), names(art, e.targets)) for e in evs]


# --- criticism said in a quote: whom it is said of, and the speaker's words for the government ---------------


@pytest.mark.parametrize("text, type_, target", [
    ('"It is a scandal," Mara Velk said of the ministry\'s handling of the floods.', "ACCUSE", "ministry"),
    ('"It is excellent," Mara Velk said of the ministry\'s handling of the floods.', "SUPPORT", "ministry"),
    ('Mara Velk, the opposition leader, said: "This government is a disgrace."', "ACCUSE", "government"),
    ('"The government has failed pensioners," said Mara Velk, the opposition leader.', "ACCUSE", "government"),
])
def test_a_judgement_in_speech_is_aimed_at_whom_it_is_said_of(pipeline, text, type_, target):
    art, ev = one(pipeline, text, type_)
    assert "Mara Velk" in names(art, ev.sources) and target in mentions(art, ev.targets), names(art, ev.targets)


def test_backbenchers_are_legislators(pipeline):
    art, ev = one(pipeline, "Several Tory backbenchers said the party's strategy had failed.", "ACCUSE")
    assert "Tory backbenchers" in mentions(art, ev.sources) and "party" in mentions(art, ev.targets)


# --- rule: a label in scare quotes is a judgement (accuse/label-criticism) ----------------------------------


@pytest.mark.parametrize("text", [
    'Campaign manager Rosa Vell dismissed the ads as "recycled garbage".',
    'The minister called the ruling "usurpation and blackmail".',
    'Senator Ada Brill called the move "a textbook act of retaliation".',
])
def test_a_label_in_scare_quotes_is_an_accusation(pipeline, text):
    art, evs = events(pipeline, text, "ACCUSE")
    assert evs and evs[0].rule == "accuse/label-criticism", [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text", [
    'Senator Ada Brill called the plan "a bold step forward".',  # praise
    'Ada Brill called the deal "historic".',  # praise
    'Ada Brill called the weather "dreadful".',  # nothing political judged
])
def test_a_label_of_praise_or_of_nothing_political_is_no_accusation(pipeline, text):
    _art, evs = events(pipeline, text, "ACCUSE")
    assert not evs, [(e.type, e.rule) for e in evs]


# --- rule: a judgement of an act told earlier is aimed at its maker (events/response.py owners) --------------


@pytest.mark.parametrize("text, source, target", [
    (("Ruritanian leaders endorsed a draft plan on Friday to offer Vellia 3 billion euros. "
     "The plan was condemned by Amnesty International on Saturday as reckless."), "Amnesty International",
     "Ruritanian leaders"),
    ('The ministry announced a new asylum scheme on Tuesday. The Refugee Council called the scheme "cruel".',
     "Refugee Council", "ministry"),
])
def test_a_judgement_of_an_act_told_earlier_is_aimed_at_its_maker(pipeline, text, source, target):
    art, ev = one(pipeline, text, "ACCUSE")
    assert source in mentions(art, ev.sources) and target in mentions(art, ev.targets), names(art, ev.targets)


def test_a_judgement_of_something_only_talked_about_has_no_maker(pipeline):
    # guard: the plan was first mentioned as what someone discussed, not as what they made
    art, ev = one(pipeline, "Ruritanian leaders discussed the plan on Friday. Amnesty International condemned the plan.",
                  "ACCUSE")
    assert not ev.targets, names(art, ev.targets)


@pytest.mark.parametrize("text", [
    '"This government has abandoned pensioners," Mara Velk said.',
    '"Their policy on housing is a catastrophe," Mara Velk said of the ministry.',
    "Mara Velk said the government was shirking its duty to the flooded towns.",
])
def test_more_words_of_criticism(pipeline, text):
    art, ev = one(pipeline, text, "ACCUSE")
    assert "Mara Velk" in names(art, ev.sources) and ev.targets


# --- rules: who acts and on whom, from the words around the clause ---------------------------------------


@pytest.mark.parametrize("text, type_, source, target", [
    # a refusal told as what will not happen is the speaker's
    ("Interior Minister Paul Varga has said the prisoners will not be released at present.", "REJECT",
     "Paul Varga", "prisoners"),
    # the owner of a decision does what was decided
    ("The party leader said he had been boosted by the union's decision to endorse Labour candidates.", "SUPPORT",
     "union", "Labour Party"),
    # "a group that ...": the group in apposition to a name is the named body
    (("Prices have risen, said Mark Dunn, who heads the Steel Workers Alliance, a group that has applauded some of "
     "the president's trade decisions."), "SUPPORT", "Steel Workers Alliance", "president"),
    # a question demanded is put to whoever it asks about
    ("A woman later identified as Maria Lopez demanded to know whether the governor would give back donations.",
     "REQUEST", "Maria Lopez", "governor"),
    # praising "his handling" praises someone other than the praiser
    ("The premier insisted Mr Varga will keep a key role in the campaign, and praised his handling of the economy.",
     "SUPPORT", "premier", "Varga"),
    ("A man named John Kearns was arrested by police on Tuesday.", "COERCE", "police", "John Kearns"),
])
def test_sources_and_targets_from_the_words_around_the_clause(pipeline, text, type_, source, target):
    art, ev = one(pipeline, text, type_)
    assert source in names(art, ev.sources) and target in names(art, ev.targets), (
        names(art, ev.sources), names(art, ev.targets))


def test_a_refusal_to_do_something_is_not_the_thing_done(pipeline):
    _art, evs = events(pipeline, "Diplomats said the council's refusal to allow the vigil proved it feared the "
                                "opposition.")
    assert not any(e.type == "CONCEDE" for e in evs), [(e.type, e.rule) for e in evs]
    _art, evs = events(pipeline, "The junta's refusal to allow the vigil angered the envoy.")
    assert [e.type for e in evs] == ["REJECT"], [(e.type, e.rule) for e in evs]


def test_who_receives_a_sentence_undergoes_it(pipeline):
    from dragoman import extract

    art = extract("Opposition leader Ivan Petrov was detained in Minsk on Monday. On Friday two activists of his party "
                  "received prison sentences of eight months.", published="2024-05-04", pipeline=pipeline)
    ev = [e for e in art.events if e.type == "COERCE" and art.text[e.evidence[0].trigger[0]:].startswith("sentences")]
    assert ev, [(e.type, e.rule) for e in art.events]
    assert "activists" in " ".join(art.actor(a).name for a in ev[0].targets)
    assert not ev[0].sources


@pytest.mark.parametrize("text, source", [
    ("Merseyside Police said three teenagers were arrested near the ground on Saturday.", {"Merseyside Police"}),
    ("A 28-year-old woman was detained at a flat in Leith on Sunday, the police said.", {"police"}),
    ("The foreign ministry said two of its citizens had been detained in Minsk.", set()),
    ("A police spokesman said four men were arrested in the raid.", set()),
])
def test_the_force_that_reports_an_arrest_made_it(pipeline, text, source):
    """A passive arrest with no one named doing it is the reporting police's or court's; a ministry reporting
    its citizens detained abroad did not detain them, and a spokesman is no arresting body."""
    ev = one(pipeline, text, "COERCE")
    assert names(ev[0], ev[1].sources) == source


@pytest.mark.parametrize("text, source, target", [
    # a participle set off by a comma after the verb is an act of its own, not what the verb governs
    ("Prosecutors had sought a sentence of nine years, accusing the director of hiding income in Panama.",
     {"Prosecutors"}, "director"),
    # "but accused ministers" read as an adjective of a noun conjoined to the verb: the speaker's own act
    (("Labour's home affairs spokesman, Mary Jones, said the opposition would back the order but accused ministers "
     "of acting far too slowly."), {"Mary Jones"}, "ministers"),
    # a speech product's owner speaks through it
    (("Senator Ray Hollis faces a tough race. His newest ad, which began airing last week, accuses his Democratic "
     "rival, Rep. Ann Cole, of voting to cut police funding."), {"Ray Hollis"}, "Ann Cole"),
])
def test_accusations_told_beside_other_acts(pipeline, text, source, target):
    art, ev = one(pipeline, text, "ACCUSE")
    assert names(art, ev.sources) == source
    assert target in names(art, ev.targets)


@pytest.mark.parametrize("text, source", [
    ("The United States and Canada have said they do not recognise the official result.", "United States"),
    ("A spokesman said the government does not accept that the scheme was open to fraud.", "government"),
    ("Pyongyang has demanded that Washington halt military exercises and has rejected Seoul's offers of dialogue.",
     "North Korea (government)"),
    # saying one will not take part or join
    ("The prime minister said on Friday that he would not take part in any televised debate.", "prime minister"),
    ("The Green Party said it would not join the governing coalition.", "Green Party"),
])
def test_refusals_declared_now(pipeline, text, source):
    """Declaring that one does not recognise or accept something, or will not take part or join, is a refusal made
    now; a present perfect conjoined after a demand's complement is the demander's act, not part of what is
    demanded."""
    art, ev = one(pipeline, text, "REJECT")
    assert source in names(art, ev.sources)


def test_taking_questions_or_kindly_to_something_is_no_refusal(pipeline):
    # guard: only "take part" of the verb "take" is a refusal's
    for text in ("The minister will not take questions after the speech.", "Voters will not take kindly to the tax."):
        _, evs = events(pipeline, text, "REJECT")
        assert not evs, (text, [(e.type, e.rule) for e in evs])


def test_one_mocked_in_a_partys_leaflet_is_mocked_by_the_party(pipeline):
    # the leaflet a participle was done in names its maker: the doer of a passive without "by"
    art, ev = one(pipeline, "Dan Okafor, one of the ministers ridiculed in the Green Party leaflet, said he was baffled.",
                  "ACCUSE")
    assert names(art, ev.sources) == {"Green Party"}, (names(art, ev.sources), names(art, ev.targets))


def test_pressure_resisted_for_someone_to_act_is_not_aimed_at_them(pipeline):
    # the clause after "pressure for" is what was demanded; those it names asked nothing
    art, ev = one(pipeline, "Ministers resisted pressure for magistrates to approve the curfew orders.", "REJECT")
    assert not names(art, ev.targets) & {"magistrates"}, names(art, ev.targets)
    # guard: a plea parsed the same way is made to whom it names
    art, ev = one(pipeline, "The unions pleaded with the ministry to lift the ban.", "REQUEST")
    assert names(art, ev.targets) == {"ministry"}, names(art, ev.targets)


def test_whom_a_concession_names_is_not_whom_a_criticism_judges(pipeline):
    art, ev = one(pipeline, "Ann Moss of Liberty said the new law was a travesty and would stay unacceptable even if a "
                            "judge signed the orders.", "ACCUSE")
    assert not any("judge" in n for n in names(art, ev.targets)), names(art, ev.targets)


def test_both_governments_are_two_states_not_a_senator(pipeline):
    text = ("China and the United States suspended trade talks last month. Senator Ann Cole urged China's commerce "
            "ministry to buy more soybeans. Farm unions in Iowa now want both governments to go back to the table.")
    art = extract(text, pipeline=pipeline)
    calls = [e for e in art.events if e.type == "REQUEST" and "both governments" in text[e.evidence[0].start:e.evidence[0].end]]
    assert calls and not any(art.actor(t).kind == "person" for t in calls[0].targets), \
        [(e.type, e.rule, names(art, e.targets)) for e in art.events]


@pytest.mark.parametrize("text, source, target", [
    # a naming, active or passive, is an accusation by the namer, not a telephone call
    ("The Green Party leader called the prime minister a coward in a speech on Friday.", "Green Party leader",
     "prime minister"),
    ("The home secretary was called a liar by the Labour Party on Friday.", "Labour Party", "home secretary"),
    # "by" hung on the label by the parser is still who labels
    ("The budget was branded a shambles by the Green Party on Friday.", "Green Party", None),
])
def test_namings_are_accusations_by_the_namer(pipeline, text, source, target):
    art, ev = one(pipeline, text, "ACCUSE")
    assert names(art, ev.sources) == {source}, (ev.rule, names(art, ev.sources), names(art, ev.targets))
    assert target is None or target in names(art, ev.targets), names(art, ev.targets)
    assert not [e for e in art.events if e.type == "CONSULT"], [(e.type, e.rule) for e in art.events]


def test_who_says_others_are_outraged_by_a_decision_judges_its_maker(pipeline):
    art, ev = one(pipeline, "The chairwoman of the bookmakers' association said her members were outraged by the "
                            "government's decision.", "ACCUSE")
    assert names(art, ev.targets) == {"government"}, names(art, ev.targets)


def test_a_subjunctive_after_insist_is_a_demand(pipeline):
    art, ev = one(pipeline, "The nurses' union insisted that the health minister drop the pay offer.", "REQUEST")
    assert names(art, ev.targets) == {"health minister"}, names(art, ev.targets)
    # guard: what one insists was so is a claim, no demand
    _, evs = events(pipeline, "The minister insisted that the pay offer was fair.", "REQUEST")
    assert not evs, [(e.type, e.rule) for e in evs]


def test_a_firm_not_accepting_cash_is_no_refusal(pipeline):
    _, evs = events(pipeline, "The firm does not accept cash payments.")
    assert not evs


def test_a_call_on_someone_parsed_with_a_particle_is_a_request(pipeline):
    """"called on" with "on" read as a particle that has an object: a request of that object, and what is
    requested (the resignation) is no event of its own."""
    art, ev = one(pipeline, "A UN spokesman said the siege was a war crime, and called on all parties to allow "
                  "access to the town.", "REQUEST")
    assert "parties" in names(art, ev.targets)
    assert not [e for e in art.events if e.type == "RETREAT"]
    _, evs = events(pipeline, "Lawmakers from both parties have called on Ellsworth to resign.")
    assert [e.type for e in evs] == ["REQUEST"]


def test_whose_arrest_it_is_undergoes_it(pipeline):
    """"Reyes's arrest": the owner of what is done to someone undergoes it; told after the arrest, it is the arrest
    told again, not a second one by Reyes."""
    art, evs = events(pipeline, "Police arrested Tom Reyes on Monday. Reyes's arrest followed a long inquiry.",
                      "COERCE")
    assert len(evs) == 1 and names(art, evs[0].sources) == {"Police"}, [(e.rule, e.sources) for e in evs]
    assert names(art, evs[0].targets) == {"Tom Reyes"}


def test_a_condemned_detention_is_not_aimed_at_the_detainee(pipeline):
    """"condemned the activist's detention": the words are aimed at whoever detained her, not at her."""
    art, ev = one(pipeline, "Rights groups condemned the activist's detention.", "ACCUSE")
    assert "activist" not in names(art, ev.targets)
    # told after the arrest, the judgement is aimed at whoever made it
    art, ev = one(pipeline, "Police arrested the activist Sara Klein on Monday. Amnesty International condemned "
                  "Klein's arrest.", "ACCUSE")
    assert names(art, ev.targets) == {"Police"}


# --- attacks in words ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, target", [
    ("The prime minister launched an attack on Labour's spending plans.", "Labour Party"),
    ("The senator launched a tirade against the governor's handling of the floods.", "governor"),
    ("The opposition leader launched a fierce attack on the prime minister.", "prime minister"),
])
def test_an_attack_launched_in_words_is_criticism_of_whom_it_is_on(pipeline, text, target):
    # "launched an attack on" a politician, a party or their plans: criticism, aimed at them
    art, ev = one(pipeline, text, "ACCUSE")
    assert target in names(art, ev.targets)
    assert not [e for e in art.events if e.type == "ASSAULT"]


def test_an_attack_launched_by_an_army_stays_an_attack(pipeline):
    art, ev = one(pipeline, "The army launched an attack on the rebels near the border.", "ASSAULT")
    assert "rebels" in names(art, ev.targets)


@pytest.mark.parametrize("text, place", [
    ("The missile was launched at dawn from waters northeast of Hamhung and flew about 400 kilometres.", "Hamhung"),
    ("Soldiers fired on the convoy from a hill outside Mosul.", "Mosul"),
])
def test_where_a_weapon_was_fired_from_is_not_its_target(pipeline, text, place):
    art = extract(text, pipeline=pipeline)
    assert place in all_mentions(art)  # the place is known ...
    assert not [e for e in art.events if place in mentions(art, e.targets)], [(e.type, e.rule) for e in art.events]


def test_a_protest_that_drew_a_crowd_was_held_by_it(pipeline):
    # "Saturday's protest drew thousands": the protest happened, its crowd (and whoever called it) protested
    art, ev = one(pipeline, "The march drew thousands of people to the main square on Saturday, police said.", "PROTEST")
    assert "people" in " ".join(names(art, ev.sources))


# --- who does what a participle on a noun tells ------------------------------------------------------


@pytest.mark.parametrize("text, type_, doer", [
    ("Riot police detained marchers demanding the reopening of the Velna mine.", "REQUEST", "marchers"),
    ("The guards opened fire on students calling for the governor's resignation.", "REQUEST", "students"),
])
def test_people_a_participle_hangs_on_do_its_act(pipeline, text, type_, doer):
    # "detained marchers demanding ...": the marchers demand, not the police who detained them
    art, ev = one(pipeline, text, type_)
    assert names(art, ev.sources) == {doer}


def test_a_speech_opened_with_is_its_speakers(pipeline):
    # "opened the session with a speech attacking ...": the speaker attacks (after "with", only a thing said)
    art, ev = one(pipeline, "Senator Ilse Marrow opened the session with a speech attacking Governor Tam Riess's "
                            "budget.", "ACCUSE")
    assert names(art, ev.sources) == {"Ilse Marrow"}


def test_a_statement_issued_is_still_its_issuers(pipeline):
    art, ev = one(pipeline, "The dockers' union issued a statement condemning the port authority.", "ACCUSE")
    assert "union" in " ".join(names(art, ev.sources))


def test_the_protest_said_to_be_organised_by_someone_is_the_one_told_before(pipeline):
    # "The demonstration was organised by X": the march told before, and who called it (one event, both marchers)
    art, ev = one(pipeline, "Hundreds of dock workers marched through Velmar on Friday. The demonstration was "
                            "organised by the Coastal Dockers Federation.", "PROTEST")
    assert {"dock workers", "Coastal Dockers Federation"} <= {n.replace("Hundreds of ", "") for n in names(art, ev.sources)}


def test_those_who_signed_at_the_end_of_a_meeting_met(pipeline):
    art, ev = one(pipeline, "The accord was signed in Velna by Foreign Minister Ivo Marek and his Dorvan counterpart, "
                            "Lena Sova, at the end of a meeting that lasted four hours.", "CONSULT")
    assert names(art, ev.sources) | names(art, ev.targets) == {"Ivo Marek", "Lena Sova"}


def test_one_of_someones_colleagues_is_not_that_someone(pipeline):
    # "one of her colleagues" names no actor: not the "her" it belongs to, nor the speaker
    art, evs = events(pipeline, "Senator Mara Kell said one of her colleagues had called the Velnan ambassador a liar.",
                      "ACCUSE")
    assert not any("Mara Kell" in names(art, e.sources) for e in evs), [(e.rule, names(art, e.sources)) for e in evs]


def test_some_of_the_protesters_are_the_protesters(pipeline):
    art, ev = one(pipeline, "Some of the protesters attacked the riot police.", "ASSAULT")
    assert names(art, ev.sources) == {"protesters"}


def test_a_group_saying_it_carried_out_the_raid_claims_it(pipeline):
    # "X later said it had carried out the raid": a claim in other words; the militants' attack is X's
    art, ev = one(pipeline, "Militants attacked the Orvan police station on Sunday night, killing six policemen. "
                            "In a message to reporters, the outlawed militant group Tehreek-ul-Nasr said it had carried out "
                            "the raid.", "ASSAULT")
    assert names(art, ev.sources) == {"Tehreek-ul-Nasr"}


def test_the_march_organised_by_someone_set_after_it_is_the_one_told_before(pipeline):
    art, ev = one(pipeline, "Thousands of rice growers marched to the farm ministry on Sunday. The march, organised by "
                            "the Velnan Growers Alliance, set off from the main station.", "PROTEST")
    assert "Velnan Growers Alliance" in names(art, ev.sources)


def test_someone_shown_doing_something_does_it(pipeline):
    art, ev = one(pipeline, "The clip showed Mr Tavik pleading with the Velnan army to pull its units out of the port.",
                  "REQUEST")
    assert names(art, ev.sources) == {"Tavik"}


@pytest.mark.parametrize("text, source, target", [
    # the state named in the "from" phrase held the freed: it lets them go, no target of its own act
    ("Two aid workers were released from an Iranian jail on Friday.", {"Iran"}, {"Two aid workers"}),
    # a "from" phrase further in, of their return, names neither
    ("The journalists were released without charge by Kenyan police on their return from Somalia.",
     {"Kenyan police"}, {"journalists"}),
])
def test_whom_the_freed_are_released_from_holds_them(pipeline, text, source, target):
    ev = one(pipeline, text, "RETREAT")
    assert names(ev[0], ev[1].sources) == source and names(ev[0], ev[1].targets) == target, \
        (names(ev[0], ev[1].sources), names(ev[0], ev[1].targets))


@pytest.mark.parametrize("text, target", [
    # people no role word names, addressed by a call, are its target
    ("The African Union called on all sides to lay down their arms in Velna.", "sides"),
    ("The party chairman urged both candidates to keep their fire on the governor.", "candidates"),
    ("The ministry pressed exporters to register their shipments with customs.", "exporters"),
    ("The UN envoy urged the two sides to resume talks in Geneva.", "two sides"),
])
def test_people_addressed_by_a_call_are_its_target(pipeline, text, target):
    art, ev = one(pipeline, text, "REQUEST")
    assert target in names(art, ev.targets), (ev.rule, names(art, ev.targets))


def test_things_ordered_are_not_people_addressed(pipeline):
    from dragoman import extract

    art = extract("The energy minister ordered the heaters switched off in every public building.", published="2024-05-04",
                  pipeline=pipeline)
    assert not [a.name for e in art.events for a in map(art.actor, e.targets) if a and "heaters" in a.name]


# --- whom testimony, pleas and judgements of violence are aimed at (6 Dec, night) --------------------------


@pytest.mark.parametrize("text, target", [
    ("Deputy Minister Ilvo Kask testified before the Parliamentary Audit Committee that the contracts were lawful.",
     "Parliamentary Audit Committee"),
    ("Deputy Minister Ilvo Kask testified to the Senate Ethics Committee on Wednesday.", "Senate Ethics Committee"),
])
def test_whom_testimony_is_given_to_is_its_target(pipeline, text, target):
    art, ev = one(pipeline, text, "COOPERATE")
    assert names(art, ev.sources) == {"Ilvo Kask"}
    assert target in names(art, ev.targets)


@pytest.mark.parametrize("plea", ["Tamsin Orley pleaded not guilty on Friday.",
                                  "Tamsin Orley denied fraud at the opening of her trial on Friday."])
def test_a_defendants_plea_answers_the_prosecution(pipeline, plea):
    art, ev = one(pipeline, "Prosecutors in Marrow County say the former treasurer, Tamsin Orley, moved school funds "
                            "into her own accounts. A judge set bail at $40,000. " + plea, "REJECT")
    assert names(art, ev.sources) == {"Tamsin Orley"}
    assert mentions(art, ev.targets) & {"Prosecutors", "Prosecutors in Marrow County"}


def test_condemning_a_bombing_is_aimed_at_the_bombers_not_at_whom_a_conjoined_call_asks(pipeline):
    art, evs = events(pipeline, "Fighters of the Sable Hill Front bombed a bus depot in Orvano on Tuesday, killing "
                                "six drivers. Governor Petra Lund condemned the bombing and urged the national "
                                "government to send more police.")
    condemn = [e for e in evs if e.type == "ACCUSE"]
    assert len(condemn) == 1
    assert "national government" not in names(art, condemn[0].targets)
    assert "Sable Hill Front" in " ".join(names(art, condemn[0].targets))


def test_a_welcomed_measure_still_lets_a_conjoined_call_name_the_government(pipeline):
    art, ev = one(pipeline, "The Dockworkers' Federation welcomed the port subsidy and urged the government to widen it "
                            "to ferry crews.", "SUPPORT")
    assert "government" in names(art, ev.targets)


def test_a_second_party_the_parser_hung_on_the_first_ones_title_meets_and_the_venue_is_no_party(pipeline):
    art, ev = one(pipeline, "Ilse Varga, Velnia's foreign minister, and Tomas Brek, Dorvan's top diplomat since "
                            "the spring, met on Monday at the Ministry of Trade in the Velnian capital.",
                  "CONSULT")
    assert names(art, ev.sources) | names(art, ev.targets) >= {"Ilse Varga", "Tomas Brek"}
    assert "Ministry of Trade" not in names(art, ev.sources) | names(art, ev.targets)


def test_a_country_an_attack_in_words_is_about_is_not_its_target(pipeline):
    art, ev = one(pipeline, "Union leader Karin Oster attacked the cabinet over Syria during a speech on Sunday.", "ACCUSE")
    assert "cabinet" in names(art, ev.targets)
    assert not any(art.actor(a).kind == "country" for a in ev.targets), names(art, ev.targets)


def test_an_organiser_named_in_a_participle_set_before_the_protest_is_its_source(pipeline):
    art, ev = one(pipeline, "Organised by the Tarvo Beekeepers' League, some 2,000 growers marched to the farm ministry "
                            "in Velmar on Friday.", "PROTEST")
    assert "Tarvo Beekeepers' League" in names(art, ev.sources)


def test_the_body_the_arresting_officers_belong_to_is_on_their_side_not_arrested(pipeline):
    art, ev = one(pipeline, "Dana Orlik was arrested in Velmar on Monday by officers of the national police's "
                            "customs unit.", "COERCE")
    assert names(art, ev.targets) == {"Dana Orlik"}
    assert "national police" in names(art, ev.sources)


def test_a_victim_named_in_a_clause_told_of_the_weapon_stays_off_the_doers_side(pipeline):
    art, ev = one(pipeline, "Pavel Strand was killed by a bomb planted near the home of the regional governor.",
                  "ASSAULT")
    assert "regional governor" not in " ".join(names(art, ev.sources))


@pytest.mark.parametrize("text, arrested", [
    ("Plain-clothes police picked up the blogger Irena Balk outside her flat on Monday.", True),
    ("Security agents picked up three students near the campus in Velmar on Monday.", True),
    # the police's phone, a party's votes: no one taken
    ("The police chief picked up the phone and called the mayor of Velmar.", False),
])
def test_someone_picked_up_by_security_forces_is_arrested(pipeline, text, arrested):
    _, evs = events(pipeline, text)
    assert any(e.type == "COERCE" for e in evs) is arrested


def test_the_protest_said_to_be_called_by_someone_joins_the_one_held_not_its_purpose(pipeline):
    art, evs = events(pipeline, "Thousands of beekeepers rallied outside the farm ministry on Friday, blocking the road "
                                "for hours to protest against the pesticide rules. The demonstration was called by the "
                                "Velmar Apiarists Union.")
    held = [e for e in evs if e.type == "PROTEST" and not e.aux.hypothetical]
    assert len(held) == 1 and "Velmar Apiarists Union" in names(art, held[0].sources), [(e.aux, names(art, e.sources)) for e in evs]


def test_the_one_a_video_shows_pleading_is_who_pleads(pipeline):
    art, ev = one(pipeline, "A video released by the kidnappers shows Mrs Okafor pleading with the Velnan government "
                            "to withdraw its troops.", "REQUEST")
    assert names(art, ev.sources) == {"Okafor"} and names(art, ev.targets) == {"Velnan government"}


def test_the_body_a_crowd_marches_under_the_banner_of_called_the_march(pipeline):
    art, ev = one(pipeline, "Thousands of nurses marched through Lusaka under the banner of the Zambia Union of Nurses "
                            "on Monday.", "PROTEST")
    assert "Zambia Union of Nurses" in names(art, ev.sources)


def test_a_part_set_off_by_commas_is_not_the_subject(pipeline):
    art, ev = one(pipeline, "The demonstrators, most of them students, marched to parliament on Monday against fee rises.",
                  "PROTEST")
    assert names(art, ev.sources) == {"demonstrators"}


def test_a_spokesman_in_apposition_who_charged_that_accuses(pipeline):
    # the parser reads "charged" as "the spokesman (who was) charged" and hangs the that-clause on the noun
    art, ev = one(pipeline, "The province's spokesman, Dario Kell, charged at a news conference in Orvik that Velnan "
                            "soldiers had crossed the border.", "ACCUSE")
    assert names(art, ev.sources) == {"Dario Kell"} and names(art, ev.targets) == {"Velnan soldiers"}


def test_hitting_someone_for_what_they_did_is_criticism(pipeline):
    art, ev = one(pipeline, "The opposition party hit the government for raising fuel taxes.", "ACCUSE")
    assert names(art, ev.sources) == {"opposition party"} and names(art, ev.targets) == {"government"}


def test_a_crowd_that_blocks_an_avenue_protests_and_the_avenue_is_no_one(pipeline):
    art, ev = one(pipeline, "Hundreds of delivery riders blocked Avenida Central in San Jose on Monday to demand higher "
                            "fees.", "PROTEST")
    assert names(art, ev.sources) == {"delivery riders"}
    assert not [a for a in art.actors if "Avenida" in a.name]
    assert next(a for a in art.actors if a.name == "delivery riders").sector == "LAB"


def test_judging_the_study_named_before_with_its_author_judges_the_author(pipeline):
    art, ev = one(pipeline, "A study by the Orvik Institute found rents had doubled. The housing minister criticised "
                            "the study on Tuesday.", "ACCUSE")
    assert names(art, ev.targets) == {"Orvik Institute"}
    art, ev = one(pipeline, "The minister welcomed the report.", "SUPPORT")
    assert not ev.targets  # a report named with no author: no one


def test_a_report_judged_long_after_it_was_named_with_its_author_judges_the_author(pipeline):
    text = ("A report by the Tarrow Audit Commission found the ferry contract had run two years late. "
            "It said officials had ignored warnings. The transport department paid the operator twice. "
            "Opposition members asked questions in the assembly on Monday. Ministers said the contract would be "
            "reviewed. The operator declined to comment. Several councils have also raised complaints. "
            "A department spokeswoman said: \"We welcome the report and will act on it.\"")
    art, ev = one(pipeline, text, "SUPPORT")
    assert names(art, ev.targets) == {"Tarrow Audit Commission"}, names(art, ev.targets)


@pytest.mark.parametrize("text, verb, sources, targets", [
    # the parties of what is sought or rejected are whom it is asked of or aimed at, not the askers
    (("The interior minister, Hallam Pryce, said he was seeking accords between several African governments and "
      "Britain."), "REQUEST", {"Hallam Pryce"}, {"African governments", "United Kingdom"}),
    ("The rebels rejected the truce between the army and the militias.", "REJECT", {"rebels"}, {"army", "militias"}),
])
def test_the_parties_of_a_sought_or_rejected_accord_are_its_targets(pipeline, text, verb, sources, targets):
    from dragoman import extract

    art = extract(text, published="2024-05-04", pipeline=pipeline)
    got = [({art.actor(a).name for a in e.sources}, {art.actor(a).name for a in e.targets})
           for e in art.events if e.type == verb]
    assert got and got[0][0] == sources and all(any(t in n for n in got[0][1]) for t in targets), got


# --- rule: a news outlet something is said to is no target (events/clauses.py told_the_press) --------------------


@pytest.mark.parametrize("text", [
    "Senator Ada Brill renewed her criticism at the weekend, telling CNN that the governor was a fraud.",
    "Senator Ada Brill told the BBC that the governor's plan was reckless and cruel.",
])
def test_the_outlet_an_interview_is_given_to_is_no_target(pipeline, text):
    art, evs = events(pipeline, text, "ACCUSE")
    assert evs and not any({"CNN", "BBC"} & names(art, e.targets) for e in evs), [(e.rule, names(art, e.targets)) for e in evs]


# --- rule: a relative clause denying what its noun says is news (coder._denial_of_which) -----------------------


@pytest.mark.parametrize("text, source", [
    (("Newspapers have reported a quarrel between the foreign minister and the Treasury over the budget, which "
     "the Elysee has denied."), "Elysee"),
    ("Police said Omar Haddad was being held on charges of sedition, which he denies.", "Omar Haddad"),
])
def test_a_denial_told_in_a_relative_clause_is_coded(pipeline, text, source):
    art, evs = events(pipeline, text, "REJECT")
    assert evs and source in names(art, evs[0].sources), [(e.type, e.rule, names(art, e.sources)) for e in art.events]


def test_a_client_denying_a_charge_is_a_person_not_a_thing(pipeline):
    # "client" is one of the words for people (actors/data/people.txt): its verbs are acts, not a thing's doing
    art, evs = events(pipeline, 'Defence lawyer Ana Ruiz told reporters that her client denies every count.', "REJECT")
    assert evs, [(e.type, e.rule) for e in art.events]


@pytest.mark.parametrize("text", [
    "Senator Tom Hale voiced criticism of the way Governor Ana Lind handled the crisis.",
    "Senator Tom Hale repeated his criticism of the way Governor Ana Lind brought in the rules.",
])
def test_criticism_of_the_way_someone_acted_is_aimed_at_them(pipeline, text):
    art, evs = events(pipeline, text, "ACCUSE")
    assert evs and names(art, evs[0].targets) == {"Ana Lind"}, [(e.rule, names(art, e.targets)) for e in evs]


# --- rule: a retort that names no one is aimed at whoever attacked the retorter (events/response.py: retorts) -------


def test_a_retort_is_aimed_at_the_attacker(pipeline):
    art, evs = events(pipeline, "Senator Ada Brill accused Governor Tom Hale of lying about the budget. Hale hit back on "
                                "Tuesday, saying the senator had voted for the cuts.", "ACCUSE")
    retort = [e for e in evs if "hit-back" in (e.rule or "")]
    assert retort and names(art, retort[0].targets) == {"Ada Brill"}, [(e.rule, names(art, e.targets)) for e in evs]


def test_a_retort_with_no_attack_told_is_aimed_at_no_one(pipeline):
    art, evs = events(pipeline, "Senator Ada Brill visited the port on Monday. Governor Tom Hale hit back on Tuesday, "
                                "saying the senator had voted for the cuts.", "ACCUSE")
    retort = [e for e in evs if "hit-back" in (e.rule or "")]
    assert retort and not retort[0].targets, [(e.rule, names(art, e.targets)) for e in evs]

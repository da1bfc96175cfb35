"""The ``merge`` suite: does the store make one event of one happening, and never one of two?

Two measures (``dragoman eval merge``):

- **real pages**: the pages of ``real_pages/`` (nearly every one a different story) coded and ingested
  into one temporary store.  Pages telling the same story are grouped by hand in
  ``data/real_pages.yaml`` (``same_story``); a merged event whose articles are not all of one group
  joins different stories.  ``real_pages_wrong_share`` is their share of the merged events.  The counts
  ``candidate_pairs`` (``candidate_pairs_same_story``) say how many pairs of events of different pages
  the rules had to judge (same type, a participant key shared): the measure's power.
- **written set**: ``data/merge_set.jsonl``, articles written for the project in which some
  happenings are told by 2–4 differently worded articles and similar-but-different happenings (the
  same pair meeting a week apart, two attacks in one city on one day, two ministers accusing one
  country) must stay apart.  Each article names its main happening and its PLOVER type (with ``also``, the
  other types a careful coder could defend, as in ARTICLE-CODING.md).  Article
  events are mapped to happenings by (article, type); a pair of articles merged in one event is
  right when they map to the same happening.  Precision over the merged pairs, recall over the
  pairs of articles that tell one happening.
- **validation set**: ``data/merge_set_validation.jsonl``, a second written set (other countries, actors
  and topics; see its ``.md``) scored the same way and reported as ``validation_precision`` and
  ``validation_recall``.  Merge rules are tuned on the written set only; the validation set shows
  whether they hold on articles they were not written for.
- **holdout set**: ``data/merge_set_holdout.jsonl``, a third, small written set (13 articles) written after
  the last rule change and never tuned on: ``holdout_precision``, ``holdout_recall``.
- **holdout2 set**: ``data/merge_set_holdout2.jsonl``, 40 articles in the long form of real reports (4-7
  paragraphs, two outlets per happening, a decoy beside each pair), written blind to dragoman by two helpers:
  ``holdout2_precision``, ``holdout2_recall``.  Its articles have been read to find the coder's errors.
- **holdout3 set**: ``data/merge_set_holdout3.jsonl``, 40 more such articles by two other helpers, kept unread:
  ``holdout3_precision``, ``holdout3_recall``.
- **holdout4 set**: ``data/merge_set_holdout4.jsonl``, 40 more (7 meeting pairs, 7 of other types, 12 decoys),
  written later the same day and kept unread: ``holdout4_precision``, ``holdout4_recall``.
- **holdout5 set**: ``data/merge_set_holdout5.jsonl``, 40 reports of meetings only (15 meetings each told by two
  outlets of different styles — wire copy, state agency, ministry release, broadsheet — with other name forms and
  transliterations, 8 look-alike meetings and 2 acts of other types by the same people), written blind on
  3 Dec 2026 and committed before its first run: ``holdout5_precision``, ``holdout5_recall``.  It measures what
  issue 14's held-out check asks of a pair of outlets reporting one meeting.  It was read on 4 Dec 2026 to find
  the coder's errors (name forms, titles, post-nominals), so it is no longer blind.
- **holdout6 set**: ``data/merge_set_holdout6.jsonl``, 40 reports of seven types (14 happenings each told by two
  outlets, 12 decoys), written blind on 4 Dec 2026 and committed before its first run: ``holdout6_precision``,
  ``holdout6_recall``.  It was read on 5 Dec 2026 to find the merge rules' errors (names given with initials or
  transliterated two ways), so it is no longer blind.
- **holdout7 set**: ``data/merge_set_holdout7.jsonl``, 40 reports of seven types (16 happenings told by two outlets
  each, two of them agreements signed at a meeting the same pair reports; 12 decoys), written blind on 5 Dec 2026
  and committed before its first run: ``holdout7_precision``, ``holdout7_recall``.  It was read on 5 Dec 2026 (the
  session after) to find why pairs were missed (Spanish names cut in two, armed groups described, not named), so
  it is no longer blind.
- **holdout8 set**: ``data/merge_set_holdout8.jsonl``, 40 reports of seven types (16 happenings told by two outlets
  each, 12 decoys), written blind on 5 Dec 2026 from holdout7's brief and committed before its first run:
  ``holdout8_precision``, ``holdout8_recall``.  It was read later that day to find why pairs were missed (armed
  groups named after their kind, "its fighters", sit-ins), so it is no longer blind.
- **holdout9 set**: ``data/merge_set_holdout9.jsonl``, 40 more reports of seven types from the same brief (other
  regions; the acts worded differently by the two outlets), written blind on 5 Dec 2026 and committed before its
  first run: ``holdout9_precision``, ``holdout9_recall``.  It was read on 5 Dec 2026 (the session after), once
  holdout10 had been written, to find why pairs were missed, so it is no longer blind.
- **holdout10 set**: ``data/merge_set_holdout10.jsonl``, 40 more reports of seven types from the same brief (other
  regions; the acts worded differently; some day-after reports lead with a reaction and tell the happening later),
  written blind on 5 Dec 2026 and committed before its first run: ``holdout10_precision``, ``holdout10_recall``.
  It was read later that day, once holdout11 had been written, to find why pairs were missed, so it is no longer
  blind.
- **holdout11 set**: ``data/merge_set_holdout11.jsonl``, 40 more reports of seven types from the same brief (other
  regions; officials named by title only after the first mention, places by district, an agreement called
  differently by the two outlets), written blind on 5 Dec 2026 and committed before its first run:
  ``holdout11_precision``, ``holdout11_recall``.  It was read in the evening of 5 Dec 2026, once holdout12 had
  been written, to find why pairs were merged wrongly or missed, so it is no longer blind.
- **holdout12 set**: ``data/merge_set_holdout12.jsonl``, 40 more reports of seven types from the same brief (other
  regions; organisations named by acronym in one outlet, a calendar date under another city's dateline, the actor
  named only late, a spokesperson telling the happening, a decoy from its pair's outlet and city), written blind
  on 5 Dec 2026 and committed before its first run: ``holdout12_precision``, ``holdout12_recall``. It was read
  early on 6 Dec 2026, once holdout13 had been written, to find why pairs were merged wrongly or missed, so it is
  no longer blind.
- **holdout13 set**: ``data/merge_set_holdout13.jsonl``, 40 more reports of seven types from the same brief (other
  regions; the host of a meeting as subject in one report and the visitor in the other, a late-evening happening
  told as "late on Tuesday", an accusation or demand told only as a ministry's statement, a nickname in one report,
  a phone call as a decoy), written blind on 5 Dec 2026 and committed before its first run:
  ``holdout13_precision``, ``holdout13_recall``. It was read on 6 Dec 2026, once holdout14 had been written, to
  find why pairs were missed, so it is no longer blind.
- **holdout14 set**: ``data/merge_set_holdout14.jsonl``, 40 more reports of seven types from the same brief (other
  regions; a later report two days after, dated by weekday only; an organisation named by its initials or a
  translated name in one report; three or more officials meeting, only two named in one report; the act in the
  passive in one report; a decoy meeting of the two officials' deputies), written blind on 6 Dec 2026 and
  committed before its first run: ``holdout14_precision``, ``holdout14_recall``. It was read on 6 Dec 2026, while
  holdout15 was being written blind, to find why pairs were missed, so it is no longer blind.
- **holdout15 set**: ``data/merge_set_holdout15.jsonl``, 40 more reports of seven types from the same brief (other
  regions; a landmark or district in one report, the city only in the other; a day-after report telling the
  happening only in a clause of another sentence; a written date against "late on Monday"; a ministry's own press
  release; a phone call and the same group protesting in another city as decoys), written blind on 6 Dec 2026 and
  committed before its first run: ``holdout15_precision``, ``holdout15_recall``. It was read on 6 Dec 2026, once
  holdout16 had been written blind, to find why pairs were missed or merged wrongly, so it is no longer blind.
- **holdout16 set**: ``data/merge_set_holdout16.jsonl``, 40 more reports of seven types from the same brief (other
  regions; a meeting told by a noun phrase only, host and guest in the other order; a feature telling the happening
  in its last paragraphs; a local-language title in one report; a different group protesting in the same city and
  the same official accusing another country the same day as decoys), written blind on 6 Dec 2026 and committed
  before its first run: ``holdout16_precision``, ``holdout16_recall``. It was read on 6 Dec 2026, once holdout17
  had been written blind, to find why pairs were missed or merged wrongly, so it is no longer blind.
- **holdout17 set**: ``data/merge_set_holdout17.jsonl``, 40 more reports of seven types from the same brief (other
  regions; a government release in the passive voice; a village or district in one report, the province or city in
  the other; an attack's perpetrator unnamed in the first report, named by a claim or a blame in the second; a nom
  de guerre against a full name; an evening happening told "late on Monday"; the same group protesting again a week
  later and the same armed group attacking the day before as decoys), written blind on 6 Dec 2026 and committed
  before its first run: ``holdout17_precision``, ``holdout17_recall``. It was read on 6 Dec 2026, once holdout18
  had been written blind, to find why pairs were missed, so it is no longer blind.
- **holdout18 set**: ``data/merge_set_holdout18.jsonl``, 40 more reports of seven types from the same brief (other
  regions; a crowd named generically against its organising group; an official by title and country against name
  and title; a written date against "last Thursday" several days later; a participant's first-person account;
  different figures and a district against a nearby town; a phone call the day after a meeting and another armed
  group attacking the same town the same day as decoys), written blind on 6 Dec 2026 and committed before its first
  run: ``holdout18_precision``, ``holdout18_recall``. It was read on 6 Dec 2026, once holdout19 had been written
  blind, to find why pairs were missed or merged wrongly, so it is no longer blind.
- **holdout19 set**: ``data/merge_set_holdout19.jsonl``, 40 more reports of seven types from the same brief (other
  regions; an armed group by its acronym against its full name; a paper calling its own country's officials without
  the country; a late-night happening dated on the next day abroad; a name written surname-first; a day-after report
  telling the happening through its consequence; the same group protesting in another city the same day and other
  ministers of the same two countries meeting the same day as decoys), written blind on 6 Dec 2026 and committed
  before its first run: ``holdout19_precision``, ``holdout19_recall``. It was read on 6 Dec 2026, once holdout20 had
  been written blind, to find why pairs were missed or merged wrongly, so it is no longer blind.
- **holdout20 set**: ``data/merge_set_holdout20.jsonl``, 40 more reports of seven types from the same brief (other
  regions; a meeting placed at its venue against its city; a spokesperson's account against the minister's own; a
  protest group named against described by its members and cause; a local-language title; different tolls, crowd
  sizes and times of day; another armed group attacking the same town the same day, the same official accusing
  another country the same day and the two countries' leaders meeting the day before as decoys), written blind on
  6 Dec 2026 and committed before its first run: ``holdout20_precision``, ``holdout20_recall``. It was read on 6 Dec
  2026, once holdout21 had been written blind, to find why pairs were missed or merged wrongly, so it is no longer
  blind.
- **holdout21 set**: ``data/merge_set_holdout21.jsonl``, 40 more reports of seven types from the same brief (other
  regions; one report of a pair told in a regional roundup of short items; a detained person named in one lead and
  described first in the other; an armed group or a movement by its acronym against its full name; a protest placed
  by a landmark under a dateline against its city; a government press release; the same group protesting in another
  city the same day and the same two ministers speaking by telephone two days after their meeting as decoys),
  written blind on 6 Dec 2026 and committed before its first run: ``holdout21_precision``, ``holdout21_recall``. It
  was read on 6 Dec 2026, once holdout22 had been written blind, to find why pairs were missed or merged wrongly, so
  it is no longer blind.
- **holdout22 set**: ``data/merge_set_holdout22.jsonl``, 40 more reports of seven types from the same brief (other
  regions; one report of a pair written as a live-updates page; one as a state news agency's story in translated
  English with other transliterations; an attack blamed on gunmen in one report and on a named group in the other;
  a happening told in its second report through its outcome or a participant's later comment; a second attack in
  the same city the same day and another country's official accusing the same country the same day as decoys),
  written blind on 6 Dec 2026 and committed before its first run: ``holdout22_precision``, ``holdout22_recall``. It
  was read on 7 Dec 2026, once holdout23 had been written blind, to find why pairs were missed or merged wrongly, so
  it is no longer blind.
- **holdout23 set**: ``data/merge_set_holdout23.jsonl``, 40 more reports of seven types from the same brief (other
  regions; a meeting held by telephone; one report dated from the other side's capital and told from its side; the
  acting side named by its office in one report and by its force in the other; a ministry's own press release; the
  same group protesting again in the same city a week later and the same police detaining the same person, or a
  relative, months later as decoys), written blind on 7 Dec 2026 and committed before its first run:
  ``holdout23_precision``, ``holdout23_recall``. It was read on 7 Dec 2026, once holdout24 had been written blind,
  to find why pairs were missed or merged wrongly, so it is no longer blind.
- **holdout24 set**: ``data/merge_set_holdout24.jsonl``, 40 more reports of seven types from the same brief (other
  regions; an attack whose first report does not yet know who acted; a protesting crowd named by its trade in one
  report and by the union that called it in the other; an official named by title alone throughout one report; a
  day-after analysis that tells the happening in passing; a counter-protest by another group in the same city the
  same day and an agreement signed by the same two countries' other ministers a week later as decoys), written
  blind on 7 Dec 2026 and committed before its first run, unread but for its titles (printed once when it was
  assembled): ``holdout24_precision``, ``holdout24_recall``. It was read later on 7 Dec 2026, once holdout26 had been
  written blind, to find why pairs were missed or merged wrongly, so it is no longer blind.
- **holdout25 set**: ``data/merge_set_holdout25.jsonl``, 40 more reports of seven types from the same brief (other
  regions; a joint statement of both governments; a day told as a calendar date in one report and as a weekday in
  the other; the acting body named by its initials alone in one report; the people arrested or attacked named only
  in the second report; the same two leaders meeting at a summit in a third country the same week and the same
  armed group attacking the same town a month before as decoys), written blind on 7 Dec 2026, assembled without
  printing it and committed before its first run: ``holdout25_precision``, ``holdout25_recall``. It was read on 7 Dec
  2026, once holdout26 had been written blind, so it is no longer blind.
- **holdout26 set**: ``data/merge_set_holdout26.jsonl``, 40 more reports of seven types from the same brief (other
  regions; a happening told in one report only in reported speech; an act told in the passive in one report and in
  the active in the other; a happening late at night, "late on" one day in one report and "in the early hours" of the
  next in the other; a person named by a nickname, a family name or a party label in one report and in full in the
  other; the same two ministers speaking by telephone the day after their meeting and the same group protesting in
  another city the same day as decoys), written blind on 7 Dec 2026, assembled without printing it and committed
  before its first run: ``holdout26_precision``, ``holdout26_recall``. It was read on 7 Dec 2026, once holdout27 had
  been written blind, so it is no longer blind.
- **holdout27 set**: ``data/merge_set_holdout27.jsonl``, 40 more reports of seven types from the same brief (other
  regions; an organisation or armed group named only by its initials in one report and in full in the other; a
  happening placed by its district, village or landmark in one report and by its city or province in the other;
  datelines away from the scene; an official named by title first and by name only late; a first day's figure the
  next day's report corrects; the same official accusing a different country the same day and a counter-demonstration
  in the same city the same day as decoys), written blind on 7 Dec 2026, assembled without printing it and committed
  before its first run, kept unread: ``holdout27_precision``, ``holdout27_recall``.

Each pair of a written set that should have merged and did not is an error (``"kind": "not merged"``) that
says why (``missed_why``): which article coded no event of the happening's type (the event coder's miss),
or, for each pair of their events of that type, why the merge rules refused it (``store.merge.compatible``;
a refusal is often the coder's doing too: the event lines show a participant, date or place it missed);
"none (compatible ...)" means another member of a cluster kept the pair apart (no chaining).
"""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path
from typing import Any

from dragoman.evaluation import Report
from dragoman.evaluation.articles import DATA, page_input, pages_list
from dragoman.model import Article

MERGE_SET = DATA / "merge_set.jsonl"
VALIDATION_SET = DATA / "merge_set_validation.jsonl"
HOLDOUT_SET = DATA / "merge_set_holdout.jsonl"
HOLDOUT2_SET = DATA / "merge_set_holdout2.jsonl"
HOLDOUT3_SET = DATA / "merge_set_holdout3.jsonl"
HOLDOUT4_SET = DATA / "merge_set_holdout4.jsonl"
HOLDOUT5_SET = DATA / "merge_set_holdout5.jsonl"
HOLDOUT6_SET = DATA / "merge_set_holdout6.jsonl"
HOLDOUT7_SET = DATA / "merge_set_holdout7.jsonl"
HOLDOUT8_SET = DATA / "merge_set_holdout8.jsonl"
HOLDOUT9_SET = DATA / "merge_set_holdout9.jsonl"
HOLDOUT10_SET = DATA / "merge_set_holdout10.jsonl"
HOLDOUT11_SET = DATA / "merge_set_holdout11.jsonl"
HOLDOUT12_SET = DATA / "merge_set_holdout12.jsonl"
HOLDOUT13_SET = DATA / "merge_set_holdout13.jsonl"
HOLDOUT14_SET = DATA / "merge_set_holdout14.jsonl"
HOLDOUT15_SET = DATA / "merge_set_holdout15.jsonl"
HOLDOUT16_SET = DATA / "merge_set_holdout16.jsonl"
HOLDOUT17_SET = DATA / "merge_set_holdout17.jsonl"
HOLDOUT18_SET = DATA / "merge_set_holdout18.jsonl"
HOLDOUT19_SET = DATA / "merge_set_holdout19.jsonl"
HOLDOUT20_SET = DATA / "merge_set_holdout20.jsonl"
HOLDOUT21_SET = DATA / "merge_set_holdout21.jsonl"
HOLDOUT22_SET = DATA / "merge_set_holdout22.jsonl"
HOLDOUT23_SET = DATA / "merge_set_holdout23.jsonl"
HOLDOUT24_SET = DATA / "merge_set_holdout24.jsonl"
HOLDOUT25_SET = DATA / "merge_set_holdout25.jsonl"
HOLDOUT26_SET = DATA / "merge_set_holdout26.jsonl"
HOLDOUT27_SET = DATA / "merge_set_holdout27.jsonl"
#: the written sets in the order they are scored, each with its metrics' prefix
WRITTEN_SETS = ((MERGE_SET, "written"), (VALIDATION_SET, "validation"), (HOLDOUT_SET, "holdout"), (HOLDOUT2_SET, "holdout2"),
                (HOLDOUT3_SET, "holdout3"), (HOLDOUT4_SET, "holdout4"), (HOLDOUT5_SET, "holdout5"),
                (HOLDOUT6_SET, "holdout6"), (HOLDOUT7_SET, "holdout7"),
                (HOLDOUT8_SET, "holdout8"), (HOLDOUT9_SET, "holdout9"), (HOLDOUT10_SET, "holdout10"),
                (HOLDOUT11_SET, "holdout11"), (HOLDOUT12_SET, "holdout12"),
                (HOLDOUT13_SET, "holdout13"), (HOLDOUT14_SET, "holdout14"), (HOLDOUT15_SET, "holdout15"),
                (HOLDOUT16_SET, "holdout16"), (HOLDOUT17_SET, "holdout17"),
                (HOLDOUT18_SET, "holdout18"), (HOLDOUT19_SET, "holdout19"),
                (HOLDOUT20_SET, "holdout20"), (HOLDOUT21_SET, "holdout21"),
                (HOLDOUT22_SET, "holdout22"), (HOLDOUT23_SET, "holdout23"),
                (HOLDOUT24_SET, "holdout24"), (HOLDOUT25_SET, "holdout25"),
                (HOLDOUT26_SET, "holdout26"), (HOLDOUT27_SET, "holdout27"))


def _store_events(articles: list[Article]) -> list[dict[str, Any]]:
    from dragoman.store import EventQuery, Store

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "merge.duckdb") as store:
        store.ingest(articles)
        q = EventQuery(include_negated=True, include_hypothetical=True)
        rows, _ = store.query_events(q, limit=1_000_000)
        members = store.event_members()
    by: dict[str, list[tuple[str, str]]] = {}
    for m in members:
        # a signing (CAMEO 057) is SUPPORT in the 2021 crosswalk and AGREE to most coders (the seed's coding
        # accepts both): it tells a happening the set calls AGREE
        by.setdefault(m["event_id"], []).append((m["article_id"], "AGREE" if m["cameo"] == "057" else m["type"]))
    for r in rows:
        r["members"] = by.get(r["id"], [])
    return rows


def candidate_pairs(coded: list[Article], story: dict[str, str]) -> tuple[int, int]:
    """How hard the real pages test merging: the pairs of article events of different articles, of one
    type, that share a participant key (a name, an organisation, a country's state or sector, a protest's
    city) — the pairs
    the merge rules must judge — and how many of those are of one story (``story``: article id → its
    same-story group or its page).  With few such pairs, "0 wrong merges" says little."""
    from datetime import datetime

    from dragoman.store.merge import member_keys
    from dragoman.store.records import article_rows

    by_type: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for a in coded:
        for m in article_rows(a, seq=0, source_group=a.id, duplicate_of=None, now=datetime.now())["article_events"]:
            by_type.setdefault(m["type"], []).append((a.id, frozenset().union(*member_keys(m))))
    pairs = same = 0
    for evs in by_type.values():
        for (a1, k1), (a2, k2) in itertools.combinations(evs, 2):
            if a1 != a2 and k1 & k2:
                pairs += 1
                same += story.get(a1, a1) == story.get(a2, a2)
    return pairs, same


def real_pages(data: Path, pipeline: Any, limit: int | None) -> tuple[dict[str, float], dict[str, int], list[dict[str, Any]]]:
    truth = json.loads((data / "real_pages" / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: limit or None]
    group_of = {k: g for g, ks in pages_list()["same_story"].items() for k in ks}
    inputs = [page_input(data, k, pipeline.settings) for k in keys]
    page_of: dict[str, str] = {}
    arts: list[Article] = []
    for k, a in zip(keys, inputs):
        if isinstance(a, Article):
            page_of[a.id] = k
            arts.append(a)
    coded = [o for o in pipeline.run_batch(arts) if isinstance(o, Article)]
    rows = _store_events(coded)
    merged = [r for r in rows if r["num_articles"] > 1]
    wrong = []
    for r in merged:
        groups = {group_of.get(page_of.get(a, a), page_of.get(a, a)) for a in r["article_ids"]}
        if len(groups) > 1:
            wrong.append({"event": r["id"], "type": r["type"], "pages": sorted(page_of.get(a, a) for a in r["article_ids"]),
                          "evidence": r.get("evidence_text")})
    metrics = {"real_pages_wrong_share": round(len(wrong) / len(merged), 4) if merged else 0.0}
    story = {a.id: group_of.get(page_of.get(a.id, a.id), page_of.get(a.id, a.id)) for a in coded}
    pairs, same = candidate_pairs(coded, story)
    counts = {"pages_coded": len(coded), "events": len(rows), "merged_events": len(merged), "merged_wrong": len(wrong),
              "candidate_pairs": pairs, "candidate_pairs_same_story": same}
    return metrics, counts, wrong


def written_set(pipeline: Any, path: Path = MERGE_SET, name: str = "written") -> tuple[dict[str, float], dict[str, int], list[dict[str, Any]]]:
    """Precision and recall of merging on a written set (``name``: the prefix of its metrics and counts)."""
    from dragoman.api_public import make_article

    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    arts = [make_article(r["text"], id=r["id"], title=r.get("title"), published=r.get("published"),
                         source=f"merge_set:{r['id']}") for r in recs]
    # a happening's "also" lists the other types a careful coder could defend (ARTICLE-CODING.md's rule); a
    # happening with "mention" is recalled in a line of background: a merge with it is right, it adds no pair
    happening: dict[tuple[str, str], set[str]] = {}
    for r in recs:
        for h in r["happenings"]:
            for t in (h["type"], *h.get("also", ())):
                happening.setdefault((r["id"], t), set()).add(h["id"])
    tells: dict[str, set[str]] = {}
    for r in recs:
        for h in r["happenings"]:
            if not h.get("mention"):
                tells.setdefault(h["id"], set()).add(r["id"])
    gold_pairs = {tuple(sorted(p)) for ids in tells.values() for p in itertools.combinations(sorted(ids), 2)}
    coded = [o for o in pipeline.run_batch(arts) if isinstance(o, Article)]
    rows = _store_events(coded)
    right = wrong = unknown = 0
    found: set[tuple[str, str]] = set()
    errors: list[dict[str, Any]] = []
    for r in rows:
        for (a1, t1), (a2, t2) in itertools.combinations(r["members"], 2):
            if a1 == a2:
                continue
            h1, h2 = happening.get((a1, t1)), happening.get((a2, t2))
            if h1 is None or h2 is None:
                unknown += 1
                continue
            if h1 & h2:
                right += 1
                found.add(tuple(sorted((a1, a2))))
            else:
                wrong += 1
                errors.append({"kind": "merged different happenings", "set": name, "event": r["id"], "type": r["type"],
                               "articles": [a1, a2], "happenings": [sorted(h1), sorted(h2)]})
    coded_by = {a.id: a for a in coded}
    for pair in sorted(gold_pairs - found):
        types = {t for r in recs if r["id"] in pair for h in r["happenings"] if not h.get("mention")
                 and pair[0] in tells[h["id"]] and pair[1] in tells[h["id"]] for t in (h["type"], *h.get("also", ()))}
        errors.append({"kind": "not merged", "set": name, "articles": list(pair),
                       **missed_why(pair, types, coded_by)})
    metrics = {
        f"{name}_precision": round(right / (right + wrong), 4) if right + wrong else 0.0,
        f"{name}_recall": round(len(found & gold_pairs) / len(gold_pairs), 4) if gold_pairs else 0.0,
    }
    counts = {f"{name}_articles": len(recs), f"{name}_gold_pairs": len(gold_pairs), f"{name}_merged_pairs_right": right,
              f"{name}_merged_pairs_wrong": wrong, f"{name}_merged_pairs_other_events": unknown}
    return metrics, counts, errors


def _summary(m: dict[str, Any]) -> str:
    """One article event in a line: type, CAMEO, date and its precision, who on whom, where, its words."""
    def names(col: str) -> str:
        return ", ".join(f"{a['name']} ({a.get('kind')}{', ' + a['country'] if a.get('country') else ''}"
                         f"{', ' + a['sector'] if a.get('sector') else ''})" for a in json.loads(m[col] or "[]")) or "-"

    place = f" in {m['place']} ({m['place_precision']})" if m.get("place") else ""
    return (f"{m['type']} {m.get('cameo')} {m.get('date')} ({m['date_precision']}): {names('sources')} -> "
            f"{names('targets')}{place}: {(m.get('evidence_text') or '')[:90]!r}")


def missed_why(pair: tuple[str, ...], types: set[str], coded: dict[str, Article]) -> dict[str, Any]:
    """Why two articles telling one happening were not merged: the article that coded no event of the
    happening's types (``types``), or for each pair of their events of those types what the merge rules say
    (``store.merge.compatible``; "compatible" means another member of a cluster kept them apart).  Returns
    ``why`` (one line) and ``events`` (each article's events of those types, one line each)."""
    from datetime import datetime

    from dragoman.store.merge import compatible
    from dragoman.store.records import article_rows

    evs: dict[str, list[dict[str, Any]]] = {}
    for aid in pair:
        art = coded.get(aid)
        rows = article_rows(art, seq=0, source_group=aid, duplicate_of=None, now=datetime.now())["article_events"] if art else []
        evs[aid] = [m for m in rows if m["type"] in types]
    events = {aid: [_summary(m) for m in ms] for aid, ms in evs.items()}
    lacking = [aid for aid in pair if not evs[aid]]
    if lacking:
        return {"why": f"event coder: no {'/'.join(sorted(types))} event coded in {', '.join(lacking)}", "events": events}
    verdicts = []
    for m in evs[pair[0]]:
        for o in evs[pair[1]]:
            ok, why = compatible(m, o)
            verdicts.append("none (compatible; kept apart by another member of a cluster: no chaining)" if ok else why)
    return {"why": "merge rules refused: " + "; ".join(dict.fromkeys(verdicts)), "events": events}


def run_merge(data: Path, pipeline: Any, limit: int | None) -> Report:
    metrics, counts, errors = real_pages(data, pipeline, limit)
    metrics, counts, errors = dict(metrics), dict(counts), list(errors)
    for path, name in WRITTEN_SETS:
        m, c, e = written_set(pipeline, path, name)
        metrics.update(m)
        counts.update(c)
        errors.extend(e)
    return Report("merge", metrics, counts, [], errors)

"""The event ontology as data: PLOVER types, CAMEO codes, the 2021 crosswalk, the trigger lexicon."""

from __future__ import annotations

import re

import pytest
from conftest import SHARED

from dragoman.errors import DragomanError
from dragoman.events import lexicon, taxonomy

REFERENCE = SHARED / "reference" / "CAMEO2PLOVER-2021.txt"
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def _published_rows() -> list[tuple[str, str]]:
    rows = []
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
        if m:
            rows.append((m.group(1), m.group(2)))
    return rows


def test_sixteen_types_with_quad_classes():
    tax = taxonomy.load()
    assert tuple(tax.types) == TYPES
    quads = {t.name: t.quad_class for t in tax.types.values()}
    assert quads["CONSULT"] == 1 and quads["AID"] == 2 and quads["THREATEN"] == 3 and quads["ASSAULT"] == 4
    assert all(t.cameo in tax.cameo for t in tax.types.values())
    assert tax.types["CONSULT"].modes and "phone" in tax.types["CONSULT"].modes


def test_every_code_of_the_published_crosswalk_maps():
    rows = _published_rows()
    assert len(rows) > 200, "the published table could not be read"
    tax = taxonomy.load()
    wrong = [(code, typ, tax.plover_of(code)) for code, typ in rows if code != "175" and tax.plover_of(code) != typ]
    assert not wrong, f"codes mapped differently from the published table: {wrong[:10]}"
    # 175 is listed twice in the published table, with the same type
    assert tax.plover_of("175") == "ASSAULT"
    assert tax.cameo["057"].plover == "SUPPORT"  # a signed agreement is SUPPORT under the 2021 crosswalk
    assert tax.cameo["0841"].mode == "release"


def test_cameo_names_and_goldstein_scores():
    tax = taxonomy.load()
    assert tax.cameo["190"].name.startswith("Use conventional military force")
    assert tax.cameo["190"].goldstein == -10.0
    assert tax.cameo["057"].goldstein > 0 > tax.cameo["1123"].goldstein
    assert tax.cameo["020"].plover is None  # an appeal is a CAMEO statement, not a PLOVER type by itself
    assert tax.code("02110").code == "0211"  # nearest listed parent


def test_older_names_are_aliases():
    tax = taxonomy.load()
    assert tax.normalise("demand") == ("REQUEST", None)
    assert tax.normalise("DISAPPROVE") == ("ACCUSE", None)
    assert tax.normalise("Investigate") == ("ACCUSE", "investigate")
    assert tax.normalise("FIGHT") == ("ASSAULT", None)
    with pytest.raises(DragomanError, match="unknown PLOVER event type"):
        tax.normalise("BOMBARD")


def test_penta_classes_follow_the_cameo_root():
    pc = taxonomy.penta_class
    assert [pc("010"), pc("0233"), pc("036"), pc("057"), pc("0841"), pc("112"), pc("163"), pc("145"), pc("1823")] == [
        0, 0, 1, 1, 2, 3, 3, 4, 4]
    assert pc(None, 2) == 2 and pc(None) == 0


def test_trigger_lexicon_is_compiled_by_lemma():
    lex = lexicon.load()
    assert {"meet", "talk", "sign", "attack", "sanction", "pay", "hold", "call", "cut"} <= set(lex.by_lemma)
    tax = lex.taxonomy
    for entries in lex.by_lemma.values():
        for e in entries:
            assert e.type == lexicon.NONE or e.type in tax.types, e
            assert tax.code(e.cameo) is not None, e
    # a lemma's conditioned lines come before its unconditioned line
    calls = lex.by_lemma["call"]
    assert calls[-1].prep or calls[-1].obj or calls[-1].prt or calls[-1].cameo
    assert any(e.prep == {"for"} and e.type == "REQUEST" for e in calls)
    assert lexicon.lookup(lex.refine["reject"], "057") == "127"
    assert lexicon.lookup(lex.refine["intent_conflict"], "1723") == "1323"


def test_every_trigger_line_has_a_valid_mode_and_contexts():
    tax = taxonomy.load()
    lex = lexicon.load()  # raises TaxonomyError on a mode of another type or an unknown context
    for entries in lex.by_lemma.values():
        for e in entries:
            if e.type == lexicon.NONE:
                continue
            mode, contexts = tax.split_mode(e.type, e.mode, e.contexts)
            assert set(contexts) <= set(tax.contexts), (e.line, contexts)
            assert mode is None or mode in tax.types[e.type].modes, (e.line, mode)


def test_a_context_in_the_crosswalks_mode_column_moves_to_the_contexts():
    tax = taxonomy.load()
    assert tax.code("175").mode == "pro_autocracy"  # as published
    assert tax.split_mode("ASSAULT", "pro_autocracy", ("military",)) == (None, ("military", "pro_autocracy"))
    assert tax.split_mode("COERCE", "destroy", ()) == (None, ())
    assert tax.split_mode("CONSULT", "visit", ("diplomatic",)) == ("visit", ("diplomatic",))

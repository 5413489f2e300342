"""Loads the trigger and cue lexicons of `extract/data/` (rule data kept apart from rule code)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Literal, get_args

Frame = Literal["give", "receive", "buy", "request", "pledge", "arrive"]
# Every kind of cue word; cues.tsv explains each one. A row naming another kind is an error
# in the data, caught at load.
CueKind = Literal[
    "report", "allege", "deny", "hedge", "source", "plan", "request", "nontransfer",
    "negation", "persist", "target", "stop", "refuse", "weigh", "condition", "instead",
    "refill", "seizure", "together", "jointly", "answer", "subordinator", "take", "await",
    "commodity", "operation", "exclude", "nonarms", "clausal", "permission", "fighters",
    "arming", "wield", "effort",
]  # fmt: skip
CUE_KINDS: frozenset[str] = frozenset(get_args(CueKind))


@dataclass(frozen=True)
class Trigger:
    """A word that can announce a transfer, with the frame that says who gives to whom."""

    lemma: str
    lang: str
    pos: str  # VERB or NOUN
    frame: Frame
    stage: str

    @property
    def rule_id(self) -> str:
        kind = "verb" if self.pos == "VERB" else "noun"
        return f"{self.lang}.trigger.{self.lemma}.{kind}"


@dataclass(frozen=True)
class Lexicon:
    """Triggers and cues of one language, keyed for lookup by lemma (or lowercase form)."""

    lang: str
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    cues: dict[str, frozenset[str]]  # term -> kinds
    phrases: dict[str, frozenset[str]]  # multi-word cue -> kinds

    def cue_kinds(self, term: str) -> frozenset[str]:
        return self.cues.get(term.lower(), frozenset())

    def terms_of(self, kind: str) -> list[str]:
        """Every word and phrase of one cue kind ("source": selon, according to …)."""
        return [t for table in (self.cues, self.phrases) for t, k in table.items() if kind in k]

    def trigger_for(self, lemma: str, pos: str) -> Trigger | None:
        """The trigger for a token's lemma; `pos` is the token's coarse part of speech."""
        key = lemma.lower()
        if pos == "NOUN":
            return self.nouns.get(key)
        if pos in ("VERB", "AUX"):
            return self.verbs.get(key)
        # Languages without a tagger: any known form.
        return self.verbs.get(key) or self.nouns.get(key)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("armstrace.extract").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@functools.cache
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of `lang` (unknown languages get the English one)."""
    triggers = [
        Trigger(r["lemma"], r["lang"], r["pos"], r["frame"], r["stage"])  # type: ignore[arg-type]
        for r in _rows("triggers.tsv")
    ]
    if not any(t.lang == lang for t in triggers):
        lang = "en"
    verbs = {t.lemma: t for t in triggers if t.lang == lang and t.pos == "VERB"}
    nouns = {t.lemma: t for t in triggers if t.lang == lang and t.pos == "NOUN"}
    cues: dict[str, set[str]] = {}
    phrases: dict[str, set[str]] = {}
    for row in _rows("cues.tsv"):
        if row["kind"] not in CUE_KINDS:
            raise ValueError(f"cues.tsv: unknown cue kind {row['kind']!r} for {row['term']!r}")
        if row["lang"] != lang:
            continue
        # Several tokens for the parser ("according to", "d'après"): matched as text.
        target = phrases if (" " in row["term"] or "'" in row["term"]) else cues
        target.setdefault(row["term"].lower(), set()).add(row["kind"])
    return Lexicon(
        lang=lang,
        verbs=verbs,
        nouns=nouns,
        cues={k: frozenset(v) for k, v in cues.items()},
        phrases={k: frozenset(v) for k, v in phrases.items()},
    )

"""What an article knows beyond one sentence: who "we" is, who the people quoted speak for,
and which actors the article is about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from spacy.tokens import Doc, Span, Token

from armstrace.gazetteer.categories import is_state_code
from armstrace.nlp.mentions import Mention

# Official sites whose first-person texts ("we are sending") speak for a state: exact
# registrable domains first, then government suffixes (".gov" alone is the US federal
# government, archived White House sites included).
ISSUER_DOMAINS = {
    "elysee.fr": "FRA",
    "bundesregierung.de": "DEU",
    "bmvg.de": "DEU",
    "kremlin.ru": "RUS",
    "mid.ru": "RUS",
    "mil.ru": "RUS",
    "president.gov.ua": "UKR",
}
ISSUER_SUFFIXES = {
    ".gov.uk": "GBR",
    ".gouv.fr": "FRA",
    ".bund.de": "DEU",
    ".gov.ua": "UKR",
    ".gc.ca": "CAN",
    ".gov.au": "AUS",
    ".go.kr": "KOR",
    ".gov.il": "ISR",
    ".gov.pl": "POL",
    ".gov": "USA",
    ".mil": "USA",
}
FIRST_PERSON_PLURAL = {"we", "us", "our", "nous", "nos", "notre", "wir", "uns", "nosotros"}
# In an official text the first person singular is the head of government speaking.
FIRST_PERSON_SINGULAR = {"i", "je", "j'", "j’", "ich", "yo"}
# Possessives that make a sentence the government's own ("my Administration", "unsere Hilfe").
FIRST_PERSON_POSSESSIVE = {
    "my", "mon", "ma", "mes", "mein", "meine", "unser", "unsere", "unseren", "unserer",
    "unserem", "mi", "mis", "nuestro", "nuestra", "nuestros", "nuestras",
}  # fmt: skip
THIRD_PERSON = {"he", "she", "il", "elle", "er", "sie", "él", "ella"}
_PERSON_LABELS = {"PER", "PERSON"}
_SPEAKER_ACTOR_KINDS = {"state", "org", "capital", "adjective", "group", "nonstate"}


@dataclass
class ArticleContext:
    """Article-wide facts that sentence rules consult."""

    issuer: str | None = None
    person_actor: dict[str, str] = field(default_factory=dict)  # surname (lowercase) -> code
    actor_counts: Counter[str] = field(default_factory=Counter)
    last_speaker: str | None = None

    def resolve_person(self, token: Token) -> str | None:
        """The actor a person or pronoun subject speaks for, if the article says it."""
        words = [t for t in token.subtree if t.pos_ in ("PROPN", "PRON") or t.is_title]
        for word in reversed(words):
            low = word.lower_
            if low in FIRST_PERSON_PLURAL or low in FIRST_PERSON_SINGULAR:
                return self.issuer
            if low in THIRD_PERSON:
                return self.last_speaker
            if low in self.person_actor:
                return self.person_actor[low]
        return None

    def main_state(self, exclude: set[str]) -> str | None:
        """The state the article names most, if no other is named as often: of states named
        alike, in a list of trading partners say, none is the article's topic."""
        counts = [
            (code, count)
            for code, count in self.actor_counts.most_common()
            if code not in exclude and is_state_code(code)
        ]
        if not counts or (len(counts) > 1 and counts[1][1] == counts[0][1]):
            return None
        return counts[0][0]


def issuer_from_url(url: str | None) -> str | None:
    """The state whose government publishes at `url`, if it is an official site."""
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    for domain, code in ISSUER_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return code
    for suffix, code in ISSUER_SUFFIXES.items():
        if host.endswith(suffix):
            return code
    return None


def learn_people(doc: Doc | Span, mentions: list[Mention], context: ArticleContext) -> None:
    """Map the people named in `doc` to the actor named in their title or apposition:
    "White House spokesman John Kirby", "Kirby, porte-parole de la Maison Blanche",
    "Iran's deputy defence minister, Mahdi Farahi"."""
    actor_mentions = [
        m for m in mentions if m.kind == "actor" and m.subkind in _SPEAKER_ACTOR_KINDS
    ]
    if not actor_mentions:
        return
    for ent in doc.ents:
        if ent.label_ not in _PERSON_LABELS:
            continue
        surname = ent[-1].lower_
        if surname in context.person_actor:
            continue
        region = _title_region(ent)
        inside = [m for m in actor_mentions if region[0] <= m.start and m.end <= region[1]]
        if inside:
            # The closest actor to the name is the one it works for.
            best = min(inside, key=lambda m: min(abs(m.start - ent.start), abs(m.end - ent.end)))
            context.person_actor[surname] = best.code


def _title_region(ent: Span) -> tuple[int, int]:
    """Token range of the noun phrase that introduces a person (title + name + apposition)."""
    root = ent.root
    head = root
    # Climb through appositions, compounds and flat names to the whole noun phrase.
    while head.dep_ in ("appos", "flat", "flat:name", "compound", "nmod") and head.head != head:
        head = head.head
    left = min(head.left_edge.i, ent.start)
    right = max(head.right_edge.i + 1, ent.end)
    # Keep the region inside the clause: stop at a verb on the right.
    for token in ent.doc[ent.end : right]:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("acl", "amod"):
            right = token.i
            break
    return left, right

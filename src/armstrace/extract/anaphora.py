"""Pronouns in a transfer's roles: "Iran sent him drones", "it is donating tanks".

The parse puts a pronoun in the right slot but names nobody. A personal pronoun (him, lui)
stands for the last person named before it, who speaks for a state; a neuter or plural one
(it, they, ils) for the last state or group. A pronoun that cannot be resolved closes its
role (`SentenceFrame.closed_roles`), so the article's topic does not fill it: the topic of a
war article is usually the victim, not the party the pronoun stands for.
"""

from __future__ import annotations

from spacy.tokens import Token

from armstrace.extract.frames import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    RoleFiller,
    SentenceFrame,
    adjectival,
)
from armstrace.nlp.mentions import Mention

# Pronouns that stand for a person (who speaks for a state) or for a state or group.
PERSON_PRONOUNS = frozenset(
    {"he", "him", "she", "her", "il", "elle", "lui", "er", "ihm", "sie", "él", "ella", "le", "la"}
)
STATE_PRONOUNS = frozenset(
    {"it", "they", "them", "ils", "elles", "leur", "eux", "es", "ihnen", "ellos", "les"}
)
# Possessive pronouns of a state or group: "its providing of drones", "their purchase of".
POSSESSIVE_STATE_PRONOUNS = frozenset({"its", "their"})
_POSSESSIVE_DEPS = frozenset({"poss", "nmod:poss"})
_RECIPIENT_DEPS = frozenset({"dative", "iobj", "obl:arg"})
# How many actor mentions back a pronoun may reach.
_WINDOW = 12


class PronounResolver:
    """Finds antecedents among the actors the whole article names (its text is matched once,
    unparsed stretches included: "Putin's friends keep giving him" names no materiel)."""

    def __init__(self, article_mentions: list[Mention]) -> None:
        self._actors = sorted(
            (m for m in article_mentions if m.kind == "actor"), key=lambda m: m.start_char
        )

    def fill(self, frame: SentenceFrame, trigger: Token, offset: int) -> None:
        """Fill the roles `frame` leaves open where the trigger's argument is a pronoun;
        `offset` is where the parsed text starts in the article."""
        if frame.trigger is None or frame.trigger.frame == "arrive":
            return  # "they arrived": the pronoun stands for the materiel, not a party
        receiving = frame.trigger.frame in ("receive", "buy", "request")
        for child in trigger.children:
            low = child.lower_
            if _possessor_of_noun(child):
                low = "it"  # a noun trigger's owner acts like its subject: "Iran's deliveries"
            elif low not in PERSON_PRONOUNS and low not in STATE_PRONOUNS:
                continue
            if (
                child.dep_ in SUBJECT_DEPS and child.dep_ not in PASSIVE_SUBJECT_DEPS
            ) or child.dep_ in _POSSESSIVE_DEPS:
                role = "recipient" if receiving else "supplier"
            elif child.dep_ in _RECIPIENT_DEPS or (
                child.dep_ in ("obj", "dobj") and child.i < frame.materiel.start
            ):
                role = "supplier" if frame.trigger.frame == "request" else "recipient"
            else:
                continue
            if getattr(frame, role) is not None:
                continue
            other = frame.recipient if role == "supplier" else frame.supplier
            exclude = other.code if other else None
            code = None
            if role == ("recipient" if receiving else "supplier"):
                code = self._speaker(trigger, offset, exclude)
            if code is None:
                code = self._antecedent(low, offset + child.idx, exclude)
            if code is None:
                frame.closed_roles.add(role)
                frame.note(role, "pronoun.unresolved")
                continue
            rule = f"pronoun.{role}"
            setattr(frame, role, RoleFiller(code, rule))
            frame.note(role, rule)

    def _speaker(self, trigger: Token, offset: int, exclude: str | None) -> str | None:
        """The subject of the saying verb whose complement holds the trigger: in "la Corée du
        Nord a averti …, affirmant qu'il n'avait jamais fourni d'armes", "il" is the speaker,
        not the last person the article named."""
        if trigger.dep_ != "ccomp":
            return None
        # A participle ("affirmant") shares the subject of the clause it hangs on, however
        # far up the parse puts it: the nearest ancestor with a subject speaks.
        subject = next(
            (
                child
                for node in trigger.ancestors
                for child in node.children
                if child.dep_ in SUBJECT_DEPS
            ),
            None,
        )
        if subject is None:
            return None
        left = offset + subject.left_edge.idx
        right = offset + subject.right_edge.idx + len(subject.right_edge)
        named = [
            m
            for m in self._actors
            if left <= m.start_char and m.end_char <= right and not adjectival(m)
        ]
        return named[0].code if named and named[0].code != exclude else None

    def _antecedent(self, pronoun: str, position: int, exclude: str | None) -> str | None:
        earlier = [m for m in self._actors if m.end_char <= position][-_WINDOW:]
        wanted_person = pronoun in PERSON_PRONOUNS and pronoun not in STATE_PRONOUNS
        for mention in reversed(earlier):
            if mention.code == exclude or adjectival(mention):
                continue  # "the Russian system … sell it": an adjective names no referent
            if wanted_person == (mention.subkind == "person"):
                return mention.code
        return None


def _possessor_of_noun(token: Token) -> bool:
    """True for "its" / "their" owning a noun trigger ("its providing of drones to Russia")."""
    return (
        token.lower_ in POSSESSIVE_STATE_PRONOUNS
        and token.dep_ in _POSSESSIVE_DEPS
        and token.head.pos_ == "NOUN"
    )

"""Announced seizures: "Syria's forces announced a string of seizures: trucks loaded with
rockets bound for Hezbollah". The one who announces a seizure caught the shipment; it did
not send it. The shipment itself was sent (the spec counts a seized shipment as delivered),
by a supplier the sentence leaves unnamed.
"""

from __future__ import annotations

from spacy.tokens import Token

from armstrace.extract.attribution import Attribution
from armstrace.extract.frames import SentenceFrame
from armstrace.extract.lexicon import Lexicon

_REACH = 3  # dependency steps from the announcing verb down to the seizure noun
# Marks a frame whose supplier the text leaves unnamed on purpose: reported with supplier null.
UNNAMED_SENDER = "supplier:unnamed"


def announced_seizure(
    frame: SentenceFrame, att: Attribution, trigger: Token, lexicon: Lexicon
) -> None:
    """An announcing trigger whose object names a seizure reports a caught shipment: its
    subject is not the supplier but the one claiming where it went, and the shipment was
    delivered."""
    if frame.trigger is None or frame.trigger.frame != "pledge":
        return
    if not any(_seizure_below(child, lexicon, _REACH) for child in trigger.children):
        return
    rule = f"{lexicon.lang}.role.supplier.seizer_not_sender"
    seizer = frame.supplier
    if seizer is not None and seizer.mention is not None:
        # Where the caught shipment was going is the seizer's word: a third party's claim.
        att.claimers.append(seizer.mention)
        att.stance = "alleged"
        att.note("stance", f"{lexicon.lang}.stance.seizer_claims")
    frame.supplier = None
    frame.co_suppliers = []
    frame.closed_roles.update(("supplier", UNNAMED_SENDER))
    frame.rule_ids["supplier"] = [rule]
    att.stage = "delivered"
    att.note("stage", f"{lexicon.lang}.stage.seized")


def _seizure_below(token: Token, lexicon: Lexicon, reach: int) -> bool:
    """True when `token`, or a nominal under it within `reach` steps, is a seizure word."""
    if token.dep_ not in ("obj", "dobj", "prep", "pobj", "nmod", "case"):
        return False
    if "seizure" in lexicon.cue_kinds(token.lemma_):
        return True
    return reach > 1 and any(_seizure_below(c, lexicon, reach - 1) for c in token.children)

"""Roll-ups of one transfer from its claims: status, stage timeline, quantities, routes, dates.

Every rule here is also written down in README.md; keep the two in step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from armstrace.models import (
    MATERIEL_CATEGORIES,
    STAGES,
    Claim,
    Stage,
    Status,
    Transfer,
)
from armstrace.resolve.keys import GroupKey
from armstrace.resolve.periods import period_of


def claim_order(claim: Claim) -> tuple[int, date, str, int]:
    """Display order of claims: by publication date, undated claims last."""
    period = period_of(claim.published)
    if period is None:
        return 1, date.max, claim.document_id, claim.position
    return 0, period[0], claim.document_id, claim.position


def _published_end(claim: Claim) -> date:
    # For "which came later", an undated claim never beats a dated one.
    period = period_of(claim.published)
    return date.min if period is None else period[1]


def is_supporting(claim: Claim) -> bool:
    """Whether the claim says the transfer happens (asserted or alleged), not only denies it."""
    return claim.stance in ("asserted", "alleged")


def is_denial(claim: Claim) -> bool:
    """Whether the claim reports a denial: a denied stance, or an actor that denies it."""
    return claim.stance == "denied" or bool(claim.denied_by)


def is_party_confirmation(claim: Claim, key: GroupKey) -> bool:
    """An assertion by officials of the supplier or of a recipient of the transfer."""
    if claim.stance != "asserted":
        return False
    parties = {key.supplier, key.target, claim.supplier, claim.recipient, claim.end_user}
    parties.discard(None)
    return any(actor in parties for actor in claim.claimed_by)


def status_of(claims: Sequence[Claim], key: GroupKey) -> Status:
    """`confirmed`, `reported`, `alleged`, `contested` or `denied` (README.md, "Status").

    A confirmation by a party outranks a denial made before it (or on the same day): the
    party has admitted what was denied. A denial made after the last confirmation, or any
    denial of a transfer that no party confirmed, makes it contested.
    """
    confirmations = [c for c in claims if is_party_confirmation(c, key)]
    denials = [c for c in claims if is_denial(c)]
    if confirmations:
        last_denial = max((_published_end(c) for c in denials), default=date.min)
        if max(_published_end(c) for c in confirmations) >= last_denial:
            return "confirmed"
        return "contested"
    supporting = [c for c in claims if is_supporting(c)]
    if supporting and denials:
        return "contested"
    if denials:
        return "denied"
    if any(c.stance == "asserted" for c in supporting):
        return "reported"
    return "alleged"


def _distinct(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return list(seen.values())


def _most_common(
    values: Iterable[str | None], order: Mapping[str, int] | None = None
) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    rank = order if order is not None else {value: i for i, value in enumerate(counts)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), v))


_CATEGORY_ORDER = {category: i for i, category in enumerate(MATERIEL_CATEGORIES)}


def roll_up(transfer_id: str, key: GroupKey, claims: Sequence[Claim]) -> Transfer:
    """The transfer that `claims` (one tranche, in `claim_order`) together describe."""
    if not claims:
        raise ValueError("a transfer needs at least one claim")
    supporting = [c for c in claims if is_supporting(c)]
    # Stage, quantity, materiel and recipients describe what is said to happen; when every
    # claim is a denial, they describe what is denied.
    basis = supporting or list(claims)
    stage: Stage = max((c.stage for c in basis), key=STAGES.index)
    stage_first_reported: dict[str, str | None] = {}
    for stage_name in STAGES:
        at_stage = [c for c in basis if c.stage == stage_name]
        if at_stage:
            dated = [c.published for c in at_stage if period_of(c.published) is not None]
            stage_first_reported[stage_name] = min(dated, key=_first_day_key, default=None)
    quantified = [c for c in basis if c.quantity is not None]
    latest = max(quantified, key=lambda c: (_published_end(c), claim_order(c)), default=None)
    dated_claims = [c.published for c in claims if period_of(c.published) is not None]
    documents = list(dict.fromkeys(c.document_id for c in claims))
    stories = {c.duplicate_of or c.document_id for c in claims}
    return Transfer(
        id=transfer_id,
        supplier=key.supplier,
        recipient=_most_common(c.recipient for c in basis) or key.target,
        materiel=_most_common((c.materiel for c in basis), _CATEGORY_ORDER) or key.family,
        status=status_of(claims, key),
        stage=stage,
        end_user=_most_common(c.end_user for c in basis),
        stage_first_reported=stage_first_reported,
        quantity_min=min((c.quantity for c in quantified if c.quantity is not None), default=None),
        quantity_max=max((c.quantity for c in quantified if c.quantity is not None), default=None),
        quantity_latest=None if latest is None else latest.quantity,
        via=_distinct(code for c in claims for code in c.via),
        origins=_distinct(c.origin for c in claims),
        end_users=_distinct(c.end_user for c in claims),
        details=_distinct(c.detail for c in claims),
        first_reported=min(dated_claims, key=_first_day_key, default=None),
        last_reported=max(dated_claims, key=_last_day_key, default=None),
        n_documents=len(documents),
        n_sources=len(stories),
        claims=list(claims),
        family=key.family,
        group_key=key.text,
        n_claims=len(claims),
    )


def _first_day_key(value: str | None) -> date:
    period = period_of(value)
    return date.max if period is None else period[0]


def _last_day_key(value: str | None) -> date:
    period = period_of(value)
    return date.min if period is None else period[1]

"""Merges sentence frames into the article's transfer records.

One record per (supplier, recipient, materiel category), as the annotation guide asks: the
most advanced stage wins, an assertion outweighs an allegation, claimers, deniers, sources and
routes are united, and the largest explicit quantity is kept. Missing roles come from the
article (the recipient most of its flows go to), and denials found anywhere in the article
attach to the records whose supplier or recipient made them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from armstrace.extract.context import ArticleContext
from armstrace.extract.dates import find_event_date
from armstrace.extract.frames import RoleFiller, SentenceFrame
from armstrace.extract.quantities import Quantity, find_quantities
from armstrace.extract.seizures import UNNAMED_SENDER
from armstrace.gazetteer import family_of, maker_home_states, parse_calibre
from armstrace.gazetteer.categories import (
    GROUP_CODES,
    MISSILE_CATEGORIES,
    is_slug,
    is_state_code,
)
from armstrace.models import CleanDocument, Evidence, TransferRecord
from armstrace.nlp.mentions import Mention

_STAGE_RANK = {"requested": 0, "planned": 1, "delivered": 2}
_STANCE_RANK = {"denied": 0, "alleged": 1, "asserted": 2}
# Words allowed between a number and the materiel it counts: "40 missiles", "100 000 obus
# d'artillerie", "thousands of artillery shells", "un nombre « significatif » d'obus".
_MAX_QUANTITY_GAP = 40


@dataclass
class FrameRecord:
    """A sentence frame with its stage, stance and place in the text."""

    frame: SentenceFrame
    stage: str
    stance: str
    denied: bool
    claimed_by: list[str]
    sources: list[str]
    rule_ids: dict[str, list[str]]
    sentence_start: int
    sentence_end: int
    sentence_text: str
    materiel_char: tuple[int, int]
    lang: str
    collective_claim: bool = False  # claimed by "we" (the issuer and its partners)
    first_person: bool = False  # the sentence speaks as "we", "I", "our", "my"


@dataclass
class Denial:
    """A sentence in which actors deny something, with what it names."""

    deniers: list[str]
    categories: list[str]
    other_actors: list[str]
    sentence_start: int
    sentence_end: int
    sentence_text: str


@dataclass
class _Group:
    records: list[FrameRecord] = field(default_factory=list)


def assemble_records(
    frames: list[FrameRecord],
    denials: list[Denial],
    context: ArticleContext,
    document: CleanDocument,
    topic: list[FrameRecord] | None = None,
) -> list[TransferRecord]:
    """Records of the article; `topic` are the headline's frames, used only to fill roles."""
    _fill_from_discourse(frames, context, topic or [])
    groups: dict[tuple[str | None, str | None, str], _Group] = {}
    for record in frames:
        supplier = _code(record.frame.supplier)
        recipient = _code(record.frame.recipient)
        unnamed_sender = UNNAMED_SENDER in record.frame.closed_roles
        if recipient is None or (supplier is None and not unnamed_sender):
            # A flow to nobody named is not a transfer we can report; one from nobody named
            # is, in news, almost always a purchase plan, a contract or a state's own
            # procurement read as a transfer (on the dev sets: 8 of 8 were false alarms).
            continue
        if supplier == recipient:
            continue  # a state's own forces: not a transfer
        if _domestic_procurement(supplier, recipient, _code(record.frame.end_user)):
            continue
        if _history(record, document.published):
            continue
        key = (supplier, recipient, record.frame.materiel.code)
        groups.setdefault(key, _Group()).records.append(record)
    _join_unstated_missiles(groups)
    transfers = [
        _merge(key, group.records, document, context.issuer)
        for key, group in groups.items()
        if group.records
    ]
    _apply_denials(transfers, denials, document)
    if context.issuer is not None:
        _issuer_alleges_others(transfers, context.issuer)
    return _drop_generic_duplicates(_fold_denials(transfers))


def _domestic_procurement(supplier: str | None, recipient: str, end_user: str | None) -> bool:
    """A maker selling to its own state's forces ("Raytheon will provide missiles to the U.S.
    Navy") is domestic production, which the guide says is no transfer; bought to pass on to
    another state ("commandé chez Rheinmetall des Skynex qu'elle remet à l'Ukraine"), it is."""
    homes = maker_home_states(supplier) if supplier else frozenset()
    return recipient in homes and (end_user is None or end_user in homes)


# The guide leaves out past transfers mentioned only as background older than about ten years.
_HISTORY_YEARS = 10
# Words before a year that make it part of a name: "the Foreign Assistance Act of 1961".
_NAMING_WORDS = frozenset({"of", "de", "du", "des", "von", "vom", "del"})


def _history(record: FrameRecord, published: str | None) -> bool:
    """A flow its sentence dates more than ten years before the article ("Northrop, seeking
    to sell F-5 fighters to Saudi Arabia, hired the firm in 1970") is history, not news."""
    if published is None:
        return False
    found = find_event_date(record.sentence_text, record.lang, published)
    if found is None or found.text.split()[0].lower() in _NAMING_WORDS:
        return False  # "the Foreign Assistance Act of 1961" names a law, it dates nothing
    return int(published[:4]) - int(found.value[:4]) > _HISTORY_YEARS


def _join_unstated_missiles(groups: dict[tuple[str | None, str | None, str], _Group]) -> None:
    """ "Missiles" of unstated type between two parties that the article names as one kind
    of missile elsewhere ("200 missiles ont été livrés" after "missiles balistiques Fath-360")
    are those missiles: one flow, not two."""
    for supplier, recipient, code in list(groups):
        if code != "missiles" or _names_system(groups[(supplier, recipient, code)]):
            continue  # "100 AIM-9X" are air-to-air missiles of their own, not of unstated type
        kinds = [
            key
            for key in groups
            if key[:2] == (supplier, recipient) and key[2] in MISSILE_CATEGORIES - {"missiles"}
        ]
        if len(kinds) == 1:
            groups[kinds[0]].records.extend(groups.pop((supplier, recipient, code)).records)


def _names_system(group: _Group) -> bool:
    return any(r.frame.materiel.subkind == "system" for r in group.records)


def _issuer_alleges_others(transfers: list[TransferRecord], issuer: str) -> None:
    """A government text reporting a flow between two other parties asserts it when they are
    partners in its own flows ("Germany is sending IRIS-T" beside "we are sending Ukraine"),
    and alleges it otherwise ("North Korea has sent him ballistic missiles"): nobody in the
    flow confirms it."""
    partners = {issuer, *GROUP_CODES}
    for transfer in transfers:
        if issuer in (transfer.supplier, transfer.recipient):
            partners.update(c for c in (transfer.supplier, transfer.recipient) if c)
    for transfer in transfers:
        parties = {transfer.supplier, transfer.recipient}
        if transfer.stance != "asserted" or parties & partners or _industry_sale(transfer):
            continue
        if any(code not in (issuer, *parties) for code in transfer.claimed_by):
            continue  # somebody else speaks for it
        transfer.stance = "alleged"
        transfer.rule_ids.setdefault("stance", []).append("stance.issuer_third_party")
        if issuer not in transfer.claimed_by:
            transfer.claimed_by.append(issuer)


def _industry_sale(transfer: TransferRecord) -> bool:
    """A maker selling what a buyer purchases ("Germany will buy Raytheon's Stinger"): a
    government text reports its industry's deals as fact, not as a third party's secret."""
    makers = [r for r in transfer.rule_ids.get("supplier", []) if r.endswith(".supplier.maker")]
    return bool(makers) and transfer.supplier is not None and is_slug(transfer.supplier)


def _fold_denials(transfers: list[TransferRecord]) -> list[TransferRecord]:
    """A denial-only record ("North Korea says it never sent munitions to Russia") that
    answers a reported flow of the same parties and materiel family is that flow's denial,
    not a flow of its own."""
    kept = []
    for transfer in transfers:
        target = None
        if transfer.stance == "denied":
            target = next(
                (
                    other
                    for other in transfers
                    if other is not transfer
                    and other.stance != "denied"
                    and (other.supplier, other.recipient) == (transfer.supplier, transfer.recipient)
                    and (
                        family_of(other.materiel) == family_of(transfer.materiel)
                        or transfer.materiel == "unspecified"
                    )
                ),
                None,
            )
        if target is None:
            kept.append(transfer)
            continue
        for code in transfer.denied_by:
            if code not in target.denied_by:
                target.denied_by.append(code)
        target.rule_ids.setdefault("denied_by", []).append("denial.folded")
        target.evidence.extend(e for e in transfer.evidence if e not in target.evidence)
    return kept


def _drop_generic_duplicates(transfers: list[TransferRecord]) -> list[TransferRecord]:
    """ "Weapons" between two parties whose specific materiel the article names is the same
    flow said generically: keep the specific records only."""
    specific = {(t.supplier, t.recipient) for t in transfers if t.materiel != "unspecified"}
    kept = [
        t
        for t in transfers
        if t.materiel != "unspecified" or (t.supplier, t.recipient) not in specific
    ]
    # So is "munitions" beside the shells of the same flow, and "missiles" beside cruise
    # missiles: the family's catch-all category, with no detail, repeats the named one.
    named = {(t.supplier, t.recipient, family_of(t.materiel)) for t in kept if not _only_generic(t)}
    return [
        t
        for t in kept
        if not _only_generic(t) or (t.supplier, t.recipient, family_of(t.materiel)) not in named
    ]


# A family's generic words ("munitions", "missiles"): said beside shells or cruise missiles
# of the same flow, they repeat them.
_GENERIC_TERMS = frozenset(
    {
        "ammunition", "munitions", "munition", "missile", "missiles", "munición",
        "municiones", "misil", "misiles", "flugkörper",
    }
)  # fmt: skip
_GENERIC_RULE = "gaz.materiel.generic"


def _materiel_rule(mention: Mention) -> str:
    """The rule id of what names the materiel: a gazetteer term or system, or a generic word."""
    if mention.text.lower() in _GENERIC_TERMS:
        return _GENERIC_RULE
    return mention.rule_id


def _only_generic(transfer: TransferRecord) -> bool:
    return transfer.rule_ids.get("materiel", []) == [_GENERIC_RULE]


def _code(filler: RoleFiller | None) -> str | None:
    return filler.code if filler is not None else None


def _fill_from_discourse(
    frames: list[FrameRecord], context: ArticleContext, topic: list[FrameRecord]
) -> None:
    """A frame with one side missing takes the headline's partner for that side, else the
    article's usual one ("La Norvège a livré 22 obusiers" in an article on aid to Ukraine)."""

    def pool(records: list[FrameRecord], role: str) -> list[str]:
        # A group ("the West", NATO) is a party only where a sentence names it: as the
        # article's usual partner it would turn every one-sided flow into a group's.
        # Nor is a company (or any other slug-coded actor) the usual supplier: it sells its
        # own products, which a sentence names with it ("Anduril unmanned vehicles"), not
        # whatever else the buyers take.
        fillers = (getattr(r.frame, role) for r in records)
        return [
            f.code
            for f in fillers
            if f is not None
            and f.code not in GROUP_CODES
            and not (role == "supplier" and is_slug(f.code))
        ]

    for record in frames:
        _fill_from_sentence(record, frames)
    for record in frames:
        frame = record.frame
        if frame.recipient is None and frame.supplier is not None:
            if "recipient" in frame.closed_roles:
                continue
            supplier = frame.supplier.code
            rule = "discourse.recipient.headline"
            code = _most_common([c for c in pool(topic, "recipient") if c != supplier])
            if code is None:
                rule = "discourse.recipient.topic"
                code = _most_common([c for c in pool(frames, "recipient") if c != supplier])
                code = code or context.main_state(exclude={supplier})
            if code is not None:
                frame.recipient = RoleFiller(code, rule)
                frame.note("recipient", rule)
        elif frame.supplier is None and frame.recipient is not None:
            if "supplier" in frame.closed_roles:
                continue
            recipient = frame.recipient.code
            code = None
            if context.issuer not in (None, recipient) and record.first_person:
                # "…reiterated our commitment … a package that includes nine helicopters":
                # in an official text, the flow the issuer's "we" talks about is its own.
                rule = "discourse.supplier.issuer_first_person"
                code = context.issuer
            if code is None:
                rule = "discourse.supplier.headline"
                code = _most_common([c for c in pool(topic, "supplier") if c != recipient])
            if code is None:
                rule = "discourse.supplier.topic"
                code = _most_common([c for c in pool(frames, "supplier") if c != recipient])
            if code is None and context.issuer not in (None, recipient) and _issuer_gives(record):
                # A government's readout: "the package includes the transfer of helicopters"
                # with no giver named is the government's own.
                rule = "discourse.supplier.issuer"
                code = context.issuer
            if code is not None:
                frame.supplier = RoleFiller(code, rule)
                frame.note("supplier", rule)


def _fill_from_sentence(record: FrameRecord, frames: list[FrameRecord]) -> None:
    """A frame with one side missing whose sentence moves the same materiel between that
    side and a named partner is that flow, read from another trigger ("ses règles
    d'exportation pour pouvoir renvoyer aux États-Unis des intercepteurs"): it takes the
    partner, not the article's topic."""
    frame = record.frame
    for known, missing in (("supplier", "recipient"), ("recipient", "supplier")):
        mine = getattr(frame, known)
        if mine is None or getattr(frame, missing) is not None or missing in frame.closed_roles:
            continue
        for other in frames:
            if other is record or other.materiel_char != record.materiel_char:
                continue
            theirs, partner = getattr(other.frame, known), getattr(other.frame, missing)
            if theirs is not None and partner is not None and theirs.code == mine.code:
                rule = f"discourse.{missing}.same_materiel"
                setattr(frame, missing, RoleFiller(partner.code, rule))
                frame.note(missing, rule)
                return


def _issuer_gives(record: FrameRecord) -> bool:
    trigger = record.frame.trigger
    return trigger is not None and trigger.frame in ("give", "pledge") and not record.denied


def _most_common(codes: list[str]) -> str | None:
    if not codes:
        return None
    return max(sorted(set(codes)), key=codes.count)


def _merge(
    key: tuple[str | None, str | None, str],
    records: list[FrameRecord],
    document: CleanDocument,
    issuer: str | None,
) -> TransferRecord:
    supplier, recipient, category = key
    for record in records:
        _third_party_claims_allege(record, supplier, recipient)
    # For the stance, frames whose parties the sentence itself names decide over frames
    # completed from the article's topic, which are guesses.
    explicit = [r for r in records if not _from_discourse(r)] or records
    non_denied = [r for r in explicit if not r.denied]
    staged = [r for r in records if not r.denied] or records
    stage = max((r.stage for r in staged), key=lambda s: _STAGE_RANK.get(s, 0))
    stance = (
        "denied"
        if not non_denied
        else max((r.stance for r in non_denied), key=lambda s: _STANCE_RANK.get(s, 0))
    )
    transfer = TransferRecord(
        supplier=supplier,
        recipient=recipient,
        materiel=category,
        stage=stage,  # type: ignore[arg-type]
        stance=stance,  # type: ignore[arg-type]
    )
    rule_ids: dict[str, list[str]] = {}
    for record in records:
        materiel_rule = _materiel_rule(record.frame.materiel)
        if materiel_rule not in rule_ids.setdefault("materiel", []):
            rule_ids["materiel"].append(materiel_rule)
        for source in (record.frame.rule_ids, record.rule_ids):
            for name, ids in source.items():
                bucket = rule_ids.setdefault(name, [])
                bucket.extend(i for i in ids if i not in bucket)
        for code in [] if record.denied else record.claimed_by:
            # Who says a flow did not happen denies it (below); they claim nothing.
            if code not in transfer.claimed_by:
                transfer.claimed_by.append(code)
        for outlet in record.sources:
            if outlet not in transfer.sources:
                transfer.sources.append(outlet)
        for via in record.frame.via:
            if via.code not in transfer.via and via.code not in (supplier, recipient):
                transfer.via.append(via.code)
        if record.frame.origin and transfer.origin is None:
            transfer.origin = record.frame.origin.code
        if record.frame.end_user and transfer.end_user is None:
            transfer.end_user = record.frame.end_user.code
        if record.denied:
            denier = record.claimed_by[:1] or ([supplier] if supplier else [])
            for code in denier:
                if code not in transfer.denied_by:
                    transfer.denied_by.append(code)
    transfer.rule_ids = rule_ids
    if not transfer.claimed_by:
        _default_claimer(transfer, records, issuer)
    _set_quantity_and_detail(transfer, records, document)
    _set_event_date(transfer, records, document)
    transfer.evidence = _evidence(records, document)
    transfer.confidence = _confidence(records)
    return transfer


def _third_party_claims_allege(
    record: FrameRecord, supplier: str | None, recipient: str | None
) -> None:
    """ "The US says Iran supplied drones": a claim made only by states that are neither
    supplier nor recipient is an allegation (officials of the parties assert)."""
    if record.stance != "asserted" or not record.claimed_by or record.collective_claim:
        return
    if any(code in (supplier, recipient) for code in record.claimed_by):
        return
    if any(_is_state_or_group(code) for code in record.claimed_by):
        record.stance = "alleged"
        record.rule_ids.setdefault("stance", []).append("stance.third_party_claim")


def _is_state_or_group(code: str) -> bool:
    """A state's code, or a group of states' ("Western officials say …" alleges too)."""
    return is_state_code(code) or code in GROUP_CODES


def _from_discourse(record: FrameRecord) -> bool:
    ids = record.frame.rule_ids
    return any(
        i.startswith("discourse.") for role in ("supplier", "recipient") for i in ids.get(role, [])
    )


def _default_claimer(
    transfer: TransferRecord, records: list[FrameRecord], issuer: str | None
) -> None:
    """Who claims a transfer that no speaker is named for: the state that pledges it or asks
    for it, else the government issuing the text (a White House fact sheet speaks for USA)."""
    frames = {r.frame.trigger.frame for r in records if r.frame.trigger is not None}
    claimer: str | None = None
    rule = ""
    if transfer.stage == "requested" and transfer.recipient:
        claimer, rule = transfer.recipient, "claim.requester"
    elif "pledge" in frames and transfer.supplier and transfer.stage == "planned":
        claimer, rule = transfer.supplier, "claim.pledger"
    elif issuer is not None:
        claimer, rule = issuer, "claim.issuer"
    if claimer is not None:
        transfer.claimed_by.append(claimer)
        transfer.rule_ids.setdefault("claimed_by", []).append(rule)


def _set_quantity_and_detail(
    transfer: TransferRecord, records: list[FrameRecord], document: CleanDocument
) -> None:
    best: Quantity | None = None
    vague: Quantity | None = None
    details: list[str] = []
    for record in records:
        start, end = record.materiel_char
        text = document.text[record.sentence_start : record.sentence_end]
        m_start = start - record.sentence_start
        for quantity in find_quantities(text, record.lang):
            gap = text[quantity.end : m_start]
            if (
                quantity.end > m_start
                or len(gap) > _MAX_QUANTITY_GAP
                or any(p in gap for p in ".;:!?")
                or _counts_states(gap)
            ):
                continue
            if quantity.value is not None and quantity.kind in ("count", "approximate"):
                if best is None or (best.value or 0) < quantity.value:
                    best = quantity
            elif vague is None:
                vague = quantity
        detail = record.frame.materiel.detail
        if detail and detail not in details:
            details.append(detail)
        calibre = parse_calibre(text)
        if calibre is not None and str(calibre) not in details:
            details.append(str(calibre))
    chosen = best or vague
    if chosen is not None:
        transfer.quantity = chosen.value if chosen is best else None
        transfer.quantity_text = chosen.text
        transfer.rule_ids.setdefault("quantity", []).append(f"quantity.{chosen.kind}")
    transfer.detail = "; ".join(details) or None


# Nouns a number may count instead of the materiel: "30 countries have provided weapons".
_STATE_NOUNS = frozenset(
    {"countries", "nations", "states", "allies", "partners", "pays", "états",
     "alliés", "partenaires", "länder", "staaten", "países", "naciones", "estados"}
)  # fmt: skip


def _counts_states(gap: str) -> bool:
    """True when the words between a number and the materiel start with states it counts."""
    words = gap.split()
    return bool(words) and words[0].lower() in _STATE_NOUNS


def _set_event_date(
    transfer: TransferRecord, records: list[FrameRecord], document: CleanDocument
) -> None:
    for record in records:
        found = find_event_date(record.sentence_text, record.lang, document.published)
        if found is not None:
            transfer.event_date = found.value
            transfer.rule_ids.setdefault("event_date", []).append("date.sentence")
            return


def _evidence(records: list[FrameRecord], document: CleanDocument) -> list[Evidence]:
    seen: set[tuple[int, int]] = set()
    out = []
    for record in records:
        span = (record.sentence_start, record.sentence_end)
        if span in seen:
            continue
        seen.add(span)
        raw_start, raw_end = document.offsets.span_to_raw(*span)
        trigger_rules = record.frame.rule_ids.get("trigger", ["frame"])
        out.append(
            Evidence(
                start=span[0],
                end=span[1],
                raw_start=raw_start,
                raw_end=raw_end,
                text=record.sentence_text,
                rule_id=trigger_rules[0],
            )
        )
    return out


def _confidence(records: list[FrameRecord]) -> float:
    score = 0.4 + 0.15 * min(len(records), 3)
    if any(
        i.startswith("discourse.")
        for r in records
        for ids in r.frame.rule_ids.values()
        for i in ids
    ):
        score -= 0.15
    return round(max(0.1, min(score, 0.95)), 2)


def _apply_denials(
    transfers: list[TransferRecord], denials: list[Denial], document: CleanDocument
) -> None:
    for denial in denials:
        families = {family_of(c) for c in denial.categories}
        for transfer in transfers:
            parties = {transfer.supplier, transfer.recipient}
            deniers = [d for d in denial.deniers if d in parties]
            if not deniers:
                continue
            if families and family_of(transfer.materiel) not in families:
                continue
            for code in deniers:
                if code not in transfer.denied_by:
                    transfer.denied_by.append(code)
                    transfer.rule_ids.setdefault("denied_by", []).append("denial.article")
            span = (denial.sentence_start, denial.sentence_end)
            if all((e.start, e.end) != span for e in transfer.evidence):
                raw_start, raw_end = document.offsets.span_to_raw(*span)
                transfer.evidence.append(
                    Evidence(
                        span[0], span[1], raw_start, raw_end, denial.sentence_text, "denial.article"
                    )
                )

"""`extract_report`: one cleaned article in, its transfer records out.

Steps, each in its own module:
1. `prefilter`: lines with no materiel word, trigger or denial cue are never parsed, and an
   article without any materiel word is not parsed at all.
2. The remaining lines are parsed (`nlp.pipelines`) and gazetteer mentions found
   (`nlp.mentions`); people are mapped to the actors they speak for (`context`).
3. `frames`: each trigger with the materiel it governs gives a sentence frame with roles;
   list items inherit the frame of their header; `attribution` sets stage and stance.
4. `assemble`: frames merge into one record per (supplier, recipient, materiel), discourse
   fills missing roles, denials elsewhere in the article attach to the records they deny.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from armstrace.extract.anaphora import PronounResolver
from armstrace.extract.arming import armed_recipient, weapons_of_arming
from armstrace.extract.assemble import Denial, FrameRecord, assemble_records
from armstrace.extract.attribution import Attribution, attribute
from armstrace.extract.context import (
    FIRST_PERSON_PLURAL,
    FIRST_PERSON_POSSESSIVE,
    FIRST_PERSON_SINGULAR,
    ArticleContext,
    issuer_from_url,
    learn_people,
)
from armstrace.extract.controllers import (
    gratitude_supplier,
    receiving_controller,
    request_addressee,
)
from armstrace.extract.frames import (
    RELATIVE_DEPS,
    RoleFiller,
    SentenceFrame,
    apply_refill,
    close_place_destination,
    drop_modifiers,
    find_triggers,
    materiel_for_trigger,
    onward_recipient,
    route_before_delivery,
)
from armstrace.extract.groups import (
    counted_countries_supplier,
    group_adjective_supplier,
    is_group_adjective,
    joint_group_supplier,
    joint_state_suppliers,
    together_groups,
)
from armstrace.extract.lexicon import Lexicon, Trigger, load_lexicon
from armstrace.extract.materiel_phrases import PhraseMemory, phrase_materiel
from armstrace.extract.not_transfers import (
    act_of_its_own,
    agreed_on_other,
    asks_for_something_else,
    asks_permission,
    company_name,
    excluded,
    not_made,
    passive_agent,
    pledges_effort,
    seeks_own_act,
    targeted,
)
from armstrace.extract.prefilter import (
    CONTINUES,
    HEADER_END,
    INCLUDES,
    iter_units,
    load_prefilter,
)
from armstrace.extract.roles import (
    assign_controller,
    assign_roles,
    assign_roles_by_order,
    payer_recipient,
    word_before_infinitive,
)
from armstrace.extract.seizures import announced_seizure
from armstrace.extract.sourced import sourced_flows
from armstrace.models import ArticleReport, CleanDocument
from armstrace.nlp.mentions import Mention, materiel_term, mention_matcher
from armstrace.nlp.pipelines import has_parser, load_pipeline

# Bump when a change in rules or lexicons changes output: stored articles extracted by an
# older version are extracted again on the next run.
EXTRACTOR_VERSION = "0.7.0"

_HEADLINE_WEIGHT = 3
_BULLET = re.compile(r"^\s*(?:[-•*·▪‣–—]|\d+[.)])\s+")
_SECTION_STAGE = (
    (re.compile(r"livr|deliver|geliefert|entregad|provided|sent", re.I), "delivered"),
    (
        re.compile(r"annonc|promis|pledg|announc|planned|prévu|zugesagt|geplant|prometid", re.I),
        "planned",
    ),
    (re.compile(r"demand|request|réclam|gefordert|solicitad", re.I), "requested"),
)


def extract_report(document: CleanDocument) -> ArticleReport:
    """Every transfer `document` reports, merged to one record per flow, with evidence."""
    lang = document.lang if document.lang in ("fr", "en", "de", "es") else "en"
    prefilter = load_prefilter(lang)
    report = ArticleReport(document_id=document.id, extractor_version=EXTRACTOR_VERSION)
    if not prefilter.article_may_report(document.text):
        return report
    nlp = load_pipeline(lang)
    matcher = mention_matcher(nlp, lang)
    lexicon = load_lexicon(lang)
    context = ArticleContext(issuer=issuer_from_url(document.url))
    article_mentions = matcher(nlp.make_doc(document.text))
    for mention in article_mentions:
        if mention.kind == "actor":
            context.actor_counts[mention.code] += 1
    if document.title:
        # The headline names what the article is about: its actors weigh more.
        for mention in matcher(nlp.make_doc(document.title)):
            if mention.kind == "actor":
                context.actor_counts[mention.code] += _HEADLINE_WEIGHT

    units = list(iter_units(document.text, prefilter))
    frames: list[FrameRecord] = []
    denials: list[Denial] = []
    reader = _UnitReader(lang, lexicon, context, document, PronounResolver(article_mentions))
    parsed = nlp.pipe(_readable_heading(text) for _start, text in units)
    for (start, text), doc in zip(units, parsed, strict=True):
        mentions = matcher(doc)
        learn_people(doc, mentions, context)
        if doc.text != text and reader.read_heading(doc, start, mentions):
            continue
        reader.read(doc, start, mentions, frames, denials)
    report.transfers = assemble_records(
        frames, denials, context, document, topic=_title_frames(document, nlp, lang, context)
    )
    return report


def _paid_not_delivered(att: Attribution, lang: str) -> None:
    """ "n'a jamais livré des armes que l'Arménie avait payées": a sale paid for and not
    delivered is no denial of it but a flow still planned."""
    if att.denied and att.stage == "delivered":
        att.denied = False
        att.stage = "planned"
        att.note("stage", f"{lang}.stage.paid_not_delivered")


def _title_frames(
    document: CleanDocument, nlp: Language, lang: str, context: ArticleContext
) -> list[FrameRecord]:
    """Frames of the headline: never output (the title is not in the text the evidence
    points into), but they say which flow the article is about."""
    if not document.title:
        return []
    doc = nlp(document.title)
    frames: list[FrameRecord] = []
    reader = _UnitReader(lang, load_lexicon(lang), context, document, PronounResolver([]))
    reader.read(doc, 0, mention_matcher(nlp, lang)(doc), frames, [])
    return frames


class _UnitReader:
    """Turns parsed lines into frames and denials, remembering list headers and sections."""

    def __init__(
        self,
        lang: str,
        lexicon: Lexicon,
        context: ArticleContext,
        document: CleanDocument,
        pronouns: PronounResolver,
    ) -> None:
        self.lang = lang
        self.lexicon = lexicon
        self.context = context
        self.document = document
        self.header: list[FrameRecord] = []  # frames of the last list header
        self.section_stage: str | None = None
        self.section_actor: RoleFiller | None = None  # "GERMANY" heading over its items
        self.last_frames: list[FrameRecord] = []
        # The stage of the last trigger seen, with or without materiel: "the Pentagon
        # announced a $1 billion package. It includes:" gives its items `planned`.
        self.last_trigger: tuple[Trigger, str] | None = None
        self.pronouns = pronouns
        self.phrases = PhraseMemory()  # "ces blindés" after "les blindés antiaériens Gepard"
        self.sentence_count = 0
        # The last flow with a party named, and the sentence count when it was described.
        self.flow: tuple[int, FrameRecord] | None = None
        # Where the last parsed line ended, and whether it ended on a semicolon.
        self.unit_end: tuple[int, bool] = (-1, False)

    def read(
        self,
        doc: Doc,
        offset: int,
        mentions: list[Mention],
        frames: list[FrameRecord],
        denials: list[Denial],
    ) -> None:
        text = doc.text
        if _is_section_heading(text):
            # "DÉJÀ LIVRÉ", "ANNOUNCED TODAY": the items below keep the flow being listed
            # (or the one the article just described) and take the heading's stage.
            self.section_stage = _section_stage(text)
            self.header = self.header or self.last_frames[:1]
            return
        heading_actor = _heading_actor(text, mentions)
        if heading_actor is not None or _is_caps_heading(text):
            # A fact sheet by donor: "UNITED STATES" then its items. Any other heading ends it.
            self.section_actor = heading_actor
            return
        is_item = bool(_BULLET.match(text))
        carried = self._open_list_stage(offset)
        self.unit_end = (offset + len(text), text.rstrip().endswith(";"))
        new_frames: list[FrameRecord] = []
        for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
            sent_mentions = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
            new = self._frames_in_sentence(sent, sent_mentions, offset)
            self._remember_trigger(sent, sent_mentions)
            self._note_denial(sent, sent_mentions, offset, denials)
            self.sentence_count += 1
            if is_item and self.header:
                # An item's materiel that no trigger of its own governs is the header's.
                new = new + self._inherit(sent, sent_mentions, offset, taken=new)
            elif not is_item and CONTINUES.search(sent.text):
                new = self._continue_flow(sent, sent_mentions, offset, new)
            if not new and not is_item:
                self._attach_anaphora(sent, sent_mentions)
            if carried is not None and not new_frames:
                _carry_list_stage(new, carried, doc)
            frames.extend(new)
            new_frames.extend(new)
            if new:
                self.last_frames = new
                self._remember_flow(new)
            if new and (HEADER_END.search(sent.text) or INCLUDES.search(sent.text)):
                self.header = new
            elif not new and not is_item and HEADER_END.search(sent.text):
                self.header = self._header_without_materiel(sent, sent_mentions, offset)
            elif not new and not is_item:
                # "…détaille un nouveau paquet pour l'Ukraine." then "Il comprend 40 Marder":
                # a trigger sentence without materiel opens a flow the next sentences fill.
                self._remember_flow(self._header_without_materiel(sent, sent_mentions, offset))
        if is_item and self.section_actor is not None:
            for record in new_frames:
                if (
                    record.frame.supplier is None
                    or "list.item.inherit" in record.frame.rule_ids.get("supplier", [])
                ):
                    record.frame.supplier = self.section_actor
                    record.frame.rule_ids["supplier"] = ["list.section_actor"]
        header_here = any(f.sentence_start >= offset for f in self.header)
        if not is_item and not header_here and not HEADER_END.search(text):
            self.header = []  # a list ends at the first ordinary paragraph

    def _open_list_stage(self, offset: int) -> str | None:
        """The stage of the flow whose list the previous line left open with a semicolon
        ("…including Patriot batteries donated by Germany;" then "a SAMP-T system donated by
        Italy."), when this line follows it directly; else None."""
        end, open_list = self.unit_end
        if not open_list or not self.last_frames or not 0 < offset - end <= 2:
            return None
        return self.last_frames[0].stage

    def _right_after_arms(self, sent: Span, offset: int) -> bool:
        """True when the sentence just before reported a flow of weapons: in "These
        capabilities include artillery. I have also approved the transfer of additional
        helicopters." the helicopters are military without a military word of their own."""
        start = offset + sent.start_char
        return any(
            record.frame.materiel.code not in _DUAL_USE
            and 0 <= start - record.sentence_end <= _ADJACENT_GAP
            for record in self.last_frames
        )

    def read_heading(self, doc: Doc, offset: int, mentions: list[Mention]) -> bool:
        """A capitals heading with a verb, read in lower case ("Ce que Pyongyang aurait
        fourni"): when it has a trigger it heads the list below like "The package includes:",
        its items taking its supplier and stage. False when it is no such heading."""
        if not find_triggers(doc[:], self.lexicon):
            return False
        header = self._header_without_materiel(doc[:], mentions, offset)
        if not header or (header[0].frame.supplier is None and header[0].frame.recipient is None):
            return False
        self.header = header
        self.section_actor = None
        self.section_stage = None
        return True

    def _frames_in_sentence(
        self, sent: Span, mentions: list[Mention], offset: int
    ) -> list[FrameRecord]:
        words = [m for m in mentions if m.kind == "materiel"]
        materiel = self.phrases.read(sent, words, phrase_materiel(sent, words))
        if not _military_context(sent, words) and not self._right_after_arms(sent, offset):
            # Airliners, chips and engines are not arms unless the sentence says military
            # (or names a weapon: "parts to sustain these tanks").
            # A named engine (CFM-56, RB211) powers airliners as often as tankers.
            materiel = [
                m
                for m in materiel
                if m.code not in _DUAL_USE
                or (m.subkind == "system" and m.code != "components" and not _airliner(m))
            ]
        materiel = [
            m
            for m in materiel
            if not targeted(sent, m, self.lexicon)
            and not excluded(sent, m, self.lexicon)
            and not company_name(sent, m)
        ]
        if not materiel:
            materiel = weapons_of_arming(sent, mentions, self.lexicon)
        if not materiel:
            return []
        actors = [m for m in mentions if m.kind in ("actor", "region")]
        triggers = find_triggers(sent, self.lexicon)
        trigger_ids = {t.i for t, _ in triggers}
        blockers = frozenset(
            t.i
            for t in sent
            if t.i not in trigger_ids and "nontransfer" in self.lexicon.cue_kinds(t.lemma_)
        )
        out: list[FrameRecord] = []
        used: set[tuple[int, int]] = set()
        for token, trigger in triggers:
            if _reports_no_flow(sent, token, trigger, triggers, materiel, actors, self.lexicon):
                continue
            trigger = _taken_delivery(token, trigger, self.lexicon)
            # A group the giver acts "together with" is no party of its own (see `groups`).
            joined = (
                together_groups(sent, token, actors, self.lexicon) if has_parser(self.lang) else []
            )
            parties = [a for a in actors if a not in joined and not is_group_adjective(a)]
            items = materiel_for_trigger(sent, token, materiel, trigger_ids, blockers)
            items = [
                m for m in items if _moved_by(sent, token, trigger, m, trigger_ids, self.lexicon)
            ]
            for item in items:
                if (item.start, token.i) in used:
                    continue
                used.add((item.start, token.i))
                frame = SentenceFrame(trigger=trigger, trigger_token=token.i, materiel=item)
                frame.note("trigger", trigger.rule_id)
                att = attribute(sent, token, trigger.stage, mentions, self.lexicon)
                if has_parser(self.lang):
                    assign_roles(frame, sent, token, parties, self.lexicon)
                    armed_recipient(frame, token, parties, self.lang)
                    if not gratitude_supplier(frame, sent, token, parties, self.lang):
                        assign_controller(frame, sent, token, parties, self.lexicon)
                        _owner_plan_stage(att, frame, sent, token, self.lexicon)
                    request_addressee(frame, sent, token, parties, self.lexicon)
                    receiving_controller(frame, sent, token, parties, self.lexicon)
                    if payer_recipient(frame, sent, token, parties, self.lang):
                        _paid_not_delivered(att, self.lang)
                    self._first_person(frame, sent, token)
                    self.pronouns.fill(frame, token, offset)
                if frame.supplier is None or frame.recipient is None:
                    assign_roles_by_order(frame, sent, token.i, parties, self.lexicon)
                joint_group_supplier(frame, joined, self.lang)
                if has_parser(self.lang):
                    joint_state_suppliers(frame, sent, token, parties, self.lexicon)
                group_adjective_supplier(frame, sent, actors, self.lang)
                if has_parser(self.lang):
                    counted_countries_supplier(frame, token, self.lang)
                    announced_seizure(frame, att, token, self.lexicon)
                if self.section_stage and _BULLET.match(sent.doc.text):
                    att.stage = self.section_stage
                frame = apply_refill(frame, token, self.lexicon)
                if has_parser(self.lang):
                    close_place_destination(frame, token, parties)
                    onward_recipient(frame, sent, token, parties, self.lexicon)
                    route_before_delivery(frame, token, parties)
                onward = self._find_end_user(frame, sent, token, parties, triggers)
                if onward is not None and trigger.frame == "buy":
                    _bought_and_passed_on(att, sent, onward, mentions, self.lexicon)
                out.extend(self._record(f, att, sent, offset) for f in _split_conjuncts(frame))
        if has_parser(self.lang):
            out.extend(self._sourced(sent, materiel, actors, mentions, offset, out))
        return out

    def _sourced(
        self,
        sent: Span,
        materiel: list[Mention],
        actors: list[Mention],
        mentions: list[Mention],
        offset: int,
        taken: list[FrameRecord],
    ) -> list[FrameRecord]:
        """Weapons "from X" used or needed by another party, which no trigger moves (see
        `sourced`): X gives them to that party."""
        covered = {r.frame.materiel.start for r in taken}
        free = [m for m in materiel if m.start not in covered]
        out = []
        lang = self.lang
        for flow in sourced_flows(sent, free, actors, self.lexicon):
            trigger = Trigger(flow.verb.lemma_, lang, "VERB", "give", flow.stage)
            frame = SentenceFrame(trigger, flow.verb.i, flow.materiel)
            frame.note("trigger", f"{lang}.trigger.sourced_use")
            frame.supplier = RoleFiller(flow.giver.code, f"{lang}.role.supplier.from", flow.giver)
            frame.recipient = RoleFiller(flow.user.code, f"{lang}.role.recipient.user", flow.user)
            frame.note("supplier", f"{lang}.role.supplier.from")
            frame.note("recipient", f"{lang}.role.recipient.user")
            att = attribute(sent, flow.verb, flow.stage, mentions, self.lexicon)
            if att.stage != flow.stage:
                # What is used has come, what is needed is asked for, whatever verb (a
                # request, "needs" in "needs weapons … against attacks enabled by …") is above.
                att.stage = flow.stage
                att.note("stage", f"{self.lang}.stage.sourced_use")
            out.append(self._record(frame, att, sent, offset))
        return out

    def _first_person(self, frame: SentenceFrame, sent: Span, trigger: Token) -> None:
        """ "We are sending Ukraine …": `we` is the issuing government."""
        if self.context.issuer is None:
            return
        for token in sent:
            if token.lower_ in _FIRST_PERSON_SPEAKERS and token.dep_.startswith("nsubj"):
                # "we are sending", "we decided to send", "I approved the transfer of"
                linked = trigger.i in (token.head.i, token.head.head.i) or (
                    trigger.head.i == token.head.i and trigger.dep_ in _OBJECT_OF_SPEAKER
                )
                if not linked:
                    continue
                role = (
                    "recipient"
                    if frame.trigger
                    and frame.trigger.frame
                    in (
                        "receive",
                        "buy",
                        "request",
                    )
                    else "supplier"
                )
                if getattr(frame, role) is None:
                    setattr(frame, role, RoleFiller(self.context.issuer, f"{self.lang}.role.we"))
                    frame.note(role, f"{self.lang}.role.{role}.first_person")

    def _record(
        self, frame: SentenceFrame, att: Attribution, sent: Span, offset: int
    ) -> FrameRecord:
        claimed = [m.code for m in att.claimers]
        collective = False
        for token in att.speaker_tokens:
            code = self.context.resolve_person(token)
            if code:
                claimed.append(code)
                # "we are announcing": in a joint text, all signatories speak.
                collective |= any(t.lower_ in FIRST_PERSON_PLURAL for t in token.subtree)
                att.note("claimed_by", "speaker.person")
        if claimed:
            self.context.last_speaker = claimed[-1]
        stage, rule_ids = att.stage, att.rule_ids
        if stage == "requested" and frame.supplier and frame.supplier.code in att.requesters:
            # "the Pentagon asked US forces in Korea to send shells": a government asking its
            # own forces or agencies gives an order, so the flow is planned, not requested.
            stage = "planned"
            rule_ids = {**rule_ids, "stage": [f"{self.lang}.stage.order_to_own_side"]}
        start = offset + sent.start_char
        end = offset + sent.end_char
        return FrameRecord(
            frame=frame,
            stage=stage,
            stance=att.stance,
            denied=att.denied,
            claimed_by=claimed,
            sources=list(att.sources),
            rule_ids=rule_ids,
            sentence_start=start,
            sentence_end=end,
            sentence_text=sent.text,
            materiel_char=(offset + frame.materiel.start_char, offset + frame.materiel.end_char),
            lang=self.lang,
            collective_claim=collective,
            first_person=any(t.lower_ in _FIRST_PERSON_WORDS and t.text != "US" for t in sent),
        )

    def _find_end_user(
        self,
        frame: SentenceFrame,
        sent: Span,
        trigger: Token,
        actors: list[Mention],
        triggers: list[tuple[Token, Trigger]],
    ) -> Token | None:
        """ "100 000 obus … aux États-Unis, que les États-Unis enverront ensuite à l'Ukraine":
        a second give-clause on the same materiel whose giver is this frame's recipient
        names the end user. Returns the onward trigger."""
        if frame.recipient is None or not has_parser(self.lang):
            return None
        materiel_root = sent.doc[frame.materiel.start : frame.materiel.end].root
        for other, other_trigger in triggers:
            if other.i == frame.trigger_token or other_trigger.frame != "give":
                continue
            if other.dep_ not in ("acl:relcl", "relcl", "acl", "conj", "advcl", "ccomp"):
                continue
            # "des systèmes Skynex qu'elle remet": the clause may hang on the noun the
            # system name qualifies.
            on_materiel = other.head == materiel_root.head and materiel_root.dep_ in _NAME_DEPS
            if materiel_root not in other.ancestors and other.head != trigger and not on_materiel:
                continue
            onward = SentenceFrame(
                trigger=other_trigger, trigger_token=other.i, materiel=frame.materiel
            )
            assign_roles(onward, sent, other, actors, self.lexicon)
            giver = onward.supplier.code if onward.supplier is not None else None
            if giver is None and _pronoun_subject(other):
                giver = frame.recipient.code  # "des systèmes qu'elle remet ensuite à …"
            if (
                giver == frame.recipient.code
                and onward.recipient is not None
                and onward.recipient.code != frame.recipient.code
            ):
                frame.end_user = RoleFiller(onward.recipient.code, f"{self.lang}.end_user.relay")
                frame.note("end_user", f"{self.lang}.end_user.relay")
                return other
        return None

    def _remember_trigger(self, sent: Span, mentions: list[Mention]) -> None:
        triggers = find_triggers(sent, self.lexicon)
        if triggers:
            token, trigger = triggers[0]
            stage = attribute(sent, token, trigger.stage, mentions, self.lexicon).stage
            if trigger.frame == "pledge" and stage == "delivered":
                stage = "planned"
            self.last_trigger = (trigger, stage)

    def _header_without_materiel(
        self, sent: Span, mentions: list[Mention], offset: int
    ) -> list[FrameRecord]:
        """ "The new assistance package includes:" names no materiel; its items take the
        actors of the flow the article was just talking about, and this sentence's stage."""
        triggers = find_triggers(sent, self.lexicon)
        if triggers:
            token, trigger = triggers[0]
        elif INCLUDES.search(sent.text) and self.last_trigger is not None and self.last_frames:
            token, trigger = sent.root, self.last_trigger[0]  # "It includes:"
        else:
            return []
        # The items stand after the sentence's end: "provide Ukraine with:" has its
        # recipient before the materiel, as in "provide Ukraine with shells".
        last = sent[-1]
        placeholder = materiel_term(sent.doc[last.i : last.i + 1], "unspecified")
        frame = SentenceFrame(trigger=trigger, trigger_token=token.i, materiel=placeholder)
        actors = [m for m in mentions if m.kind in ("actor", "region")]
        if triggers and has_parser(self.lang):
            # "…will be used to provide Ukraine and Eastern flank allies with:" names its
            # own parties; the flow just described fills only what it leaves out.
            assign_roles(frame, sent, token, actors, self.lexicon)
            self._first_person(frame, sent, token)
        if self.last_frames:
            previous = self.last_frames[0].frame
            taken = {f.code for f in (frame.supplier, frame.recipient) if f is not None}
            for role in ("supplier", "recipient"):
                filler = getattr(previous, role)
                if getattr(frame, role) is None and filler is not None and filler.code not in taken:
                    setattr(frame, role, filler)
                    taken.add(filler.code)
        att = attribute(sent, token, trigger.stage, mentions, self.lexicon)
        if not triggers and self.last_trigger is not None:
            att.stage = self.last_trigger[1]
            att.note("stage", "list.header.previous_sentence")
        if any(t.frame == "pledge" for _, t in triggers) and att.stage == "delivered":
            att.stage = "planned"
            att.note("stage", f"{self.lang}.stage.header_pledge")
        return [self._record(frame, att, sent, offset)]

    def _inherit(
        self,
        sent: Span,
        mentions: list[Mention],
        offset: int,
        base: FrameRecord | None = None,
        rule: str = "list.item.inherit",
        taken: list[FrameRecord] | None = None,
    ) -> list[FrameRecord]:
        """A list item with materiel and no trigger inherits its header's actors and stage
        (or, for a continuation sentence, those of the flow `base` just described); materiel
        of `taken` frames is left to them."""
        out = []
        base = base or self.header[0]
        materiel = phrase_materiel(sent, [m for m in mentions if m.kind == "materiel"])
        items = drop_modifiers(sent, materiel)
        spans = [(r.frame.materiel.start, r.frame.materiel.end) for r in taken or []]
        items = [m for m in items if not any(s < m.end and m.start < e for s, e in spans)]
        for item in items:
            frame = SentenceFrame(trigger=base.frame.trigger, trigger_token=None, materiel=item)
            frame.note("trigger", rule)
            _take_parties(frame, base.frame, rule)
            att = attribute(sent, None, base.stage, mentions, self.lexicon)
            if self.section_stage and rule == "list.item.inherit":
                att.stage = self.section_stage
                att.note("stage", "list.section_heading")
            record = self._record(frame, att, sent, offset)
            record.stance = base.stance if record.stance == "asserted" else record.stance
            record.claimed_by = record.claimed_by or list(base.claimed_by)
            out.append(record)
        return out

    def _remember_flow(self, records: list[FrameRecord]) -> None:
        with_roles = [r for r in records if r.frame.supplier or r.frame.recipient]
        if with_roles:
            self.flow = (self.sentence_count, with_roles[0])

    def _continue_flow(
        self, sent: Span, mentions: list[Mention], offset: int, new: list[FrameRecord]
    ) -> list[FrameRecord]:
        """ "Le paquet comprend 60 missiles Harpoon", "Il comprend 40 Marder": a sentence
        that says what a flow just described contains takes that flow's parties."""
        if self.flow is None or self.sentence_count - self.flow[0] > _CONTINUATION_REACH:
            return new
        base = self.flow[1]
        if not new:
            return self._inherit(sent, mentions, offset, base, "flow.continued")
        for record in new:
            if record.frame.supplier is None and record.frame.recipient is None:
                _take_parties(record.frame, base.frame, "flow.continued")
        return new

    def _attach_anaphora(self, sent: Span, mentions: list[Mention]) -> None:
        """ "…en les acheminant via le Moyen-Orient": a trigger with no materiel adds its
        route to the frames of the previous sentence."""
        regions = [m for m in mentions if m.kind == "region"]
        if not regions or not self.last_frames:
            return
        if not find_triggers(sent, self.lexicon):
            return
        for record in self.last_frames:
            for region in regions:
                if all(v.code != region.code for v in record.frame.via):
                    record.frame.via.append(RoleFiller(region.code, "route.anaphora", region))
                    record.frame.note("via", f"{self.lang}.route.anaphora")

    def _note_denial(
        self, sent: Span, mentions: list[Mention], offset: int, denials: list[Denial]
    ) -> None:
        deny_verbs = [t for t in sent if "deny" in self.lexicon.cue_kinds(t.lemma_ or t.lower_)] + [
            t for t in sent if "deny" in self.lexicon.cue_kinds(t.lower_)
        ]
        if not deny_verbs:
            return
        deniers: list[str] = []
        for verb in deny_verbs:
            subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
            for subject in subjects:
                left, right = subject.left_edge.i, subject.right_edge.i + 1
                inside = [
                    m.code
                    for m in mentions
                    if m.kind == "actor" and left <= m.start and m.end <= right
                ]
                if inside:
                    deniers.extend(inside)
                else:
                    code = self.context.resolve_person(subject)
                    if code:
                        deniers.append(code)
        if not deniers:
            # Unparsed languages, or a subject the parser missed: the first actor named.
            first = next((m for m in mentions if m.kind == "actor"), None)
            if first is None or first.start > deny_verbs[0].i:
                return
            deniers.append(first.code)
        categories = [m.code for m in mentions if m.kind == "materiel"]
        others = [m.code for m in mentions if m.kind == "actor" and m.code not in deniers]
        denials.append(
            Denial(
                deniers=sorted(set(deniers)),
                categories=categories,
                other_actors=others,
                sentence_start=offset + sent.start_char,
                sentence_end=offset + sent.end_char,
                sentence_text=sent.text,
            )
        )


# In an official text "I" is the head of government and "we" the government.
_FIRST_PERSON_SPEAKERS = FIRST_PERSON_PLURAL | FIRST_PERSON_SINGULAR
_FIRST_PERSON_WORDS = _FIRST_PERSON_SPEAKERS | FIRST_PERSON_POSSESSIVE
_OBJECT_OF_SPEAKER = frozenset({"dobj", "obj", "xcomp", "ccomp"})
# How many sentences after a flow a "comprend"/"includes" sentence may still continue it.
_CONTINUATION_REACH = 2


# How a system name attaches to the generic noun it qualifies ("systèmes Skynex").
_NAME_DEPS = frozenset({"amod", "compound", "nmod", "appos", "flat", "flat:name"})


def _carry_list_stage(records: list[FrameRecord], stage: str, doc: Doc) -> None:
    """Items of a list continued from the line before whose trigger is a bare participle
    ("a SAMP-T system donated by Italy"), which has no tense of its own, take the stage of
    the flow the list belongs to ("we are announcing … including:")."""
    for record in records:
        index = record.frame.trigger_token
        if index is None or record.stage == stage:
            continue
        token = doc[index]
        if token.tag_ != "VBN" or token.dep_ not in ("acl", "amod"):
            continue
        if any(c.dep_ in ("aux", "auxpass") for c in token.children):
            continue
        record.stage = stage
        record.rule_ids = {**record.rule_ids, "stage": ["list.semicolon_continued"]}


def _arrives(sent: Span, verb: Token, item: Mention) -> bool:
    """Only what the arrival verb is about arrives: its subject ("the tanks arrived") or the
    noun its relative clause qualifies ("tanks, which arrived"), never a traveller's
    ("when the minister arrived in Kyiv, he pledged tanks")."""
    root = sent.doc[item.start : item.end].root
    if verb in root.ancestors:
        return True
    return verb.head == root or (verb.head == root.head and root.dep_ in _NAME_DEPS)


def _owner_plan_stage(
    att: Attribution, frame: SentenceFrame, sent: Span, trigger: Token, lexicon: Lexicon
) -> None:
    """ "au projet du Danemark de céder": a giver read off a plan noun ("projet",
    "intention") has only planned the transfer, wherever the parse hangs the infinitive."""
    if att.stage != "delivered" or frame.supplier is None:
        return
    if not frame.supplier.rule_id.endswith(".noun_owner"):
        return
    owner = word_before_infinitive(sent, trigger)
    if owner is None:
        return
    noun = owner.head
    if "plan" in lexicon.cue_kinds(noun.lemma_):
        att.stage = "planned"
        att.note("stage", f"{lexicon.lang}.stage.plan_noun.{noun.lemma_}")


def _pronoun_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "sb") and c.pos_ == "PRON" for c in verb.children)


def _bought_and_passed_on(
    att: Attribution, sent: Span, onward: Token, mentions: list[Mention], lexicon: Lexicon
) -> None:
    """A purchase the buyer already hands on ("commandé des Skynex qu'elle remet ensuite à
    l'armée ukrainienne") has reached the buyer: it is as advanced as its onward leg."""
    trigger = lexicon.trigger_for(onward.lemma_, onward.pos_)
    if trigger is None:
        return
    if attribute(sent, onward, trigger.stage, mentions, lexicon).stage == "delivered":
        att.stage = "delivered"
        att.note("stage", f"{lexicon.lang}.stage.relay_onward")


def _reports_no_flow(
    sent: Span,
    token: Token,
    trigger: Trigger,
    triggers: list[tuple[Token, Trigger]],
    materiel: list[Mention],
    actors: list[Mention],
    lexicon: Lexicon,
) -> bool:
    """True when the trigger word reports no flow of its own (see not_transfers): asked
    about, supposed or refused; a commitment to buy or a purchase another trigger hands on;
    a request for permission or for something else; part of another trigger's flow; the
    subject's own aim ("seeking to sell")."""
    trigger_ids = {t.i for t, _ in triggers}
    return (
        not_made(sent, token, lexicon)
        or _commits_to_buy(token, trigger, triggers)
        or _bought_before(token, trigger, triggers)
        or asks_permission(token, trigger, lexicon)
        or asks_for_something_else(token, trigger, materiel, actors)
        or _part_of_other_trigger(token, trigger_ids)
        or seeks_own_act(token, trigger, trigger_ids)
        or pledges_effort(token, trigger, trigger_ids, lexicon)
    )


def _moved_by(
    sent: Span,
    token: Token,
    trigger: Trigger,
    item: Mention,
    trigger_ids: set[int],
    lexicon: Lexicon,
) -> bool:
    """True when the trigger moves this materiel word, rather than naming it as the agent of
    a passive, the subject of an agreed design, another clause's object under a permitting
    or announcing verb, or something that does not arrive."""
    if passive_agent(sent, token, item) or agreed_on_other(sent, token, trigger, item, trigger_ids):
        return False
    clausal = "clausal" in lexicon.cue_kinds(token.lemma_)
    if clausal and act_of_its_own(sent, token, item, trigger_ids):
        return False
    return not (
        trigger.frame == "arrive" and has_parser(lexicon.lang) and not _arrives(sent, token, item)
    )


def _part_of_other_trigger(token: Token, trigger_ids: set[int]) -> bool:
    """ "delivery of the first tranche of Apaches", "la livraison d'un paquet de": a trigger
    noun that only says which part of another trigger's flow is meant adds no flow."""
    if token.pos_ != "NOUN" or token.dep_ not in ("pobj", "nmod"):
        return False
    head = token.head
    if head.dep_ == "prep" and head.lower_ in ("of", "de", "d'", "du", "des"):
        head = head.head
    elif token.dep_ == "nmod" and not any(
        c.lower_ in ("de", "d'", "du", "des") for c in token.children
    ):
        return False
    return head.i in trigger_ids and head.pos_ == "NOUN"


def _taken_delivery(token: Token, trigger: Trigger, lexicon: Lexicon) -> Trigger:
    """ "Australia will take delivery of Apache helicopters", "Taipei attend la livraison
    des F-16": a delivery noun as the object of a taking or awaiting verb makes that verb's
    subject the recipient; what is awaited is not yet delivered."""
    if trigger.frame != "give" or token.pos_ != "NOUN" or token.dep_ not in ("dobj", "obj"):
        return trigger
    kinds = lexicon.cue_kinds(token.head.lemma_)
    if "take" in kinds:
        return replace(trigger, frame="receive")
    if "await" in kinds:
        return replace(trigger, frame="receive", stage="planned")
    return trigger


def _commits_to_buy(token: Token, trigger: Trigger, triggers: list[tuple[Token, Trigger]]) -> bool:
    """ "Australia agreed to purchase drones", "announced plans to procure HIMARS": the
    pledge is the buyer's, whose purchase frame reads the flow; the pledge must not make the
    buyer a giver."""
    if trigger.frame != "pledge":
        return False
    taking = {t.i for t, other in triggers if other.frame in ("buy", "receive")}
    below = [c for c in token.children if c.dep_ in _COMMITTED_DEPS]
    below += [g for c in below for g in c.children if g.dep_ in _COMMITTED_DEPS]
    return any(node.i in taking for node in below)


def _bought_before(token: Token, trigger: Trigger, triggers: list[tuple[Token, Trigger]]) -> bool:
    """ "rétrocéder à Israël les batteries que l'US Army avait achetées", "gave Ukraine the
    tanks it had bought": a purchase told in a relative clause, with no seller named, is the
    history of what another trigger of the sentence moves, not a flow of its own."""
    if trigger.frame != "buy" or not _relative_clause(token):
        return False
    if not any(o.frame in ("give", "pledge") and t.i != token.i for t, o in triggers):
        return False
    objects = [c for c in token.children if c.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass")]
    return not any(t.pos_ == "PROPN" for c in objects for t in c.subtree)


def _relative_clause(verb: Token) -> bool:
    """The verb heads a relative clause; the French model may label it a bare `acl` with
    the relative pronoun as its object ("les batteries que l'US Army avait achetées")."""
    if verb.dep_ in RELATIVE_DEPS:
        return True
    return verb.dep_ == "acl" and any(c.lower_ in ("que", "qu'") for c in verb.children)


# How a pledge verb governs what it commits to: "agreed to buy", "plans to procure".
_COMMITTED_DEPS = frozenset({"xcomp", "ccomp", "acl", "dobj", "obj"})


def _take_parties(frame: SentenceFrame, base: SentenceFrame, rule: str) -> None:
    """Give `frame` the supplier and recipient of the flow `base` it belongs to."""
    frame.supplier = base.supplier
    frame.recipient = base.recipient
    for role in ("supplier", "recipient"):
        if getattr(frame, role) is not None:
            frame.note(role, rule)


def _split_conjuncts(frame: SentenceFrame) -> list[SentenceFrame]:
    """One frame per co-ordinated supplier and recipient."""
    frames = [frame]
    for extra in frame.co_suppliers:
        frames.append(replace(frame, supplier=extra, co_suppliers=[], co_recipients=[]))
    for extra in frame.co_recipients:
        frames.append(replace(frame, recipient=extra, co_suppliers=[], co_recipients=[]))
    for f in frames[1:]:
        f.rule_ids = {k: list(v) for k, v in frame.rule_ids.items()}
        f.note("supplier" if f.supplier is not frame.supplier else "recipient", "role.conj")
    return frames


# Categories whose generic words ("aircraft", "engines", "boats") name civilian things as
# often as military ones.
_DUAL_USE = frozenset({"aircraft", "helicopters", "naval_vessels", "components"})
_MILITARY = re.compile(
    r"\b(militar\w*|milit[äa]r\w*|army|armée|armee|ejército|air force|navy|marine|"
    r"defen[cs]e|défense|verteidigung\w*|defensa|weapon\w*|arms|armes|waffen|armas|"
    r"fighter\w*|combat|war|guerre|krieg|guerra|missile\w*|drone\w*|bundeswehr|pentagon\w*|"
    r"armament\w*|armement\w*|rüstung\w*|munition\w*|ammunition|kampf\w*|caza\w*|"
    r"warship\w*|attack|"
    # Vessels and aircraft that only forces use: "supply eight submarines" needs no more.
    r"submarin\w*|sous-marins?|u-boot\w*|frigates?|frégates?|fregatten?|fragatas?|"
    r"corvettes?|korvetten?|corbetas?|destroyers?|zerstörer\w*|minesweepers?|bombers?)\b",
    re.IGNORECASE,
)


# Characters between two sentences that follow each other (a space or a line break).
_ADJACENT_GAP = 3


# Airliner families (Airbus A300 to A380, Boeing 707 to 787): forces fly them as transports
# and tankers, but news names them for airlines far more often.
_AIRLINER = re.compile(r"^(A-?3[0-8]0|B-?7[0-8]7|Boeing 7[0-8]7)\b", re.IGNORECASE)


def _airliner(mention: Mention) -> bool:
    return mention.code == "aircraft" and bool(_AIRLINER.match(mention.detail or ""))


def _military_context(sent: Span, materiel: list[Mention]) -> bool:
    if any(m.code not in _DUAL_USE for m in materiel):
        return True
    return bool(_MILITARY.search(sent.text))


def _heading_actor(text: str, mentions: list[Mention]) -> RoleFiller | None:
    """The actor a short heading line consists of ("GERMANY", "Royaume-Uni :")."""
    stripped = text.strip().rstrip(":：").strip()
    if not stripped or len(stripped) > 40:
        return None
    actors = [m for m in mentions if m.kind == "actor"]
    if len(actors) == 1 and actors[0].text.strip().lower() == stripped.lower():
        return RoleFiller(actors[0].code, "list.section_actor", actors[0])
    return None


def _is_caps_heading(text: str) -> bool:
    stripped = text.strip()
    letters = [c for c in stripped if c.isalpha()]
    return 0 < len(stripped) <= 40 and len(letters) >= 4 and all(c.isupper() for c in letters)


def _readable_heading(text: str) -> str:
    """An all-capitals heading that names no stage ("CE QUE PYONGYANG AURAIT FOURNI") in
    sentence case, so that the parser and trigger lexicon can read its verb; every other
    unit unchanged. Offsets stay valid: only letters whose lower case has the same length
    change."""
    if not _is_caps_heading(text) or _is_section_heading(text):
        return text
    lowered = text[:1] + text[1:].lower()
    return lowered if len(lowered) == len(text) else text


def _is_section_heading(text: str) -> bool:
    """An all-capitals heading that names a stage ("DÉJÀ LIVRÉ", "ANNOUNCED")."""
    return _is_caps_heading(text) and _section_stage(text.strip()) is not None


def _section_stage(text: str) -> str | None:
    for pattern, stage in _SECTION_STAGE:
        if pattern.search(text):
            return stage
    return None

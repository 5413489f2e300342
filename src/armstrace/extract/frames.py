"""Sentence-level transfer frames: a trigger, its materiel and the actors in their roles.

For each trigger word in a sentence (a supply, receive, buy, request or pledge verb or noun),
the materiel it governs is found first; then every actor mention is given a role from its
grammatical relation to the trigger (subject, object, a to/from/by/via phrase), with the
frame deciding the direction: the subject of "supply" is the supplier, the subject of
"receive" or "buy" the recipient, the subject of "ask" the recipient and its object the
supplier. Sentences the parser cannot help with (German, Spanish) fall back on word order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from armstrace.extract.lexicon import Lexicon, Trigger
from armstrace.nlp.mentions import Mention, token_indices
from armstrace.nlp.pipelines import BLANK_LANGUAGES

# Prepositions (as lowercase words) that mark a role, per language. "to" marks the recipient,
# "from" the supplier of a receive/buy frame, "by" the agent of a passive, "via" a route.
RECIPIENT_MARKERS = {
    "en": {"to", "for", "into"},
    "fr": {"à", "au", "aux", "vers", "pour", "en"},
    "de": {"an", "nach", "für", "in"},
    "es": {"a", "al", "para", "hacia"},
}
SOURCE_MARKERS = {
    "en": {"from"},
    "fr": {"de", "du", "des", "auprès", "d'", "d’"},
    "de": {"von", "vom", "aus"},
    "es": {"de", "del", "desde"},
}
# The seller after a buying verb where the language marks it like a recipient or with its
# own word: "commander aux États-Unis", "acheter au Brésil", "commandé chez Rheinmetall",
# "bei Rheinmetall bestellt", "comprar a Rusia".
SELLER_MARKERS = {
    "en": set(),
    "fr": {"à", "au", "aux", "chez", "auprès"},
    "de": {"bei", "beim"},
    "es": {"a", "al"},
}
# Where materiel arrives: its place is the recipient ("arrived in Ukraine", "arrivés en
# Ukraine", "in der Ukraine eingetroffen").
ARRIVAL_MARKERS = {
    "en": {"in", "at", "to", "into"},
    "fr": {"en", "à", "au", "aux", "dans"},
    "de": {"in", "nach"},
    "es": {"en", "a", "al"},
}
# "for" after a request names who the materiel is for, not whom it is asked from.
BENEFICIARY_MARKERS = {"en": {"for"}, "fr": {"pour"}, "de": {"für"}, "es": {"para"}}
AGENT_MARKERS = {
    "en": {"by"},
    "fr": {"par"},
    "de": {"von", "vom", "durch"},
    "es": {"por"},
}
ROUTE_MARKERS = {
    "en": {"via", "through", "across"},
    "fr": {"via", "transitant"},
    "de": {"über"},
    "es": {"vía", "través"},
}
# Nouns whose possessor is not the one acting: "Russia's allies", "les partenaires de Kyiv".
RELATIONAL_NOUNS = frozenset(
    {
        "friend", "ally", "partner", "backer", "supporter", "neighbour", "neighbor", "enemy",
        "adversary", "rival", "opponent", "proxy", "client", "customer", "ami", "allié",
        "partenaire", "soutien", "voisin", "ennemi", "adversaire", "verbündeter", "freund",
        "aliado", "socio", "amigo",
    }
)  # fmt: skip
# "the first NATO member to give", "pays membre de l'OTAN": the member acts, not the group
# (singular forms only: "NATO members" are the group itself).
MEMBER_NOUNS = frozenset({"member", "membre", "mitglied", "miembro"})
# Events whose place or participants are named: "during a visit to Kyiv", "at a summit in
# Brussels", "au salon Eurosatory près de Paris". The place is never a party to the flow.
EVENT_NOUNS = frozenset(
    {
        "visit", "trip", "meeting", "summit", "conference", "talks", "ceremony", "fair",
        "exhibition", "show", "visite", "voyage", "réunion", "sommet", "conférence", "salon",
        "cérémonie", "rencontre", "besuch", "reise", "treffen", "gipfel", "konferenz", "messe",
        "visita", "viaje", "reunión", "cumbre", "conferencia", "feria",
    }
)  # fmt: skip
# Words of manufacture: "US-made", "American-built", "de fabrication suisse", "fabriqués en
# Corée": where a weapon was made says nothing of who gives or receives it.
MAKER_WORDS = frozenset(
    {
        "make", "made", "build", "built", "manufacture", "manufactured", "produce", "produced",
        "design", "designed", "fabrication", "fabriquer", "fabriqué", "conception", "concevoir",
        "conçu", "production", "hergestellt", "herstellung", "bauart", "fabricación",
        "fabricar", "fabricado",
    }
)  # fmt: skip
# Prepositions that place an actor beside the flow rather than in it: "between Ukraine and
# Russia", "near the Lebanese border", "avec les États-Unis", "lors d'une visite".
BYSTANDER_MARKERS = {
    "en": {"between", "among", "near", "with", "against", "during", "at", "in", "outside"},
    "fr": {"entre", "parmi", "près", "avec", "contre", "lors", "pendant", "dans", "chez"},
    "de": {"zwischen", "unter", "mit", "gegen", "während", "neben"},
    "es": {"entre", "con", "contra", "cerca", "durante"},
}
# Nouns for a member of a group: "le premier pays membre de l'OTAN à donner" names one state.
MEMBER_GOVERNORS = frozenset(
    {
        "country", "member", "state", "nation", "pays", "membre", "état", "land", "mitglied",
        "mitgliedstaat", "staat", "país", "miembro", "estado",
    }
)  # fmt: skip
# Edges into a relative clause ("the weapons that Germany sent").
RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})
# Edges into a subordinate clause: an actor below one is an argument of that clause.
_CLAUSE_EDGES = RELATIVE_DEPS | {"parataxis", "advcl"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj", "sb"}
PASSIVE_SUBJECT_DEPS = {"nsubj:pass", "nsubjpass"}
OBJECT_DEPS = {"obj", "dobj", "iobj", "dative", "obl:arg"}


@dataclass
class RoleFiller:
    code: str
    rule_id: str
    mention: Mention | None = None


@dataclass
class SentenceFrame:
    """One transfer candidate in one sentence (or list item), before article-level merging."""

    trigger: Trigger | None
    trigger_token: int | None  # index in the Doc
    materiel: Mention
    supplier: RoleFiller | None = None
    recipient: RoleFiller | None = None
    via: list[RoleFiller] = field(default_factory=list)
    origin: RoleFiller | None = None
    end_user: RoleFiller | None = None
    # Co-ordinated actors in a filled role: "Les Pays-Bas et l'Allemagne ont promis" gives
    # one frame per supplier (the engine splits them).
    co_suppliers: list[RoleFiller] = field(default_factory=list)
    co_recipients: list[RoleFiller] = field(default_factory=list)
    # Roles only the sentence may fill, never the article's topic: an unresolved pronoun
    # ("Iran sent him drones"), whose stocks are refilled.
    closed_roles: set[str] = field(default_factory=set)
    rule_ids: dict[str, list[str]] = field(default_factory=dict)

    def note(self, field_name: str, rule_id: str) -> None:
        self.rule_ids.setdefault(field_name, [])
        if rule_id not in self.rule_ids[field_name]:
            self.rule_ids[field_name].append(rule_id)


def apply_refill(frame: SentenceFrame, trigger: Token, lexicon: Lexicon) -> SentenceFrame:
    """The refill reading of `frame` when its trigger refills someone's stocks: the recipient
    is whose stocks they are, never the article's topic, and an air-defence system refilled
    stands for its interceptors ("replenish Israel's Iron Dome")."""
    if "refill" not in lexicon.cue_kinds(trigger.lemma_):
        return frame
    if frame.recipient is None:
        frame.closed_roles.add("recipient")
        frame.note("recipient", "refill.sentence_only")
    if frame.materiel.code == "air_defense_systems":
        frame.materiel = replace(frame.materiel, code="air_defense_missiles")
        frame.note("materiel", "refill.interceptors")
    return frame


# Prepositions of a destination a giving verb sends something to.
_DESTINATION_MARKERS = frozenset({"to", "into", "vers", "dans", "en"})


def close_place_destination(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention]
) -> None:
    """ "Turkey sent the survey ship into the Aegean", "Moscou a envoyé des navires en mer
    Noire": a destination that names a place and no party is where a force goes, so the
    article's usual states do not fill the recipient."""
    if frame.recipient is not None or frame.trigger is None:
        return
    if frame.trigger.frame not in ("give", "pledge") or trigger.pos_ != "VERB":
        return
    covered = token_indices(actors)
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in _DESTINATION_MARKERS:
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_.startswith("obl") and any(
            c.dep_ == "case" and c.lower_ in _DESTINATION_MARKERS for c in child.children
        ):
            place = child
        else:
            continue
        if place is not None and place.pos_ == "PROPN" and place.i not in covered:
            frame.closed_roles.add("recipient")
            frame.note("recipient", "destination.place_only")
            return


def onward_recipient(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lexicon: Lexicon
) -> None:
    """ "sent 90 interceptors to Poland for onward delivery to Ukraine", "expédiés en
    Pologne pour livraison à l'Ukraine": the place the verb sends to is on the route (via);
    the taker of the delivery the sending is for is the recipient."""
    if frame.recipient is None or frame.trigger is None or trigger.pos_ != "VERB":
        return
    if frame.trigger.frame not in ("give", "pledge"):
        return
    markers = RECIPIENT_MARKERS.get(lexicon.lang, set())
    for noun in _purpose_nouns(trigger):
        delivery = lexicon.trigger_for(noun.lemma_, noun.pos_)
        if delivery is None or delivery.frame != "give":
            continue
        for actor in actors:
            root = _mention_root(sent, actor)
            marked = (root.head.head == noun and root.head.lower_ in markers) or (
                root.head == noun and any(c.lower_ in markers for c in root.children)
            )
            if marked and actor.code != frame.recipient.code:
                passed = frame.recipient
                frame.via.append(RoleFiller(passed.code, f"{lexicon.lang}.role.via.onward"))
                frame.recipient = RoleFiller(
                    actor.code, f"{lexicon.lang}.role.recipient.onward", actor
                )
                frame.note("recipient", frame.recipient.rule_id)
                frame.note("via", f"{lexicon.lang}.role.via.onward")
                return


def route_before_delivery(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention]
) -> None:
    """ "flown 90 interceptors to Rzeszów in Poland, for onward delivery to Ukraine": for the
    delivery noun's flow, the places the verb it is the purpose of goes to are the route."""
    verb = _purpose_verb(trigger)
    if frame.recipient is None or verb is None:
        return
    stops = [
        c
        for c in verb.children
        if (c.dep_ == "prep" and c.lower_ in _DESTINATION_MARKERS)
        or (
            c.dep_.startswith("obl")
            and any(g.dep_ == "case" and g.lower_ in _DESTINATION_MARKERS for g in c.children)
        )
    ]
    on_route = {t.i for stop in stops for t in stop.subtree}
    for actor in actors:
        known = {v.code for v in frame.via}
        if actor.start in on_route and actor.code not in known | {frame.recipient.code}:
            frame.via.append(RoleFiller(actor.code, "role.via.before_delivery", actor))
            frame.note("via", "role.via.before_delivery")


def _purpose_nouns(verb: Token) -> list[Token]:
    """Nouns giving a verb's purpose: "for delivery" (en), "pour livraison" (fr)."""
    below = [g for c in verb.children for g in (c, *c.children)]
    return [n for n in below if _purpose_verb(n) == verb]


def find_triggers(sent: Span, lexicon: Lexicon) -> list[tuple[Token, Trigger]]:
    """Trigger words of a sentence, in order."""
    found = []
    for token in sent:
        if (
            token.pos_ == "NOUN"
            and token.dep_ in ("compound", "amod")
            and token.head.pos_ == "NOUN"
        ):
            continue  # "supply chain", "export registration prices", "delivery schedule"
        if _opens_condition(token, lexicon):
            continue  # "provided that all hardware originates from within these countries"
        trigger = lexicon.trigger_for(token.lemma_ or token.lower_, token.pos_)
        if trigger is None and not token.pos_:
            trigger = lexicon.trigger_for(token.lower_, "")
        if trigger is None:
            trigger = _unlemmatised_verb_trigger(token, lexicon)
        if trigger is not None and not _used_otherwise(token, lexicon):
            found.append((token, trigger))
    return found


def _used_otherwise(token: Token, lexicon: Lexicon) -> bool:
    """A trigger word used in a way that moves nothing: as a bare or fitting participle, on a
    sanction, inside a hyphenated word, as a noun of activity, or for a civil commodity."""
    return (
        _bare_participle(token)
        or _fitted_with(token)
        or _qualifies_restriction(token, lexicon)
        or _in_hyphenated_word(token, lexicon.lang)
        or _gerund_noun(token)
        or _carries_commodity(token, lexicon)
    )


def _bare_participle(token: Token) -> bool:
    """A participle used as a bare adjective ("fewer imported drones", "exported weapons")
    classifies the materiel; with no giver, taker or agent of its own it reports no flow."""
    return token.dep_ == "amod" and token.pos_ == "VERB" and not any(token.children)


# Verbs that, as a participle on a noun, say what it carries: "vehicles armed with guns".
_FITTING_VERBS = frozenset({"arm", "equip", "armer", "équiper"})


def _fitted_with(token: Token) -> bool:
    """ "hundreds of vehicles armed with anti-aircraft missiles", "des navires équipés de
    missiles": a participle on a noun describes its fit; nothing is handed over."""
    return token.lemma_ in _FITTING_VERBS and token.dep_ in ("acl", "amod") and token.tag_ != "VBG"


def _qualifies_restriction(token: Token, lexicon: Lexicon) -> bool:
    """ "U.S. sanctions announced last week against Japanese chips", "l'embargo décrété": a
    participle on a ban or sanction noun says when or how it was imposed, not a transfer."""
    return token.dep_ in ("acl", "amod") and "nontransfer" in lexicon.cue_kinds(token.head.lemma_)


def _in_hyphenated_word(token: Token, lang: str) -> bool:
    """ "anti-ship missiles", "ship-borne radar": a trigger word glued by a hyphen to another
    word is part of a compound adjective, not a verb of moving. The German and Spanish
    tokeniser splits compounds on purpose ("Patriot-Lieferungen"), so their parts stay words."""
    if lang in BLANK_LANGUAGES:
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    glued_before = before is not None and before.text == "-" and not before.whitespace_
    glued_after = after is not None and after.text == "-" and not token.whitespace_
    return glued_before or glued_after


# Where a gerund stands for a noun: "keep shipping lanes open", "attacks on shipping".
_NOMINAL_DEPS = frozenset({"compound", "dobj", "pobj", "nsubj", "nsubjpass"})


def _gerund_noun(token: Token) -> bool:
    """ "threaten Gulf shipping", "shipping lanes": a gerund used as a noun, with no object
    of its own, names an activity (merchant shipping), not a transfer."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in _NOMINAL_DEPS
        and not any(c.dep_ in ("dobj", "dative", "prep") for c in token.children)
    )


def _carries_commodity(token: Token, lexicon: Lexicon) -> bool:
    """ "oil shipments", "livraisons de pétrole": a transfer noun whose modifier names a
    civil commodity moves that commodity, whatever weapons the sentence names nearby."""
    if token.pos_ != "NOUN":
        return False
    return any(
        c.dep_ in ("compound", "nmod", "amod") and "commodity" in lexicon.cue_kinds(c.lemma_)
        for c in token.children
    )


def _unlemmatised_verb_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    """The French lemmatiser leaves some present-tense verbs as they are ("réclame" for
    "réclamer"): a verb whose lemma is its own "-e" form is read as a first-group infinitive."""
    if lexicon.lang != "fr" or token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    if lemma != token.lower_ or not lemma.endswith("e"):
        return None
    return lexicon.trigger_for(lemma + "r", "VERB")


def _opens_condition(token: Token, lexicon: Lexicon) -> bool:
    """A trigger word that, with the next word, is a conjunction of condition ("provided
    that"): it supposes, it moves nothing."""
    if token.i + 1 >= len(token.doc):
        return False
    pair = f"{token.lower_} {token.doc[token.i + 1].lower_}"
    return "condition" in lexicon.phrases.get(pair, frozenset())


def adjectival(mention: Mention, sent: Span | None = None) -> bool:
    """True for a nationality word used as an adjective ("Iranian drones", "l'aide militaire
    française"). The gazetteer lists many words both as adjective and as demonym (French
    "française", "russe"); the use decides: lowercase outside English, or tagged so."""
    if mention.subkind == "adjective":
        return True
    if mention.subkind != "demonym":
        return False
    if mention.text[:1].islower():
        return True
    if sent is None:
        return False
    root = _mention_root(sent, mention)
    return root.pos_ == "ADJ" or root.dep_ == "amod"


def _mention_root(sent: Span, mention: Mention) -> Token:
    span = sent.doc[mention.start : mention.end]
    return span.root


def _path_to(token: Token, target: Token, limit: int = 8) -> list[Token] | None:
    """Tokens from `token` up to (excluding) `target`, if `target` is an ancestor."""
    path = [token]
    current = token
    for _ in range(limit):
        if current.head == current:
            return None
        if current.head == target:
            return path
        current = current.head
        path.append(current)
    return None


# The English possessive clitic is parsed as a `case` child but marks an owner, not a
# preposition: "Kyiv's requests" is a possessor like "its requests".
_POSSESSIVE_CLITICS = frozenset({"'s", "’s", "'", "’"})


def _case_words(token: Token) -> set[str]:
    """Prepositions attached to a nominal (UD `case` children, or an English `prep` head)."""
    words = {
        c.lower_
        for c in token.children
        if c.dep_ in ("case", "mark", "fixed") and c.lower_ not in _POSSESSIVE_CLITICS
    }
    for child in token.children:
        if child.dep_ == "case":
            words.update(g.lower_ for g in child.children if g.dep_ == "fixed")
    if token.head.dep_ in ("prep", "agent") and token.dep_ == "pobj":
        words.add(token.head.lower_)
    return words


# Nouns for a stockpile: a place named on one is where the materiel comes from.
STOCK_NOUNS = frozenset(
    {
        "stock", "stocks", "stockpile", "stockpiles", "inventory", "inventories", "arsenal",
        "arsenals", "depot", "depots", "storage", "réserve", "réserves", "entrepôt",
        "dépôt", "bestand", "bestände", "lager", "existencias", "arsenales", "reservas",
    }
)  # fmt: skip


def _placed_stock(mention_root: Token, trigger: Token) -> bool:
    """True when the mention names where a stockpile lies ("from stocks in Israel", "des
    stocks d'armes en Israël"), not who sends or gets the materiel."""
    path = _path_to(mention_root, trigger)
    if path is None or not _case_words(mention_root) & _STOCK_PLACE_WORDS:
        return False
    return any(n.lower_ in STOCK_NOUNS for n in path[1:])


_STOCK_PLACE_WORDS = frozenset({"in", "at", "en", "à", "au", "aux", "dans", "im"})


def relation_to_trigger(mention_root: Token, trigger: Token) -> tuple[str, set[str]] | None:
    """(dependency label, prepositions) of the branch that links a mention to the trigger."""
    if mention_root == trigger:
        return None
    path = _path_to(mention_root, trigger)
    if path is None:
        return None
    if any(_names_no_party(node) for node in path[1:]):
        return None
    if any(node.dep_ in _CLAUSE_EDGES for node in path):
        return None  # "the Leopard tanks that Germany is also sending": another clause
    if any(_aside(node) for node in path[1:]):
        return None
    attach = path[-1]  # the trigger's child on the path
    preps: set[str] = set()
    for node in path:
        preps |= _case_words(node)
        if node.dep_ in ("prep", "agent"):
            preps.add(node.lower_)
    dep = attach.dep_
    if dep in ("prep", "agent"):
        preps.add(attach.lower_)
    # Stop at the first nominal on the path: "shells from stocks in Israel" must not make
    # Israel a dependent of "from" with respect to the trigger's other roles.
    return dep, preps


def _aside(node: Token) -> bool:
    """A phrase set beside the trigger's words that says something else about them: "une
    vente d'armes de 1,1 milliard, colère de Pékin" (Beijing is no party). An apposition
    with a count or conjuncts is a list item the parse hung there ("1,000 tanks, 672
    howitzers and 48 aircraft from South Korea")."""
    return node.dep_ == "appos" and not any(c.dep_ in ("nummod", "conj") for c in node.children)


def _relative_verb(node: Token, root: Token) -> bool:
    """A relative clause's verb above the materiel: "a treaty which would eliminate missiles"."""
    return node.i != root.i and node.pos_ == "VERB" and node.dep_ in RELATIVE_DEPS


# Verbs of a relative clause that list what the noun it qualifies holds.
_CONTENT_VERBS = frozenset({"include", "contain", "comprise", "cover", "feature"})
# Verbs whose subject holds what their object lists: "Le paquet comprend 60 Harpoon … et
# 100 AIM-9X", "The package includes …".
HOLDING_VERBS = _CONTENT_VERBS | frozenset(
    {"comprendre", "inclure", "contenir", "umfassen", "enthalten", "incluir", "contener",
     "comprender"}
)  # fmt: skip


def _lists_contents(verb: Token, trigger: Token) -> bool:
    """ "a package that includes munitions for NASAMS": a relative clause on the trigger noun
    that lists its contents gives the trigger its materiel."""
    return verb.head == trigger and verb.lemma_ in _CONTENT_VERBS


def materiel_for_trigger(
    sent: Span,
    trigger: Token,
    materiel: list[Mention],
    all_triggers: set[int],
    blockers: frozenset[int] = frozenset(),
) -> list[Mention]:
    """Materiel mentions the trigger governs; else the closest ones in the sentence.
    `blockers` are use/produce/fire verbs: what they govern is not moved by a trigger above
    them ("help Ukraine limit the use of landmines")."""
    governed = []
    materiel = [m for m in materiel if not _qualifies_other_noun(sent, m, materiel, all_triggers)]
    materiel = [m for m in materiel if _mention_root(sent, m).head.i not in blockers]
    modified = _modified_by_participle(sent, trigger, materiel)
    if modified:
        return modified
    claimed: set[int] = set()  # materiel the parse gives to a blocker: no proximity rescue
    taken: set[int] = set()  # materiel the parse gives to another trigger
    for m in materiel:
        root = _mention_root(sent, m)
        node: Token | None = root
        steps = 0
        while node is not None and steps < 10:
            if node == trigger:
                governed.append(m)
                break
            if node.i != root.i and node.i in all_triggers and node != trigger:
                taken.add(m.start)
                break  # governed by another trigger first
            if node.i in blockers or (
                _relative_verb(node, root) and not _lists_contents(node, trigger)
            ):
                # "the proceeds from arms sales were funneled", "a treaty which would
                # eliminate missiles": the materiel belongs to that word, not the trigger.
                claimed.add(m.start)
                break
            if node.i not in all_triggers and purpose_clause(node):
                break  # "gave Ukraine Javelins to take out Russian tanks": what they are for
            if node.head == node:
                break
            node = node.head
            steps += 1
    if not governed:
        governed = _listed_by_holding_verb(sent, trigger, materiel, all_triggers)
    if not governed:
        governed = _moved_for_delivery(sent, trigger, materiel)
    if not governed:
        # Noun triggers and flat parses: a materiel word right after or before the trigger.
        governed = [
            m
            for m in materiel
            if abs(m.start - trigger.i) <= 12
            and m.start not in claimed
            and not (m.start in taken and _own_other_object(sent, trigger, materiel, all_triggers))
            and not _nearer_trigger(m, trigger, all_triggers)
            and not _purpose_between(sent, trigger, m, all_triggers)
        ]
    governed = drop_modifiers(sent, governed)
    specific = [m for m in governed if m.code != "unspecified"]
    # "weapons, including shells": the specific word decides the category.
    specific += specified_items(sent, governed, materiel, all_triggers)
    return (specific or governed) + semicolon_list_items(sent, governed, materiel)


# Prepositions of purpose: "flown to Poland for onward delivery to Ukraine".
_PURPOSE_PREPS = frozenset({"for", "pour"})


def _moved_for_delivery(sent: Span, trigger: Token, materiel: list[Mention]) -> list[Mention]:
    """ "had flown 90 interceptors from Israel to Poland, for onward delivery to Ukraine",
    "expédiés en Pologne pour livraison à l'Ukraine": a trigger noun giving the purpose of a
    verb delivers that verb's object, however far the route words push it."""
    verb = _purpose_verb(trigger)
    if verb is None:
        return []
    return [
        m
        for m in materiel
        if (root := _mention_root(sent, m)).head == verb
        and root.dep_ in ("dobj", "obj", "nsubj:pass", "nsubjpass")
    ]


def _purpose_verb(noun: Token) -> Token | None:
    """The verb a noun gives the purpose of: "flown … for delivery", "expédiés … pour
    livraison"."""
    if noun.pos_ != "NOUN":
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in _PURPOSE_PREPS:
        verb = noun.head.head  # en: the preposition hangs on the verb
    elif noun.dep_ in ("obl", "obl:mod", "nmod") and any(
        c.dep_ == "case" and c.lower_ in _PURPOSE_PREPS for c in noun.children
    ):
        verb = noun.head  # fr: the noun hangs on the verb, the preposition on the noun
    else:
        return None
    return verb if verb.pos_ == "VERB" else None


def _own_other_object(
    sent: Span, trigger: Token, materiel: list[Mention], all_triggers: set[int]
) -> bool:
    """True when the trigger has a direct object of its own that is neither materiel nor a
    trigger: in "replenish Israel's air defense and provide other critical defense" the air
    defense is replenished, and "provide" moves its own (unnamed) object."""
    covered = {i for m in materiel for i in range(m.start, m.end)}
    return any(
        child.dep_ in ("dobj", "obj")
        and child.pos_ in ("NOUN", "PROPN")
        and child.i not in covered
        and child.i not in all_triggers
        for child in trigger.children
    )


def _listed_by_holding_verb(
    sent: Span, trigger: Token, materiel: list[Mention], all_triggers: set[int]
) -> list[Mention]:
    """ "Le paquet comprend 60 missiles Harpoon, pour 355 millions, et 100 AIM-9X": a noun
    trigger subject of a verb of holding moves everything that verb lists, however far the
    parser hangs the later items from it."""
    verb = trigger.head
    if trigger.dep_ not in ("nsubj", "nsubj:pass") or verb.lemma_.lower() not in HOLDING_VERBS:
        return []
    listed = []
    for m in materiel:
        node = _mention_root(sent, m)
        while node != verb and node.head != node and node.i not in all_triggers:
            node = node.head
        if node == verb:
            listed.append(m)
    return listed


# Words that single out part of what was just named: "les armes dont il a besoin, en
# particulier les intercepteurs du Dôme de fer".
_SPECIFYING = (
    ("en", "particulier"), ("en", "particular"), ("in", "particular"), ("notamment",),
    ("particularly",), ("especially",), ("notably",), ("à", "commencer", "par"),
    ("starting", "with"), ("insbesondere",), ("vor", "allem"), ("especialmente",),
)  # fmt: skip
# Determiners and the like between the specifying words and the materiel; the French
# partitive "des" is often tagged a preposition.
_SPECIFYING_FILLERS = frozenset({"DET", "NUM", "ADJ"})
_PARTITIVES = frozenset({"des", "de", "d'", "du"})
# How far past the governed materiel the specifying words may stand.
_SPECIFYING_REACH = 10


def specified_items(
    sent: Span, governed: list[Mention], materiel: list[Mention], all_triggers: set[int]
) -> list[Mention]:
    """Materiel a specifying phrase singles out of what the trigger governs ("les armes
    défensives dont il a besoin, en particulier les intercepteurs"): the parse hangs it on
    whatever clause stands before, but it is part of what moves."""
    if not governed:
        return []
    doc = sent.doc
    last = max(m.end for m in governed)
    found: list[Mention] = []
    for m in materiel:
        if m.start <= last or m.start - last > _SPECIFYING_REACH or m in governed:
            continue
        if any(last <= t < m.start for t in all_triggers):
            continue  # another trigger in between moves what follows
        start = m.start
        while start > last:
            words = tuple(t.lower_ for t in doc[max(last, start - 3) : start])
            if any(words[-len(cue) :] == cue for cue in _SPECIFYING if len(words) >= len(cue)):
                found.append(m)
                break
            before = doc[start - 1]
            if before.pos_ not in _SPECIFYING_FILLERS and before.lower_ not in _PARTITIVES:
                break
            start -= 1
    return drop_modifiers(sent, found) if found else []


def semicolon_list_items(
    sent: Span, governed: list[Mention], materiel: list[Mention]
) -> list[Mention]:
    """ "sending equipment for air defense; munitions for artillery; and armored vehicles":
    verbless stretches after semicolons go on with the list of what the trigger moves, though
    the parser hangs them elsewhere. The list ends at the first stretch with a verb of its own."""
    if not governed:
        return []
    doc = sent.doc
    last = max(m.end for m in governed)
    stops = [t.i for t in doc[last : sent.end] if t.text == ";"]
    if not stops or _has_verb(doc[last : stops[0]]):
        return []
    items: list[Mention] = []
    for start, end in zip(stops, [*stops[1:], sent.end], strict=True):
        if _has_verb(doc[start + 1 : end]):
            break
        items.extend(m for m in materiel if start < m.start < end and m not in governed)
    return drop_modifiers(sent, items) if items else []


def _has_verb(span: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in span)


def _modified_by_participle(sent: Span, trigger: Token, materiel: list[Mention]) -> list[Mention]:
    """A participle trigger on a materiel noun governs that noun alone: in "the Patriot
    batteries already promised by Germany" the promise is of the batteries, not of the other
    materiel of the sentence."""
    participle = trigger.dep_ == "acl" or "Part" in trigger.morph.get("VerbForm", [])
    if not participle or trigger.pos_ != "VERB" or trigger.dep_ not in ("acl", "nmod", "amod"):
        return []
    noun = trigger.head
    return [m for m in materiel if m.start <= noun.i < m.end or noun.i == m.start - 1]


_PURPOSE_MARKS = frozenset({"to", "pour", "afin", "um", "zu", "para"})


def _purpose_between(sent: Span, trigger: Token, mention: Mention, all_triggers: set[int]) -> bool:
    """A purpose clause between a trigger and a materiel word found by proximity: in "I gave
    you the javelins to take out all those tanks" the tanks are what the javelins are for."""
    return any(
        purpose_clause(t) and t.i not in all_triggers  # "asked NATO to provide": no purpose
        for t in sent.doc[trigger.i + 1 : mention.start]
    )


def _nearer_trigger(m: Mention, trigger: Token, all_triggers: set[int]) -> bool:
    """Without a parse, materiel goes to the trigger nearest to it: in "Die Slowakei überließ
    der Ukraine 30 BMP-1 und soll dafür 15 Leopard 2A4 bekommen" the BMP-1 are given and the
    Leopard received."""
    if trigger.doc.has_annotation("DEP"):
        return False
    distance = abs(m.start - trigger.i)
    return any(abs(m.start - other) < distance for other in all_triggers if other != trigger.i)


def purpose_clause(token: Token) -> bool:
    """A verb heading an infinitive purpose clause: "to take out", "pour frapper"."""
    if token.pos_ != "VERB" or token.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
        return False
    return any(c.lower_ in _PURPOSE_MARKS for c in token.children if c.i < token.i)


# Head nouns a materiel word may qualify and still be what moves: "arms supplies",
# "missile batteries", "weapons package". Any other head makes it a mere qualifier:
# "arms negotiators", "arms control", "missile strikes", "drone attack", "tank crews".
_CARRIER_HEADS = frozenset(
    {
        "package", "packages", "aid", "assistance", "supplies", "supply", "shipment",
        "shipments", "deliveries", "delivery", "consignment", "consignments", "cargo",
        "capabilities", "capability", "systems", "system", "equipment", "batteries",
        "battery", "launchers", "launcher", "components", "parts", "munitions", "rounds",
        "stocks", "stockpiles", "transfers", "transfer", "sales", "sale", "exports",
        "imports", "deal", "deals", "contract", "contracts", "order", "orders", "units",
        "kits", "platforms", "interceptors", "vehicles", "technology", "materiel", "items",
    }
)  # fmt: skip


def _qualifies_other_noun(
    sent: Span, mention: Mention, materiel: list[Mention], all_triggers: set[int]
) -> bool:
    """An English noun-noun compound whose head is neither materiel nor a carrier noun:
    "arms negotiators" talk, they do not move arms."""
    root = _mention_root(sent, mention)
    if mention.subkind == "system":
        return False  # a designation names what moves: "Apache helicopters"
    if root.dep_ != "compound" or root.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = root.head
    if head.i in all_triggers or head.lower_ in _CARRIER_HEADS:
        return False
    # "Apache helicopters": the head is materiel too (`_drop_modifiers` keeps the head).
    return not any(m.start <= head.i < m.end for m in materiel)


_LISTING_WORDS = frozenset({"including", "includes", "like", "notamment", "dont", "einschließlich"})


def _coordinated_modifier(sent: Span, mention: Mention) -> bool:
    """A hyphenated materiel modifier co-ordinated before another ("anti-tank and anti-air
    systems"): it names an item of its own that shares the head noun."""
    after = sent.doc[mention.end] if mention.end < sent.end else None
    return (
        mention.subkind == "term"  # a designation ("SCALP-EG, livrés") keeps the old reading
        and "-" in mention.text
        and after is not None
        and (after.lower_ in ("and", "or") or after.text == ",")
    )


def drop_modifiers(sent: Span, mentions: list[Mention]) -> list[Mention]:
    """Keep the head materiel word of a phrase: in "obus d'artillerie d'obusier" or
    "howitzer shells", the howitzer only qualifies the shells."""
    roots = {m.start: _mention_root(sent, m) for m in mentions}
    kept = []
    for m in mentions:
        node = roots[m.start]
        if _coordinated_modifier(sent, m):
            kept.append(m)  # "anti-tank and anti-air systems": an item sharing the head
            continue
        is_modifier = False
        for _ in range(3):
            if node.head == node or node.dep_ not in ("nmod", "compound", "amod", "pobj", "prep"):
                break
            if node.lower_ in _LISTING_WORDS:
                break  # "assistance, including ammunition": an item, not a qualifier
            node = node.head
            if any(node == other_root for s, other_root in roots.items() if s != m.start):
                is_modifier = True
                break
        if not is_modifier:
            kept.append(m)
    return kept or mentions


def assign_roles(
    frame: SentenceFrame,
    sent: Span,
    trigger: Token,
    actors: list[Mention],
    lexicon: Lexicon,
) -> None:
    """Fill supplier, recipient, route and origin of `frame` from the parse around `trigger`."""
    assert frame.trigger is not None
    lang = lexicon.lang
    kind = frame.trigger.frame
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "aux:pass" for c in trigger.children)
    materiel_start = frame.materiel.start
    for actor in actors:
        if _in_source_phrase(sent, actor, lexicon):
            continue  # "according to the UK Ministry of Defence" says who claims it
        if _home_of_fighters(sent, actor, lexicon):
            continue
        if actor.kind == "region":
            rel = relation_to_trigger(_mention_root(sent, actor), trigger)
            if rel is not None or _preceded_by(sent, actor, ROUTE_MARKERS.get(lang, set())):
                frame.via.append(RoleFiller(actor.code, "route.region", actor))
                frame.note("via", f"{lang}.route.region")
            continue
        root = _mention_root(sent, actor)
        # An adjective on the materiel noun names its origin country: "Iranian drones"; so
        # does the maker on what is bought: "buy Raytheon's Stinger", "Anduril vehicles".
        adjective = adjectival(actor, sent)
        if (adjective or _maker_of_bought(root, kind)) and root.head.i in range(
            frame.materiel.start, frame.materiel.end
        ):
            # Only on materiel the trigger moves: "receive South Korean weapons … after
            # donating equipment to Ukraine" does not make Korea the donor.
            moved = _governs(trigger, _mention_root(sent, frame.materiel))
            if (
                kind in ("give", "pledge", "receive", "buy", "request")
                and frame.supplier is None
                and moved
            ):
                how = "adjective" if adjective else "maker"
                frame.supplier = RoleFiller(actor.code, f"{lang}.role.supplier.{how}", actor)
                frame.note("supplier", frame.supplier.rule_id)
            continue
        if adjective and root.head.i == trigger.i and trigger.pos_ == "NOUN":
            # "les approvisionnements nord-coréens", "Polish purchases": the nationality of
            # a transfer noun is its giver, or its taker when the noun is one of taking.
            side = "recipient" if kind in _TAKER_FRAMES else "supplier"
            if getattr(frame, side) is None:
                setattr(frame, side, RoleFiller(actor.code, f"{lang}.role.{side}.adjective", actor))
                frame.note(side, f"{lang}.role.{side}.adjective")
            continue
        if adjectival(actor, sent):
            # "The Danish and Dutch governments are donating": the adjective stands for
            # the state only on a noun that is the state acting.
            root = _institution_of(root) or root
        rel = relation_to_trigger(root, trigger)
        if rel is None:
            continue
        dep, preps = rel
        role = _role_from_relation(kind, dep, preps, passive, lang, actor.start < materiel_start)
        if role in ("supplier", "recipient") and _placed_stock(root, trigger):
            role = "origin"  # "des obus des stocks d'armes en Israël": where the stock lies
        if role == "supplier" and trigger.lemma_ in _AGENT_NOUNS and _owner_of_agent(dep, preps):
            role = "recipient"  # "India's main weapons supplier": India is supplied
        if role is None:
            continue
        filler = RoleFiller(actor.code, f"{lang}.role.{role}.{_dep_name(dep, preps)}", actor)
        if role == "via":
            frame.via.append(filler)
            frame.note("via", filler.rule_id)
        elif role == "origin":
            if frame.origin is None:
                frame.origin = filler
                frame.note("origin", filler.rule_id)
        elif getattr(frame, role) is None:
            setattr(frame, role, filler)
            frame.note(role, filler.rule_id)
        elif role in ("supplier", "recipient") and _coordinated(sent, actor, getattr(frame, role)):
            others = frame.co_suppliers if role == "supplier" else frame.co_recipients
            if all(o.code != actor.code for o in others):
                others.append(RoleFiller(actor.code, f"{lang}.role.{role}.conj", actor))
    if frame.supplier is None or frame.supplier.rule_id.endswith(".order"):
        _supplier_described(frame, sent, trigger, actors, lang)


def _home_of_fighters(sent: Span, actor: Mention, lexicon: Lexicon) -> bool:
    """A state's name right before a noun of non-state fighters, or joined to it by a hyphen
    ("Nicaragua rebel aid", "the Iran-contra affair"), says where they fight or names an
    affair: the state is no party."""
    if actor.subkind != "state":
        return False
    after = actor.end + 1 if sent.doc[actor.end : actor.end + 1].text == "-" else actor.end
    return after < sent.end and "fighters" in lexicon.cue_kinds(sent.doc[after].lemma_)


def _place_of_base(sent: Span, actor: Mention) -> bool:
    """ "The London-based magazine", "a Paris-based analyst": where someone sits, no party."""
    after = sent.doc[actor.end : min(actor.end + 2, sent.end)]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in ("based", "born")


def _supplier_described(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lang: str
) -> None:
    """ "Moscow, which is India's main weapons supplier", "la Russie, principal fournisseur
    de l'Inde", "la Russie est le premier fournisseur": the state a supplier noun describes
    is the supplier."""
    if trigger.lemma_ not in _AGENT_NOUNS:
        return
    described: Token | None = None
    if trigger.dep_ == "appos":
        described = trigger.head
    else:
        copula = trigger.head if trigger.dep_ == "attr" else trigger
        subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        relative = subject is not None and subject.lower_ in _RELATIVE_PRONOUNS | _WHO
        if relative and copula.dep_ in RELATIVE_DEPS:
            subject = copula.head
        described = subject
    if described is None:
        return
    for actor in actors:
        if _mention_root(sent, actor) == described:
            frame.supplier = RoleFiller(actor.code, f"{lang}.role.supplier.described", actor)
            frame.note("supplier", frame.supplier.rule_id)
            return


# Subject relative pronouns ("la Russie, qui est le premier fournisseur"); not in
# _RELATIVE_PRONOUNS, whose clauses are about what the pronoun stands for as an object.
_WHO = frozenset({"qui", "who"})


# Verbs of paying: whoever paid for the materiel is the one it is owed to.
_PAYING_VERBS = frozenset({"pay", "verser", "payer", "bezahlen", "zahlen", "pagar"})


# Relative pronouns as an argument of their clause ("que" as a conjunction is its mark).
_RELATIVE_PRONOUNS = frozenset(
    {"que", "qu'", "lequel", "laquelle", "lesquels", "lesquelles", "dont", "which", "that"}
)


def payer_recipient(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lang: str
) -> bool:
    """ "n'avoir jamais livré des armes pour lesquelles l'Arménie avait versé des millions",
    "the weapons Armenia had paid for": the payer in a relative clause on the materiel is
    its recipient, whatever word order alone would guess. True when a payer is named."""
    if frame.recipient is not None and not frame.recipient.rule_id.endswith(".order"):
        return False
    materiel = _mention_root(sent, frame.materiel)
    for clause in sent:
        if clause.lemma_.lower() not in _PAYING_VERBS or not _relative_on(
            clause, materiel, trigger
        ):
            continue
        for actor in actors:
            root = _mention_root(sent, actor)
            if actor.kind == "actor" and root.head == clause and root.dep_ in SUBJECT_DEPS:
                rule = f"{lang}.role.recipient.payer"
                frame.recipient = RoleFiller(actor.code, rule, actor)
                frame.rule_ids.pop("recipient", None)  # no word-order guess beside it
                frame.note("recipient", rule)
                return True
    return False


def _relative_on(clause: Token, materiel: Token, trigger: Token) -> bool:
    """A relative clause on the materiel; the parser often hangs it from the trigger or from
    the relative pronoun instead ("livré les chars que l'Arménie avait payés")."""
    if clause.dep_ in RELATIVE_DEPS and clause.head == materiel:
        return True
    if clause.i < materiel.i or trigger not in clause.ancestors:
        return False
    return clause.dep_ in RELATIVE_DEPS or any(
        c.lower_ in _RELATIVE_PRONOUNS and c.dep_ != "mark" for c in clause.children
    )


# Nouns that, with a nationality adjective, name the state itself: "the Danish government",
# "l'armée française", "die deutsche Regierung".
INSTITUTION_NOUNS = frozenset(
    {
        "government", "administration", "authorities", "army", "military", "forces", "navy",
        "ministry", "gouvernement", "autorités", "armée", "ministère", "marine", "regierung",
        "armee", "streitkräfte", "ministerium", "gobierno", "ejército", "autoridades",
    }
)  # fmt: skip


def _institution_of(adjective: Token) -> Token | None:
    """The institution noun a nationality adjective (or a conjunct of one) qualifies."""
    node = adjective
    while node.dep_ == "conj" and node.head != node:
        node = node.head  # "the Danish and Dutch governments"
    head = node.head
    if node.dep_ == "amod" and head.lemma_.lower() in INSTITUTION_NOUNS:
        return head
    return None


def _governs(trigger: Token, materiel_root: Token) -> bool:
    """True when the materiel is the trigger's own or one of its dependents."""
    return (
        materiel_root == trigger
        or trigger in materiel_root.ancestors
        or (materiel_root.head == trigger.head and trigger.dep_ == "compound")
    )


def _maker_of_bought(root: Token, kind: str) -> bool:
    """A name bare before what is bought or received ("Raytheon's", "Anduril", "U.S.")."""
    return (
        kind in ("buy", "receive")
        and root.dep_ in ("poss", "nmod:poss", "compound", "nmod")
        and not _case_words(root)
    )


def _coordinated(sent: Span, actor: Mention, first: RoleFiller) -> bool:
    """True when `actor` is a conjunct of the mention already in the role ("X and Y")."""
    if first.mention is None or first.code == actor.code:
        return False
    root = _mention_root(sent, actor)
    first_root = _mention_root(sent, first.mention)
    node = root
    for _ in range(15):  # "France, Canada, the UK, Slovakia, Norway, and others"
        if node.dep_ != "conj" or node.head == node:
            return False
        node = node.head
        if node == first_root:
            return True
    return False


def assign_controller(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lexicon: Lexicon
) -> None:
    """The unexpressed subject of an infinitive trigger comes from the verb that governs it:
    the object of "accuse X of supplying" / "accuser X de fournir", the subject of "X plans
    to send" / "X a décidé de livrer"."""
    if frame.supplier is not None or frame.trigger is None or frame.trigger.frame != "give":
        return
    governor = trigger.head
    if governor.dep_ in ("prep", "mark", "case") or governor.pos_ == "ADP":
        governor = governor.head  # "accused Iran of supplying": of → accused
    if governor == trigger:
        return
    if governor.pos_ in ("NOUN", "PROPN"):
        if governor.lemma_.lower() in MEMBER_GOVERNORS:
            return  # "le premier pays membre de l'OTAN à donner": NATO is not the giver
        # "le projet du Danemark de céder", "Germany's decision to send": the noun's owner.
        for actor in actors:
            root = _mention_root(sent, actor)
            owner = root.dep_ in ("nmod", "poss", "nmod:poss") and root.head == governor
            if owner and actor.kind == "actor" and actor.start < trigger.i:
                rule = f"{lexicon.lang}.role.supplier.noun_owner"
                frame.supplier = RoleFiller(actor.code, rule)
                frame.note("supplier", rule)
                return
        return
    governor = _adjective_predicate(governor)
    if governor.pos_ not in ("VERB", "AUX", "ADJ"):
        return
    if _noun_owner_before_mark(frame, sent, trigger, actors, lexicon):
        return
    kinds = lexicon.cue_kinds(governor.lemma_)
    asking = lexicon.trigger_for(governor.lemma_, governor.pos_)
    # "urged the United States to send": the one asked is the one who would send.
    accusing = "allege" in kinds or (asking is not None and asking.frame == "request")
    if not accusing and not ({"plan", "report"} & kinds or trigger.dep_ == "xcomp"):
        return
    wanted = ("obj", "dobj", "iobj") if accusing else ("nsubj",)
    for actor in actors:
        root = _mention_root(sent, actor)
        if root.head == governor and root.dep_ in wanted and actor.kind == "actor":
            frame.supplier = RoleFiller(actor.code, f"{lexicon.lang}.role.supplier.controller")
            frame.note("supplier", frame.supplier.rule_id)
            return
    if accusing:
        _accused_by_order(frame, sent, governor, trigger, actors, lexicon.lang)


def _adjective_predicate(governor: Token) -> Token:
    """ "the missiles that Trump was first to provide", "X is ready to send": an adjective
    complement passes the infinitive on to its verb, whose subject gives. (A French adjective
    heads its clause and holds the subject itself: "la France est prête à livrer".)"""
    if governor.pos_ == "ADJ" and governor.dep_ == "acomp":
        return governor.head
    return governor


def _noun_owner_before_mark(
    frame: SentenceFrame, sent: Span, trigger: Token, actors: list[Mention], lexicon: Lexicon
) -> bool:
    """ "opposé son veto au projet du Danemark de céder": the parse may hang the infinitive
    on the main verb, but the owner of the noun right before its "de"/"to" is the giver."""
    before = word_before_infinitive(sent, trigger)
    if before is None:
        return False
    for actor in actors:
        if actor.kind != "actor" or before.i != actor.end - 1:
            continue
        root = _mention_root(sent, actor)
        if root.dep_ in ("nmod", "poss", "nmod:poss") and root.head.pos_ == "NOUN":
            if root.head.lemma_.lower() in MEMBER_GOVERNORS or _troops_placed(root):
                return False
            rule = f"{lexicon.lang}.role.supplier.noun_owner"
            frame.supplier = RoleFiller(actor.code, rule)
            frame.note("supplier", rule)
            return True
    return False


def word_before_infinitive(sent: Span, trigger: Token) -> Token | None:
    """The word right before an infinitive trigger's "de"/"to" ("Danemark" in "au projet du
    Danemark de céder"), if the sentence has one."""
    marks = [c for c in trigger.children if c.dep_ in ("mark", "aux") and c.i < trigger.i]
    if not marks or marks[0].i - 1 < sent.start:
        return None
    return sent.doc[marks[0].i - 1]


def _accused_by_order(
    frame: SentenceFrame,
    sent: Span,
    governor: Token,
    trigger: Token,
    actors: list[Mention],
    lang: str,
) -> None:
    """The one accused or asked stands between the verb and the infinitive, whatever the
    parse makes of it: "a reproché à plusieurs reprises à Moscou de n'avoir jamais livré"."""
    between = [
        a
        for a in actors
        if a.kind == "actor"
        and governor.i < a.start
        and a.end <= trigger.i
        and not adjectival(a, sent)
        and not _troops_placed(_mention_root(sent, a))
    ]
    if between:
        accused = between[-1]
        rule = f"{lang}.role.supplier.controller_order"
        frame.supplier = RoleFiller(accused.code, rule, accused)
        frame.note("supplier", rule)


def _dep_name(dep: str, preps: set[str]) -> str:
    name = dep.replace(":", "_")
    if preps:
        name += "_" + "_".join(sorted(p.replace("’", "").replace("'", "") for p in preps))
    return name


# Trigger nouns naming the giver itself: their owner is the one supplied.
_AGENT_NOUNS = frozenset({"supplier", "provider", "fournisseur", "pourvoyeur"})
# Words marking a noun's owner: "le premier fournisseur d'armes de l'Inde" is India's.
_OWNER_PREPS = frozenset({"de", "d'", "d’", "du", "des", "del"})


def _owner_of_agent(dep: str, preps: set[str]) -> bool:
    """The actor hangs on a supplier noun as its owner ("India's supplier", "le fournisseur
    de l'Inde"): it is the one supplied, not the giver."""
    if dep in ("poss", "nmod:poss"):
        return True
    return dep in ("nmod", "prep") and bool(preps) and preps <= _OWNER_PREPS


def _role_from_relation(
    frame: str, dep: str, preps: set[str], passive: bool, lang: str, before_materiel: bool
) -> str | None:
    recipient_markers = RECIPIENT_MARKERS.get(lang, set())
    source_markers = SOURCE_MARKERS.get(lang, set())
    agent_markers = AGENT_MARKERS.get(lang, set())
    route_markers = ROUTE_MARKERS.get(lang, set())
    if preps & route_markers:
        return "via"
    # "commandé chez Rheinmetall", "arrived in Ukraine": the frame's own place words.
    own = {"buy": SELLER_MARKERS, "arrive": ARRIVAL_MARKERS}.get(frame, {}).get(lang, set())
    if preps & BYSTANDER_MARKERS.get(lang, set()) and not preps & (
        recipient_markers | source_markers | agent_markers | own
    ):
        return None  # "near the Lebanese border", "between Ukraine and Russia"
    is_subject = dep in SUBJECT_DEPS and not (passive and dep in PASSIVE_SUBJECT_DEPS)
    if frame in ("give", "pledge"):
        if is_subject or dep == "agent" or dep == "obl:agent" or (preps & agent_markers):
            return "supplier"
        if preps & recipient_markers or dep in ("iobj", "dative"):
            return "recipient"
        if dep in ("obj", "dobj") and before_materiel and not preps:
            # "supply Russia with shells", "arm Ukraine": the object is the recipient (the
            # object itself: "seizures near the Lebanese border" only places the object).
            return "recipient"
        if dep in ("nmod", "poss", "nmod:poss") and not preps:
            return "supplier"  # "Iran's deliveries", "US shipments"
        if preps & source_markers and dep in ("nmod", "prep", "obl", "obl:mod"):
            return "supplier" if dep in ("nmod", "prep") else "origin"
        return None
    if frame in ("receive", "buy"):
        if is_subject or (dep in ("poss", "nmod:poss") and not preps):
            return "recipient"  # "Poland bought", "Qatar's acquisition of"
        if preps & source_markers or preps & agent_markers:
            return "supplier"
        if frame == "buy" and preps & SELLER_MARKERS.get(lang, set()):
            return "supplier"
        if preps & recipient_markers:
            return "recipient"
        return None
    if frame == "arrive":
        # The subject is the materiel itself; the place is the recipient.
        if preps & ARRIVAL_MARKERS.get(lang, set()):
            return "recipient"
        if preps & source_markers or preps & agent_markers:
            return "supplier"
        return None
    if frame == "request":
        if is_subject or (dep in ("poss", "nmod:poss") and not preps):
            return "recipient"  # "Kyiv asked", "Kyiv's requests for"
        if preps & BENEFICIARY_MARKERS.get(lang, set()):
            return "recipient"  # "requesting $20 billion for Ukraine"
        if dep in ("obj", "dobj", "iobj", "dative") or preps & recipient_markers:
            return "supplier"
        if preps & source_markers:
            return "supplier"
        return None
    return None


def _in_source_phrase(sent: Span, mention: Mention, lexicon: Lexicon) -> bool:
    """True when a source cue ("according to", "selon", "citing") stands at most a few short
    words before the actor: it says who claims the transfer, never a party to it."""
    doc = sent.doc
    window = doc[max(sent.start, mention.start - 5) : mention.start]
    text = window.text.lower().replace("’", "'")
    for term in lexicon.terms_of("source"):
        for token in window:
            at = token.idx - window.start_char
            if not text.startswith(term.lower(), at):
                continue
            between = text[at + len(term) :].split()
            # Only short words (determiners) between the cue and the actor.
            if all(w.isalpha() and len(w) <= 4 for w in between):
                return True
    return False


def _preceded_by(sent: Span, mention: Mention, words: set[str]) -> bool:
    doc = sent.doc
    for i in range(max(sent.start, mention.start - 3), mention.start):
        if doc[i].lower_ in words:
            return True
    return False


def assign_roles_by_order(
    frame: SentenceFrame, sent: Span, trigger_index: int, actors: list[Mention], lexicon: Lexicon
) -> None:
    """Word-order fallback for unparsed sentences: giver before the trigger, taker after a
    recipient preposition, giver after an agent or source preposition."""
    assert frame.trigger is not None
    lang = lexicon.lang
    kind = frame.trigger.frame
    recipient_markers = RECIPIENT_MARKERS.get(lang, set())
    source_markers = SOURCE_MARKERS.get(lang, set()) | AGENT_MARKERS.get(lang, set())
    fillers = [frame.supplier, frame.recipient, *frame.co_suppliers, *frame.co_recipients]
    used = {f.mention.start for f in fillers if f is not None and f.mention is not None}
    other_triggers = {t.i for t, _ in find_triggers(sent, lexicon)} - {trigger_index}
    for actor in actors:
        if _in_source_phrase(sent, actor, lexicon) or actor.start in used:
            continue  # a claimer, or an actor the parse already gave a role
        if actor.kind == "region":
            if _preceded_by(sent, actor, ROUTE_MARKERS.get(lang, set())):
                frame.via.append(RoleFiller(actor.code, f"{lang}.route.order", actor))
                frame.note("via", f"{lang}.route.order")
            continue
        materiel = _mention_root(sent, frame.materiel)
        if _placed_stock(_mention_root(sent, actor), sent.doc[trigger_index]):
            continue
        if _bystander(sent, actor, sent.doc[trigger_index], materiel, lexicon, other_triggers):
            continue
        if _behind_own_subject(actor, sent.doc[trigger_index]):
            continue
        if _beyond_subjected_clause(actor, sent.doc[trigger_index]):
            continue
        if _asker_of_other(sent, actor, sent.doc[trigger_index], lexicon):
            continue
        near_materiel = frame.materiel.start - 2 <= actor.start <= frame.materiel.end + 1
        # "the Danish government": an adjective on an institution is the state itself.
        institution = _institution_of(_mention_root(sent, actor)) is not None
        if adjectival(actor, sent) and not near_materiel and not institution:
            # "le service de renseignement sud-coréen": an adjective names a party only on
            # the materiel itself ("obus nord-coréens").
            continue
        if _preceded_by(sent, actor, ROUTE_MARKERS.get(lang, set())):
            frame.via.append(RoleFiller(actor.code, f"{lang}.route.order", actor))
            frame.note("via", f"{lang}.route.order")
            continue
        dative = (
            lang == "de"
            and _directly_after(sent, actor, _GERMAN_DATIVE)
            and sent.doc[actor.start - 2].lower_ not in _GERMAN_DATIVE_PREPOSITIONS
        )
        seller = kind == "buy" and (actor.start > trigger_index or lang == "de")  # verb last
        if seller and _preceded_by(sent, actor, SELLER_MARKERS.get(lang, set())):
            role = "supplier"  # "commandés au groupe Thales"
        elif kind == "arrive" and _preceded_by(sent, actor, ARRIVAL_MARKERS.get(lang, set())):
            role = "recipient"  # "in der Ukraine eingetroffen"
        elif _preceded_by(sent, actor, recipient_markers) or (dative and kind != "request"):
            # German marks the recipient by case alone: "haben der Ukraine … geliefert".
            role = "supplier" if kind == "request" else "recipient"
        elif _preceded_by(sent, actor, source_markers) and (
            actor.start > trigger_index or lang == "de"  # German puts the verb last
        ):
            role = "supplier"
        elif actor.start < trigger_index and (institution or not adjectival(actor, sent)):
            taker = kind in _TAKER_FRAMES or _subject_of_taker(sent, actor, trigger_index, lexicon)
            role = "recipient" if taker else "supplier"
        elif lang == "de" and _inverted_subject(sent, actor, trigger_index):
            # "Laut den USA lieferte Iran Drohnen": with another word first, the German
            # subject follows the verb.
            role = "recipient" if kind in _TAKER_FRAMES else "supplier"
        elif adjectival(actor, sent) and (
            frame.materiel.start <= actor.start <= frame.materiel.end
            or (not sent.doc.has_annotation("DEP") and actor.end == frame.materiel.start)
        ):
            role = "supplier"  # "obus nord-coréens"; unparsed "deutsche Panzer"
        else:
            continue
        giver_named = kind not in _TAKER_FRAMES and _unnamed_possessor(
            sent.doc[trigger_index], actors
        )
        if role == "supplier" and giver_named:
            continue
        current = getattr(frame, role)
        if current is None:
            filler = RoleFiller(actor.code, f"{lang}.role.{role}.order", actor)
            setattr(frame, role, filler)
            frame.note(role, filler.rule_id)
        elif current.mention is not None and _joined_by_and(
            sent, _last_joined(current, frame, role), actor, lang
        ):
            # "Großbritannien und Frankreich haben … geliefert": both give.
            others = frame.co_suppliers if role == "supplier" else frame.co_recipients
            if actor.code != current.code and all(o.code != actor.code for o in others):
                others.append(RoleFiller(actor.code, f"{lang}.role.{role}.order_conj", actor))


def _unnamed_possessor(trigger: Token, actors: list[Mention]) -> bool:
    """A transfer noun whose possessor is no actor we know ("a Toshiba subsidiary's transfer
    of technology", "the firm's sale of rifles") names its giver already: word order must
    not make another actor of the sentence the supplier."""
    if trigger.pos_ != "NOUN":
        return False
    covered = token_indices(actors)
    for child in trigger.children:
        if child.dep_ != "poss" or child.pos_ not in ("NOUN", "PROPN") or child.ent_type_ in _TIME:
            continue
        if not {t.i for t in child.subtree} & covered:
            return True
    return False


_TIME = frozenset({"DATE", "TIME"})  # "last year's delivery" names no giver

# Frames whose subject takes the materiel: receive, buy, ask for.
_TAKER_FRAMES = frozenset({"receive", "buy", "request"})


def _subject_of_taker(sent: Span, actor: Mention, trigger_index: int, lexicon: Lexicon) -> bool:
    """The subject of another trigger whose subject takes ("Ukraine has received missiles,
    with more deliveries to come") is on the taking side of a nominal trigger's flow too. A
    verb has a subject of its own: a buyer may hand on what it bought ("commandé des
    systèmes qu'elle remet à l'Ukraine")."""
    root = _mention_root(sent, actor)
    head = root.head
    if sent.doc[trigger_index].pos_ != "NOUN":
        return False
    if root.dep_ not in SUBJECT_DEPS or head.i == trigger_index:
        return False
    taking = lexicon.trigger_for(head.lemma_, head.pos_)
    # Not "request": who asks may be ordering someone to give ("asked its forces to send").
    return taking is not None and taking.frame in ("receive", "buy")


def _bystander(
    sent: Span,
    actor: Mention,
    trigger: Token,
    materiel: Token,
    lexicon: Lexicon,
    other_triggers: set[int],
) -> bool:
    """An actor that word order must not make a party: one placed beside the flow ("près de
    Paris", "between Ukraine and Russia"), a place of an event or a member's group ("lors
    d'une visite à Kiev", "membre de l'OTAN"), the speaker of a reporting verb ("Washington
    accuse …"), or an argument of another trigger of the sentence ("Poland's purchase …
    was approved": Poland buys, it does not approve)."""
    if _preceded_by(sent, actor, BYSTANDER_MARKERS.get(lexicon.lang, set())):
        return True
    if _home_of_fighters(sent, actor, lexicon) or _place_of_base(sent, actor):
        return True
    if _in_leading_clause(sent, actor, trigger, lexicon):
        return True
    root = _mention_root(sent, actor)
    if _in_other_clause(root, trigger, materiel) or _troops_placed(root):
        return True
    speaking = lexicon.cue_kinds(root.head.lemma_) & {"report", "allege", "deny"}
    if root.dep_ in ("nsubj", "nsubj:pass") and root.head.i not in other_triggers and speaking:
        return True
    if _in_speech_frame(root, trigger, lexicon, other_triggers):
        return True
    node = root
    for _ in range(4):
        if node.head == node or node.dep_ in SUBJECT_DEPS | OBJECT_DEPS | _CLAUSE_EDGES:
            break
        node = node.head
        if node.i in other_triggers:
            return True
        if _names_no_party(node):
            return True
    return False


# Nouns of a state's own armed forces: a place they stand in is no party ("ses forces
# stationnées en Corée du Sud", "US troops in Poland").
_TROOP_NOUNS = frozenset(
    {"force", "forces", "troupe", "troupes", "soldat", "troop", "troops", "soldier", "garrison",
     "garnison", "truppe", "truppen", "tropa", "tropas"}
)  # fmt: skip


def _troops_placed(root: Token) -> bool:
    """The actor is where a state's troops stand ("demandé à ses forces stationnées en Corée
    du Sud de céder leurs obus"): orders to one's own troops abroad move nothing to the host."""
    head = root.head
    placed = (
        root.dep_ in ("nmod", "obl", "obl:mod", "pobj") and _case_words(root) & _STOCK_PLACE_WORDS
    )
    if root.dep_ == "pobj":  # English: the preposition sits between noun and place
        head = head.head
    return bool(placed) and (head.lemma_.lower() in _TROOP_NOUNS or head.lower_ in _TROOP_NOUNS)


def _names_no_party(node: Token) -> bool:
    """A word between an actor and the flow that makes the actor no party: "Putin's friends
    keep giving him" (the friends give), "a NATO member", "a visit to Kyiv", "US-made" or
    "de fabrication suisse" (where it was made)."""
    lemma = node.lemma_.lower()
    return (
        lemma in RELATIONAL_NOUNS
        or node.lower_ in MEMBER_NOUNS
        or lemma in EVENT_NOUNS
        or lemma in MAKER_WORDS
        or node.lower_ in MAKER_WORDS
    )


# Edges by which a phrase names where or to whom something is said ("a dit à Londres",
# "told reporters in London").
_ADDRESS_EDGES = frozenset({"obl", "obl:arg", "obl:mod", "iobj", "dative", "prep"})


def _in_speech_frame(
    root: Token, trigger: Token, lexicon: Lexicon, other_triggers: set[int]
) -> bool:
    """True for an actor naming where or to whom a reporting verb speaks, when its complement
    holds the trigger ("Blinken a dit mardi à Londres que la Russie a reçu …", "told
    reporters in London that …"): the place of the speech is no party to the flow. (The
    speaker is left alone: an official often speaks for the giver.)"""
    node = root.head if root.dep_ == "pobj" else root  # English: "in" -> "London"
    verb = node.head
    if node.dep_ not in _ADDRESS_EDGES or verb == node:
        return False
    if (
        verb.i == trigger.i
        or verb.i in other_triggers
        or "report" not in lexicon.cue_kinds(verb.lemma_)
    ):
        return False
    return trigger in verb.subtree and trigger not in node.subtree


def _in_leading_clause(sent: Span, actor: Mention, trigger: Token, lexicon: Lexicon) -> bool:
    """True for an actor in an opening subordinate clause ("As the Russian military
    repositions, I have directed …", "Lorsqu'il a signé …, le ministre") when the trigger
    comes after it. Word order only: the parser often hangs such a clause on the wrong verb."""
    opening = sent.text.lower().replace("’", "'")
    if not any(
        opening.startswith(term)
        and opening[len(term) : len(term) + 1] in (" ", "")
        or (term.endswith("'") and opening.startswith(term))
        for term in lexicon.terms_of("subordinator")
    ):
        return False
    comma = next((t.i for t in sent if t.text in (",", ";")), None)
    return comma is not None and actor.start < comma < trigger.i


def _in_other_clause(root: Token, trigger: Token, materiel: Token) -> bool:
    """True when the actor stands in a subordinate clause that does not hold the trigger;
    a relative clause on the phrase of the materiel still describes it ("trucks loaded with
    rockets that were bound for Hezbollah"). An English present participle on a noun is such
    a clause too ("states neighbouring South Africa")."""
    node = root
    for _ in range(12):
        if node.head == node:
            return False
        if node.dep_ in _CLAUSE_EDGES or (node.dep_ == "acl" and node.tag_ == "VBG"):
            if trigger in node.subtree:
                return False
            on_materiel = node.dep_ in RELATIVE_DEPS and materiel in node.head.subtree
            return not on_materiel
        node = node.head
    return False


_GERMAN_DATIVE = {"der", "dem"}
# A preposition before the article governs the case: "aus dem Iran" is no recipient.
_GERMAN_DATIVE_PREPOSITIONS = {"aus", "von", "vom", "mit", "bei", "nach", "zu", "seit", "laut"}
_AND = {"en": {"and", ","}, "fr": {"et", ","}, "de": {"und", ","}, "es": {"y", "e", ","}}


def _inverted_subject(sent: Span, actor: Mention, trigger_index: int) -> bool:
    """A bare name right after a finite German verb that does not open the sentence."""
    between = sent.doc[trigger_index + 1 : actor.start]
    return trigger_index > sent.start and all(t.lower_ in _GERMAN_NOMINATIVE for t in between)


_GERMAN_NOMINATIVE = {"die", "das", "der"}


def _directly_after(sent: Span, mention: Mention, words: set[str]) -> bool:
    """True when the word right before the mention is one of `words` (not sentence-initial,
    where "Der" is a nominative article)."""
    before = mention.start - 1
    return before > sent.start and sent.doc[before].lower_ in words


def _joined_by_and(sent: Span, first: Mention, second: Mention, lang: str) -> bool:
    """True when only "and", a comma or an article stands between two mentions ("X and Y",
    "Spain, and the United Kingdom")."""
    between = [t for t in sent.doc[first.end : second.start] if t.pos_ != "DET"]
    return 0 < len(between) <= 2 and all(t.lower_ in _AND.get(lang, {","}) for t in between)


def _asker_of_other(sent: Span, actor: Mention, trigger: Token, lexicon: Lexicon) -> bool:
    """ "the Saudi government had approached six European countries to supply submarines":
    the one asked (the object of the request verb) would give, so the asker in its subject
    is not the infinitive's giver, even when the one asked is no actor we know."""
    if trigger.dep_ != "xcomp":
        return False
    asking = lexicon.trigger_for(trigger.head.lemma_, trigger.head.pos_)
    if asking is None or asking.frame != "request":
        return False
    if not any(c.dep_ in ("dobj", "obj") for c in trigger.head.children):
        return False
    root = _mention_root(sent, actor)
    return any(c.dep_ in SUBJECT_DEPS and root in c.subtree for c in trigger.head.children)


def _behind_own_subject(actor: Mention, trigger: Token) -> bool:
    """ "Canada will send tanks, and many other supporters will assist in the provision of
    interceptors": a common-noun subject of the trigger's own clause, between an actor and a
    noun trigger, is that clause's giver; the actor before it belongs to another clause."""
    if trigger.pos_ != "NOUN" or actor.start > trigger.i:
        return False
    verb = trigger.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
            break
        verb = verb.head
    return any(
        child.dep_ in ("nsubj", "nsubjpass")
        and child.pos_ == "NOUN"
        and actor.end <= child.left_edge.i
        and child.i < trigger.i
        for child in verb.children
    )


def _beyond_subjected_clause(actor: Mention, trigger: Token) -> bool:
    """ "… the Initiative – to which partners have pledged $1 billion – and the Coalition,
    co-led by Germany and France": the clause of the trigger (its verb, or the verb a noun
    trigger hangs on) has a subject of its own, so an actor after that clause belongs to
    another phrase."""
    if actor.start < trigger.i:
        return False
    clause = trigger
    for _ in range(4):
        if clause.pos_ in ("VERB", "AUX") or clause.head == clause:
            break
        clause = clause.head
    while clause.dep_ == "xcomp" and not _has_subject(clause):
        clause = clause.head  # "that continues to provide": the subject is the governor's
    if clause.left_edge.i <= actor.start <= clause.right_edge.i:
        return False
    return _has_subject(clause)


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)


def _last_joined(current: RoleFiller, frame: SentenceFrame, role: str) -> Mention:
    """The last actor of a list filling `role` by word order: "Canada, Norway, Spain, and the
    United Kingdom" is joined link by link."""
    others = frame.co_suppliers if role == "supplier" else frame.co_recipients
    last = others[-1].mention if others else None
    assert current.mention is not None
    return last if last is not None and last.start > current.mention.start else current.mention

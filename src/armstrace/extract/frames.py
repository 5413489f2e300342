"""Sentence-level transfer frames: a trigger, the materiel it moves, and the words roles read.

For each trigger word in a sentence (a supply, receive, buy, request or pledge verb or noun),
`find_triggers` finds it and `materiel_for_trigger` the materiel it governs; `SentenceFrame`
holds them with the actors in their roles, which `roles` fills. The role-marking words per
language (to/from/by/via …) and the dependency labels both modules read are defined here.
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
CLAUSE_EDGES = RELATIVE_DEPS | {"parataxis", "advcl"}
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


def _destinations(verb: Token) -> list[Token]:
    """The verb's phrases of destination: an English "to"/"into" preposition, or a UD
    oblique whose case word is "vers", "dans", "en" …"""
    return [
        c
        for c in verb.children
        if (c.dep_ == "prep" and c.lower_ in _DESTINATION_MARKERS)
        or (
            c.dep_.startswith("obl")
            and any(g.dep_ == "case" and g.lower_ in _DESTINATION_MARKERS for g in c.children)
        )
    ]


def close_place_destination(frame: SentenceFrame, trigger: Token, actors: list[Mention]) -> None:
    """ "Turkey sent the survey ship into the Aegean", "Moscou a envoyé des navires en mer
    Noire": a destination that names a place and no party is where a force goes, so the
    article's usual states do not fill the recipient."""
    if frame.recipient is not None or frame.trigger is None:
        return
    if frame.trigger.frame not in ("give", "pledge") or trigger.pos_ != "VERB":
        return
    covered = token_indices(actors)
    for phrase in _destinations(trigger):
        # English hangs the place under its preposition; UD makes the place the phrase.
        place = (
            next((c for c in phrase.children if c.dep_ == "pobj"), None)
            if phrase.dep_ == "prep"
            else phrase
        )
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
            root = mention_root(sent, actor)
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


def route_before_delivery(frame: SentenceFrame, trigger: Token, actors: list[Mention]) -> None:
    """ "flown 90 interceptors to Rzeszów in Poland, for onward delivery to Ukraine": for the
    delivery noun's flow, the places the verb it is the purpose of goes to are the route."""
    verb = _purpose_verb(trigger)
    if frame.recipient is None or verb is None:
        return
    on_route = {t.i for stop in _destinations(verb) for t in stop.subtree}
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
    root = mention_root(sent, mention)
    return root.pos_ == "ADJ" or root.dep_ == "amod"


def mention_root(sent: Span, mention: Mention) -> Token:
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


def case_words(token: Token) -> set[str]:
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


def placed_stock(mention_root: Token, trigger: Token) -> bool:
    """True when the mention names where a stockpile lies ("from stocks in Israel", "des
    stocks d'armes en Israël"), not who sends or gets the materiel."""
    path = _path_to(mention_root, trigger)
    if path is None or not case_words(mention_root) & STOCK_PLACE_WORDS:
        return False
    return any(n.lower_ in STOCK_NOUNS for n in path[1:])


STOCK_PLACE_WORDS = frozenset({"in", "at", "en", "à", "au", "aux", "dans", "im"})


def names_no_party(node: Token) -> bool:
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


def relation_to_trigger(mention_root: Token, trigger: Token) -> tuple[str, set[str]] | None:
    """(dependency label, prepositions) of the branch that links a mention to the trigger."""
    if mention_root == trigger:
        return None
    path = _path_to(mention_root, trigger)
    if path is None:
        return None
    if any(names_no_party(node) for node in path[1:]):
        return None
    if any(node.dep_ in CLAUSE_EDGES for node in path):
        return None  # "the Leopard tanks that Germany is also sending": another clause
    if any(_aside(node) for node in path[1:]):
        return None
    attach = path[-1]  # the trigger's child on the path
    preps: set[str] = set()
    for node in path:
        preps |= case_words(node)
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
    materiel = [m for m in materiel if mention_root(sent, m).head.i not in blockers]
    modified = _modified_by_participle(sent, trigger, materiel)
    if modified:
        return modified
    claimed: set[int] = set()  # materiel the parse gives to a blocker: no proximity rescue
    taken: set[int] = set()  # materiel the parse gives to another trigger
    for m in materiel:
        root = mention_root(sent, m)
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
        if (root := mention_root(sent, m)).head == verb
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
    covered = token_indices(materiel)
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
        node = mention_root(sent, m)
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
    root = mention_root(sent, mention)
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
    roots = {m.start: mention_root(sent, m) for m in mentions}
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

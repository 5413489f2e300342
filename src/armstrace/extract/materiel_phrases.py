"""Materiel phrases whose category comes from the weapon they name or serve.

One noun phrase is one materiel item: in "Patriot missile batteries", "chars légers AMX-10 RC"
or "HIMARS rocket launchers" the system name decides the category of the whole phrase, and the
generic words around it do not add items of their own. What a system fires takes the
system's ammunition category: "Patriot missiles", "HIMARS rockets", "munitions for NASAMS",
"additional ammunition for HIMARS rocket launchers", "obus pour les CAESAR": what moves is that
weapon's ammunition, and the weapon named only qualifies it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from armstrace.gazetteer import categorise_materiel, family_of
from armstrace.nlp.mentions import Mention, materiel_term, token_indices

# The ammunition a weapon of each category fires.
AMMUNITION_OF = {
    "air_defense_systems": "air_defense_missiles",
    "artillery_systems": "artillery_ammunition",
    "tanks": "other_ammunition",
    "armored_vehicles": "other_ammunition",
}
# Categories of things a weapon fires: next to a weapon's name they are its ammunition.
_FIRED = frozenset(
    {
        "artillery_ammunition", "rockets", "ballistic_missiles", "cruise_missiles",
        "air_defense_missiles", "antitank_missiles", "missiles", "other_ammunition",
        "small_arms_ammunition",
    }
)  # fmt: skip
# Head nouns that name the weapon itself, whatever fires from it: "Patriot missile battery",
# "Patriot launchers and missiles".
PLATFORM_NOUNS = frozenset(
    {
        "battery", "batteries", "launcher", "launchers", "system", "systems", "unit", "units",
        "batterie", "lanceur", "lanceurs", "système", "systèmes", "batterien", "startgerät",
        "startgeräte", "systeme", "batería", "baterías", "lanzador", "lanzadores", "sistema",
        "sistemas",
    }
)  # fmt: skip
_ROCKET_LAUNCHER = re.compile(r"rocket|roquette|rakete|cohete|himars|mlrs|gmlrs|m270", re.I)
_FOR = frozenset({"for", "pour", "of", "de", "du", "des", "für", "para"})
# Participles that say what an ammunition is for: "roquettes destinées aux lance-roquettes".
_DESTINED = frozenset(
    {"intended", "destined", "destinée", "destinées", "destiné", "destinés", "bestimmt",
     "bestimmte", "bestimmten", "destinado", "destinados", "destinada", "destinadas"}
)  # fmt: skip
_AND = frozenset({"and", "et", "und", "y", "e", "&"})


def phrase_materiel(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """`materiel` with one mention per noun phrase, weapons' ammunition read as such, and
    parts for making or keeping weapons read as components."""
    materiel = modifiers_sharing_head(sent, materiel)
    phrases = ammunition_for_system(sent, one_item_per_phrase(sent, materiel))
    phrases = launchers_of_fired(sent, rocket_launchers(sent, phrases))
    phrases = drop_shared_modifiers(sent, phrases)
    return named_by_example(sent, parts_for_weapons(sent, phrases))


def rocket_launchers(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """ "multi-launch rocket systems", "rocket launchers": a generic rocket word before a
    launcher or system head noun names the launcher, an artillery system, not its rockets.
    (Rockets a launcher fires were already read off "munitions for rocket systems".)"""
    return [
        replace(m, code="artillery_systems")
        if m.code == "rockets" and m.subkind == "term" and _platform_follows(sent, [m])
        else m
        for m in materiel
    ]


def drop_shared_modifiers(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """ "grenade, mortar, and artillery rounds": singular weapon words co-ordinated before an
    ammunition phrase modify its head noun with it; they are no items of their own."""
    doc = sent.doc
    out = []
    for mention in materiel:
        fired = next((m for m in materiel if m.start >= mention.end and m.code in _FIRED), None)
        if (
            mention.subkind == "term"
            and mention.code not in _FIRED
            and doc[mention.end - 1].tag_ == "NN"
            and fired is not None
            and fired.end - fired.start > 1
            and doc[fired.start].tag_ == "NN"
            and _modifier_chain(doc[mention.end : fired.start])
        ):
            continue
        out.append(mention)
    return out


# A hyphenated modifier before "and"/"or"/a comma: "anti-tank and anti-air systems".
_SHARED_HEAD_MODIFIER = re.compile(r"(\w+(?:-\w+)+)\s*(?:,|,?\s+(?:and|or))\s*$")

_HYPHENATED_BEFORE = re.compile(r"(\w+(?:-\w+)+)\s*$")


def modifiers_sharing_head(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """ "anti-tank and anti-air systems", "anti-armor and air defense systems": a hyphenated
    modifier co-ordinated before a materiel phrase shares its head noun; when the modifier
    with that head is itself a materiel term, it is an item of its own."""
    doc = sent.doc
    covered = token_indices(materiel)
    added = []
    for mention in materiel:
        if mention.subkind != "term":
            continue
        head = doc[mention.end - 1].text
        end = mention.start_char
        # A last modifier no entry names stays with the head: "anti-ship" in "anti-tank and
        # anti-ship weapons".
        if adjacent := _HYPHENATED_BEFORE.search(doc.text[sent.start_char : end]):
            end = sent.start_char + adjacent.start(1)
        # Walk back along the chain: "anti-tank, anti-air and anti-ship systems".
        while found := _SHARED_HEAD_MODIFIER.search(doc.text[sent.start_char : end]):
            start = sent.start_char + found.start(1)
            words = doc.char_span(start, sent.start_char + found.end(1))
            code = categorise_materiel(f"{found.group(1)} {head}", sent.doc.lang_)
            if words is None or covered & set(range(words.start, words.end)) or code is None:
                break
            added.append(materiel_term(words, code))
            end = start
    return sorted(materiel + added, key=lambda m: m.start) if added else materiel


def _modifier_chain(between: Span) -> bool:
    """Commas, "and"/"or" and singular nouns only, with at least one conjunction."""
    conjunctions = _AND | _OR
    joined = any(t.lower_ in conjunctions for t in between)
    return joined and all(
        t.text == "," or t.lower_ in conjunctions or t.tag_ == "NN" for t in between
    )


_OR = frozenset({"or", "ou", "oder", "o"})


_LAUNCHER_WORDS = frozenset(
    {"launcher", "launchers", "lanceur", "lanceurs", "startgerät", "startgeräte", "lanzador",
     "lanzadores"}
)  # fmt: skip
# The weapon that launches each kind of fired thing, where it is a category of its own; a
# missile's launcher is part of the missile system ("150 missiles and two launchers").
_LAUNCHER_OF = {
    "air_defense_missiles": "air_defense_systems",
    "rockets": "artillery_systems",
    "artillery_ammunition": "artillery_systems",
}


def launchers_of_fired(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """A bare launcher word co-ordinated with something fired ("launchers and interceptors",
    "150 missiles and two launchers") is that thing's launcher, not an artillery system."""
    out = list(materiel)
    for i, mention in enumerate(out):
        if mention.subkind != "term" or mention.text.lower() not in _LAUNCHER_WORDS:
            continue
        fired = _coordinated_fired(sent, out, i)
        if fired is not None:
            out[i] = replace(mention, code=_LAUNCHER_OF.get(fired.code, fired.code))
    return out


def _coordinated_fired(sent: Span, materiel: list[Mention], i: int) -> Mention | None:
    """The fired-thing mention joined to mention `i` by one "and" (numbers and articles
    aside), on either side."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(materiel) or materiel[j].code not in _FIRED:
            continue
        first, second = sorted((materiel[i], materiel[j]), key=lambda m: m.start)
        between = [t for t in sent.doc[first.end : second.start] if t.pos_ not in ("DET", "NUM")]
        if len(between) == 1 and between[0].lower_ in _AND:
            return materiel[j]
    return None


# "additional aircraft, such as the UH-60 helicopters": the example names the kind.
_SUCH_AS = ("such as", "like", "tels que", "telles que", "comme", "wie", "como", "tales como")
_EXAMPLE_REACH = 6  # tokens from the example cue to the example


def named_by_example(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """A generic materiel word whose examples, right after "such as", are all of one other
    category takes that category."""
    out = list(materiel)
    doc = sent.doc
    for i, generic in enumerate(out):
        if generic.subkind != "term":
            continue
        after = doc[generic.end : min(generic.end + 4, sent.end)].text.lower().lstrip(", ")
        cue = next((c for c in _SUCH_AS if after.startswith(c + " ")), None)
        if cue is None:
            continue
        reach = generic.end + len(cue.split()) + 1 + _EXAMPLE_REACH
        examples = {m.code for m in out[i + 1 :] if m.start <= reach}
        if len(examples) == 1 and generic.code not in examples:
            out[i] = replace(generic, code=examples.pop())
    return out


# Nouns for parts, and the words that make them parts of a weapon: "parts used to manufacture
# weapons", "the parts and equipment necessary to sustain these tanks", "des pièces entrant
# dans la fabrication d'armes".
_PARTS = frozenset({"parts", "pièces", "teile", "piezas", "partes"})
_MAKE_OR_KEEP = re.compile(
    r"^(manufactur\w*|make|making|produc\w*|build\w*|assembl\w*|sustain\w*|maintain\w*|"
    r"maintenance|repair\w*|fabricat\w*|fabriqu\w*|entret\w*|répar\w*|herstell\w*|"
    r"wartung|fabricar|mantener|mantenimiento)$",
    re.I,
)
_PARTS_REACH = 10  # tokens from the parts noun to the weapon it is for


def parts_for_weapons(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """A parts noun followed, in its stretch of the sentence, by a making or upkeep word and
    a weapon is one components item; the weapon only says what the parts are for."""
    out = list(materiel)
    doc = sent.doc
    for token in sent:
        if token.lower_ not in _PARTS or any(m.start <= token.i < m.end for m in out):
            continue
        stretch = doc[token.i + 1 : min(token.i + 1 + _PARTS_REACH, sent.end)]
        make = next((t for t in stretch if _MAKE_OR_KEEP.match(t.text)), None)
        if make is None or any(t.text in ".;:" for t in doc[token.i : make.i]):
            continue
        served = [m for m in out if make.i < m.start <= make.i + 4]
        if not served:
            continue
        parts = materiel_term(doc[token.i : token.i + 1], "components")
        out = [m for m in out if m not in served] + [parts]
    return sorted(out, key=lambda m: m.start)


def one_item_per_phrase(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """Adjacent materiel mentions of one noun phrase merged into one, the system name deciding
    its category ("Patriot air-defence launchers", "véhicules de combat d'infanterie Marder");
    a conjunct right after such a phrase shares its system ("Patriot launchers and missiles")."""
    groups: list[list[Mention]] = []
    for mention in sorted(materiel, key=lambda m: m.start):
        if groups and _same_phrase(sent, groups[-1][-1], mention):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    out: list[Mention] = []
    system_of: dict[int, Mention] = {}  # a phrase's start -> the system that names it
    for group in groups:
        systems = [m for m in group if m.subkind == "system"]
        if not systems:
            out.extend(group)  # generic words only: each stays an item
            continue
        merged = _merge(sent, group, systems[-1])
        system_of[merged.start] = systems[-1]
        out.append(merged)
    return _share_system_with_conjuncts(sent, out, system_of)


def _same_phrase(sent: Span, first: Mention, second: Mention) -> bool:
    """Only adjectives, compound nouns or hyphens stand between the two mentions."""
    between = sent.doc[first.end : second.start]
    if len(between) > 3:
        return False
    return all(
        t.pos_ == "ADJ"
        or t.text in ("-", "‑")
        or (t.dep_ == "compound" and t.pos_ == "NOUN")
        or _participle_modifier(t, between)
        for t in between
    )


def _participle_modifier(token: Token, between: Span) -> bool:
    """ "MQ-9B remotely piloted aircraft": a participle modifying the noun, and an adverb on
    that participle, stay inside the noun phrase."""
    if token.pos_ == "VERB" and token.dep_ == "amod":
        return True
    return token.dep_ == "advmod" and token.head.dep_ == "amod" and token.head in between


def _merge(sent: Span, group: list[Mention], system: Mention) -> Mention:
    """One mention over `group`, of the category its system name gives the phrase."""
    if len(group) == 1:
        return system
    terms = [m for m in group if m.subkind != "system"]
    code = system.code
    if any(m.code == "components" for m in terms):
        code = "components"  # "Patriot components"
    elif any(m.code in _FIRED for m in terms) and not _platform_follows(sent, group):
        code = _ammunition_of(sent, system, group)  # "Patriot missiles", "HIMARS ammunition"
    doc = sent.doc
    start, end = group[0].start, group[-1].end
    return replace(
        system,
        code=code,
        start=start,
        end=end,
        start_char=doc[start].idx,
        end_char=doc[end - 1].idx + len(doc[end - 1]),
        text=doc[start:end].text,
    )


def _platform_follows(sent: Span, group: list[Mention]) -> bool:
    """ "Patriot missile battery": the noun after the phrase names the weapon itself."""
    after = group[-1].end
    return after < sent.end and sent.doc[after].lower_ in PLATFORM_NOUNS


def _ammunition_of(sent: Span, system: Mention, phrase: list[Mention]) -> str:
    """What `system` fires, as a category; a missile's own name stays its category."""
    if system.code in _FIRED:
        return system.code
    if system.code not in AMMUNITION_OF:
        return next((m.code for m in phrase if m.code in _FIRED), system.code)
    text = sent.doc[phrase[0].start : phrase[-1].end].text
    if system.code == "artillery_systems" and _ROCKET_LAUNCHER.search(text):
        return "rockets"
    return AMMUNITION_OF[system.code]


def _share_system_with_conjuncts(
    sent: Span, mentions: list[Mention], system_of: dict[int, Mention]
) -> list[Mention]:
    """ "Patriot launchers and missiles", "a Patriot missile and launchers": a generic
    launcher or ammunition word co-ordinated right after a system's phrase is that system's."""
    out = list(mentions)
    for i in range(1, len(out)):
        system = system_of.get(out[i - 1].start)
        current = out[i]
        if system is None or current.subkind == "system" or system.code not in AMMUNITION_OF:
            continue
        between = [t for t in sent.doc[out[i - 1].end : current.start] if t.pos_ != "DET"]
        if len(between) != 1 or between[0].lower_ not in _AND:
            continue
        if current.code in _FIRED:
            out[i] = replace(current, code=_ammunition_of(sent, system, [system]))
        elif current.text.lower() in PLATFORM_NOUNS:
            out[i] = replace(current, code=system.code)
    return out


# Words that may stand between an ammunition word and the weapon it is for: "obus pour les
# CAESAR", "roquettes destinées aux lance-roquettes", "ammunition for the HIMARS".
_FOR_GAP = frozenset(
    {"the", "its", "their", "les", "le", "la", "l'", "l’", "leurs", "ses", "à", "aux", "au",
     "die", "den", "der", "los", "las", "el",
     "sus", "additional", "supplémentaires"}
)  # fmt: skip


def ammunition_for_system(sent: Span, materiel: list[Mention]) -> list[Mention]:
    """`materiel` with each "ammunition for <weapon>" read as that weapon's ammunition, the
    weapon named dropped: it only says which ammunition."""
    out = list(materiel)
    for ammunition in materiel:
        if ammunition.code not in _FIRED or ammunition.subkind != "term" or ammunition not in out:
            continue
        served = _served_weapons(sent, ammunition, materiel)
        if not served:
            continue
        out = [m for m in out if m not in served and m is not ammunition]
        out.append(replace(ammunition, code=_served_ammunition(sent, ammunition, served)))
    return sorted(out, key=lambda m: m.start)


def _served_weapons(sent: Span, ammunition: Mention, materiel: list[Mention]) -> list[Mention]:
    """The weapon mentions an ammunition word is for: in the parse, below a "for/pour"
    attached to it; else right after it with only "for", articles or "destinées aux" between."""
    weapons = [m for m in materiel if m.code in AMMUNITION_OF or _names_launcher(sent, m)]
    root = sent.doc[ammunition.start : ammunition.end].root
    for child in root.children:
        if child.lower_ in _FOR | _DESTINED or any(
            g.dep_ == "case" and g.lower_ in _FOR for g in child.children
        ):
            inside = {t.i for t in child.subtree}
            served = [m for m in weapons if m.start in inside]
            if served:
                return served
    for weapon in weapons:
        between = [t.lower_ for t in sent.doc[ammunition.end : weapon.start]]
        if weapon.start < ammunition.end or not 0 < len(between) <= 3:
            continue
        if set(between) <= _FOR_GAP | _FOR | _DESTINED and set(between) & (_FOR | _DESTINED):
            return [weapon]
    return []


def _names_launcher(sent: Span, mention: Mention) -> bool:
    """ "rocket systems", "missile launchers": a fired thing named with its launcher."""
    return mention.code in _FIRED and _platform_follows(sent, [mention])


def _served_ammunition(sent: Span, ammunition: Mention, served: list[Mention]) -> str:
    """The category of ammunition for the `served` weapons: generic words take the weapon's
    ammunition, specific ones ("roquettes", "obus d'artillerie") and calibred rounds ("munitions
    de 35 mm") keep their own."""
    if ammunition.code not in ("other_ammunition", "missiles") or _has_calibre(sent, ammunition):
        return ammunition.code
    weapon = served[0]
    if weapon.code in _FIRED:
        return weapon.code  # "munitions for rocket systems"
    code = _ammunition_of(sent, weapon, served)
    if ammunition.code == "missiles" and family_of(code) != family_of("missiles"):
        return ammunition.code
    return code


def _has_calibre(sent: Span, mention: Mention) -> bool:
    following = sent.doc[mention.end : min(mention.end + 4, sent.end)]
    return any(t.lower_ in ("mm", "mm.", "millimètres", "millimeter", "cal") for t in following)


_DEMONSTRATIVES = frozenset(
    {"these", "those", "ces", "cette", "ce", "cet", "diese", "dieser", "diesen", "estos",
     "estas", "esos", "esas"}
)  # fmt: skip


class PhraseMemory:
    """The category a named phrase gave its generic noun, for later demonstratives: after
    "les blindés antiaériens Gepard", "ces blindés" are those air-defence systems."""

    def __init__(self) -> None:
        self._kinds: dict[str, str] = {}
        # The named systems of the sentence just read, for a platform noun in the next.
        self._previous_systems: list[Mention] = []

    def read(self, sent: Span, words: list[Mention], materiel: list[Mention]) -> list[Mention]:
        """`materiel` with demonstrative generic words given their antecedent's category;
        the named phrases among the sentence's materiel `words` are remembered."""
        doc = sent.doc
        out = []
        for mention in materiel:
            before = doc[mention.start - 1].lower_ if mention.start > sent.start else ""
            kind = self._kinds.get(mention.text.lower())
            if mention.subkind == "term" and before in _DEMONSTRATIVES and kind is not None:
                mention = replace(mention, code=kind)
            out.append(mention)
        out.extend(self._demonstrative_nouns(sent, materiel))
        if not out:
            out.extend(self._platform_of_previous(sent))
        self._previous_systems = [m for m in materiel if m.subkind == "system"]
        for mention in one_item_per_phrase(sent, words):
            if mention.subkind == "system" and mention.end - mention.start > 1:
                for token in doc[mention.start : mention.end]:
                    if token.pos_ == "NOUN":
                        self._kinds[token.lower_] = mention.code
            elif mention.end - mention.start > 1 and doc[mention.end - 1].pos_ == "NOUN":
                # "air defense systems" … "these systems": a term phrase lends its head noun.
                self._kinds[doc[mention.end - 1].lower_] = mention.code
        return sorted(out, key=lambda m: m.start)

    def _platform_of_previous(self, sent: Span) -> list[Mention]:
        """ "Le SAMP/T franco-italien. Paris et Rome ont livré une batterie à l'Ukraine": in
        a sentence naming no materiel, a bare platform noun ("battery", "système") stands
        for the one system the sentence before named."""
        if len({m.code for m in self._previous_systems}) != 1:
            return []
        code = self._previous_systems[0].code
        for token in sent:
            if token.pos_ == "NOUN" and token.lower_ in PLATFORM_NOUNS:
                return [materiel_term(sent.doc[token.i : token.i + 1], code)]
        return []

    def _demonstrative_nouns(self, sent: Span, materiel: list[Mention]) -> list[Mention]:
        """ "the provision of these systems": a demonstrative on a noun no gazetteer lists,
        which an earlier named phrase headed, stands for that phrase's materiel."""
        taken = token_indices(materiel)
        found = []
        for token in sent[1:]:
            kind = self._kinds.get(token.lower_)
            before = token.doc[token.i - 1]
            if kind is None or token.i in taken or before.lower_ not in _DEMONSTRATIVES:
                continue
            found.append(materiel_term(sent.doc[before.i : token.i + 1], kind))
        return found

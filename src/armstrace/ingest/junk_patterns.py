"""Rule data for the cleaner: the lines that scrapers and news sites add around an article.

Each rule has a stable id and a regular expression for one stripped line of text. The rules
are deliberately narrow: a pattern recognises the *shape* of a boilerplate line (a keyword at
the start followed by a separator, a line made only of button labels, a marker in brackets),
never a word that a real sentence could contain. `boilerplate.py` compiles and applies them;
only data belongs here.

An `anchored` rule is tried at the start of the line and after each " | " separator (as in
"11/09/2024 – 07:15 | Suivez-nous sur Google Actualités"); the others are searched anywhere in
the line, but only in lines that contain one of their lowercase `hints` (a cheap filter that
keeps the cleaner fast on millions of lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longest line a rule may remove: boilerplate is short, a paragraph of prose is not. Consent
# banners are the one long kind and have their own limit.
MAX_JUNK_LINE_CHARS = 250
MAX_CONSENT_LINE_CHARS = 600


@dataclass(frozen=True)
class JunkRule:
    """One kind of boilerplate line."""

    id: str
    pattern: str
    ignore_case: bool = True
    anchored: bool = True
    hints: tuple[str, ...] = ()  # for rules that are not anchored: lowercase substrings
    max_chars: int = MAX_JUNK_LINE_CHARS


# What may follow a boilerplate keyword: a separator, or the end of the line. A dash counts
# only with a space before it, so that "Related-party talks" is not a "Related -" prompt.
_KEYWORD_END = r"(?:\s*[|:›»>]|\s+[–—-](?:\s|$)|\s*$)"

SOCIAL_BUTTON_LABELS: tuple[str, ...] = (
    "facebook",
    "twitter",
    "x",
    "𝕏",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "messenger",
    "email",
    "e-mail",
    "mail",
    "courriel",
    "sms",
    "print",
    "imprimer",
    "drucken",
    "imprimir",
    "copy link",
    "copier le lien",
    "link kopieren",
    "copiar enlace",
    "f",
    "in",
    "✉",
    "🔗",
)
_BUTTON = (
    r"\[?\s*(?:"
    + "|".join(re.escape(label) for label in sorted(SOCIAL_BUTTON_LABELS, key=len, reverse=True))
    + r")\s*\]?"
)
_BUTTON_SEPARATOR = r"\s*[|·•,/]?\s*"
_SHARE_WORDS = (
    r"share(?:\s+this(?:\s+article|\s+story|\s+page)?)?|partager|partagez|teilen|compartir"
)

JUNK_RULES: tuple[JunkRule, ...] = (
    # "[ad_1]", "[ad_2]", "[ads]", "[advertisement]", possibly several on one line.
    JunkRule("junk.ad_marker.v1", r"(?:\[\s*(?:ads?|advert(?:isement)?)(?:[_ -]?\d+)?\s*\]\s*)+$"),
    # "Source link", and the scraper's variant with a counter: "Source link -41".
    JunkRule("junk.source_link.v1", r"source\s+link\b[\s\d#:-]*$"),
    # "A LIRE AUSSI | ...", "À lire aussi : ...", "Voir aussi".
    JunkRule(
        "junk.read_also_fr.v1",
        r"(?:(?:[àa]\s+)?lire\s+(?:aussi|[ée]galement)|voir\s+aussi)" + _KEYWORD_END,
    ),
    # In capitals the keyword is enough: "A LIRE AUSSI Poutine ...".
    JunkRule("junk.read_also_fr_caps.v1", r"(?:[ÀA]\s+)?LIRE\s+(?:AUSSI|ÉGALEMENT)\b", False),
    # "Read also:", "Read more |", "Related:", "See also:", "Lesen Sie auch:", "Lee también:".
    JunkRule(
        "junk.read_also.v1",
        r"(?:read\s+(?:also|more)|also\s+read|related(?:\s+(?:articles?|stories|coverage|news))?"
        r"|see\s+also|more\s+on\s+this|lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema"
        r"|lee\s+(?:también|tambien)|le\s+puede\s+interesar)" + _KEYWORD_END,
    ),
    # "REGARDER | ...", "WATCH: ...", "VIDÉO – ...".
    JunkRule(
        "junk.watch.v1",
        r"(?:regarder|regardez|watch|vid[ée]o|ansehen|ver\s+v[íi]deo)\s*[|:–—]",
    ),
    # All-capital video prompts: "REGARDEZ WION EN DIRECT ICI".
    JunkRule("junk.watch_caps.v1", r"(?:REGARDER|REGARDEZ|WATCH|VIDÉO|VIDEO)\b[^a-z]*$", False),
    # A lone label where an advertisement was.
    JunkRule(
        "junk.advertisement_label.v1",
        r"(?:advertisement|advertising|sponsored(?:\s+content)?|publicit[ée]|annonce"
        r"|contenu\s+sponsoris[ée]|anzeige|werbung|publicidad|contenido\s+patrocinado)\s*:?$",
    ),
    # "Share this article: [Facebook] [Twitter]", "Partager sur : Facebook | Twitter",
    # "Partager 🔗 | Imprimer".
    JunkRule(
        "junk.share_prompt.v1",
        r"(?:" + _SHARE_WORDS + r")(?:\s+(?:sur|on|via|auf|en))?"
        r"\s*(?:[:|]|$|(?=\s*" + _BUTTON + r"\s*(?:[|·•,/]|$)))",
    ),
    # A line made only of network names and share-button glyphs: "f | 𝕏 | in | ✉".
    JunkRule("junk.share_buttons.v1", r"(?:" + _BUTTON + _BUTTON_SEPARATOR + r"){2,}$"),
    # Newsletter and subscription prompts.
    JunkRule(
        "junk.subscribe.v1",
        r"(?:subscribe\b|sign\s+up\s+(?:for|to)\s+(?:our|the)\b"
        r"|abonnez[- ]vous\b|inscrivez[- ]vous\s+[àa]\s+(?:notre|la)\s+newsletter"
        r"|recevez\s+notre\s+newsletter|newsletter\s+abonnieren|jetzt\s+abonnieren"
        r"|suscr[íi]bete\b|reg[íi]strate\s+en\s+nuestro)",
    ),
    # Aggregator and app promotions: "Follow us on Google News", "Téléchargez l'application".
    JunkRule(
        "junk.follow_us.v1",
        r"(?:follow\s+us\b|suivez[- ]nous\b|folgen\s+sie\s+uns\b|s[íi]guenos\b)",
    ),
    JunkRule(
        "junk.app_promo.v1",
        r"(?:download|t[ée]l[ée]chargez|laden\s+sie|descarga|desc[áa]rgate)\b"
        r".{0,60}\b(?:app|application|appli|aplicaci[óo]n)\b",
    ),
    # "Click here to ...", "Cliquez ici pour ...".
    JunkRule("junk.click_here.v1", r"(?:click\s+here|cliquez\s+ici|hier\s+klicken|haga\s+clic)\b"),
    # Breadcrumbs: "Home › Land › Armour", "Accueil > Monde".
    JunkRule("junk.breadcrumb.v1", r"(?:home|accueil|startseite|inicio|portada)\s*[›»>/|]"),
    # Copyright footers: "© 2024 Example Media", "Copyright 2023 ...".
    JunkRule("junk.copyright_sign.v1", r"(?:©|copyright\s*(?:©|\(c\)|\d{4}))", max_chars=200),
    # Lines made only of rule characters: "###", "* * *", "-----", "___".
    JunkRule("junk.separator.v1", r"(?:[#*_=~-]\s*){3,}$"),
    # Cookie and consent banners: the site speaking about its own cookies, or consent buttons.
    JunkRule(
        "junk.cookie_consent.v1",
        r"\b(?:(?:this|our)\s+(?:web)?site\s+uses\s+cookies|we\s+use\s+cookies"
        r"|(?:ce|notre)\s+site(?:\s+et\s+ses\s+partenaires)?\s+utilisen?t?\s+des\s+cookies"
        r"|nous\s+utilisons\s+des\s+cookies|(?:diese|unsere)\s+(?:web)?(?:seite|site)\s+(?:verwendet|nutzt)"
        r"\s+cookies|wir\s+verwenden\s+cookies|(?:este|nuestro)\s+sitio(?:\s+web)?\s+utiliza"
        r"\s+cookies|utilizamos\s+cookies)\b"
        r"|\[\s*(?:accept(?:\s+all)?|tout\s+accepter|accepter|alle\s+akzeptieren|akzeptieren"
        r"|aceptar(?:\s+todo)?)\s*\]",
        anchored=False,
        hints=("cookie", "[accept", "[tout accepter", "[alle akzeptieren", "[aceptar"),
        max_chars=MAX_CONSENT_LINE_CHARS,
    ),
    # Rights notices anywhere in a short footer line.
    JunkRule(
        "junk.rights_reserved.v1",
        r"\b(?:all\s+rights\s+reserved|tous\s+droits\s+r[ée]serv[ée]s"
        r"|alle\s+rechte\s+vorbehalten|todos\s+los\s+derechos\s+reservados)\b",
        anchored=False,
        hints=("rights reserved", "droits r", "rechte vorbehalten", "derechos reservados"),
        max_chars=200,
    ),
)

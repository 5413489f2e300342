"""clean_text and clean_document: junk lines, layout, markup and glued sentences."""

from __future__ import annotations

import pytest

from armstrace.ingest import clean_document, clean_text, compute_content_hash
from armstrace.models import RawDocument

BEFORE = "The first paragraph stays in place."
AFTER = "The last paragraph stays in place too."


def clean(raw: str) -> str:
    return clean_text(raw)[0]


# --- boilerplate lines ----------------------------------------------------------------------

JUNK_LINES = [
    "[ad_1]",
    "[ad_2]",
    "[ads]",
    "[ad_1] [ad_2]",
    "Source link",
    "Source link -41",
    "A LIRE AUSSI | Un autre sujet sans rapport avec l'article",
    "À lire aussi : la suite du dossier",
    "LIRE AUSSI : Un sujet voisin",
    "Lire aussi",
    "Read also: Another story entirely",
    "Read more | Another story",
    "Related: Another story",
    "RELATED",
    "See also: the full timeline",
    "Lesen Sie auch: Ein anderer Artikel",
    "REGARDER | Une vidéo sans rapport",
    "REGARDEZ NOTRE CHAÎNE EN DIRECT ICI",
    "WATCH: The minister's speech in full",
    "WATCH | Live coverage",
    "Advertisement",
    "Publicité",
    "Anzeige",
    "Share this article: [Facebook] [Twitter] [LinkedIn] [Email]",
    "Share: f | 𝕏 | in | ✉",
    "Partager sur : Facebook | Twitter | WhatsApp | Copier le lien",
    "Partager : Facebook · X · WhatsApp · E-mail",
    "Publié le 9 mai 2025 à 16h20 | Partager 🔗 | Imprimer",
    "Facebook Twitter WhatsApp",
    "We use cookies to improve your experience. By continuing you agree to our Cookie Policy. "
    "[Accept]",
    "🍪 Ce site utilise des cookies pour mesurer l'audience. [Accepter] [Refuser]",
    "Nous respectons votre vie privée. Ce site et ses partenaires utilisent des cookies pour "
    "afficher des publicités personnalisées. [Tout accepter] [Continuer sans accepter]",
    "Diese Website verwendet Cookies.",
    "Subscribe to our newsletter for daily updates →",
    "Abonnez-vous à notre newsletter",
    "Sign up for our morning briefing",
    "Follow us on Google News",
    "Suivez-nous sur Google Actualités",
    "11/09/2024 – 07:15 | Suivez-nous sur Google Actualités",
    "Téléchargez l'application pour ne rien manquer",
    "Download the app for breaking news alerts",
    "Click here to read the full report",
    "Home › World › Europe",
    "Accueil > Monde > Europe",
    "© 2024 Example Media",
    "All rights reserved.",
    "Tous droits réservés",
    "###",
    "* * *",
    "------",
]

KEPT_LINES = [
    "Ukraine will share intelligence with its allies, the minister said.",
    "Share prices of the arms maker rose after the announcement.",
    "Partager le fardeau de la défense européenne est essentiel, a-t-il dit.",
    "Related talks between the two ministries will resume next week.",
    "Related-party purchases were examined by the auditors.",
    "Watchdog groups said the shipment had arrived in the port.",
    "Source links between the two ministries were cut in 2022.",
    "Lire aussi le rapport de l'ONU publié mardi n'est pas chose facile.",
    "The advertisement campaign for new recruits drew criticism.",
    "Follow-up talks are planned for March, officials said.",
    "Subscribers to the agency's feed received the report first.",
    "Download speeds were not affected by the outage.",
    "The company said its website uses cookies only to count visitors.",
    "Home to 40,000 troops, the base received new tanks in May.",
    "Copyright disputes were not discussed at the summit.",
    "The sale includes Harpoon missiles | and Sidewinder missiles.",
    "Watch this space, the spokesman told reporters.",
    "Publicité mensongère : le ministère porte plainte contre le fabricant.",
]


@pytest.mark.parametrize("line", JUNK_LINES)
def test_clean_text_removes_boilerplate_line(line: str) -> None:
    text, _, removed = clean_text(f"{BEFORE}\n\n{line}\n\n{AFTER}\n")

    assert text == f"{BEFORE}\n\n{AFTER}"
    assert removed == 1


@pytest.mark.parametrize("line", KEPT_LINES)
def test_clean_text_keeps_sentence_that_looks_like_boilerplate(line: str) -> None:
    text, _, removed = clean_text(f"{BEFORE}\n\n{line}\n\n{AFTER}\n")

    assert text == f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert removed == 0


def test_clean_text_removes_boilerplate_between_lines_of_one_block() -> None:
    raw = "Mis à jour le 09/05/2024 à 18:02\nPartager : Facebook · X · WhatsApp\nLe texte suit."

    text, _, removed = clean_text(raw)

    assert text == "Mis à jour le 09/05/2024 à 18:02\n\nLe texte suit."
    assert removed == 1


def test_clean_text_never_removes_a_wrapped_line_of_a_sentence() -> None:
    raw = (
        "The inspectors listed every item that the ministry considered to be\n"
        "related\n"
        "to the programme, and the list was long.\n"
    )

    text, _, removed = clean_text(raw)

    assert removed == 0
    assert text == (
        "The inspectors listed every item that the ministry considered to be related to the "
        "programme, and the list was long."
    )


# --- layout ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # blank lines and surrounding space
        (
            "\n\n  First paragraph.  \n\n\n\n Second   paragraph\twith  spaces. \n\n",
            "First paragraph.\n\nSecond paragraph with spaces.",
        ),
        # a line of spaces is a blank line
        ("First.\n   \nSecond.", "First.\n\nSecond."),
        # Windows line endings
        ("Line one.\r\nLine two.\r\n\r\nPara two.\r\n", "Line one.\nLine two.\n\nPara two."),
        # no-break space and invisible characters
        ("A\u00a0B and arm\u00adament and zero\u200bwidth", "A B and armament and zerowidth"),
        # a sentence wrapped before a lowercase word
        (
            "Showers continued throughout the week in\nthe cocoa zone, the review said.",
            "Showers continued throughout the week in the cocoa zone, the review said.",
        ),
        # a long line wrapped before a capitalised word
        (
            "Rain alleviated the drought that had lasted since early\nJanuary, the review said.",
            "Rain alleviated the drought that had lasted since early January, the review said.",
        ),
        # a finished sentence keeps its line break
        ("The dry period means the crop will be late.\nArrivals fell.", None),
        # list items and their header keep their lines
        ("The package includes:\n- 31 tanks\n- 59 vehicles\n• 90 carriers", None),
        # numbered items, enumerations and live-blog entries
        ("Items follow\n1. tanks\n2) trucks\n(c) radars", None),
        ("00:55 — first entry without a full stop\n03:20 — second entry", None),
        # a short heading before a capitalised line
        ("UNITED STATES\nThirty-one tanks were pledged.", None),
        # a table row
        ("Country | Tanks\nPoland | 14", None),
        # indented lines continue a Markdown list item, even after a full stop
        (
            "-   Ukraine drafted more men. In October\n    Kyiv announced\n"
            "    -   A nested item\n        goes on.\n-   Next item",
            "- Ukraine drafted more men. In October Kyiv announced\n"
            "- A nested item goes on.\n- Next item",
        ),
    ],
)
def test_clean_text_layout(raw: str, expected: str | None) -> None:
    assert clean(raw) == (raw if expected is None else expected)


def test_clean_text_of_blank_text_is_empty() -> None:
    text, offsets, removed = clean_text(" \n\n\t\n")

    assert (text, offsets.segments, removed) == ("", (), 0)


def test_clean_text_of_only_junk_is_empty() -> None:
    text, _, removed = clean_text("[ad_1]\n\nSource link\n")

    assert (text, removed) == ("", 2)


# --- markup ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "The agency, the\n[brainchild](https://example.org/a/b_(c))\nof the senator, acts.",
            "The agency, the brainchild of the senator, acts.",
        ),
        ("**Bold words** stay, and so does 2 ** 3.", "Bold words stay, and so does 2 ** 3."),
        ("[**used**](https://example.org/u) its funds", "used its funds"),
        ("Steve \\[Witkoff\\] said so.", "Steve [Witkoff] said so."),
        ("#### Heading here", "Heading here"),
        ("Before.\n\n![](https://img.example.org/a.png)\n\nAfter.", "Before.\n\nAfter."),
        (
            '<span style="text-decoration: underline">Section</span> 1 applies.',
            "Section 1 applies.",
        ),
        (
            "Visit <https://www.example.org/page> today.",
            "Visit https://www.example.org/page today.",
        ),
        ("- One\n\n<!-- -->\n\n- Two", "- One\n\n- Two"),
        (
            '<span style="' + "color: var(--x);" * 40 + '">Long style</span> kept.',
            "Long style kept.",
        ),
        ("“[Republic of Korea] requirements,” he said.", None),
        ("Ratings went from #1 to #3 in a year.", None),
    ],
)
def test_clean_text_strips_markdown_and_inline_tags(raw: str, expected: str | None) -> None:
    assert clean(raw) == (raw if expected is None else expected)


# --- glued sentences ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pyongyang.A defense official said so.", "Pyongyang. A defense official said so."),
        (
            "Des chars à ses alliés occidentaux.Les États-Unis allèguent",
            "Des chars à ses alliés occidentaux. Les États-Unis allèguent",
        ),
        ("It ended in 2023.The talks resume.", "It ended in 2023. The talks resume."),
        ("Really?Yes, he said!Then left.", "Really? Yes, he said! Then left."),
        ('He said "enough."The room fell silent.', 'He said "enough." The room fell silent.'),
        ("He waited…The door opened.", "He waited… The door opened."),
        ("NATO.The alliance met.", "NATO. The alliance met."),
    ],
)
def test_clean_text_splits_glued_sentences(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "The U.S.A is large.",
        "Written by J.R.R. Tolkien.",
        "Use it, e.g. for maps.",
        "She holds a Ph.D. and a Ph.D from Antwerp.",
        "See Annex II.D for the list.",
        "It weighs 3.5 tonnes.",
        "Visit whitehouse.gov for more.",
        "Report it at ReportFraud.FTC.gov today.",
        "Mail press@Example.org or see https://example.org/A.B now.",
        "Built with ASP.NET and more.",
        "Visit Whitehouse.Gov for more.",
    ],
)
def test_clean_text_does_not_split_names_numbers_or_addresses(raw: str) -> None:
    assert clean(raw) == raw


# --- clean_document -------------------------------------------------------------------------


def test_clean_document_carries_metadata_and_counts_removed_lines() -> None:
    raw = RawDocument(
        id="doc-1",
        text="[ad_1]\n\nThe ferry sailed at dawn.\n\nSource link\n",
        source="feed.jsonl:3",
        title="Ferry",
        url="https://example.org/ferry",
        published="2024-03-05",
        lang="en",
        input_format="jsonl",
    )

    clean_doc = clean_document(raw)

    assert clean_doc.text == "The ferry sailed at dawn."
    assert clean_doc.raw_text == raw.text
    assert clean_doc.removed_lines == 2
    assert (clean_doc.id, clean_doc.source, clean_doc.input_format) == (
        "doc-1",
        "feed.jsonl:3",
        "jsonl",
    )
    assert (clean_doc.title, clean_doc.url, clean_doc.published) == (
        "Ferry",
        "https://example.org/ferry",
        "2024-03-05",
    )
    assert clean_doc.lang == "en"
    assert clean_doc.content_hash == compute_content_hash(raw.text)


def test_compute_content_hash_ignores_wrapping_and_spacing() -> None:
    wrapped = "The ferry sailed\nat dawn with forty\npassengers aboard.\n"
    flowing = "  The ferry sailed at dawn with   forty passengers aboard."

    assert compute_content_hash(wrapped) == compute_content_hash(flowing)
    assert compute_content_hash(wrapped) != compute_content_hash("The ferry sailed at dusk.")
    assert len(compute_content_hash(wrapped)) == 64

"""Extraction: cleaned articles in, per-article transfer reports out.

Only this package and `armstrace.nlp` import spaCy; `extract_report` returns plain
`armstrace.models` dataclasses.

Where things are: `prefilter` picks the lines worth parsing; `engine` reads the parsed
sentences of an article (lists, headings, continuations) and asks `not_transfers` whether
a trigger reports no transfer at all (a question, a ban, money, a patrol); `frames` finds
triggers and their materiel, `roles` the roles of the actors around them, `groups` the
groups and coalitions among them, `controllers` and `anaphora` the roles named elsewhere (a
thanked party, a pronoun), `seizures` the shipments an announcer caught, `arming` and
`sourced` the flows with no transfer word ("arming the RSF", "drones from Iran used by
Russia"), `materiel_phrases` the category of "ammunition for X"; `attribution` sets stage,
stance and claimers; `context` holds what the article knows (its issuer, its people);
`assemble` merges frames into records, drops domestic procurement and history, folds
denials and drops repeats. Quantities and dates have their own modules, and every word
list is a file in `data/`.
"""

from armstrace.extract.engine import EXTRACTOR_VERSION, extract_report

__all__ = ["EXTRACTOR_VERSION", "extract_report"]

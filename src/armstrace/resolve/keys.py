"""The grouping key of resolution: supplier, recipient-or-end-user and materiel family.

Reports with different keys are never the same transfer; reports with one key are then split
into tranches by time and quantity (`tranches.py`). The key's text form is stored with each
transfer (`transfers.group_key`) so the store can find every transfer of a key again.
"""

from __future__ import annotations

from dataclasses import dataclass

from armstrace.gazetteer import family_of
from armstrace.models import MATERIEL_CATEGORIES, TransferRecord

UNKNOWN = "?"  # stands for an unknown actor in the text form; no actor code contains it
SEPARATOR = "|"


@dataclass(frozen=True, order=True)
class GroupKey:
    """Who sends, who finally gets it, and what kind of materiel."""

    supplier: str | None
    target: str | None  # the end user when the report names one, else the recipient
    family: str

    @property
    def text(self) -> str:
        """The stored form, `supplier|target|family`, with `?` for an unknown actor."""
        return SEPARATOR.join(
            (self.supplier or UNKNOWN, self.target or UNKNOWN, self.family),
        )

    @property
    def categories(self) -> tuple[str, ...]:
        """The materiel categories whose reports fall under this key."""
        return categories_in_family(self.family)

    @property
    def has_unknown_actor(self) -> bool:
        """Whether the supplier or the target is unknown."""
        return self.supplier is None or self.target is None

    @classmethod
    def parse(cls, text: str) -> GroupKey:
        """The key whose `text` this is."""
        supplier, target, family = text.split(SEPARATOR)
        return cls(
            supplier=None if supplier == UNKNOWN else supplier,
            target=None if target == UNKNOWN else target,
            family=family,
        )


def target_of(recipient: str | None, end_user: str | None) -> str | None:
    """Who the materiel is finally for: the end user when named, else the recipient."""
    return end_user or recipient


def key_of(
    supplier: str | None, recipient: str | None, end_user: str | None, materiel: str
) -> GroupKey:
    """The grouping key of a report given by its parts."""
    return GroupKey(supplier or None, target_of(recipient, end_user), materiel_family(materiel))


def materiel_family(materiel: str) -> str:
    """`gazetteer.family_of`, except that a category we do not know is its own family.

    Stored reports come from any extractor version; one odd category must not stop the
    resolution of everything else.
    """
    try:
        return family_of(materiel)
    except ValueError:
        return materiel


def key_of_record(record: TransferRecord) -> GroupKey:
    """The grouping key of one per-article transfer record."""
    return key_of(record.supplier, record.recipient, record.end_user, record.materiel)


def categories_in_family(family: str) -> tuple[str, ...]:
    """Every materiel category of `family`, in the order of MATERIEL_CATEGORIES.

    A family that is no known family is an unknown category standing for itself.
    """
    return tuple(c for c in MATERIEL_CATEGORIES if family_of(c) == family) or (family,)

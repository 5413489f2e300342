"""Exceptions raised by armstrace.

    ArmstraceError            base class: the CLI turns it into a one-line message and exit 1
    ├── StorageError          the database cannot be opened, migrated or written
    ├── GoldFileError         a gold file for `armstrace eval` is missing or malformed
    └── ModelError            a spaCy pipeline is missing or is not the expected model

Bad *inputs* (binary, empty, malformed files) are not exceptions: the readers turn them into
`models.Rejection` values so that a run goes on and records them.
"""


class ArmstraceError(Exception):
    """Base class of every error armstrace reports to the user."""


class StorageError(ArmstraceError):
    """The database cannot be opened, migrated or written."""


class GoldFileError(ArmstraceError):
    """A gold file is missing or malformed."""


class ModelError(ArmstraceError):
    """A language pipeline is missing or is not the model armstrace was built for."""

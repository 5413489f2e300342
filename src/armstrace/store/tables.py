"""SQLAlchemy Core tables of the armstrace database (SQLite by default, PostgreSQL too).

Every type here is chosen to behave the same on both back ends: `Text` for long text,
`JSON` for lists and maps, `BigInteger` for quantities, and `String()` without a length for
codes and ids, because SQLite ignores lengths and PostgreSQL would enforce them: the same data
must fail or pass on both. `migrations/versions/` must create
exactly these tables; a test compares the migrated schema with `metadata`.
"""

from __future__ import annotations

import sqlalchemy as sa

from armstrace.models import STAGES, STANCES, STATUSES

# Fixed constraint names, so Alembic migrations and this module name everything alike.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def _in_list(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("argv", sa.JSON, nullable=False),
    sa.Column("inputs", sa.JSON, nullable=False),
    sa.Column("extractor_version", sa.String(), nullable=False),
    sa.Column("seen", sa.Integer, nullable=False, server_default="0"),
    sa.Column("stored", sa.Integer, nullable=False, server_default="0"),
    sa.Column("unchanged", sa.Integer, nullable=False, server_default="0"),
    sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
    sa.Column("transfers", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rejected", sa.Integer, nullable=False, server_default="0"),
)

rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "run_id",
        sa.Integer,
        sa.ForeignKey("runs.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(), primary_key=True),
    sa.Column("content_hash", sa.String(), nullable=False, unique=True, index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("input_format", sa.String(), nullable=False),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("url", sa.Text, nullable=True),
    sa.Column("published", sa.String(), nullable=True),
    sa.Column("lang", sa.String(), nullable=False),
    sa.Column("raw_text", sa.Text, nullable=False),
    sa.Column("clean_text", sa.Text, nullable=False),
    # list of [clean_start, raw_start, length]: models.OffsetMap.segments
    sa.Column("offset_map", sa.JSON, nullable=False),
    sa.Column("removed_lines", sa.Integer, nullable=False, server_default="0"),
    sa.Column("extractor_version", sa.String(), nullable=False),
    sa.Column("first_run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    sa.Column("updated_run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "document_id",
        sa.String(),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("supplier", sa.String(), nullable=True, index=True),
    sa.Column("recipient", sa.String(), nullable=True, index=True),
    sa.Column("end_user", sa.String(), nullable=True),
    sa.Column("origin", sa.String(), nullable=True),
    sa.Column("via", sa.JSON, nullable=False),
    sa.Column("materiel", sa.String(), nullable=False),
    sa.Column("detail", sa.Text, nullable=True),
    sa.Column("quantity", sa.BigInteger, nullable=True),
    sa.Column("quantity_text", sa.Text, nullable=True),
    sa.Column("stage", sa.String(), nullable=False),
    sa.Column("stance", sa.String(), nullable=False),
    sa.Column("claimed_by", sa.JSON, nullable=False),
    sa.Column("denied_by", sa.JSON, nullable=False),
    sa.Column("sources", sa.JSON, nullable=False),
    sa.Column("event_date", sa.String(), nullable=True),
    sa.Column("confidence", sa.Float, nullable=False),
    # field name -> ids of the rules that set it
    sa.Column("rule_ids", sa.JSON, nullable=False),
    sa.Column("extractor_version", sa.String(), nullable=False),
    sa.UniqueConstraint("document_id", "position"),
    sa.CheckConstraint(_in_list("stage", STAGES), name="stage"),
    sa.CheckConstraint(_in_list("stance", STANCES), name="stance"),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "report_id",
        sa.Integer,
        sa.ForeignKey("reports.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "document_id",
        sa.String(),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # order of the evidence within its report; row ids do not promise insertion order
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("raw_start", sa.Integer, nullable=False),
    sa.Column("raw_end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("rule_id", sa.String(), nullable=False),
)

# -- Resolved transfers (armstrace.resolve), revision 0002 -------------------------------------

transfers = sa.Table(
    "transfers",
    metadata,
    sa.Column("id", sa.String(), primary_key=True),
    # "supplier|recipient-or-end-user|family": every transfer of a key is resolved together
    sa.Column("group_key", sa.String(), nullable=False, index=True),
    sa.Column("family", sa.String(), nullable=False),
    sa.Column("supplier", sa.String(), nullable=True, index=True),
    sa.Column("recipient", sa.String(), nullable=True, index=True),
    sa.Column("end_user", sa.String(), nullable=True),
    sa.Column("materiel", sa.String(), nullable=False),
    sa.Column("status", sa.String(), nullable=False),
    sa.Column("stage", sa.String(), nullable=False),
    # stage -> date it was first reported (None when only undated articles report it)
    sa.Column("stage_first_reported", sa.JSON, nullable=False),
    sa.Column("quantity_min", sa.BigInteger, nullable=True),
    sa.Column("quantity_max", sa.BigInteger, nullable=True),
    sa.Column("quantity_latest", sa.BigInteger, nullable=True),
    sa.Column("via", sa.JSON, nullable=False),
    sa.Column("origins", sa.JSON, nullable=False),
    sa.Column("end_users", sa.JSON, nullable=False),
    sa.Column("details", sa.JSON, nullable=False),
    sa.Column("first_reported", sa.String(), nullable=True),  # as the articles give it
    sa.Column("last_reported", sa.String(), nullable=True),
    # The same two dates as full days (YYYY-MM-DD): compared and sorted as text on any collation
    sa.Column("first_day", sa.String(), nullable=True),
    sa.Column("last_day", sa.String(), nullable=True),
    sa.Column("n_documents", sa.Integer, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False),
    # Claims when resolved: fewer claims now means a report went away (re-extraction, removal)
    sa.Column("n_claims", sa.Integer, nullable=False),
    sa.Column("resolver_version", sa.String(), nullable=False),
    sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint(_in_list("status", STATUSES), name="status"),
    sa.CheckConstraint(_in_list("stage", STAGES), name="stage"),
)

claims = sa.Table(
    "claims",
    metadata,
    # A report supports exactly one transfer.
    sa.Column(
        "report_id",
        sa.Integer,
        sa.ForeignKey("reports.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "transfer_id",
        sa.String(),
        sa.ForeignKey("transfers.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "document_id",
        sa.String(),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # the earlier near-identical copy of this article among the transfer's claims, if any
    sa.Column("duplicate_of", sa.String(), nullable=True),
)

text_signatures = sa.Table(
    "text_signatures",
    metadata,
    sa.Column(
        "document_id",
        sa.String(),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("content_hash", sa.String(), nullable=False),
    sa.Column("lang", sa.String(), nullable=False),
    sa.Column("minhash", sa.JSON, nullable=False),  # list of NUM_PERMUTATIONS integers
)

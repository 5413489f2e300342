"""Initial schema: runs, rejections, documents, reports and evidence.

Revision ID: 0001
Revises: none
Written by hand to match armstrace/store/tables.py as it was at this revision; constraint
names follow tables.NAMING_CONVENTION.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _counter(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer, nullable=False, server_default="0")


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("argv", sa.JSON, nullable=False),
        sa.Column("inputs", sa.JSON, nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=False),
        _counter("seen"),
        _counter("stored"),
        _counter("unchanged"),
        _counter("duplicates"),
        _counter("transfers"),
        _counter("rejected"),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )

    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rejections"),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_rejections_run_id_runs", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_rejections_run_id", "rejections", ["run_id"])

    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("input_format", sa.String(), nullable=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("lang", sa.String(), nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("clean_text", sa.Text, nullable=False),
        sa.Column("offset_map", sa.JSON, nullable=False),
        _counter("removed_lines"),
        sa.Column("extractor_version", sa.String(), nullable=False),
        sa.Column("first_run_id", sa.Integer, nullable=False),
        sa.Column("updated_run_id", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.ForeignKeyConstraint(
            ["first_run_id"], ["runs.id"], name="fk_documents_first_run_id_runs"
        ),
        sa.ForeignKeyConstraint(
            ["updated_run_id"], ["runs.id"], name="fk_documents_updated_run_id_runs"
        ),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"], unique=True)

    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("supplier", sa.String(), nullable=True),
        sa.Column("recipient", sa.String(), nullable=True),
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
        sa.Column("rule_ids", sa.JSON, nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_reports_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("document_id", "position", name="uq_reports_document_id_position"),
        sa.CheckConstraint(
            "stage IN ('requested', 'planned', 'delivered')", name="ck_reports_stage"
        ),
        sa.CheckConstraint("stance IN ('asserted', 'alleged', 'denied')", name="ck_reports_stance"),
    )
    op.create_index("ix_reports_document_id", "reports", ["document_id"])
    op.create_index("ix_reports_supplier", "reports", ["supplier"])
    op.create_index("ix_reports_recipient", "reports", ["recipient"])

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("report_id", sa.Integer, nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("raw_start", sa.Integer, nullable=False),
        sa.Column("raw_end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("rule_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence"),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name="fk_evidence_report_id_reports", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_evidence_document_id_documents",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_evidence_report_id", "evidence", ["report_id"])
    op.create_index("ix_evidence_document_id", "evidence", ["document_id"])


def downgrade() -> None:
    for table in ("evidence", "reports", "documents", "rejections", "runs"):
        op.drop_table(table)

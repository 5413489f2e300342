"""Resolved transfers: transfers, claims (report -> transfer) and text signatures.

Revision ID: 0002
Revises: 0001
Written by hand to match armstrace/store/tables.py; constraint names follow
tables.NAMING_CONVENTION. Reports stored before this revision have no claims yet: the next
`armstrace run` resolves them (see armstrace.pipeline.update_transfers).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "transfers",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("group_key", sa.String(), nullable=False),
        sa.Column("family", sa.String(), nullable=False),
        sa.Column("supplier", sa.String(), nullable=True),
        sa.Column("recipient", sa.String(), nullable=True),
        sa.Column("end_user", sa.String(), nullable=True),
        sa.Column("materiel", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("stage_first_reported", sa.JSON, nullable=False),
        sa.Column("quantity_min", sa.BigInteger, nullable=True),
        sa.Column("quantity_max", sa.BigInteger, nullable=True),
        sa.Column("quantity_latest", sa.BigInteger, nullable=True),
        sa.Column("via", sa.JSON, nullable=False),
        sa.Column("origins", sa.JSON, nullable=False),
        sa.Column("end_users", sa.JSON, nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("first_reported", sa.String(), nullable=True),
        sa.Column("last_reported", sa.String(), nullable=True),
        sa.Column("first_day", sa.String(), nullable=True),
        sa.Column("last_day", sa.String(), nullable=True),
        sa.Column("n_documents", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("resolver_version", sa.String(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_transfers"),
        sa.CheckConstraint(
            "status IN ('confirmed', 'reported', 'alleged', 'contested', 'denied')",
            name="ck_transfers_status",
        ),
        sa.CheckConstraint(
            "stage IN ('requested', 'planned', 'delivered')", name="ck_transfers_stage"
        ),
    )
    op.create_index("ix_transfers_group_key", "transfers", ["group_key"])
    op.create_index("ix_transfers_supplier", "transfers", ["supplier"])
    op.create_index("ix_transfers_recipient", "transfers", ["recipient"])

    op.create_table(
        "claims",
        sa.Column("report_id", sa.Integer, nullable=False),
        sa.Column("transfer_id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("duplicate_of", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("report_id", name="pk_claims"),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name="fk_claims_report_id_reports", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["transfers.id"],
            name="fk_claims_transfer_id_transfers",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_claims_document_id_documents",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_claims_transfer_id", "claims", ["transfer_id"])
    op.create_index("ix_claims_document_id", "claims", ["document_id"])

    op.create_table(
        "text_signatures",
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("lang", sa.String(), nullable=False),
        sa.Column("minhash", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_text_signatures"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_text_signatures_document_id_documents",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    for table in ("text_signatures", "claims", "transfers"):
        op.drop_table(table)

"""The change log that lets each open window see what the others wrote.

Revision ID: 0003_change_log
Revises: 0002_kpis_workshops
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_change_log"
down_revision = "0002_kpis_workshops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
    )


def downgrade() -> None:
    op.drop_table("change_log")

"""KPIs and workshop sessions (agenda, participants, candidates, votes, parking lot).

Revision ID: 0002_kpis_workshops
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_kpis_workshops"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kpi",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("healthy_low", sa.Float(), nullable=True),
        sa.Column("healthy_high", sa.Float(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "healthy_low IS NULL OR healthy_high IS NULL OR healthy_low <= healthy_high",
            name=op.f("ck_kpi_range"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_kpi_team_id_team"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi")),
    )
    op.create_table(
        "workshop_session",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("cycle_id", sa.String(length=36), nullable=True),
        sa.Column("current_step", sa.Integer(), nullable=False),
        sa.Column("dots_per_participant", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint("dots_per_participant >= 0", name=op.f("ck_workshop_session_dots")),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["cycle.id"],
            name=op.f("fk_workshop_session_cycle_id_cycle"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_session")),
    )
    op.create_table(
        "agenda_step",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("guided_step", sa.String(length=40), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("actual_seconds", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "actual_seconds IS NULL OR actual_seconds >= 0", name=op.f("ck_agenda_step_actual")
        ),
        sa.CheckConstraint("planned_minutes > 0", name=op.f("ck_agenda_step_planned")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["workshop_session.id"],
            name=op.f("fk_agenda_step_session_id_workshop_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_step")),
    )
    with op.batch_alter_table("agenda_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_step_session_id"), ["session_id"], unique=False)
    op.create_table(
        "kpi_value",
        sa.Column("kpi_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["kpi_id"], ["kpi.id"], name=op.f("fk_kpi_value_kpi_id_kpi"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_value")),
    )
    with op.batch_alter_table("kpi_value", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kpi_value_kpi_id"), ["kpi_id"], unique=False)
    op.create_table(
        "parking_lot_item",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["workshop_session.id"],
            name=op.f("fk_parking_lot_item_session_id_workshop_session"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parking_lot_item")),
    )
    op.create_table(
        "participant",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["workshop_session.id"],
            name=op.f("fk_participant_session_id_workshop_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participant_session_id"), ["session_id"], unique=False)
    op.create_table(
        "candidate",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("promoted_objective_id", sa.String(length=36), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint("kind IN ('objective', 'key_result')", name=op.f("ck_candidate_kind")),
        sa.CheckConstraint(
            "status IN ('open', 'promoted', 'parked')", name=op.f("ck_candidate_status")
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["candidate.id"],
            name=op.f("fk_candidate_group_id_candidate"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["promoted_objective_id"],
            ["objective.id"],
            name=op.f("fk_candidate_promoted_objective_id_objective"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["workshop_session.id"],
            name=op.f("fk_candidate_session_id_workshop_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate")),
    )
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidate_session_id"), ["session_id"], unique=False)
    op.create_table(
        "vote",
        sa.Column("candidate_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("dots", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint("dots > 0", name=op.f("ck_vote_dots")),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_vote_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_vote_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote")),
    )
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_candidate_id"), ["candidate_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_candidate_id"))
    op.drop_table("vote")
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_session_id"))
    op.drop_table("candidate")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_session_id"))
    op.drop_table("participant")
    op.drop_table("parking_lot_item")
    with op.batch_alter_table("kpi_value", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kpi_value_kpi_id"))
    op.drop_table("kpi_value")
    with op.batch_alter_table("agenda_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_step_session_id"))
    op.drop_table("agenda_step")
    op.drop_table("workshop_session")
    op.drop_table("kpi")

"""The core: foundation, teams, cycles, OKRs, check-ins, reviews, retrospectives.

Revision ID: 0001_core
Revises: <base>
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cycle",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint("kind IN ('quarter', 'year', 'custom')", name=op.f("ck_cycle_kind")),
        sa.CheckConstraint(
            "state IN ('planning', 'active', 'review', 'closed')", name=op.f("ck_cycle_state")
        ),
        sa.CheckConstraint("end_date > start_date", name=op.f("ck_cycle_dates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycle")),
        sa.UniqueConstraint("name", name=op.f("uq_cycle_name")),
    )
    op.create_table(
        "team",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "kind IN ('company', 'department', 'team', 'person')", name=op.f("ck_team_kind")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["team.id"], name=op.f("fk_team_parent_id_team"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
        sa.UniqueConstraint("name", name=op.f("uq_team_name")),
    )
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_parent_id"), ["parent_id"], unique=False)
    op.create_table(
        "workspace",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("mission", sa.Text(), nullable=False),
        sa.Column("vision", sa.Text(), nullable=False),
        sa.Column("strategy", sa.Text(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace")),
    )
    op.create_table(
        "retrospective",
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("achieved", sa.Text(), nullable=False),
        sa.Column("missed", sa.Text(), nullable=False),
        sa.Column("process", sa.Text(), nullable=False),
        sa.Column("keep_doing", sa.Text(), nullable=False),
        sa.Column("stop_doing", sa.Text(), nullable=False),
        sa.Column("start_doing", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["cycle.id"],
            name=op.f("fk_retrospective_cycle_id_cycle"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_retrospective_team_id_team"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retrospective")),
        sa.UniqueConstraint("team_id", "cycle_id", name=op.f("uq_retrospective_team_id")),
    )
    with op.batch_alter_table("retrospective", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_retrospective_cycle_id"), ["cycle_id"], unique=False)
    op.create_table(
        "theme",
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["cycle_id"], ["cycle.id"], name=op.f("fk_theme_cycle_id_cycle"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
    )
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_cycle_id"), ["cycle_id"], unique=False)
    op.create_table(
        "objective",
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("theme_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint("kind IN ('committed', 'aspirational')", name=op.f("ck_objective_kind")),
        sa.CheckConstraint("status IN ('draft', 'final')", name=op.f("ck_objective_status")),
        sa.ForeignKeyConstraint(
            ["cycle_id"], ["cycle.id"], name=op.f("fk_objective_cycle_id_cycle"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_objective_team_id_team"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["theme.id"],
            name=op.f("fk_objective_theme_id_theme"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objective")),
    )
    with op.batch_alter_table("objective", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_objective_cycle_id"), ["cycle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_objective_team_id"), ["team_id"], unique=False)
    op.create_table(
        "initiative",
        sa.Column("objective_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "status IN ('planned', 'in_progress', 'done', 'dropped')",
            name=op.f("ck_initiative_status"),
        ),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_initiative_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
    )
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_initiative_objective_id"), ["objective_id"], unique=False
        )
    op.create_table(
        "key_result",
        sa.Column("objective_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("start", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("current", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("commit_level", sa.Float(), nullable=True),
        sa.Column("stretch_level", sa.Float(), nullable=True),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("confidence", sa.String(length=20), nullable=True),
        sa.Column("confidence_score", sa.Integer(), nullable=True),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "confidence IS NULL OR confidence IN ('on_track', 'at_risk', 'off_track')",
            name=op.f("ck_key_result_confidence"),
        ),
        sa.CheckConstraint(
            "direction IN ('increase', 'decrease')", name=op.f("ck_key_result_direction")
        ),
        sa.CheckConstraint(
            "kind IN ('metric', 'milestone', 'three_level')", name=op.f("ck_key_result_kind")
        ),
        sa.CheckConstraint(
            "confidence_score IS NULL OR confidence_score BETWEEN 1 AND 10",
            name=op.f("ck_key_result_confidence_score"),
        ),
        sa.CheckConstraint("weight >= 0", name=op.f("ck_key_result_weight")),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_key_result_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_result")),
    )
    with op.batch_alter_table("key_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_key_result_objective_id"), ["objective_id"], unique=False
        )
    op.create_table(
        "objective_grade",
        sa.Column("objective_id", sa.String(length=36), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "score IS NULL OR score BETWEEN 0 AND 1", name=op.f("ck_objective_grade_score")
        ),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_objective_grade_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objective_grade")),
        sa.UniqueConstraint("objective_id", name=op.f("uq_objective_grade_objective_id")),
    )
    op.create_table(
        "alignment_link",
        sa.Column("objective_id", sa.String(length=36), nullable=False),
        sa.Column("parent_objective_id", sa.String(length=36), nullable=True),
        sa.Column("parent_key_result_id", sa.String(length=36), nullable=True),
        sa.Column("weight", sa.Float(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "(parent_objective_id IS NULL) <> (parent_key_result_id IS NULL)",
            name=op.f("ck_alignment_link_one_parent"),
        ),
        sa.CheckConstraint(
            "objective_id <> parent_objective_id", name=op.f("ck_alignment_link_not_self")
        ),
        sa.CheckConstraint("weight IS NULL OR weight >= 0", name=op.f("ck_alignment_link_weight")),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_alignment_link_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_key_result_id"],
            ["key_result.id"],
            name=op.f("fk_alignment_link_parent_key_result_id_key_result"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_objective_id"],
            ["objective.id"],
            name=op.f("fk_alignment_link_parent_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alignment_link")),
        sa.UniqueConstraint(
            "objective_id",
            "parent_objective_id",
            "parent_key_result_id",
            name=op.f("uq_alignment_link_objective_id"),
        ),
    )
    with op.batch_alter_table("alignment_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alignment_link_objective_id"), ["objective_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_alignment_link_parent_key_result_id"),
            ["parent_key_result_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_alignment_link_parent_objective_id"),
            ["parent_objective_id"],
            unique=False,
        )
    op.create_table(
        "carry_decision",
        sa.Column("retrospective_id", sa.String(length=36), nullable=False),
        sa.Column("objective_id", sa.String(length=36), nullable=True),
        sa.Column("key_result_id", sa.String(length=36), nullable=True),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "decision IN ('carry', 'modify', 'drop', 'done')",
            name=op.f("ck_carry_decision_decision"),
        ),
        sa.CheckConstraint(
            "(objective_id IS NULL) <> (key_result_id IS NULL)",
            name=op.f("ck_carry_decision_one_item"),
        ),
        sa.ForeignKeyConstraint(
            ["key_result_id"],
            ["key_result.id"],
            name=op.f("fk_carry_decision_key_result_id_key_result"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_carry_decision_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["retrospective_id"],
            ["retrospective.id"],
            name=op.f("fk_carry_decision_retrospective_id_retrospective"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carry_decision")),
        sa.UniqueConstraint(
            "objective_id", "key_result_id", name=op.f("uq_carry_decision_objective_id")
        ),
    )
    with op.batch_alter_table("carry_decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_carry_decision_retrospective_id"), ["retrospective_id"], unique=False
        )
    op.create_table(
        "check_in",
        sa.Column("key_result_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("confidence", sa.String(length=20), nullable=True),
        sa.Column("confidence_score", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "confidence IS NULL OR confidence IN ('on_track', 'at_risk', 'off_track')",
            name=op.f("ck_check_in_confidence"),
        ),
        sa.CheckConstraint(
            "confidence_score IS NULL OR confidence_score BETWEEN 1 AND 10",
            name=op.f("ck_check_in_confidence_score"),
        ),
        sa.ForeignKeyConstraint(
            ["key_result_id"],
            ["key_result.id"],
            name=op.f("fk_check_in_key_result_id_key_result"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_in")),
    )
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_check_in_key_result_id"), ["key_result_id"], unique=False
        )
    op.create_table(
        "initiative_key_result",
        sa.Column("initiative_id", sa.String(length=36), nullable=False),
        sa.Column("key_result_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_key_result_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["key_result_id"],
            ["key_result.id"],
            name=op.f("fk_initiative_key_result_key_result_id_key_result"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "initiative_id", "key_result_id", name=op.f("pk_initiative_key_result")
        ),
    )
    with op.batch_alter_table("initiative_key_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_initiative_key_result_key_result_id"), ["key_result_id"], unique=False
        )
    op.create_table(
        "key_result_grade",
        sa.Column("key_result_id", sa.String(length=36), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.CheckConstraint("score BETWEEN 0 AND 1", name=op.f("ck_key_result_grade_score")),
        sa.ForeignKeyConstraint(
            ["key_result_id"],
            ["key_result.id"],
            name=op.f("fk_key_result_grade_key_result_id_key_result"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_result_grade")),
        sa.UniqueConstraint("key_result_id", name=op.f("uq_key_result_grade_key_result_id")),
    )


def downgrade() -> None:
    op.drop_table("key_result_grade")
    with op.batch_alter_table("initiative_key_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_key_result_key_result_id"))
    op.drop_table("initiative_key_result")
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_in_key_result_id"))
    op.drop_table("check_in")
    with op.batch_alter_table("carry_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_carry_decision_retrospective_id"))
    op.drop_table("carry_decision")
    with op.batch_alter_table("alignment_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alignment_link_parent_objective_id"))
        batch_op.drop_index(batch_op.f("ix_alignment_link_parent_key_result_id"))
        batch_op.drop_index(batch_op.f("ix_alignment_link_objective_id"))
    op.drop_table("alignment_link")
    op.drop_table("objective_grade")
    with op.batch_alter_table("key_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_key_result_objective_id"))
    op.drop_table("key_result")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_objective_id"))
    op.drop_table("initiative")
    with op.batch_alter_table("objective", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_objective_team_id"))
        batch_op.drop_index(batch_op.f("ix_objective_cycle_id"))
    op.drop_table("objective")
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_cycle_id"))
    op.drop_table("theme")
    with op.batch_alter_table("retrospective", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_retrospective_cycle_id"))
    op.drop_table("retrospective")
    op.drop_table("workspace")
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_parent_id"))
    op.drop_table("team")
    op.drop_table("cycle")

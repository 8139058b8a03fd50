"""The end of a cycle: its state, the review (grades and scores), the retrospective with
carrying forward, and the KPIs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.review.review_page import ReviewPage
from ui.review.widget import CycleReviewWidget

if TYPE_CHECKING:
    from ui.review.kpi_page import KpiPage
    from ui.review.retro_page import RetrospectivePage

__all__ = ["CycleReviewWidget", "KpiPage", "RetrospectivePage", "ReviewPage"]


def __getattr__(name: str) -> Any:  # the pages shown later are imported when asked for
    if name == "KpiPage":
        from ui.review.kpi_page import KpiPage

        return KpiPage
    if name == "RetrospectivePage":
        from ui.review.retro_page import RetrospectivePage

        return RetrospectivePage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The end of a cycle: its state, the review (grades and scores), the retrospective with
carrying forward, and the KPIs."""

from ui.review.kpi_page import KpiPage
from ui.review.retro_page import RetrospectivePage
from ui.review.review_page import ReviewPage
from ui.review.widget import CycleReviewWidget

__all__ = ["CycleReviewWidget", "KpiPage", "RetrospectivePage", "ReviewPage"]

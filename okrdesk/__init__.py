"""OKR Desk core: workspace file, domain model, services, coach, scoring, reports.

Never imports Qt or ``ui``; the desktop front end lives in ``ui/``.
"""

__version__ = "0.1.0"

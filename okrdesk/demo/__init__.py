"""Demo content: the hand-written demo company, and large synthetic workspaces."""

from okrdesk.demo.loader import build_demo
from okrdesk.demo.synthetic import build_synthetic

__all__ = ["build_demo", "build_synthetic"]

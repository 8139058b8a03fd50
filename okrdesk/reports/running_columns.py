"""Two columns that run on from page to page, filled left then right.

A sheet too long for one page keeps its two columns on every page (a table of two
cells cannot run on, and ReportLab's BalancedColumns ignores what must stay together).
The content comes in *units*: lists of flowables that stay in one column (an
objective's line with its first key result), each moved to the next column or page
whole. The last page is balanced: its two columns end at about the same height.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

Unit = list[Flowable]
BIG = 1e6  # "as much height as it wants", for measuring


class RunningColumns(Flowable):
    """`units` in two columns of `col_width`, `gutter` apart."""

    def __init__(
        self,
        units: list[Unit],
        col_width: float,
        gutter: float,
        columns: tuple[list[int], list[int]] | None = None,
    ) -> None:
        super().__init__()
        self.units, self.col_width, self.gutter = units, col_width, gutter
        self._heights = [sum(f.wrap(col_width, BIG)[1] for f in unit) for unit in units]
        # Set: this page's part, already divided between the columns.
        self._placed = columns
        self._columns: tuple[list[int], list[int]] = columns or ([], [])

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._placed is None:
            left, right, rest = self._fill(avail_height)
            self._columns = (left, right)
            if rest:  # more than this page holds: ask to be split
                return avail_width, avail_height + 1
        return avail_width, max(self._height(c) for c in self._columns)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        left, right, rest = self._fill(avail_height)
        frame = getattr(self, "_frame", None)
        if self._heights[left[0]] > avail_height and frame and avail_height < frame._height:
            return []  # not one unit fits here: the frame moves on to the next page
        here = [self.units[i] for i in (*left, *right)]
        placed = (list(range(len(left))), list(range(len(left), len(here))))
        return [
            RunningColumns(here, self.col_width, self.gutter, placed),
            RunningColumns([self.units[i] for i in rest], self.col_width, self.gutter),
        ]

    def draw(self) -> None:
        top = max(self._height(c) for c in self._columns)
        right = self.col_width + self.gutter
        for x, column in ((0.0, self._columns[0]), (right, self._columns[1])):
            y = top
            for i in column:
                for flowable in self.units[i]:
                    y -= flowable.wrap(self.col_width, BIG)[1]
                    flowable.drawOn(self.canv, x, y)

    # -- filling ------------------------------------------------------------------------------

    def _height(self, column: list[int]) -> float:
        return sum(self._heights[i] for i in column)

    def _fill(self, height: float) -> tuple[list[int], list[int], list[int]]:
        """The units for the left and right columns of a page `height` tall, and the rest."""
        order = list(range(len(self.units)))
        balanced = self._balanced(order, height)
        if balanced is not None:
            return (*balanced, [])
        columns: tuple[list[int], list[int]] = ([], [])
        k = 0
        for column in columns:
            used = 0.0
            # Each column takes at least one unit (one taller than a column overhangs).
            while k < len(order) and (not column or used + self._heights[order[k]] <= height):
                if not column and self._heights[order[k]] > height and column is columns[1]:
                    break  # … except the right one, which leaves it to the next page
                used += self._heights[order[k]]
                column.append(order[k])
                k += 1
        return columns[0], columns[1], order[k:]

    def _balanced(self, order: list[int], height: float) -> tuple[list[int], list[int]] | None:
        """When all of `order` fits in two columns: the split where the taller is shortest."""
        total = sum(self._heights[i] for i in order)
        if total > 2 * height:
            return None
        best: tuple[float, int] | None = None
        running = 0.0
        for k in range(len(order) + 1):
            taller = max(running, total - running)
            if taller <= height and (best is None or taller < best[0]):
                best = (taller, k)
            if k < len(order):
                running += self._heights[order[k]]
        if best is None:
            return None
        return order[: best[1]], order[best[1] :]

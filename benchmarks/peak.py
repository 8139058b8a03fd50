"""A process's own peak resident memory, without importing Qt (benchmarks.probes does)."""

from __future__ import annotations

import resource


def peak_mib() -> float:
    """This process's own peak resident memory. Linux's ru_maxrss keeps the high-water
    mark of the process that started it (the benchmark, holding a 1,000-team window), so
    read the peak of this process's memory map itself where the system says it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

"""Print benchmark results side by side: the newest run against the one before it.

Usage: python bench/compare.py bench/results bench_slots
"""

import json
import sys
from pathlib import Path


def main(folder, name):
    runs = sorted(Path(folder).glob(f"*-{name}.json"))
    if not runs:
        print("no results yet")
        return
    new = json.loads(runs[-1].read_text())
    old = json.loads(runs[-2].read_text()) if len(runs) > 1 else {}
    width = max(len(k) for k in new)
    print(f"{'figure':<{width}}  {runs[-2].stem if old else '(none)':>22}  {runs[-1].stem:>22}")
    for key in sorted(new):
        if key == "measured_at":
            continue
        before = old.get(key, "")
        change = ""
        if isinstance(before, int | float) and before:
            change = f"  {100 * (new[key] - before) / before:+.0f}%"
        print(f"{key:<{width}}  {before!s:>22}  {new[key]!s:>22}{change}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

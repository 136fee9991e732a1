"""The mutation score of core/, app/ and store/, per module and per layer.

Reads what `make mutation` (mutmut) left in mutants/ and the reviewed list of equivalent
mutants (tests/mutation-equivalents.txt: one mutant name a line, then its reason). A mutant
is caught when a test failed or timed out with it; one that survived, or that no test ran,
is missed. Equivalent mutants (they behave exactly like the product) count for neither.

    python scripts/mutation_report.py [--survivors] [--target 90]

Exits 1 when a layer is below the target, or when the equivalents list names a mutant that
no longer exists or that the tests now catch (the list must stay short and true).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants" / "src"
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.txt"
LAYERS = ("core", "app", "store")

CAUGHT = {1, 3, 36, 37, -24, 24, 152, 255, -11, -9}  # failed, timed out, crashed
MISSED = {0, 5, 33}  # survived, or no test ran it


def equivalents(path: Path = EQUIVALENTS) -> dict[str, str]:
    """Mutant name -> why it behaves like the product."""
    result: dict[str, str] = {}
    if not path.exists():
        return result
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(" ")
        if not reason.strip():
            raise SystemExit(f"{path.name}: {name} has no reason")
        result[name] = reason.strip()
    return result


def results() -> dict[str, tuple[str, int | None]]:
    """Mutant name -> (module, exit code or None when not run yet)."""
    found: dict[str, tuple[str, int | None]] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        module = ".".join(meta.relative_to(MUTANTS).with_suffix("").with_suffix("").parts)
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            found[name] = (module, code)
    return found


def layer_of(module: str) -> str:
    return module.split(".")[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list every missed mutant")
    parser.add_argument("--target", type=float, default=90.0, help="per layer, in percent")
    args = parser.parse_args(argv)

    if not MUTANTS.exists():
        print("No results yet: run `make mutation` first.", file=sys.stderr)
        return 2
    known = equivalents()
    found = results()
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # caught missed equiv unrun
    missed: list[str] = []
    stale: list[str] = []
    for name, (module, code) in sorted(found.items()):
        row = rows[module]
        if name in known:
            row[2] += 1
            if code in CAUGHT:
                stale.append(f"{name}: the tests catch it now")
        elif code is None:
            row[3] += 1
        elif code in CAUGHT:
            row[0] += 1
        else:
            row[1] += 1
            missed.append(name)
    stale.extend(f"{name}: no such mutant" for name in known if name not in found)

    def score(caught: int, miss: int) -> str:
        return f"{100 * caught / (caught + miss):5.1f}%" if caught + miss else "    -"

    header = f"{'module':45} {'caught':>6} {'missed':>6} {'equiv':>5} {'not run':>7} {'score':>6}"
    print(header)
    print("-" * len(header))
    layers: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for module in sorted(rows):
        caught, miss, equiv, unrun = rows[module]
        if caught + miss + equiv + unrun == 0:
            continue
        print(f"{module:45} {caught:6} {miss:6} {equiv:5} {unrun:7} {score(caught, miss)}")
        totals = layers[layer_of(module)]
        for i, value in enumerate(rows[module]):
            totals[i] += value
    print("-" * len(header))
    failed = False
    for layer in LAYERS:
        caught, miss, equiv, unrun = layers[layer]
        reached = caught + miss > 0 and 100 * caught / (caught + miss) >= args.target
        failed = failed or not reached or unrun > 0
        mark = "ok" if reached and not unrun else "below target" if not unrun else "incomplete"
        print(
            f"{'layer ' + layer:45} {caught:6} {miss:6} {equiv:5} {unrun:7} "
            f"{score(caught, miss)}  {mark}"
        )
    print(f"\n{len(known)} equivalent mutants listed in {EQUIVALENTS.relative_to(ROOT)}")
    if args.survivors:
        print("\nMissed (mutmut show NAME to see one):")
        for name in missed:
            print(f"  {name}")
    for line in stale:
        print(f"equivalents list: {line}", file=sys.stderr)
    return 1 if failed or stale else 0


if __name__ == "__main__":
    sys.exit(main())

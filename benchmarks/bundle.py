"""The installed app against the development one: size and start-up.

    python benchmarks/bundle.py           # 10 alternating runs of each
    python benchmarks/bundle.py --quick   # 2 runs, for the test suite

Uses the Linux bundle that ``installer/build.py --cache installer/cache`` builds (or reuses),
or ``--app PATH`` to a bundled ``workshopdesk``. Prints:
(1) the bundle's size unpacked (like ``du -sb``, goal <= 130 MB) and the download's size;
(2) ``workshopdesk --version``, process start to exit: bundle vs the virtual environment;
(3) ``workshopdesk shot`` of the demo board, process start until the PNG is written (Qt starts,
    the fonts load, the board paints offscreen): bundle vs the virtual environment.
Runs alternate after one warm-up run of each, so both see the same (warm) file cache; the
figures are medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def built_package() -> Path:
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "installer" / "build.py"),
            f"--cache={ROOT / 'installer' / 'cache'}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip().splitlines()[-1])


def tree_bytes(folder: Path) -> int:
    """What ``du -sb`` counts: every file's and link's own size."""
    return sum(p.lstat().st_size for p in folder.rglob("*")) + folder.lstat().st_size


def timed(command: list[str], cwd: Path) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # `shot` picks the offscreen platform by itself
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=120)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {result.stderr.decode()[-500:]}")
    return elapsed


def compare(label: str, bundle: list[str], venv: list[str], runs: int, cwd: Path) -> str:
    timed(bundle, cwd), timed(venv, cwd)
    bundled, developed = [], []
    for _ in range(runs):
        bundled.append(timed(bundle, cwd))
        developed.append(timed(venv, cwd))
    b, v = statistics.median(bundled), statistics.median(developed)
    return (
        f"{label}: bundle {b * 1000:.0f} ms, venv {v * 1000:.0f} ms "
        f"(medians of {runs}) -> bundle/venv {b / v:.2f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 runs instead of 10")
    parser.add_argument("--app", type=Path, help="a bundled workshopdesk (default: build one)")
    args = parser.parse_args()
    runs = 2 if args.quick else 10

    package = None
    app = args.app
    if app is None:
        package = built_package()
        app = package.parent / "bundle" / "WorkshopDesk" / "workshopdesk"
    folder = app.resolve().parent
    line = f"(1) bundle unpacked: {tree_bytes(folder) / MB:.1f} MB (goal <= 130 MB)"
    if package is not None:
        line += f"; download {package.name}: {package.stat().st_size / MB:.1f} MB"
    print(line, flush=True)

    venv_app = Path(sys.executable).parent / "workshopdesk"
    venv = [str(venv_app)] if venv_app.exists() else [sys.executable, "-m", "workshopdesk"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        demo = work / "demo.workshop"
        subprocess.run([*venv, "new", "--demo", str(demo)], check=True, capture_output=True)
        print(compare("(2) --version", [str(app), "--version"], [*venv, "--version"], runs, work))
        shot = ["shot", str(demo), "-o", str(work / "board.png"), "--view", "board"]
        print(compare("(3) shot of the demo board", [str(app), *shot], [*venv, *shot], runs, work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Approved pairs at scale: what a rebuild, a pairing and a check cost with a large roster.

    PYTHONPATH=. python benchmarks/approved_bench.py [--size 10000] [--repeat 5]
        [--pair-repeat 1] [--skip-pairing]

1. Rebuild: the example organisation, copied to a fresh folder and built once (cold, untimed),
   then no-change rebuilds alternating between the config without a roster and the same config
   with a ``--size`` x ``--size`` roster and an approved pairs.csv of ``--size`` pairs in the
   private output; median of ``--repeat`` each, side by side, and their ratio (target <= 1.1:
   the build counts the approved file and never reads the roster or solves).
2. Pairing at ``--size`` x ``--size`` (benchmarks/pair_bench.py's synthetic roster, each run in a
   fresh process with one BLAS thread, so ru_maxrss is that run's peak): plain and fairness
   mode, against scipy's bare linear_sum_assignment on the very matrix the engine builds (the
   ratio is CPU time over the bare solve's); then ``pair --check``'s reading and checking of an
   approved file of ``--size`` pairs.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.pair_bench import _child, _median, synthetic_roster  # noqa: E402

#: The example's departments, so every synthetic row names one of them.
EXAMPLE_DEPARTMENTS = ("Sales", "Engineering", "Finance", "Customer Care")


def write_large(folder: Path, size: int) -> None:
    """A roster of ``size`` mentees and mentors, and ``size`` approved pairs, for the example."""
    from generator.pairing.report import CSV_COLUMNS
    from generator.spreadsheet import csv_text

    people = synthetic_roster(size)
    rows = [
        [p.name, p.email, p.role, EXAMPLE_DEPARTMENTS[k % 4], "; ".join(p.skills), p.manager or ""]
        for k, p in enumerate(people)
    ]
    roster = csv_text(["name", "email", "role", "department", "skills", "manager"], rows)
    (folder / "roster-large.csv").write_text(roster, encoding="utf-8")
    mentees, mentors = people[:size], people[size:]
    pairs = [
        [m.name, m.email, e.name, e.email, EXAMPLE_DEPARTMENTS[(k + size) % 4],
         EXAMPLE_DEPARTMENTS[k % 4], "1.000", "", 1]
        for k, (e, m) in enumerate(zip(mentees, mentors, strict=True))
    ]  # fmt: skip
    private = folder.parent / "private" / "pairing"
    private.mkdir(parents=True, exist_ok=True)
    (private / "pairs.csv").write_text(csv_text(CSV_COLUMNS, pairs), encoding="utf-8")


def configs(folder: Path) -> tuple[Path, Path]:
    """The example's config without a roster, and with the large roster."""
    text = (folder / "organisation.yaml").read_text(encoding="utf-8")
    assert "roster: roster.example.csv\n" in text
    plain = folder / "plain.yaml"
    plain.write_text(text.replace("roster: roster.example.csv\n", ""), encoding="utf-8")
    large = folder / "large.yaml"
    large.write_text(
        text.replace("roster: roster.example.csv", "roster: roster-large.csv"), encoding="utf-8"
    )
    return plain, large


def rebuild(size: int, repeat: int) -> None:
    from generator.commands.build import build

    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="bench-approved-") as scratch:
        folder = Path(scratch) / "playbook"
        shutil.copytree(ROOT / "playbook", folder)
        write_large(folder, size)
        plain, large = configs(folder)
        start = time.perf_counter()
        build(plain, jobs=2)
        cold = time.perf_counter() - start
        times: dict[Path, list[float]] = {plain: [], large: []}
        for _ in range(repeat):
            for config in (plain, large):
                start = time.perf_counter()
                build(config, jobs=2)
                times[config].append(time.perf_counter() - start)
    without, with_roster = statistics.median(times[plain]), statistics.median(times[large])
    print(f"Rebuild of the example, no change (cold build first: {cold:.1f} s), median of {repeat}")
    print(f"{'without roster s':>18} {f'{size}x{size} roster s':>22} {'ratio':>6}")
    print(f"{without:18.2f} {with_roster:22.2f} {with_roster / without:6.2f}", flush=True)


def pairing(size: int, repeat: int) -> None:
    runs = {
        "plain": [_child("engine", size, False, 1) for _ in range(repeat)],
        "fair": [_child("engine", size, True, 1) for _ in range(repeat)],
        "bare LSA": [_child("raw", size, False, 1) for _ in range(repeat)],
        "check": [_child("check", size, False, 1) for _ in range(repeat)],
    }
    lsa_cpu = _median(runs["bare LSA"], "cpu")
    print(f"\nPairing {size}x{size} on one core, median of {repeat} fresh process(es)")
    print(f"{'':>10} {'wall s':>8} {'cpu s':>7} {'peak MB':>8} {'vs LSA':>7} {'pairs':>7}")
    for name, found in runs.items():
        cpu = _median(found, "cpu")
        pairs = found[0].get("pairs", "")
        print(
            f"{name:>10} {_median(found, 'seconds'):8.2f} {cpu:7.2f} "
            f"{_median(found, 'rss_mb'):8.0f} {cpu / lsa_cpu:7.2f} {pairs!s:>7}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="rebuilds of each config")
    parser.add_argument("--pair-repeat", type=int, default=1, help="runs of each pairing")
    parser.add_argument("--skip-pairing", action="store_true")
    parser.add_argument("--skip-rebuild", action="store_true")
    args = parser.parse_args()
    if not args.skip_rebuild:
        rebuild(args.size, args.repeat)
    if not args.skip_pairing:
        pairing(args.size, args.pair_repeat)


if __name__ == "__main__":
    main()

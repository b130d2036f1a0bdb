"""Benchmark the pairing engine on synthetic rosters.

    PYTHONPATH=. python benchmarks/pair_bench.py [--sizes 1000,5000,10000] [--repeat 3]
        [--fairness] [--threads 1]

Each size N means N mentees x N mentors (capacity 1, so the assignment matrix is N x N). Skills
follow a Zipf-like popularity over 60 skills, 1-5 per person; people sit in 8 departments, 5
locations and speak 1-2 of 6 languages; managers form trees (mentees manage mentees and
mentors). Every measurement runs in a fresh subprocess so peak RSS (ru_maxrss) belongs to that
run alone. "ratio" is the whole ``pair_cohort`` CPU time divided by the CPU time of a bare
``linear_sum_assignment`` on the very matrix the engine builds (CPU time, because wall time
swings with whatever else shares the machine; both are printed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time

SKILLS = [f"skill {k:02d}" for k in range(60)]
DEPARTMENTS = ["Sales", "Engineering", "Finance", "People", "Legal", "Ops", "Support", "Data"]
LOCATIONS = ["London", "Lisbon", "Toronto", "Austin", "Singapore"]
LANGUAGES = ["English", "French", "Spanish", "German", "Hindi", "Mandarin"]


def synthetic_roster(size: int, seed: int = 42) -> list:
    """``size`` mentees and ``size`` mentors with realistic skill and management structure."""
    from generator.pairing.roster import Participant

    rng = random.Random(seed)
    popularity = [1.0 / (rank + 1) ** 1.1 for rank in range(len(SKILLS))]
    people = []
    for k in range(2 * size):
        role = "mentee" if k < size else "mentor"
        email = f"{role}{k:06d}@bench.example"
        # Mentee k reports to an earlier mentee (a tree); mentors report to some mentee.
        boss = rng.randrange(k) if 0 < k < size and rng.random() < 0.9 else None
        if role == "mentor":
            boss = rng.randrange(size)
        people.append(
            Participant(
                name=f"Person {k}",
                email=email,
                role=role,
                department=rng.choice(DEPARTMENTS),
                skills=tuple(_weighted_sample(rng, SKILLS, popularity, rng.randint(1, 5))),
                manager=None if boss is None else f"mentee{boss:06d}@bench.example",
                location=rng.choice(LOCATIONS),
                languages=tuple(rng.sample(LANGUAGES, rng.randint(1, 2))),
            )
        )
    return people


def _weighted_sample(rng: random.Random, items: list, weights: list, count: int) -> list:
    chosen: list = []
    while len(chosen) < count:
        pick = rng.choices(items, weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def measure_engine(size: int, fairness: bool) -> dict:
    """Time ``pair_cohort`` once; report seconds, peak RSS and the pairs made."""
    from generator.config.pairing_settings import PairingSettings
    from generator.pairing.cohort import pair_cohort

    people = synthetic_roster(size)
    start, cpu = time.perf_counter(), time.process_time()
    result = pair_cohort(people, PairingSettings(fairness=fairness))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "rss_mb": _peak_mb(), "pairs": len(result.pairs)}


def measure_raw(size: int) -> dict:
    """Build the engine's matrix (untimed), then time a bare linear_sum_assignment on it."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from generator.config.pairing_settings import PairingSettings
    from generator.pairing.cohort import split_roles
    from generator.pairing.matrix import build_problem
    from generator.pairing.solve import gain_matrix

    mentees, mentors = split_roles(synthetic_roster(size))
    problem = build_problem(mentees, mentors, PairingSettings())
    slots = np.repeat(np.arange(len(mentors)), [m.capacity for m in mentors])
    start = time.perf_counter()
    gain, _ = gain_matrix(problem, np.arange(len(mentees)), slots)
    build = time.perf_counter() - start
    np.negative(gain, out=gain)
    start, cpu = time.perf_counter(), time.process_time()
    linear_sum_assignment(gain)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "build_seconds": build, "rss_mb": _peak_mb()}


def measure_check(size: int) -> dict:
    """Pair (untimed), write the pairs as the approved file, then time ``pair --check``'s
    reading and checking of it (every rule, every row; no packets)."""
    import tempfile
    from pathlib import Path
    from types import SimpleNamespace

    from generator.config.fields import slugify
    from generator.config.pairing_settings import PairingSettings
    from generator.config.resolved import DepartmentNames
    from generator.pairing.approved import check_approved, read_approved
    from generator.pairing.cohort import pair_cohort
    from generator.pairing.report import pairs_csv

    people = synthetic_roster(size)
    settings = PairingSettings()
    text = pairs_csv(pair_cohort(people, settings))
    names = DepartmentNames(SimpleNamespace(name=d, slug=slugify(d)) for d in DEPARTMENTS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pairs.csv"
        path.write_text(text, encoding="utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        result = check_approved(read_approved(path), people, settings, names)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "rss_mb": _peak_mb(), "pairs": len(result.pairs)}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _child(mode: str, size: int, fairness: bool, threads: int) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--sizes", str(size)]
    if fairness:
        command.append("--fairness")
    # Idle BLAS worker threads spin and would be billed as CPU time; one thread keeps the CPU
    # figures honest (the engine's matrix products are small, so little speed is lost).
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout)


def run(sizes: list[int], repeat: int, fairness: bool, threads: int) -> None:
    """Print one table row per size with medians over ``repeat`` fresh processes."""
    head = f"{'size':>12} {'total s':>8} {'cpu s':>7} {'peak MB':>8} {'LSA s':>7} {'LSA cpu':>8}"
    head += f" {'build s':>8} {'ratio':>6} {'pairs':>7}"
    print(head + f"  (medians of {repeat}{', fairness' if fairness else ''})")
    for size in sizes:
        engine = [_child("engine", size, fairness, threads) for _ in range(repeat)]
        raw = [_child("raw", size, False, threads) for _ in range(repeat)]
        total, cpu = _median(engine, "seconds"), _median(engine, "cpu")
        lsa, lsa_cpu = _median(raw, "seconds"), _median(raw, "cpu")
        label = f"{size}x{size}"
        print(
            f"{label:>12} {total:8.2f} {cpu:7.2f} {_median(engine, 'rss_mb'):8.0f} {lsa:7.2f} "
            f"{lsa_cpu:8.2f} {_median(raw, 'build_seconds'):8.2f} {cpu / lsa_cpu:6.2f} "
            f"{engine[0]['pairs']:7d}",
            flush=True,
        )


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> None:
    """Parse arguments; the hidden ``--child`` mode runs one measurement and prints JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fairness", action="store_true")
    parser.add_argument("--threads", type=int, default=1, help="BLAS threads per run")
    parser.add_argument("--child", choices=["engine", "raw", "check"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.child == "engine":
        print(json.dumps(measure_engine(sizes[0], args.fairness)))
    elif args.child == "raw":
        print(json.dumps(measure_raw(sizes[0])))
    elif args.child == "check":
        print(json.dumps(measure_check(sizes[0])))
    else:
        run(sizes, args.repeat, args.fairness, args.threads)


if __name__ == "__main__":
    main()

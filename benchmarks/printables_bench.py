"""Time the printables of the example organisation: render + PDFs, median of 3.

    PYTHONPATH=. python benchmarks/printables_bench.py [--repeat 3] [--config FILE]

Prints the median time to produce every printable (print HTML, calendars, PDFs and booklets),
pages per second, and the 1-worker against N-worker ratio (N = os.cpu_count()).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from generator.commands.build import render_tree
from generator.config.load import load
from generator.publish.files import write_tree
from generator.publish.pdf import print_files, render_pdfs


def produce(config: Path, jobs: int, scratch: Path) -> tuple[float, list[Path]]:
    """One full run: load, render the tree, write it, make every PDF. Returns (seconds, PDFs)."""
    shutil.rmtree(scratch, ignore_errors=True)
    start = time.perf_counter()
    tree = render_tree(load(config))
    write_tree({k: v for k, v in tree.items() if k.startswith("docs/printables/")}, scratch)
    pdfs = render_pdfs(print_files(scratch / "docs"), jobs)
    return time.perf_counter() - start, pdfs


def median_run(config: Path, jobs: int, repeat: int, scratch: Path) -> tuple[float, list[Path]]:
    runs = [produce(config, jobs, scratch) for _ in range(repeat)]
    return statistics.median(seconds for seconds, _ in runs), runs[-1][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("playbook/organisation.yaml"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "out"
        parallel, pdfs = median_run(args.config, workers, args.repeat, scratch)
        pages = sum(len(PdfReader(pdf).pages) for pdf in pdfs)
        size = sum(pdf.stat().st_size for pdf in pdfs)
        booklets = [pdf.stat().st_size for pdf in pdfs if pdf.name == "booklet.pdf"]
        single = statistics.median(pdf.stat().st_size for pdf in pdfs if pdf.name != "booklet.pdf")
        serial, _ = median_run(args.config, 1, args.repeat, scratch)
    print(f"documents: {len(pdfs)} PDFs, {pages} pages, {size / 1e6:.1f} MB in all")
    print(f"PDF size: documents median {single / 1e3:.0f} kB,")
    print(f"          booklets {min(booklets) / 1e3:.0f}-{max(booklets) / 1e3:.0f} kB")
    runs = f"median of {args.repeat}"
    print(f"{workers} workers: {parallel:.1f} s ({runs}), {pages / parallel:.1f} pages/s")
    print(f"1 worker:  {serial:.1f} s ({runs}), {pages / serial:.1f} pages/s")
    print(f"speed-up 1 -> {workers} workers: {serial / parallel:.2f}x")


if __name__ == "__main__":
    main()

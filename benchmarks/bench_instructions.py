"""Instructions per abstract of the extraction, counted by valgrind: a measure other jobs on the machine cannot move.

Wall and CPU time on a shared 2-core machine swing by 10-30 % between runs, more than most single changes save.
Valgrind's cachegrind counts the instructions a process executes, the same on every run (with PYTHONHASHSEED
fixed), so two trees can be compared to about 1 %: the tree's path alone moves the count by up to ~0.8 % (the
same tree from two paths of different lengths), so give trees paths of equal length where it matters. For each tree
it runs the extraction twice in fresh processes, once with the warm-up only and once with N more abstracts cycled
from the demo fixtures (or `--real-source`), and prints the difference over N: the start-up (imports, building the
pipeline) cancels out.
It is a proxy: an instruction is not a constant time (memory stalls differ), so confirm a large gain with
`bench_extract.py`. Each run takes ~1-3 minutes (valgrind slows Python ~50x).

Usage:
    python benchmarks/bench_instructions.py [--tree PATH ...] [--abstracts 300] [--real-source FILE]
Trees default to this checkout; give two (e.g. a `git worktree` of the previous commit) for their ratio.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WARM_UP = 100

# Run in the child: extract the warm-up, then `n` abstracts, from one tree (argv: tree, n, corpus file).
CHILD = """
import sys
from pathlib import Path
tree, n, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.path.insert(0, tree)
import extractor.extraction as extraction
from extractor.pipeline import build_nlp
from extractor.pubmed_xml import iter_articles
articles = list(iter_articles(corpus))
nlp = build_nlp(Path(tree) / "patterns")
list(extraction.extract_articles(articles[:%d], nlp))
list(extraction.extract_articles(articles[:n], nlp))
""" % WARM_UP

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", action="append", help="a checkout of the project (repeatable; default: this one)")
    parser.add_argument("--abstracts", type=int, default=300)
    parser.add_argument("--real-source", default="", help="a PubmedArticleSet to cycle instead of fixtures/demo")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench_instructions: valgrind is not installed; install it (apt install valgrind) or use "
                 "bench_extract.py")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_extract import build_corpus

    trees = [Path(t).resolve() for t in args.tree or [REPO]]
    with tempfile.TemporaryDirectory() as tmp:
        sources = [Path(args.real_source)] if args.real_source else None
        corpus = build_corpus(max(args.abstracts, WARM_UP), Path(tmp), sources)
        counts = [per_abstract(tree, corpus, args.abstracts) for tree in trees]
    mix = Path(args.real_source).name if args.real_source else "fixtures/demo"
    for tree, count in zip(trees, counts):
        ratio = f"  {count / counts[0]:.3f}x the first" if len(trees) > 1 else ""
        print(f"{tree}: {count / 1e6:.3f} M instructions/abstract ({args.abstracts} cycled from {mix}){ratio}")


def per_abstract(tree: Path, corpus: Path, n: int) -> float:
    """(instructions with n abstracts - with none) / n, for one tree."""
    return (instructions(tree, corpus, n) - instructions(tree, corpus, 0)) / n


def instructions(tree: Path, corpus: Path, n: int) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", CHILD, str(tree), str(n), str(corpus)],
                         capture_output=True, text=True, env=env, check=True)
    found = _REFS.search(run.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


if __name__ == "__main__":
    main()

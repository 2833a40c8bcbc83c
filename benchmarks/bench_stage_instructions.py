"""Instructions per abstract of each pipeline stage, counted by valgrind's callgrind inside that stage only.

`bench_instructions.py` counts the whole extraction; this one says where a change landed: the tokenizer, the
segmenter, the span ruler, the section views, the number readings (both readings of every sentence), and the whole
extraction again, each counted alone (callgrind's instrumentation is switched on around each stage through its
client requests, from a 2-line C helper built with `cc` on the fly; imports and set-up run uninstrumented, so a run
takes ~1-2 minutes). The stages run on the same abstracts after a warm-up, with the garbage collector frozen
before each stage and off inside it (its passes land in whichever stage crosses a threshold), except in the whole
extraction, which runs as in use. Repeatable to the instruction with `PYTHONHASHSEED=0`.

Usage:
    python benchmarks/bench_stage_instructions.py [--tree PATH ...] [--abstracts 100] [--real-source FILE]
Needs valgrind (with its headers, valgrind/callgrind.h) and a C compiler.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STAGES = ("tokenizer", "segmenter", "ruler", "views", "numbers", "extraction")

HELPER = """#include <valgrind/callgrind.h>
void stage_start(void) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_ZERO_STATS; }
void stage_stop(const char *name) { CALLGRIND_DUMP_STATS_AT(name); CALLGRIND_STOP_INSTRUMENTATION; }
"""

# Run in the child (argv: tree, n, corpus file, helper library).
CHILD = """
import ctypes, gc, sys
from pathlib import Path
tree, n, corpus, helper = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
sys.path.insert(0, tree)
from extractor import normalise
from extractor.extraction import _number_words, extract_articles
from extractor.extraction.sentences import remember_text, section_view
from extractor.pipeline import RULER, SENTENCES, build_nlp
from extractor.pubmed_xml import iter_articles
valgrind = ctypes.CDLL(helper)
articles = list(iter_articles(corpus))[:n]
nlp = build_nlp(Path(tree) / "patterns")
words = _number_words(nlp)
texts = [text for article in articles for _, text in article.named_texts()]
segmenter, ruler = nlp.get_pipe(SENTENCES), nlp.get_pipe(RULER)

def numbers(views):
    for view in views:
        normalise.forget_numbers()  # as section_view does for each new section
        for sentence in view.sentences:
            sentence.numbers(words)
            sentence.numbers(None)

def stages(counted):
    def stage(name, run):
        gc.collect()
        gc.freeze()
        if name != "extraction":
            gc.disable()
        if counted:
            valgrind.stage_start()
        result = run()
        if counted:
            valgrind.stage_stop(name.encode())
        gc.enable()
        gc.unfreeze()
        return result
    docs = stage("tokenizer", lambda: [nlp.make_doc(text) for text in texts])
    stage("segmenter", lambda: [segmenter(doc) for doc in docs])
    stage("ruler", lambda: [ruler(doc) for doc in docs])
    for doc, text in zip(docs, texts):
        remember_text(doc, text)
    views = stage("views", lambda: [section_view(doc) for doc in docs])
    stage("numbers", lambda: numbers(views))
    stage("extraction", lambda: list(extract_articles(articles, nlp)))

list(extract_articles(articles[:100], nlp))
stages(False)
stages(True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", action="append", help="a checkout of the project (repeatable; default: this one)")
    parser.add_argument("--abstracts", type=int, default=100)
    parser.add_argument("--real-source", default="", help="a PubmedArticleSet to cycle instead of fixtures/demo")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_extract import build_corpus

    trees = [Path(t).resolve() for t in args.tree or [REPO]]
    mix = Path(args.real_source).name if args.real_source else "fixtures/demo"
    with tempfile.TemporaryDirectory() as tmp:
        helper = _build_helper(Path(tmp))
        sources = [Path(args.real_source)] if args.real_source else None
        corpus = build_corpus(max(args.abstracts, 100), Path(tmp), sources)
        for tree in trees:
            counts = stage_instructions(tree, corpus, args.abstracts, helper, Path(tmp))
            print(f"{tree} ({args.abstracts} cycled from {mix}), M instructions/abstract:")
            print("  " + "  ".join(f"{name} {counts[name] / args.abstracts / 1e6:.3f}" for name in STAGES))


def _build_helper(folder: Path) -> Path:
    source, library = folder / "stages.c", folder / "libstages.so"
    source.write_text(HELPER)
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    return library


def stage_instructions(tree: Path, corpus: Path, n: int, helper: Path, folder: Path) -> dict[str, int]:
    """Instructions of each stage for `n` abstracts, from callgrind's dump at the end of each."""
    out = folder / f"callgrind.{tree.name}"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                    sys.executable, "-c", CHILD, str(tree), str(n), str(corpus), str(helper)],
                   capture_output=True, text=True, env=env, check=True)
    counts = {}
    for dump in folder.glob(f"{out.name}.*"):
        text = dump.read_text(errors="replace")
        name = re.search(r"^desc: Trigger: Client Request: (\S+)", text, re.M)
        total = re.search(r"^summary: (\d+)", text, re.M)
        if name and total:
            counts[name.group(1)] = int(total.group(1))
        dump.unlink()
    return counts


if __name__ == "__main__":
    main()

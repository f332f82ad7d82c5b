"""Measure each extraction rule's precision on the gold articles; write kg/data/confidence.toml.

    .venv/bin/python scripts/calibrate_confidence.py          # builds the seeds and the dev set

A fact's ``kg:confidence`` should say how often the rule that read it is right.  This
script builds the seed corpus and the dev set with kg's own pipeline, judges every
assertion of a scored relation (memberOf, coChairOf, officialOf) and every statement's
speaker against the gold facts (right when the gold states it or marks it optional, wrong
otherwise), and writes, per rule, its Laplace-smoothed precision ``(right + 1) / (n + 2)``
with the counts behind it.  kg uses the measured value for a rule seen at least
``MIN_OBSERVED`` times and the lexicon's ``[confidence]`` prior otherwise.  Run it again
after a change to the rules; the file says when and on what it was measured.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from rdflib import Dataset

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build_graph  # noqa: E402
from kg.evaluation import Gold, judge_rules  # noqa: E402
from kg.nlp.lexicon import MIN_OBSERVED  # noqa: E402

SETS = (
    (ROOT / "corpus", ROOT / "tests" / "data" / "seeds.gold.toml"),
    (ROOT / "tests" / "data" / "dev" / "articles", ROOT / "tests" / "data" / "dev" / "dev.gold.toml"),
)
OUTPUT = ROOT / "kg" / "data" / "confidence.toml"


def main() -> int:
    right: Counter = Counter()
    wrong: Counter = Counter()
    for corpus, gold_file in SETS:
        print(f"building {corpus.relative_to(ROOT)} …", file=sys.stderr)
        ds = build_graph([corpus]).dataset
        union = Dataset(default_union=True)
        for quad in ds.quads((None, None, None, None)):
            union.add(quad)
        judge_rules(union, Gold(gold_file), right, wrong)
    lines = [
        "# Measured precision of each extraction rule on the seed and dev gold facts.",
        "# Written by scripts/calibrate_confidence.py: run it again after changing a rule; do not edit.",
        f"# kg uses a rule's measured value when it was seen at least {MIN_OBSERVED} times, the",
        "# lexicon's [confidence] prior otherwise.  confidence = (right + 1) / (right + wrong + 2).",
        "",
        "[rules]",
    ]
    for rule in sorted(set(right) | set(wrong)):
        r, w = right[rule], wrong[rule]
        lines.append(f'"{rule}" = {{ confidence = {(r + 1) / (r + w + 2):.2f}, right = {r}, wrong = {w} }}')
        print(f"{rule:22} right {r:4}  wrong {w:4}  -> {(r + 1) / (r + w + 2):.2f}")
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How extraction time grows with the length of one article (should stay close to linear).

Builds French and English articles of growing size from the dev texts (read at
run time from ../shared/eval/dev.jsonl) and prints, for each size, the seconds
spent by spaCy's own components and by aidledger's, and the seconds per 100 kB.

    .venv/bin/python bench/scaling.py --sizes 20 100 400
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"


def article_of_size(texts: list[str], kilobytes: int) -> str:
    """Dev passages joined as paragraphs until the article reaches the size."""
    parts, size, i = [], 0, 0
    while size < kilobytes * 1000:
        text = texts[i % len(texts)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def time_components(lang: str, text: str) -> tuple[float, float]:
    """Seconds in spaCy's components and in aidledger's, for one article."""
    import datetime as dt

    from aidledger.nlp.pipeline import get_nlp

    nlp = get_nlp(lang)
    doc = nlp.make_doc(text)
    doc._.published = dt.date(2024, 1, 1)
    doc.user_data["aidledger.lang"] = lang
    spacy_s = ours_s = 0.0
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        doc = proc(doc)
        elapsed = time.perf_counter() - start
        if name.startswith("aidledger_"):
            ours_s += elapsed
        else:
            spacy_s += elapsed
    return spacy_s, ours_s


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 100, 400], help="Article sizes in kB.")
    parser.add_argument("--dev", type=Path, default=DEV)
    args = parser.parse_args(argv)
    if not args.dev.exists():
        print(f"error: {args.dev}: not found", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.dev.open(encoding="utf-8")]
    for lang in ("fr", "en"):
        texts = [r["text"] for r in rows if r.get("lang") == lang]
        time_components(lang, texts[0])  # load the pipeline outside the measurement
        for kilobytes in args.sizes:
            spacy_s, ours_s = time_components(lang, article_of_size(texts, kilobytes))
            per_100kb = ours_s / kilobytes * 100
            print(
                f"{lang} {kilobytes:5d} kB  spaCy {spacy_s:6.2f} s  aidledger {ours_s:6.2f} s  ({per_100kb:.2f} s per 100 kB)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

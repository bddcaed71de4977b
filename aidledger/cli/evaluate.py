"""``aidledger eval`` and ``aidledger train``: measure extraction on a gold set, fit the models on one."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from aidledger.cli import app
from aidledger.cli.batch import Batch
from aidledger.cli.options import FOCUS, QUIET, TIMEOUT, TRIAGE, limits
from aidledger.cli.output import error, progress_bar
from aidledger.limits import DEFAULT_AMOUNT_RANGE
from aidledger.schema import Extraction

if TYPE_CHECKING:
    from aidledger.assemble.train import Passage


def _scorer_path(gold: Path) -> Path:
    """score.py beside the gold file, else in ``shared/eval`` beside the working directory or the checkout."""
    beside = gold.parent / "score.py"
    if beside.exists():
        return beside
    for base in (Path.cwd(), *Path.cwd().parents):
        candidate = base / "shared" / "eval" / "score.py"
        if candidate.exists():
            return candidate
    return Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


#: ``--written/--no-written`` of ``train`` and ``eval --folds``.
WRITTEN = typer.Option(
    True,
    "--written/--no-written",
    help="Also fit on the passages written for the project (aidledger/assemble/written_passages.jsonl), "
    "for the decisions they teach: who gives, stage, aid type, date (--no-written: the gold files alone).",
)


def _annotated(gold: Path, folds: int, quiet: bool, written: bool) -> tuple[list[Passage], list[Passage]]:
    """The gold passages and the written ones, annotated once for every split of the cross-validation."""
    from aidledger.assemble.train import annotate, read_gold, written_rows

    rows = read_gold(gold)
    if len(rows) < folds:
        raise typer.BadParameter(f"{gold} holds {len(rows)} passages, fewer than {folds} folds", param_hint="--folds")
    extra = written_rows() if written else []
    with progress_bar("annotating", len(rows) + len(extra), quiet) as advance:
        return annotate(rows, advance), annotate(extra, advance)


def _with_written(written: list[Passage]) -> str:
    """What the folds' training added, for the report's first line."""
    return f" and on {len(written)} written passages" if written else ""


def _write(results: Iterable[Extraction], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for result in results:
            fh.write(result.model_dump_json() + "\n")


#: The fields of matched commitments the repeated report shows, in its column order.
FIELDS = ("stage", "date", "mechanism", "aid_type")


def _repeated(
    gold: Path, scorer: Path, passages: tuple[list[Passage], list[Passage]], folds: int, repeats: int
) -> None:
    """Cross-validate on ``repeats`` shuffles of the passages and print each language's mean scores, with the
    range of commitments F1 over the splits: one split of some two hundred passages moves by a few points."""
    from aidledger.assemble.train import cross_validate

    reports = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(repeats):
            pred, report = Path(folder) / f"split{seed}.jsonl", Path(folder) / f"split{seed}.json"
            _write(cross_validate(passages[0], folds, seed, passages[1]), pred)
            cmd = [sys.executable, str(scorer), str(gold), str(pred), "--by-lang", "--json", str(report)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            reports.append(json.loads(report.read_text("utf-8")))
    print(
        f"cross-validated: {folds} folds of passages, {repeats} shuffles{_with_written(passages[1])}; "
        "means over them ('-': nothing to score)"
    )
    print(
        f"{'lang':6} {'docs':>4}  {'P':>5} {'R':>5} {'F1':>5} {'(F1 range)':>13}  {'stage':>5} {'date':>5} "
        f"{'mech':>5} {'type':>5}  {'neg':>5}  {'quotes+speaker F1':>17}"
    )
    for lang in reports[0]:
        runs = [r[lang] for r in reports]
        f1s = [run["commitments"]["f1"] for run in runs]
        cells = [_mean([run["commitments"][key] for run in runs]) for key in ("precision", "recall", "f1")]
        fields = [_mean([_accuracy(run["fields_on_matched"].get(f)) for run in runs]) for f in FIELDS]
        negatives = _mean([_accuracy(run.get("negatives_clean")) for run in runs])
        quotes = _mean([run["quotes_with_speaker"]["f1"] for run in runs])
        print(
            f"{lang:6} {runs[0]['documents']:>4}  {' '.join(cells)} ({min(f1s):5.3f}-{max(f1s):5.3f})  "
            f"{' '.join(fields)}  {negatives}  {quotes:>17}"
        )


def _accuracy(part: dict | None) -> float | None:
    """An accuracy of the scorer's report, None where it had nothing to score."""
    return part["accuracy"] if part and part.get("n") else None


def _mean(values: list[float | None]) -> str:
    """The mean over the splits, formatted; '-' where a split had nothing to score."""
    if any(v is None for v in values):
        return f"{'-':>5}"
    return f"{sum(values) / len(values):5.3f}"


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="A gold JSONL file of the evaluation contract."),
    folds: int = typer.Option(
        0,
        "--folds",
        min=0,
        help="Cross-validate: fit the models on k-1 folds of passages and score each fold with the models "
        "that never saw it (0: score the shipped models).",
    ),
    scorer: Path | None = typer.Option(None, help="Path of score.py (default: beside the gold file, else shared/eval)."),
    errors: int = typer.Option(0, help="Also print this many errors of each kind."),
    repeats: int = typer.Option(
        1,
        "--repeats",
        min=1,
        help="With --folds: cross-validate on this many shuffles of the passages and print the mean scores.",
    ),
    predictions: Path | None = typer.Option(None, "--save", help="Keep the predictions in this JSONL file."),
    written: bool = WRITTEN,
    timeout: float = TIMEOUT,
    triage: bool = TRIAGE,
    focus: bool = FOCUS,
    quiet: bool = QUIET,
) -> None:
    """Extract a gold set (with its publication dates) and print the scorer's report per language.

    A passage that cannot be read or extracted is named on standard error, counts as predicting
    nothing, and makes the exit code non-zero even when the scorer succeeds."""
    if folds == 1:
        raise typer.BadParameter("cross-validation needs at least 2 folds", param_hint="--folds")
    if folds and (triage or focus):
        raise typer.BadParameter("cross-validation annotates every passage in full; drop --triage and --focus")
    if repeats > 1 and not folds:
        raise typer.BadParameter("it shuffles the folds of a cross-validation; add --folds", param_hint="--repeats")
    if repeats > 1 and (predictions or errors):
        raise typer.BadParameter("--save and --errors read one split; drop them or --repeats", param_hint="--repeats")
    scorer = scorer or _scorer_path(gold)
    if not scorer.exists():
        raise typer.BadParameter(f"score.py not found beside {gold}; pass --scorer")
    if repeats > 1:
        _repeated(gold, scorer, _annotated(gold, folds, quiet, written), folds, repeats)
        return
    out_path = predictions or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    batch = Batch()
    if folds:
        from aidledger.assemble.train import cross_validate

        passages, extra = _annotated(gold, folds, quiet, written)
        results = cross_validate(passages, folds, 0, extra)
    else:
        results = batch.extract(
            [gold], limits=limits(timeout, DEFAULT_AMOUNT_RANGE), quiet=quiet, triage=triage, focused=focus
        )
    _write(results, out_path)
    if folds:
        print(
            f"cross-validated: {folds} folds of passages, each scored by models fitted on the others"
            f"{_with_written(extra)}"
        )
    cmd = [sys.executable, str(scorer), str(gold), str(out_path), "--by-lang"]
    if errors:
        cmd += ["--errors", str(errors)]
    code = subprocess.call(cmd)
    if batch.failed:
        error(f"{batch.failed} documents of {gold} could not be extracted; they count as predicting nothing")
    raise typer.Exit(code or int(batch.failed > 0))


@app.command("train")
def train_command(
    gold: list[Path] = typer.Argument(
        ..., exists=True, dir_okay=False, help="Gold JSONL files of the evaluation contract (one or more)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Where to write the weights (default: the weights shipped with the package)."
    ),
    written: bool = WRITTEN,
    quiet: bool = QUIET,
) -> None:
    """Fit the extraction's models on gold sets and write their weights (deterministic: same data, same file).

    The shipped weights come from `aidledger train ../shared/eval/dev.jsonl ../shared/eval/seed.jsonl`.
    """
    from aidledger.assemble.model import WEIGHTS_PATH
    from aidledger.assemble.train import read_gold, train, written_rows

    target = output or WEIGHTS_PATH
    rows = [row for path in gold for row in read_gold(path)]
    extra = written_rows() if written else []
    with progress_bar("annotating", len(rows) + len(extra), quiet) as advance:
        models = train(rows, gold, extra, advance)
    models.to_disk(target)
    print(f"wrote {target}")
    print(f"data sha256 {models.data_sha256}")
    for decision, count in models.trained_on["examples"].items():
        print(f"  {decision:<11} {count:>6} examples  {len(models[decision].features):>4} features")

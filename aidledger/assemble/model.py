"""The fitted decisions of the assembly: small logistic regressions over named features.

Each decision (is this amount a new commitment? which actor gives? which
stage?) is a :class:`LinearModel`: one weight per named feature, so that
``explain`` can say why a decision was taken ("cumulative@before -2.31"). The
weights are fitted by ``aidledger train`` (:mod:`aidledger.assemble.train`) on
the labelled passages and shipped in ``weights.json`` with the hash of the data
they came from; applying them is a dot product, so nothing is trained and no
learning library is needed at run time.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: The weights shipped with the package.
WEIGHTS_PATH = Path(__file__).with_name("weights.json")

#: The decisions, each one model.
DECISIONS = ("commitment", "in_kind", "donor", "recipient", "stage", "aid_type", "date")


@dataclass(frozen=True)
class LinearModel:
    """A binary or multinomial logistic regression over named features.

    ``classes`` has two entries for a binary model (one weight row, for the
    second class) and one per class for a multinomial one (one row each).
    """

    classes: tuple[str, ...]
    features: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]
    intercepts: tuple[float, ...]
    _index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {name: i for i, name in enumerate(self.features)})

    def _scores(self, x: Mapping[str, float]) -> list[float]:
        scores = list(self.intercepts)
        for name, value in x.items():
            i = self._index.get(name)
            if i is not None and value:
                for row, weights in enumerate(self.weights):
                    scores[row] += weights[i] * value
        return scores

    def score(self, x: Mapping[str, float]) -> float:
        """The linear score of the positive (second) class of a binary model: a ranker's preference."""
        return self._scores(x)[0]

    def probabilities(self, x: Mapping[str, float]) -> dict[str, float]:
        """The probability of each class for a feature mapping (unknown features are ignored)."""
        scores = self._scores(x)
        if len(self.weights) == 1:
            p = _sigmoid(scores[0])
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp)}

    def probability(self, x: Mapping[str, float]) -> float:
        """For a binary model, the probability of the positive (second) class."""
        return self.probabilities(x)[self.classes[-1]]

    def predict(self, x: Mapping[str, float]) -> str:
        """The most probable class."""
        probabilities = self.probabilities(x)
        return max(self.classes, key=lambda c: probabilities[c])

    def explain(self, x: Mapping[str, float], cls: str | None = None, top: int = 5) -> list[tuple[str, float]]:
        """The features that weighed most for one class (default: the positive or predicted one), signed."""
        cls = cls or (self.classes[-1] if len(self.weights) == 1 else self.predict(x))
        row = self.weights[0] if len(self.weights) == 1 else self.weights[self.classes.index(cls)]
        contributions = [(name, row[self._index[name]] * v) for name, v in x.items() if name in self._index and v]
        return sorted(contributions, key=lambda nv: -abs(nv[1]))[:top]

    def to_dict(self) -> dict:
        return {
            "classes": list(self.classes),
            "intercepts": [round(b, 6) for b in self.intercepts],
            "weights": [
                {name: round(w, 6) for name, w in zip(self.features, row) if round(w, 6) != 0.0} for row in self.weights
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> LinearModel:
        names = sorted({name for row in data["weights"] for name in row})
        rows = tuple(tuple(float(row.get(name, 0.0)) for name in names) for row in data["weights"])
        return cls(tuple(data["classes"]), tuple(names), rows, tuple(float(b) for b in data["intercepts"]))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class Models:
    """One model per decision, with where they came from."""

    decisions: dict[str, LinearModel]
    data_sha256: str = ""
    trained_on: dict = field(default_factory=dict)

    def __getitem__(self, decision: str) -> LinearModel:
        return self.decisions[decision]

    def to_dict(self) -> dict:
        return {
            "format": 1,
            "data_sha256": self.data_sha256,
            "trained_on": self.trained_on,
            "models": {name: self.decisions[name].to_dict() for name in DECISIONS if name in self.decisions},
        }

    def to_disk(self, path: Path) -> None:
        """Write the weights as JSON, keys sorted, so that the same data gives the same file byte for byte."""
        path.write_text(json.dumps(self.to_dict(), indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")

    @classmethod
    def from_disk(cls, path: Path) -> Models:
        data = json.loads(Path(path).read_text("utf-8"))
        missing = [name for name in DECISIONS if name not in data.get("models", {})]
        if missing:
            raise ValueError(f"{path}: no weights for {', '.join(missing)}; rebuild them with `aidledger train`")
        models = {name: LinearModel.from_dict(data["models"][name]) for name in DECISIONS}
        return cls(models, data.get("data_sha256", ""), data.get("trained_on", {}))


@functools.cache
def shipped_models() -> Models:
    """The models shipped with the package (``weights.json``)."""
    return Models.from_disk(WEIGHTS_PATH)

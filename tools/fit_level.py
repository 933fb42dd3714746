"""Fit the CEFR level estimate on the hand-labelled letters: an ordinal regression of two figures.

The level is LiNT's score (steadied for short texts) plus a weight times the officialese phrases per 100 words,
cut by three bounds (lettercheck/readability.py, ``cefr_level``). This script checks every letter of
realletters/ and the calibration letters of samples/levels, fits a proportional-odds model on the two figures
and prints the weight and bounds it implies, then how well the fit does on each batch when that batch is left
out of it: the honest figure, since every batch comes from other senders. Rerun it when the word lists grow
(the officialese density grows with them) and copy the figures into readability.py.

Needs numpy (installed with spaCy). Usage: python tools/fit_level.py [--penalty 10]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from quality import SET, batch, load_set  # noqa: E402

from lettercheck.engine import Checker  # noqa: E402
from lettercheck.model import CEFR  # noqa: E402
from lettercheck.readability import CEFR_BOUNDS, CEFR_OFFICIALESE_WEIGHT, _steady_lint  # noqa: E402

CALIBRATION = 0
"""The batch number given to the calibration letters of samples/levels: always fitted, never left out."""


def labelled_letters() -> list[tuple[Path, str, int]]:
    letters = [(SET / label["file"], label["level"], batch(label)) for label in load_set()]
    with (ROOT / "samples" / "expected.toml").open("rb") as handle:
        samples = tomllib.load(handle)["letter"]
    letters += [(ROOT / "samples" / s["file"], s["level"], CALIBRATION) for s in samples if s.get("level")]
    return letters


def figures(paths: list[Path]) -> np.ndarray:
    """Per letter: the steadied LiNT score and the officialese density."""
    reports = Checker().check_paths(paths)
    return np.array([[_steady_lint(r.readability), r.readability.officialese or 0.0] for r in reports])


def fit(x: np.ndarray, y: np.ndarray, penalty: float, steps: int = 3000, rate: float = 0.5):
    """Proportional odds, P(level <= j) = sigmoid(theta_j - x @ w), by gradient descent with an L2 penalty on w."""
    n = len(y)
    w, theta = np.zeros(x.shape[1]), np.array([-1.5, 0.5, 2.5])
    rows = np.arange(n)
    for _ in range(steps):
        cumulative = 1 / (1 + np.exp(-(theta[None, :] - (x @ w)[:, None])))
        cumulative = np.hstack([np.zeros((n, 1)), cumulative, np.ones((n, 1))])
        upper, lower = cumulative[rows, y + 1], cumulative[rows, y]
        p = upper - lower + 1e-9
        d_upper, d_lower = upper * (1 - upper), lower * (1 - lower)
        w -= rate * (-(x.T @ ((d_lower - d_upper) / p)) / n + penalty * w / n)
        theta -= rate * np.array([-np.sum(((y == j) * d_upper - (y == j + 1) * d_lower) / p) / n for j in range(3)])
        theta.sort()
    return w, theta


def raw_model(x: np.ndarray, y: np.ndarray, penalty: float) -> tuple[float, np.ndarray]:
    """The fit in the figures' own units: the officialese weight in LiNT points and the bounds on the sum."""
    mean, spread = x.mean(0), x.std(0)
    w, theta = fit((x - mean) / spread, y, penalty)
    weight = (w[1] / spread[1]) / (w[0] / spread[0])
    return weight, theta * spread[0] / w[0] + mean[0] + weight * mean[1]


def levels(x: np.ndarray, weight: float, bounds) -> np.ndarray:
    score = x[:, 0] + weight * x[:, 1]
    return np.sum(score[:, None] >= np.asarray(bounds)[None, :], axis=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--penalty", type=float, default=10.0, help="L2 penalty on the standardised weights")
    args = parser.parse_args()
    letters = labelled_letters()
    x = figures([path for path, _, _ in letters])
    y = np.array([CEFR.index(level) for _, level, _ in letters])
    batches = np.array([b for _, _, b in letters])
    weight, bounds = raw_model(x, y, args.penalty)
    print(f"{len(y)} letters; fit on all: weight {weight:.2f}, bounds {', '.join(f'{b:.1f}' for b in bounds)}")
    shipped = levels(x, CEFR_OFFICIALESE_WEIGHT, CEFR_BOUNDS)
    print(f"shipped (weight {CEFR_OFFICIALESE_WEIGHT}, bounds {CEFR_BOUNDS}): exact {np.mean(shipped == y):.2f}, "
          f"within one {np.mean(abs(shipped - y) <= 1):.2f}")
    print("each batch left out of the fit:")
    right = near = 0
    for held in sorted(set(batches) - {CALIBRATION}):
        train, test = batches != held, batches == held
        predicted = levels(x[test], *raw_model(x[train], y[train], args.penalty))
        right, near = right + np.sum(predicted == y[test]), near + np.sum(abs(predicted - y[test]) <= 1)
        print(f"  batch {held}: {test.sum():3} letters, exact {np.mean(predicted == y[test]):.2f}")
    tested = np.sum(batches != CALIBRATION)
    print(f"  all: exact {right / tested:.2f}, within one {near / tested:.2f}")


if __name__ == "__main__":
    main()

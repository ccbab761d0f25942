// The softmax regression against an independent minimisation of the same objective on a small table: mean
// log-loss + (l2Penalty / 2)·‖coefficients‖², intercepts unpenalised, minimised by scipy's BFGS from numpy
// (scikit-learn's LogisticRegression with C = 1 / (l2Penalty · rows) is the same model, but its lbfgs stops after 15
// iterations, 1e-5 away).
import { describe, expect, it } from 'vitest';
import {
  fitSoftmaxRegression,
  softmaxProbabilities,
} from '../../../../lambda/engine/clustering/prospects/softmax-regression.ts';

/** Three corners of a square, four points each; classes 0, 1, 2. */
const POINTS = Float64Array.from([0, 0, 1, 0, 0, 1, 1, 1, 4, 0, 5, 1, 4, 1, 5, 0, 0, 4, 1, 5, 0, 5, 2, 4]);
const LABELS = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
const OPTIONS = { l2Penalty: 0.1, maxIterations: 20_000, tolerance: 1e-11 };

// /usr/bin/python3, scipy.optimize.minimize(method='BFGS', gtol=1e-13) of that objective with its gradient.
const SCIPY_COEFFICIENTS = [
  [-0.6552593833, -0.5996733635],
  [0.8378035806, -0.2809857944],
  [-0.1825441973, 0.8806591578],
];
// Its softmax at (2, 2), (0, 0) and (3, 3).
const SCIPY_PROBABILITIES = [
  [0.3675786367, 0.2821740517, 0.3502473116],
  [0.9618544563, 0.0197065071, 0.0184390365],
  [0.0805368947, 0.3784381847, 0.5410249207],
];

describe('fitSoftmaxRegression', () => {
  const fit = fitSoftmaxRegression(POINTS, 2, LABELS, 3, OPTIONS);

  it('converges to the coefficients scipy finds for the same penalised log-loss', () => {
    expect(fit.converged).toBe(true);
    SCIPY_COEFFICIENTS.forEach((expected, cls) => {
      expect(fit.weights[cls * 3]).toBeCloseTo(expected[0] as number, 7);
      expect(fit.weights[cls * 3 + 1]).toBeCloseTo(expected[1] as number, 7);
    });
  });

  it("gives the probabilities at scipy's optimum", () => {
    const probabilities = new Float64Array(3);
    [
      [2, 2],
      [0, 0],
      [3, 3],
    ].forEach((point, position) => {
      softmaxProbabilities(fit.weights, 3, 2, Float64Array.from(point), 0, probabilities);
      (SCIPY_PROBABILITIES[position] as number[]).forEach((expected, cls) =>
        expect(probabilities[cls]).toBeCloseTo(expected, 7),
      );
    });
  });

  it('keeps separable classes finite and stops at maxIterations when told to', () => {
    // 0 and 1 split perfectly at 0.5: without the penalty the weights would grow without end.
    const separable = fitSoftmaxRegression(
      Float64Array.from([0, 0, 1, 1]),
      1,
      Int32Array.from([0, 0, 1, 1]),
      2,
    );
    expect(separable.converged).toBe(true);
    expect(separable.weights.every(Number.isFinite)).toBe(true);
    const cut = fitSoftmaxRegression(POINTS, 2, LABELS, 3, { ...OPTIONS, maxIterations: 3 });
    expect(cut).toMatchObject({ iterations: 3, converged: false });
  });
});

describe('softmaxProbabilities', () => {
  it('is 1/2 each for two classes whose logits are equal, and does not overflow on huge logits', () => {
    const probabilities = new Float64Array(2);
    softmaxProbabilities(Float64Array.from([1, 0, -1, 0]), 2, 1, Float64Array.from([0]), 0, probabilities);
    expect(Array.from(probabilities)).toEqual([0.5, 0.5]);
    // logits 2000 and 1000: e^2000 overflows, e^0 / (e^0 + e^-1000) is 1.
    softmaxProbabilities(Float64Array.from([2, 0, 1, 0]), 2, 1, Float64Array.from([1000]), 0, probabilities);
    expect(Array.from(probabilities)).toEqual([1, 0]);
  });
});

/**
 * Multinomial logistic (softmax) regression with a small L2 penalty, the prospect model's classifier: fitted by
 * Nesterov-accelerated gradient descent with a step from a bound on the curvature (no learning rate to tune) and
 * gradient restarts (O'Donoghue & Candès 2015). No randomness: the same rows give the same weights, bit for bit.
 */

/** How the regression is fitted; defaults in DEFAULT_SOFTMAX_OPTIONS. */
export interface SoftmaxOptions {
  /** Weight of (1/2)·‖w‖² (intercepts excluded) added to the mean log-loss: keeps separable classes finite. */
  l2Penalty: number;
  /** The fit stops here if the gradient has not fallen below `tolerance` before. */
  maxIterations: number;
  /** The fit stops when no gradient component exceeds this. */
  tolerance: number;
}

/**
 * 1e-3: on standardised features a penalty small against the mean log-loss, enough to keep weights finite when a
 * cluster is separable; 3,000 iterations: Customer Personality converges in a few hundred.
 */
export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = {
  l2Penalty: 1e-3,
  maxIterations: 3000,
  tolerance: 1e-6,
};

/** Weights per class: `dimension` coefficients then the intercept, class after class. */
export interface SoftmaxFit {
  weights: Float64Array;
  iterations: number;
  converged: boolean;
}

/**
 * Fits P(class | x) = softmax(W·x + b) on the given rows of row-major `points` (`dimension` columns, ideally
 * standardised) whose classes are `labels[row]` in 0..classCount-1.
 */
export function fitSoftmaxRegression(
  points: Float64Array,
  dimension: number,
  labels: Int32Array,
  classCount: number,
  options: SoftmaxOptions = DEFAULT_SOFTMAX_OPTIONS,
): SoftmaxFit {
  const rowCount = labels.length;
  const size = classCount * (dimension + 1);
  let meanSquaredNorm = 1; // the intercept's constant 1
  for (const value of points) meanSquaredNorm += (value * value) / rowCount;
  // Böhning's bound: the log-loss Hessian is at most ½·E[x̃x̃ᵀ] per class, whose largest eigenvalue is below its trace.
  const step = 1 / (0.5 * meanSquaredNorm + options.l2Penalty);
  let weights = new Float64Array(size);
  let lookahead = new Float64Array(size);
  const gradient = new Float64Array(size);
  let momentum = 1;
  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    lossGradient(points, dimension, labels, classCount, lookahead, options.l2Penalty, gradient);
    if (maxAbs(gradient) < options.tolerance)
      return { weights: lookahead, iterations: iteration, converged: true };
    const next = lookahead.map((value, index) => value - step * (gradient[index] as number));
    let ascent = 0;
    for (let index = 0; index < size; index++) {
      ascent += (gradient[index] as number) * ((next[index] as number) - (weights[index] as number));
    }
    // Restart the momentum when it points uphill, else Nesterov's t_{k+1} = (1 + √(1 + 4t²)) / 2.
    const nextMomentum = ascent > 0 ? 1 : (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
    const pull = ascent > 0 ? 0 : (momentum - 1) / nextMomentum;
    lookahead = next.map((value, index) => value + pull * (value - (weights[index] as number)));
    weights = next;
    momentum = nextMomentum;
  }
  return { weights, iterations: options.maxIterations, converged: false };
}

/**
 * Writes into `probabilities` the softmax of one row (`points` from `base`), computed with the largest logit
 * subtracted so that no exponential overflows.
 * @example two classes, weights [1, 0, -1, 0] (w then b per class), x = [0] → [0.5, 0.5]
 */
export function softmaxProbabilities(
  weights: Float64Array,
  classCount: number,
  dimension: number,
  points: Float64Array,
  base: number,
  probabilities: Float64Array,
): void {
  let largest = Number.NEGATIVE_INFINITY;
  for (let cls = 0; cls < classCount; cls++) {
    const offset = cls * (dimension + 1);
    let logit = weights[offset + dimension] as number;
    for (let feature = 0; feature < dimension; feature++) {
      logit += (weights[offset + feature] as number) * (points[base + feature] as number);
    }
    probabilities[cls] = logit;
    if (logit > largest) largest = logit;
  }
  let total = 0;
  for (let cls = 0; cls < classCount; cls++) {
    const exponential = Math.exp((probabilities[cls] as number) - largest);
    probabilities[cls] = exponential;
    total += exponential;
  }
  for (let cls = 0; cls < classCount; cls++) probabilities[cls] = (probabilities[cls] as number) / total;
}

/** The gradient of mean log-loss + (l2/2)·‖w‖² at `weights`, into `gradient`. */
function lossGradient(
  points: Float64Array,
  dimension: number,
  labels: Int32Array,
  classCount: number,
  weights: Float64Array,
  l2Penalty: number,
  gradient: Float64Array,
): void {
  gradient.fill(0);
  const probabilities = new Float64Array(classCount);
  const rowCount = labels.length;
  for (let row = 0; row < rowCount; row++) {
    const base = row * dimension;
    softmaxProbabilities(weights, classCount, dimension, points, base, probabilities);
    for (let cls = 0; cls < classCount; cls++) {
      const residual = (probabilities[cls] as number) - (labels[row] === cls ? 1 : 0);
      const offset = cls * (dimension + 1);
      for (let feature = 0; feature < dimension; feature++) {
        gradient[offset + feature] =
          (gradient[offset + feature] as number) + residual * (points[base + feature] as number);
      }
      gradient[offset + dimension] = (gradient[offset + dimension] as number) + residual;
    }
  }
  for (let index = 0; index < gradient.length; index++) {
    const isIntercept = index % (dimension + 1) === dimension;
    gradient[index] =
      (gradient[index] as number) / rowCount + (isIntercept ? 0 : l2Penalty * (weights[index] as number));
  }
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (const value of values) if (Math.abs(value) > largest) largest = Math.abs(value);
  return largest;
}

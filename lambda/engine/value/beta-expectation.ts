/**
 * E[g(p)] for p ~ Beta(a, b) by Gauss-Legendre quadrature, for the BG/NBD predictions when a and b are large
 * (a likelihood ridge lets both grow when a file shows little dropout): there the closed form's 2F1 has huge
 * parameters and overflows, while the Beta density is narrow and smooth, so 64 nodes over its mean +- 12
 * standard deviations (clipped to [0, 1]) integrate it to near machine precision. The density is taken in log
 * space (betaln) and the quadrature's own mass divides the result, so the clipped tails cancel out.
 */
import betaln from '@stdlib/math-base-special-betaln';

const NODE_COUNT = 64;
/** Half-width of the window, in standard deviations of the Beta distribution. */
const WINDOW_DEVIATIONS = 12;

/** Gauss-Legendre nodes and weights on [-1, 1] (Newton's method on the Legendre polynomial, 100 steps at most). */
function gaussLegendre(count: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(count);
  const weights = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    let root = Math.cos((Math.PI * (index + 0.75)) / (count + 0.5));
    let derivative = 1;
    for (let step = 0; step < 100; step++) {
      let current = 1;
      let previous = 0;
      for (let degree = 1; degree <= count; degree++) {
        const older = previous;
        previous = current;
        current = ((2 * degree - 1) * root * previous - (degree - 1) * older) / degree;
      }
      derivative = (count * (root * current - previous)) / (root * root - 1);
      const update = current / derivative;
      root -= update;
      if (Math.abs(update) < 1e-15) break;
    }
    nodes[index] = root;
    weights[index] = 2 / ((1 - root * root) * derivative * derivative);
  }
  return { nodes, weights };
}

const RULE = gaussLegendre(NODE_COUNT);

/** E[g(p)] with p ~ Beta(a, b); meant for a, b >= 2 (a density that vanishes at both ends of its window). */
export function expectationOverBeta(g: (p: number) => number, a: number, b: number): number {
  const mean = a / (a + b);
  const deviation = Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
  const low = Math.max(0, mean - WINDOW_DEVIATIONS * deviation);
  const high = Math.min(1, mean + WINDOW_DEVIATIONS * deviation);
  const halfWidth = (high - low) / 2;
  const logNormaliser = betaln(a, b);
  let mass = 0;
  let total = 0;
  for (let index = 0; index < NODE_COUNT; index++) {
    const p = low + halfWidth * (1 + (RULE.nodes[index] as number));
    const density = Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p) - logNormaliser);
    const weight = (RULE.weights[index] as number) * halfWidth * density;
    mass += weight;
    total += weight * g(p);
  }
  return total / mass;
}

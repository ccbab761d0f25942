import { describe, expect, it } from 'vitest';
import { minimiseFromStarts, type Objective } from '../../../lambda/engine/value/multi-start-minimise.ts';

/** (x - 3)^2 + 10 (y + 1)^2, minimum 0 at (3, -1). */
const bowl: Objective = ([x = 0, y = 0], gradient) => {
  if (gradient !== undefined) {
    gradient[0] = 2 * (x - 3);
    gradient[1] = 20 * (y + 1);
  }
  return (x - 3) ** 2 + 10 * (y + 1) ** 2;
};

/** A double well in one variable: a shallow minimum near x = -1 (value 0.3) and the deeper one near x = 1. */
const doubleWell: Objective = ([x = 0], gradient) => {
  if (gradient !== undefined) gradient[0] = 4 * x * (x * x - 1) - 0.15;
  return (x * x - 1) ** 2 - 0.15 * x + 0.15;
};

describe('minimiseFromStarts', () => {
  it('finds the minimum of a quadratic bowl and says it converged', () => {
    const result = minimiseFromStarts(bowl, [[0, 0]]);
    expect(result.point[0]).toBeCloseTo(3, 6);
    expect(result.point[1]).toBeCloseTo(-1, 6);
    expect(result.converged).toBe(true);
  });

  it('keeps the start that reached the lower minimum', () => {
    const result = minimiseFromStarts(doubleWell, [[-1.01], [1.3]]);
    expect(result.start).toBe(1);
    expect(result.point[0]).toBeGreaterThan(0.9);
    expect(minimiseFromStarts(doubleWell, [[-1.01]]).point[0]).toBeLessThan(-0.9);
  });

  it('reports a run stopped by its iteration limit as not converged', () => {
    const result = minimiseFromStarts(bowl, [[100, 100]], { maxIterations: 1 });
    expect(result.converged).toBe(false);
  });

  it('needs a start', () => {
    expect(() => minimiseFromStarts(bowl, [])).toThrow(/start/);
  });
});

/** Seeded simulations for the forecast tests: Gaussian draws (stdlib's normal, Mersenne Twister), and the models. */
import normal from '@stdlib/random-base-normal';

/** A seeded standard-normal draw. */
export function seededNormal(seed: number): (mean?: number, sd?: number) => number {
  const draw = normal.factory({ seed });
  return (mean = 0, sd = 1) => draw(mean, sd);
}

/** y_t = c + A y_{t-1} + e_t, e_t independent N(0, 1), started at 0; the first `burnIn` periods are dropped. */
export function simulateVar1(
  intercept: readonly number[],
  coefficients: readonly (readonly number[])[],
  length: number,
  seed: number,
  burnIn = 50,
): number[][] {
  const draw = seededNormal(seed);
  let state = intercept.map(() => 0);
  const paths: number[][] = intercept.map(() => []);
  for (let time = 0; time < length + burnIn; time += 1) {
    state = intercept.map(
      (constant, equation) =>
        constant +
        (coefficients[equation] ?? []).reduce(
          (sum, weight, series) => sum + weight * (state[series] ?? 0),
          0,
        ) +
        draw(),
    );
    if (time >= burnIn) state.forEach((value, series) => paths[series]?.push(value));
  }
  return paths;
}

/** The local level model (simple exponential smoothing's own): y_t = l_{t-1} + e_t, l_t = l_{t-1} + alpha e_t. */
export function simulateLocalLevel(
  length: number,
  alpha: number,
  sd: number,
  start: number,
  draw: () => number,
): number[] {
  let level = start;
  return Array.from({ length }, () => {
    const error = sd * draw();
    const value = level + error;
    level += alpha * error;
    return value;
  });
}

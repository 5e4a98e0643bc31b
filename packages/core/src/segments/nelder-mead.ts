/**
 * Nelder–Mead simplex minimiser. Derivative-free, so the likelihoods need no gradients; the
 * models optimise log-parameters, which keeps every parameter positive without constraints.
 */

export interface MinimizeOptions {
  /** Initial step along each axis (in the optimiser's coordinates). Default 0.5. */
  step?: number;
  /** Stop when the spread of function values in the simplex is below this. Default 1e-10. */
  fTolerance?: number;
  /** Stop when the simplex is smaller than this along every axis. Default 1e-7. */
  xTolerance?: number;
  /** Hard cap on function evaluations. Default 4000. */
  maxEvaluations?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Minimises `f` from `start`. Non-finite values are treated as +Infinity so the simplex backs
 * away from regions where a likelihood overflows.
 *
 * @example
 * minimize(([x = 0, y = 0]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function minimize(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const step = options.step ?? 0.5;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-7;
  const maxEvaluations = options.maxEvaluations ?? 4000;
  const n = start.length;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  const points: number[][] = [[...start]];
  for (let i = 0; i < n; i++) {
    const p = [...start];
    p[i] = (p[i] ?? 0) + step;
    points.push(p);
  }
  let values = points.map(evaluate);

  const at = (arr: readonly number[], i: number): number => arr[i] ?? Number.NaN;
  let converged = false;
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((i, j) => at(values, i) - at(values, j));
    const sortedPoints = order.map((i) => points[i] ?? []);
    values = order.map((i) => at(values, i));
    points.splice(0, points.length, ...sortedPoints);

    const best = at(values, 0);
    const worst = at(values, n);
    let size = 0;
    const p0 = points[0] ?? [];
    for (let i = 1; i <= n; i++) {
      const pi = points[i] ?? [];
      for (let d = 0; d < n; d++) size = Math.max(size, Math.abs(at(pi, d) - at(p0, d)));
    }
    if (Math.abs(worst - best) <= fTol * (Math.abs(best) + fTol) && size <= xTol) {
      converged = true;
      break;
    }

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const pi = points[i] ?? [];
      for (let d = 0; d < n; d++) centroid[d] = at(centroid, d) + at(pi, d) / n;
    }
    const worstPoint = points[n] ?? [];
    const along = (t: number): number[] => centroid.map((c, d) => c + t * (c - at(worstPoint, d)));

    const reflected = along(1);
    const fr = evaluate(reflected);
    if (fr < best) {
      const expanded = along(2);
      const fe = evaluate(expanded);
      if (fe < fr) {
        points[n] = expanded;
        values[n] = fe;
      } else {
        points[n] = reflected;
        values[n] = fr;
      }
      continue;
    }
    if (fr < at(values, n - 1)) {
      points[n] = reflected;
      values[n] = fr;
      continue;
    }
    const outside = fr < worst;
    const contracted = along(outside ? 0.5 : -0.5);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : worst)) {
      points[n] = contracted;
      values[n] = fc;
      continue;
    }
    // Shrink everything towards the best point.
    for (let i = 1; i <= n; i++) {
      const shrunk = (points[i] ?? []).map((v, d) => at(p0, d) + 0.5 * (v - at(p0, d)));
      points[i] = shrunk;
      values[i] = evaluate(shrunk);
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return { x: points[bestIndex] ?? [...start], value: at(values, bestIndex), evaluations, converged };
}

/**
 * Runs `minimize` again from its own optimum with a fresh small simplex until a restart stops
 * improving: plain Nelder–Mead can stall on a ridge before the true optimum in 3–4 dimensions.
 */
export function minimizeWithRestarts(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: { firstStep?: number; maxRounds?: number; maxEvaluations?: number; xTolerance?: number } = {},
): MinimizeResult {
  let point = [...start];
  let best = Number.POSITIVE_INFINITY;
  let evaluations = 0;
  let converged = false;
  const maxRounds = options.maxRounds ?? 6;
  for (let round = 0; round < maxRounds; round++) {
    const result = minimize(f, point, {
      step: round === 0 ? (options.firstStep ?? 0.7) : 0.05,
      maxEvaluations: options.maxEvaluations ?? 3000,
      xTolerance: options.xTolerance ?? 1e-7,
    });
    evaluations += result.evaluations;
    const improved = best - result.value;
    if (result.value <= best) {
      point = result.x;
      best = result.value;
    }
    converged = result.converged;
    if (round > 0 && improved < 1e-9 * (Math.abs(best) + 1e-9)) break;
  }
  return { x: point, value: best, evaluations, converged };
}

/**
 * Special functions the customer-base models need. Written here rather than pulled from a
 * dependency because they are small, and the likelihoods call them millions of times.
 */

// Lanczos approximation, g = 7, n = 9: relative error below 1e-14 for positive arguments.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural logarithm of the gamma function, for x > 0 (reflection for x < 0.5).
 *
 * @example
 * logGamma(5) // Math.log(24)
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log(exp(a) + exp(b)) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * Gauss hypergeometric series 2F1(a, b; c; z) for 0 ≤ z < 1, summed until the terms stop
 * changing the sum. Returns NaN when it does not converge within `maxTerms`.
 *
 * @example
 * hyp2f1(1, 1, 2, 0.5) // -ln(1 - 0.5) / 0.5
 */
export function hyp2f1(a: number, b: number, c: number, z: number, maxTerms = 100_000): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < maxTerms; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum)) return sum;
  }
  return Number.NaN;
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series.
 *
 * @example
 * digamma(1) // −0.5772156649 (minus the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  let result = 0;
  let v = x;
  while (v < 10) {
    result -= 1 / v;
    v += 1;
  }
  const inv = 1 / v;
  const inv2 = inv * inv;
  return (
    result +
    Math.log(v) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))))
  );
}

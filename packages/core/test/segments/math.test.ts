import { describe, expect, it } from "vitest";
import { digamma, hyp2f1, logAddExp, logGamma, minimize, minimizeBfgs } from "../../src/segments/index.js";

describe("special functions", () => {
  it("logGamma matches factorials and Γ(1/2) = √π", () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 10);
      factorial *= n;
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    // Γ(x + 1) = x Γ(x) across the reflection branch (x < 0.5) and the Lanczos branch.
    for (const x of [0.01, 0.243, 0.49, 0.793])
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 12);
  });

  it("digamma matches ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2 and the recurrence", () => {
    const euler = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-euler, 12);
    expect(digamma(0.5)).toBeCloseTo(-euler - 2 * Math.log(2), 12);
    for (const x of [0.3, 2.7, 11.5]) expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 12);
  });

  it("hyp2f1 matches closed forms", () => {
    for (const z of [0.1, 0.5, 0.9]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12);
      expect(hyp2f1(2.5, 1, 1, z)).toBeCloseTo(Math.pow(1 - z, -2.5), 10);
    }
  });

  it("logAddExp does not overflow", () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });
});

describe("optimisers", () => {
  const rosenbrock = ([x = 0, y = 0]: readonly number[]): number => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

  it("Nelder–Mead finds the Rosenbrock minimum", () => {
    const result = minimize(rosenbrock, [-1.2, 1], { maxEvaluations: 5000 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it("BFGS finds the Rosenbrock minimum with the analytic gradient", () => {
    const result = minimizeBfgs(
      ([x = 0, y = 0]) => ({
        value: rosenbrock([x, y]),
        gradient: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
      }),
      [-1.2, 1],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(result.evaluations).toBeLessThan(200);
  });
});

/**
 * Draws synthetic customers from the BG/NBD and Gamma-Gamma models with known parameters: the
 * ground truth for model-recovery tests, demos and the benchmark. Seeded, so runs repeat.
 */
import type { BgNbdParams } from "./bgnbd.js";
import type { GammaGammaParams } from "./gamma-gamma.js";

/** Small, fast, seeded PRNG (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate 1) by Marsaglia–Tsang, with the shape < 1 boost. */
export function sampleGamma(shape: number, random: () => number): number {
  if (shape < 1) return sampleGamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface SimulatedCustomers {
  /** Repeat purchases. */
  x: Float64Array;
  /** Time of last purchase, from the first. */
  tx: Float64Array;
  /** Observation length, from the first purchase. */
  T: Float64Array;
  /** Mean repeat-order value (0 when x = 0), present when spend parameters were given. */
  m: Float64Array;
  /** Every order's time from the first purchase and value, per customer, when requested. */
  orders?: { customer: Uint32Array; time: Float64Array; value: Float64Array };
}

export interface SimulateOptions {
  customers: number;
  /** Observation length for each customer, e.g. uniform over a cohort window. */
  observe: (random: () => number) => number;
  seed?: number;
  spend?: GammaGammaParams;
  /** Also return every order (first included). */
  keepOrders?: boolean;
  /** Round times down to whole units (days), as order dates do. */
  wholeUnits?: boolean;
}

/**
 * Simulates BG/NBD purchase histories (and Gamma-Gamma order values when `spend` is given).
 *
 * @example
 * const sim = simulateCustomers({ r: 0.25, alpha: 30, a: 0.8, b: 2.5 }, { customers: 1000, observe: () => 365 });
 */
export function simulateCustomers(params: BgNbdParams, options: SimulateOptions): SimulatedCustomers {
  const random = seededRandom(options.seed ?? 1);
  const n = options.customers;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const m = new Float64Array(n);
  const oc: number[] = [];
  const ot: number[] = [];
  const ov: number[] = [];
  const round = options.wholeUnits ? Math.floor : (v: number) => v;
  for (let i = 0; i < n; i++) {
    const lambda = sampleGamma(params.r, random) / params.alpha;
    const ga = sampleGamma(params.a, random);
    const p = ga / (ga + sampleGamma(params.b, random));
    const observe = round(options.observe(random));
    let nu = 0;
    if (options.spend) nu = sampleGamma(options.spend.q, random) / options.spend.gamma;
    const value = (): number => (options.spend ? sampleGamma(options.spend.p, random) / nu : 0);
    const first = value();
    if (options.keepOrders) {
      oc.push(i);
      ot.push(0);
      ov.push(first);
    }
    let t = 0;
    let count = 0;
    let last = 0;
    let sum = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (round(t) > observe) break;
      count++;
      last = round(t);
      const v = value();
      sum += v;
      if (options.keepOrders) {
        oc.push(i);
        ot.push(last);
        ov.push(v);
      }
      if (random() < p) break;
    }
    x[i] = count;
    tx[i] = last;
    T[i] = observe;
    m[i] = count > 0 ? sum / count : 0;
  }
  const result: SimulatedCustomers = { x, tx, T, m };
  if (options.keepOrders)
    result.orders = {
      customer: Uint32Array.from(oc),
      time: Float64Array.from(ot),
      value: Float64Array.from(ov),
    };
  return result;
}

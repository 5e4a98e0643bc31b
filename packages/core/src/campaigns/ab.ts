/**
 * A/B test statistics for campaign variants: the two-proportion z-test (frequentist), the exact
 * Beta-Binomial probability that one variant beats another (Bayesian, a finite sum, no Monte
 * Carlo noise), the minimum sample size per variant, and one evaluation with a clear
 * "not enough data yet" state so nobody stops a test on a lucky first day.
 */
import { z } from "zod";
import { ValidationError } from "../errors/index.js";
import { translate, type Language, type MessageCatalog } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";
import { logGamma } from "../segments/special.js";

/** erf for |x| ≤ 2.5 by its Taylor series, erfc beyond by a continued fraction: ~1e-14. */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x <= 2.5) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // Lentz's method for erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))).
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    D = x + a * D;
    D = Math.abs(D) < tiny ? tiny : D;
    C = x + a / C;
    C = Math.abs(C) < tiny ? tiny : C;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/**
 * Standard normal CDF Φ(x).
 *
 * @example
 * normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Inverse standard normal CDF (Acklam's approximation refined by one Halley step).
 *
 * @example
 * normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : Number.NaN;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const at = (arr: number[], i: number): number => arr[i] ?? 0;
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q + at(c, 5)) /
      ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((at(a, 0) * r + at(a, 1)) * r + at(a, 2)) * r + at(a, 3)) * r + at(a, 4)) * r + at(a, 5)) * q) /
      (((((at(b, 0) * r + at(b, 1)) * r + at(b, 2)) * r + at(b, 3)) * r + at(b, 4)) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q + at(c, 5)) /
      ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

export const variantSchema = z
  .object({
    id: z.string().min(1),
    visitors: z.number().int().nonnegative(),
    conversions: z.number().int().nonnegative(),
  })
  .refine((v) => v.conversions <= v.visitors, {
    message: "conversions cannot exceed visitors",
    path: ["conversions"],
  });
export type AbVariant = z.infer<typeof variantSchema>;

export interface ZTestResult {
  rateA: number;
  rateB: number;
  /** rateB − rateA. */
  difference: number;
  z: number;
  /** Two-sided. */
  pValue: number;
  /** 95 % (or 1 − alpha) confidence interval of the difference, unpooled standard error. */
  confidenceInterval: [number, number];
}

/**
 * Two-proportion z-test with the pooled standard error (the textbook test; z² is Pearson's χ²).
 *
 * @example
 * twoProportionZTest({ visitors: 11034, conversions: 189 }, { visitors: 11037, conversions: 104 }).z // ≈ −5.00
 */
export function twoProportionZTest(
  a: { visitors: number; conversions: number },
  b: { visitors: number; conversions: number },
  alpha = 0.05,
): ZTestResult {
  const rateA = a.visitors > 0 ? a.conversions / a.visitors : 0;
  const rateB = b.visitors > 0 ? b.conversions / b.visitors : 0;
  const pooled = (a.conversions + b.conversions) / Math.max(1, a.visitors + b.visitors);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / Math.max(1, a.visitors) + 1 / Math.max(1, b.visitors)));
  const difference = rateB - rateA;
  const z = se > 0 ? difference / se : 0;
  const seUnpooled = Math.sqrt(
    (rateA * (1 - rateA)) / Math.max(1, a.visitors) + (rateB * (1 - rateB)) / Math.max(1, b.visitors),
  );
  const zc = normalQuantile(1 - alpha / 2);
  return {
    rateA,
    rateB,
    difference,
    z,
    pValue: se > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(z))) : 1,
    confidenceInterval: [difference - zc * seUnpooled, difference + zc * seUnpooled],
  };
}

const logBeta = (x: number, y: number): number => logGamma(x) + logGamma(y) - logGamma(x + y);

/**
 * P(rate B > rate A) with Beta(1 + conversions, 1 + failures) posteriors (uniform prior), by the
 * exact finite sum (Evan Miller, "Formulas for Bayesian A/B testing"); costs one term per
 * conversion of the smaller side.
 *
 * @example
 * probabilityToBeat({ visitors: 0, conversions: 0 }, { visitors: 1, conversions: 1 }) // 2/3
 */
export function probabilityToBeat(
  a: { visitors: number; conversions: number },
  b: { visitors: number; conversions: number },
): number {
  const alphaA = 1 + a.conversions;
  const betaA = 1 + a.visitors - a.conversions;
  const alphaB = 1 + b.conversions;
  const betaB = 1 + b.visitors - b.conversions;
  // P(B > A) = Σ_{i<αB} B(αA+i, βA+βB) / ((βB+i) B(1+i, βB) B(αA, βA)); sum over the smaller α.
  const sum = (aA: number, bA: number, aB: number, bB: number): number => {
    let total = 0;
    const base = logBeta(aA, bA);
    for (let i = 0; i < aB; i++)
      total += Math.exp(logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - base);
    return total;
  };
  const p = alphaB <= alphaA ? sum(alphaA, betaA, alphaB, betaB) : 1 - sum(alphaB, betaB, alphaA, betaA);
  return Math.min(1, Math.max(0, p));
}

/**
 * Visitors needed per variant to detect `baselineRate` → `baselineRate × (1 + relativeEffect)`
 * with a two-sided two-proportion z-test (Fleiss' formula, without continuity correction).
 *
 * @example
 * minimumSampleSize({ baselineRate: 0.1, relativeEffect: 0.2 }) // 3841 (10 % → 12 %, α 5 %, power 80 %)
 */
export function minimumSampleSize(input: {
  baselineRate: number;
  relativeEffect: number;
  alpha?: number;
  power?: number;
}): number {
  const { baselineRate: p1, relativeEffect } = input;
  // Near 100 % an uplift is impossible: size the (two-sided) test for the same relative drop.
  const up = p1 * (1 + relativeEffect);
  const p2 = up < 1 ? up : p1 * (1 - relativeEffect);
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1 && p2 !== p1)) return Number.POSITIVE_INFINITY;
  const za = normalQuantile(1 - (input.alpha ?? 0.05) / 2);
  const zb = normalQuantile(input.power ?? 0.8);
  const mean = (p1 + p2) / 2;
  const top = za * Math.sqrt(2 * mean * (1 - mean)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((top * top) / ((p2 - p1) * (p2 - p1)));
}

export const abTestSchema = z.object({
  /** The first variant is the control. */
  variants: z.array(variantSchema).min(2),
  alpha: z.number().gt(0).lt(0.5).default(0.05),
  power: z.number().gt(0.5).lt(1).default(0.8),
  /** Smallest relative uplift worth detecting, e.g. 0.2 = +20 %. */
  minimumDetectableEffect: z.number().gt(0).default(0.2),
});
export type AbTestInput = z.input<typeof abTestSchema>;

export type AbStatus = "not_enough_data" | "significant" | "inconclusive";

export interface AbComparison {
  variant: string;
  rate: number;
  /** Relative to control (0.1 = +10 %); null when the control converted nobody. */
  uplift: number | null;
  z: number;
  pValue: number;
  significant: boolean;
  probabilityToBeatControl: number;
  confidenceInterval: [number, number];
}

export interface AbEvaluation {
  status: AbStatus;
  control: string;
  controlRate: number;
  winner: string | null;
  /** Visitors each variant needs (from the control's rate and the detectable effect). */
  requiredVisitorsPerVariant: number | null;
  /** Significance level after the Bonferroni correction for several variants. */
  alphaPerComparison: number;
  comparisons: AbComparison[];
  message: string;
}

const STATUS_MESSAGES: MessageCatalog<AbStatus | "no_baseline"> = {
  en: {
    not_enough_data: "Not enough data yet: each variant needs {required} visitors (fewest so far: {fewest}).",
    no_baseline:
      "Not enough data yet: with a conversion rate of 0 % or 100 % for the control, the needed sample size cannot be estimated.",
    significant:
      "{winner} wins: {uplift} conversion rate, significant (p = {p}); {probability} chance it is better.",
    inconclusive:
      "No significant difference (p = {p}); the best variant, {winner}, has a {probability} chance to be better.",
  },
  fr: {
    not_enough_data:
      "Pas encore assez de données : chaque variante a besoin de {required} visiteurs (le minimum actuel : {fewest}).",
    no_baseline:
      "Pas encore assez de données : avec un taux de conversion de 0 % ou 100 % pour le témoin, la taille d'échantillon nécessaire ne peut pas être estimée.",
    significant:
      "{winner} gagne : taux de conversion {uplift}, significatif (p = {p}) ; {probability} de chances d'être meilleure.",
    inconclusive:
      "Pas de différence significative (p = {p}) ; la meilleure variante, {winner}, a {probability} de chances d'être meilleure.",
  },
  es: {
    not_enough_data:
      "Aún no hay datos suficientes: cada variante necesita {required} visitantes (el mínimo actual: {fewest}).",
    no_baseline:
      "Aún no hay datos suficientes: con una tasa de conversión del 0 % o del 100 % en el control, no se puede estimar el tamaño de muestra necesario.",
    significant:
      "{winner} gana: tasa de conversión {uplift}, significativa (p = {p}); {probability} de probabilidad de ser mejor.",
    inconclusive:
      "Sin diferencia significativa (p = {p}); la mejor variante, {winner}, tiene {probability} de probabilidad de ser mejor.",
  },
  de: {
    not_enough_data:
      "Noch nicht genug Daten: Jede Variante braucht {required} Besucher (bisher höchstens {fewest}).",
    no_baseline:
      "Noch nicht genug Daten: Bei einer Conversion-Rate von 0 % oder 100 % in der Kontrolle lässt sich die nötige Stichprobe nicht schätzen.",
    significant:
      "{winner} gewinnt: Conversion-Rate {uplift}, signifikant (p = {p}); {probability} Wahrscheinlichkeit, besser zu sein.",
    inconclusive:
      "Kein signifikanter Unterschied (p = {p}); die beste Variante, {winner}, ist mit {probability} Wahrscheinlichkeit besser.",
  },
  it: {
    not_enough_data:
      "Dati ancora insufficienti: ogni variante richiede {required} visitatori (il minimo attuale: {fewest}).",
    no_baseline:
      "Dati ancora insufficienti: con un tasso di conversione dello 0 % o del 100 % nel controllo, il campione necessario non si può stimare.",
    significant:
      "{winner} vince: tasso di conversione {uplift}, significativo (p = {p}); {probability} di probabilità di essere migliore.",
    inconclusive:
      "Nessuna differenza significativa (p = {p}); la variante migliore, {winner}, ha {probability} di probabilità di essere migliore.",
  },
  "pt-BR": {
    not_enough_data:
      "Ainda não há dados suficientes: cada variante precisa de {required} visitantes (o mínimo atual: {fewest}).",
    no_baseline:
      "Ainda não há dados suficientes: com taxa de conversão de 0 % ou 100 % no controle, não é possível estimar o tamanho de amostra necessário.",
    significant:
      "{winner} vence: taxa de conversão {uplift}, significativa (p = {p}); {probability} de chance de ser melhor.",
    inconclusive:
      "Sem diferença significativa (p = {p}); a melhor variante, {winner}, tem {probability} de chance de ser melhor.",
  },
  nl: {
    not_enough_data:
      "Nog niet genoeg gegevens: elke variant heeft {required} bezoekers nodig (laagste tot nu toe: {fewest}).",
    no_baseline:
      "Nog niet genoeg gegevens: met een conversieratio van 0 % of 100 % voor de controle is de benodigde steekproef niet te schatten.",
    significant:
      "{winner} wint: conversieratio {uplift}, significant (p = {p}); {probability} kans dat deze beter is.",
    inconclusive:
      "Geen significant verschil (p = {p}); de beste variant, {winner}, heeft {probability} kans om beter te zijn.",
  },
  pl: {
    not_enough_data:
      "Za mało danych: każdy wariant potrzebuje {required} odwiedzających (najmniej do tej pory: {fewest}).",
    no_baseline:
      "Za mało danych: przy współczynniku konwersji 0 % lub 100 % w wariancie kontrolnym nie da się oszacować potrzebnej wielkości próby.",
    significant:
      "{winner} wygrywa: współczynnik konwersji {uplift}, istotny (p = {p}); {probability} szans, że jest lepszy.",
    inconclusive:
      "Brak istotnej różnicy (p = {p}); najlepszy wariant, {winner}, ma {probability} szans, że jest lepszy.",
  },
  ja: {
    not_enough_data:
      "まだデータが不足しています。各バリエーションに{required}人の訪問者が必要です（現在の最少：{fewest}）。",
    no_baseline:
      "まだデータが不足しています。コントロールのコンバージョン率が0%または100%のため、必要なサンプル数を推定できません。",
    significant:
      "{winner}の勝ち：コンバージョン率{uplift}、有意（p = {p}）。優れている確率は{probability}です。",
    inconclusive:
      "有意な差はありません（p = {p}）。最良のバリエーション{winner}が優れている確率は{probability}です。",
  },
  "zh-CN": {
    not_enough_data: "数据尚不足：每个版本需要 {required} 位访客（目前最少：{fewest}）。",
    no_baseline: "数据尚不足：对照组的转化率为 0% 或 100%，无法估算所需样本量。",
    significant: "{winner} 胜出：转化率 {uplift}，差异显著（p = {p}）；更优的概率为 {probability}。",
    inconclusive: "无显著差异（p = {p}）；表现最好的版本 {winner} 更优的概率为 {probability}。",
  },
};
export const AB_MESSAGES = STATUS_MESSAGES;

/** Percent in the reader's conventions ("+20,4 %" in French); never shows a certain 100 %. */
const percent = (language: Language, v: number, signed = false): string =>
  new Intl.NumberFormat(language, {
    style: "percent",
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(signed ? v : Math.min(v, 0.999));

const pValue = (language: Language, p: number): string =>
  new Intl.NumberFormat(language, { maximumSignificantDigits: 2 }).format(p);

/**
 * Evaluates an A/B(/n) test: each variant against the control (the first), with a Bonferroni
 * correction when there are several. Reports "not_enough_data" until every variant has the
 * sample the minimum detectable effect needs: significance before that is not acted on.
 *
 * @example
 * evaluateAbTest({ variants: [{ id: "A", visitors: 5000, conversions: 500 }, { id: "B", visitors: 5000, conversions: 600 }] }, "en").status // "significant"
 */
export function evaluateAbTest(input: AbTestInput, language: Language = "en"): AbEvaluation {
  const { variants, alpha, power, minimumDetectableEffect } = parseOrThrow(abTestSchema, input, "A/B test");
  const [control, ...others] = variants as [AbVariant, ...AbVariant[]];
  const alphaPerComparison = alpha / others.length;
  const controlRate = control.visitors > 0 ? control.conversions / control.visitors : 0;
  const comparisons: AbComparison[] = others.map((v) => {
    const test = twoProportionZTest(control, v, alphaPerComparison);
    return {
      variant: v.id,
      rate: test.rateB,
      uplift: controlRate > 0 ? test.rateB / controlRate - 1 : null,
      z: test.z,
      pValue: test.pValue,
      significant: test.pValue < alphaPerComparison,
      probabilityToBeatControl: probabilityToBeat(control, v),
      confidenceInterval: test.confidenceInterval,
    };
  });
  const required =
    controlRate > 0 && controlRate < 1
      ? minimumSampleSize({
          baselineRate: controlRate,
          relativeEffect: minimumDetectableEffect,
          alpha: alphaPerComparison,
          power,
        })
      : null;
  const fewest = Math.min(...variants.map((v) => v.visitors));
  const base = {
    control: control.id,
    controlRate,
    requiredVisitorsPerVariant: required,
    alphaPerComparison,
    comparisons,
  };
  if (required === null || !Number.isFinite(required) || fewest < required) {
    const message =
      required === null
        ? translate(STATUS_MESSAGES, language, "no_baseline")
        : translate(STATUS_MESSAGES, language, "not_enough_data", { required, fewest });
    return { ...base, status: "not_enough_data", winner: null, message };
  }
  // The best performer: the significant variant with the lowest p-value among those that beat
  // the control, or the control when a variant is significantly worse and none is better.
  const better = comparisons
    .filter((c) => c.significant && c.rate > controlRate)
    .sort((x, y) => x.pValue - y.pValue);
  const worse = comparisons.filter((c) => c.significant && c.rate < controlRate);
  const best = [...comparisons].sort((x, y) => y.rate - x.rate)[0];
  const pMin = Math.min(...comparisons.map((c) => c.pValue));
  const top = better[0];
  if (top) {
    return {
      ...base,
      status: "significant",
      winner: top.variant,
      message: translate(STATUS_MESSAGES, language, "significant", {
        winner: top.variant,
        uplift: percent(language, top.uplift ?? 0, true),
        p: pValue(language, top.pValue),
        probability: percent(language, top.probabilityToBeatControl),
      }),
    };
  }
  if (worse.length === comparisons.length) {
    const p = Math.max(...worse.map((c) => c.pValue));
    const probability = Math.min(...worse.map((c) => 1 - c.probabilityToBeatControl));
    return {
      ...base,
      status: "significant",
      winner: control.id,
      message: translate(STATUS_MESSAGES, language, "significant", {
        winner: control.id,
        uplift: percent(language, 0, true),
        p: pValue(language, p),
        probability: percent(language, probability),
      }),
    };
  }
  return {
    ...base,
    status: "inconclusive",
    winner: null,
    message: translate(STATUS_MESSAGES, language, "inconclusive", {
      p: pValue(language, pMin),
      winner: best?.variant ?? control.id,
      probability: percent(language, best?.probabilityToBeatControl ?? 0.5),
    }),
  };
}

/** FNV-1a, 32 bits: fast, stable across runtimes, good enough to spread ids evenly. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Deterministic split of an audience into variants: the same customer always gets the same
 * variant of the same test (no state to store), and shares follow the weights.
 *
 * @example
 * assignVariant("spring-email", "customer-42", [{ id: "A", weight: 1 }, { id: "B", weight: 1 }]) // "A" or "B", always the same
 */
export function assignVariant(
  testId: string,
  customerId: string,
  variants: readonly { id: string; weight: number }[],
): string {
  const total = variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  if (variants.length === 0 || !(total > 0))
    throw new ValidationError("An A/B test needs at least one variant with a positive weight", [
      { path: "variants", message: "no positive weight" },
    ]);
  // Hash the test id with the customer so each test splits the audience independently.
  let point = (fnv1a(`${testId}\u0000${customerId}`) / 4294967296) * total;
  for (const v of variants) {
    point -= Math.max(0, v.weight);
    if (point < 0) return v.id;
  }
  return variants[variants.length - 1]?.id ?? "";
}

import Big from "big.js";
import { z } from "zod";
import { ValidationError } from "../errors/index.js";
import { parseOrThrow } from "../internal/zod.js";

/*
 * Money is computed with exact decimals (big.js) and exchanged as decimal strings, never as
 * binary floats: 0.1 + 0.2 must be 0.3 when it is somebody's margin.
 */
const Dec = Big();
Dec.DP = 20;
Dec.RM = Big.roundHalfUp;

/** Currencies without minor units: endings like .99 do not exist there, prices are whole. */
const ZERO_DECIMAL = new Set([
  "JPY",
  "KRW",
  "VND",
  "CLP",
  "ISK",
  "HUF",
  "TWD",
  "UGX",
  "XAF",
  "XOF",
  "PYG",
  "IDR",
]);

const decimal = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const text = typeof value === "number" ? String(value) : value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) {
    ctx.addIssue({ code: "custom", message: "expected a non-negative decimal" });
    return z.NEVER;
  }
  return text;
});

const tierSchema = z.object({
  /** Inclusive lower bound of the landed cost, in the shop currency. */
  min: decimal,
  /** Exclusive upper bound; absent for the last tier. */
  max: decimal.optional(),
  multiplier: decimal.optional(),
  fixedMarkup: decimal.optional(),
});

/** The rules' fields without cross-field checks (used to embed them in other settings). */
export const pricingRulesFields = z.object({
  /** Shop currency (ISO 4217) every price is written in. */
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((c) => c.toUpperCase()),
  /** How many units of the shop currency one unit of each supplier currency buys ({"USD": "0.92"}). */
  rates: z.record(z.string().regex(/^[A-Z]{3}$/), decimal).default({}),
  multiplier: decimal.default("2"),
  fixedMarkup: decimal.default("0"),
  /** Per cost range overrides of multiplier and markup; the first matching tier wins. */
  tiers: z.array(tierSchema).default([]),
  ending: z.enum(["none", ".99", ".95", "whole"]).default(".99"),
  compareAt: z
    .discriminatedUnion("mode", [
      z.object({ mode: z.literal("none") }),
      /** compare-at = price × value (e.g. 1.5 shows a 33% saving). */
      z.object({ mode: z.literal("multiplier"), value: decimal }),
      /** Keep the supplier's own discount ratio (list price / sale price). */
      z.object({ mode: z.literal("supplier") }),
    ])
    .default({ mode: "none" }),
  shipping: z
    .object({
      /** Shipping cost per unit, in the supplier currency. */
      cost: decimal.default("0"),
      /** True: the price absorbs shipping (free-shipping shop). False: the buyer pays it at checkout. */
      included: z.boolean().default(true),
    })
    .default({ cost: "0", included: true }),
  /** Minimum margin as a fraction of the price ("0.3" = 30 %): never breached, whatever the rules say. */
  minimumMargin: decimal.default("0"),
});

export const pricingRulesSchema = pricingRulesFields.superRefine((rules, ctx) => {
  if (new Dec(rules.minimumMargin).gte("0.95"))
    ctx.addIssue({ code: "custom", path: ["minimumMargin"], message: "must be below 0.95" });
  if (new Dec(rules.multiplier).lte(0))
    ctx.addIssue({ code: "custom", path: ["multiplier"], message: "must be above 0" });
  rules.tiers.forEach((tier, i) => {
    if (tier.max !== undefined && new Dec(tier.max).lte(tier.min))
      ctx.addIssue({ code: "custom", path: ["tiers", i, "max"], message: "must be above min" });
    if (tier.multiplier !== undefined && new Dec(tier.multiplier).lte(0))
      ctx.addIssue({ code: "custom", path: ["tiers", i, "multiplier"], message: "must be above 0" });
  });
});

export type PricingRulesInput = z.input<typeof pricingRulesSchema>;
export type PricingRules = z.output<typeof pricingRulesSchema>;

export interface PriceInput {
  /** Unit cost from the supplier, decimal string. */
  cost: string;
  /** The supplier's list price before its own discount, if any. */
  listPrice?: string;
  /** Supplier currency of `cost` and `listPrice`. */
  currency: string;
}

export interface PriceResult {
  price: string;
  compareAtPrice?: string;
  /** What one unit costs us in the shop currency (with shipping when the price includes it). */
  landedCost: string;
  profit: string;
  /** (price − landed cost) / price, 4 decimals. */
  margin: string;
  /** True when the minimum margin lifted the price above what the rules gave. */
  raisedForMargin: boolean;
  currency: string;
}

/**
 * Validates pricing rules once; reuse the result for every variant.
 *
 * @example
 * const rules = definePricingRules({ currency: "EUR", rates: { USD: "0.92" }, multiplier: "2.5", ending: ".99", minimumMargin: "0.3" });
 */
export function definePricingRules(input: PricingRulesInput): PricingRules {
  return parseOrThrow(pricingRulesSchema, input, "pricing rules", "invalid_config");
}

function rateFor(rules: PricingRules, from: string): Big {
  const currency = from.toUpperCase();
  if (currency === rules.currency) return new Dec(1);
  const rate = rules.rates[currency];
  if (rate === undefined || new Dec(rate).lte(0))
    throw new ValidationError(
      `No exchange rate from ${currency} to ${rules.currency}`,
      [{ path: `rates.${currency}`, message: `expected the number of ${rules.currency} per 1 ${currency}` }],
      { code: "invalid_config" },
    );
  return new Dec(rate);
}

/** The smallest price ≥ `amount` with the configured ending, in the currency's precision. */
export function applyEnding(amount: Big, ending: PricingRules["ending"], currency: string): Big {
  if (ZERO_DECIMAL.has(currency) || ending === "whole") return amount.round(0, Big.roundUp);
  if (ending === "none") return amount.round(2, Big.roundUp);
  const cents = ending === ".99" ? "0.99" : "0.95";
  const candidate = amount.round(0, Big.roundDown).plus(cents);
  return candidate.gte(amount) ? candidate : candidate.plus(1);
}

function format(amount: Big, currency: string): string {
  return amount.toFixed(ZERO_DECIMAL.has(currency) ? 0 : 2);
}

/**
 * Prices one supplier SKU for the shop: converts its cost (plus shipping when the price includes
 * it) with the given rate, applies the matching tier or the multiplier and fixed markup, lifts
 * the result to respect the minimum margin, then rounds *up* to the configured ending so the
 * margin can only grow. All arithmetic is exact; results are decimal strings.
 *
 * @example
 * priceVariant({ cost: "10.39", currency: "USD" }, definePricingRules({ currency: "EUR", rates: { USD: "0.92" } }))
 * // { price: "19.99", margin: "0.5218", … }
 */
export function priceVariant(input: PriceInput, rules: PricingRules): PriceResult {
  const rate = rateFor(rules, input.currency);
  const productCost = new Dec(input.cost).times(rate);
  const shipping = new Dec(rules.shipping.cost).times(rate);
  const landed = rules.shipping.included ? productCost.plus(shipping) : productCost;
  const tier = rules.tiers.find((t) => landed.gte(t.min) && (t.max === undefined || landed.lt(t.max)));
  const multiplier = new Dec(tier?.multiplier ?? rules.multiplier);
  const markup = new Dec(tier?.fixedMarkup ?? rules.fixedMarkup);
  const fromRules = landed.times(multiplier).plus(markup);
  const margin = new Dec(rules.minimumMargin);
  // price ≥ landed / (1 − m)  ⇔  (price − landed) / price ≥ m
  const floor = landed.div(new Dec(1).minus(margin));
  const raisedForMargin = fromRules.lt(floor);
  const price = applyEnding(raisedForMargin ? floor : fromRules, rules.ending, rules.currency);
  const profit = price.minus(landed);
  const result: PriceResult = {
    price: format(price, rules.currency),
    landedCost: landed.toFixed(4),
    profit: profit.toFixed(4),
    margin: price.gt(0) ? profit.div(price).toFixed(4, Big.roundDown) : "0.0000",
    raisedForMargin,
    currency: rules.currency,
  };
  let compareAt: Big | undefined;
  switch (rules.compareAt.mode) {
    case "none":
      break;
    case "multiplier":
      compareAt = applyEnding(price.times(rules.compareAt.value), rules.ending, rules.currency);
      break;
    case "supplier":
      if (input.listPrice !== undefined && new Dec(input.cost).gt(0))
        compareAt = applyEnding(
          price.times(new Dec(input.listPrice).div(input.cost)),
          rules.ending,
          rules.currency,
        );
      break;
  }
  if (compareAt !== undefined && compareAt.gt(price))
    result.compareAtPrice = format(compareAt, rules.currency);
  return result;
}

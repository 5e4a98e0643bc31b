/** USD per million tokens for a text model, or per image for an image model. */
export interface ModelPrice {
  inputPerMTok?: number;
  outputPerMTok?: number;
  perImage?: number;
}

/** Model id → price. Unknown models cost 0 (and say so in the usage record's cost). */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** List prices (USD) of the models we default to; override any entry through `createAI({prices})`. */
export const DEFAULT_PRICES: PriceTable = {
  "gpt-4.1-mini": { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  "gpt-4.1": { inputPerMTok: 2, outputPerMTok: 8 },
  "gpt-4o-mini": { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  "gpt-4o": { inputPerMTok: 2.5, outputPerMTok: 10 },
  "grok-3-mini": { inputPerMTok: 0.3, outputPerMTok: 0.5 },
  "grok-3": { inputPerMTok: 3, outputPerMTok: 15 },
  "grok-4": { inputPerMTok: 3, outputPerMTok: 15 },
  "gpt-image-1": { perImage: 0.042 },
  "dall-e-3": { perImage: 0.04 },
  "dall-e-2": { perImage: 0.018 },
  "grok-2-image-1212": { perImage: 0.07 },
};

/**
 * Estimated cost in USD of one call.
 *
 * @example
 * estimateCost(DEFAULT_PRICES, "gpt-4o-mini", { inputTokens: 1000, outputTokens: 500 }) // 0.00045
 */
export function estimateCost(
  prices: PriceTable,
  model: string,
  usage: { inputTokens?: number; outputTokens?: number; images?: number },
): number {
  const price = prices[model];
  if (!price) return 0;
  const cost =
    ((usage.inputTokens ?? 0) * (price.inputPerMTok ?? 0)) / 1e6 +
    ((usage.outputTokens ?? 0) * (price.outputPerMTok ?? 0)) / 1e6 +
    (usage.images ?? 0) * (price.perImage ?? 0);
  return Math.round(cost * 1e9) / 1e9;
}

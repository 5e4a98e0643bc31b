import { MarketingError } from "../../app/personas/errors.server.js";

/** The refusal a marketing call throws (fails the test when it does not throw one). */
export async function refusal(work: Promise<unknown>): Promise<MarketingError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof MarketingError) return error;
    throw error;
  }
  throw new Error("expected a MarketingError");
}

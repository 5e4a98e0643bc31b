import { abortedError, AIError, toAIError } from "./errors.js";
import type { EngineContext, Slot } from "./context.js";
import { retryAfterMs, retryDelay, sleep } from "./retry.js";

/** When a call must be over (`performance.now()` time), from its `timeoutMs`; undefined = no limit. */
export function deadlineOf(timeoutMs: number | undefined): number | undefined {
  return timeoutMs === undefined ? undefined : performance.now() + timeoutMs;
}

function outOfTime(name: "openai" | "xai"): AIError {
  return new AIError("timeout", `${name}: the call ran out of time`, { provider: name, retryable: true });
}

/**
 * One provider call with retries, the provider's circuit breaker and its rate limiter: the only
 * place the engine retries. Each attempt gets the engine's per-attempt timeout, cut to what is
 * left of the call's deadline; waits (rate limiter, backoff) never outlast the deadline either.
 * Throws the last AIError when retries are exhausted.
 */
export async function callProvider<T extends { headers: Record<string, string> }>(
  engine: EngineContext,
  slot: Slot,
  request: { tokens: number; signal: AbortSignal | undefined; deadline: number | undefined },
  call: (attemptTimeoutMs: number) => Promise<T>,
): Promise<T> {
  const name = slot.provider.name;
  const { tokens, signal, deadline } = request;
  const left = (): number => (deadline === undefined ? Infinity : deadline - performance.now());
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw abortedError(signal, name);
    if (left() <= 0) throw outOfTime(name);
    if (!slot.breaker.tryAcquire()) {
      throw new AIError("provider_unavailable", `${name} is failing; its circuit is open`, {
        provider: name,
        retryable: true,
        details: { breaker: "open" },
      });
    }
    try {
      const budget = left();
      const waitSignal = Number.isFinite(budget)
        ? AbortSignal.any([...(signal ? [signal] : []), AbortSignal.timeout(Math.ceil(budget))])
        : signal;
      await slot.limiter.acquire(tokens, waitSignal);
    } catch {
      slot.breaker.onNeutral();
      throw signal?.aborted ? abortedError(signal, name) : outOfTime(name);
    }
    let error: AIError;
    try {
      const reply = await call(Math.max(1, Math.ceil(Math.min(engine.cfg.timeoutMs, left()))));
      slot.breaker.onSuccess();
      slot.limiter.observe(reply.headers);
      return reply;
    } catch (caught) {
      error = toAIError(caught, name);
    }
    if (error.status === undefined) slot.limiter.settle();
    else slot.limiter.observe(error.headers);
    if (error.code === "aborted" || signal?.aborted) {
      slot.breaker.onNeutral();
      throw abortedError(signal, name);
    }
    // Neither a caller's bad request nor being throttled says anything about the provider's health.
    if (error.code === "bad_request" || error.code === "invalid_output" || error.code === "rate_limited") {
      slot.breaker.onNeutral();
    } else slot.breaker.onFailure();
    if (error.status === 429) {
      const wait = retryAfterMs(error.headers);
      if (wait !== undefined) slot.limiter.pause(wait);
    }
    const delay = retryDelay(error, retry, engine.cfg.retry, engine.random);
    if (delay === undefined || delay >= left()) throw error;
    engine.logger.debug("ai retry", {
      provider: name,
      code: error.code,
      retry: retry + 1,
      delayMs: Math.round(delay),
    });
    await sleep(delay, signal);
  }
}

/** Fall over only when a provider is exhausted on a retryable error, or rejects our credentials. */
export function fallsOver(error: AIError): boolean {
  return error.retryable || error.code === "auth_failed";
}

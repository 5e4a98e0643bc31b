import * as Sentry from "@sentry/remix";
import type { Logger } from "@ninjalead/core";
import { scrubEvent, scrubValue } from "./scrub.server.js";

let started = false;

/**
 * Error reporting to Sentry when SENTRY_DSN is set (nothing otherwise). Every event and
 * breadcrumb goes through the scrubber: no token, email or address leaves the server.
 *
 * @example
 * initSentry({ dsn: cfg.sentryDsn, environment: cfg.env }, log);
 */
export function initSentry(
  options: { dsn: string | undefined; environment: string; release?: string },
  logger: Logger,
): boolean {
  if (!options.dsn || started) return started;
  Sentry.init({
    dsn: options.dsn,
    environment: options.environment,
    ...(options.release ? { release: options.release } : {}),
    sendDefaultPii: false,
    tracesSampleRate: 0,
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: (breadcrumb) => scrubValue(breadcrumb) as typeof breadcrumb,
  });
  started = true;
  logger.info("error reporting to Sentry enabled", { environment: options.environment });
  return true;
}

/** Reports an error from a job or a background task (routes are instrumented through the build). */
export function reportError(error: unknown, context: Record<string, unknown> = {}): void {
  if (started) Sentry.captureException(error, { extra: context });
}

export { Sentry };

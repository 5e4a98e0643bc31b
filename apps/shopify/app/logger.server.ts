import type { Logger } from "@ninjalead/core";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

// Field names whose values never reach a log line, whatever the caller passes.
const SECRET_FIELD =
  /token|secret|password|authorization|api[-_]?key|cookie|hmac|signature|email|phone|address/i;

/** Replaces secret-looking fields (recursively) with "[redacted]". */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) ? "[redacted]" : redact(v, depth + 1);
  }
  return out;
}

/** A JSON-lines logger on stdout/stderr with secret redaction; the app's only logger. */
export function createLogger(
  level: Level = "info",
  write: (line: string, level: Level) => void = (line, lvl) => {
    (lvl === "error" || lvl === "warn" ? process.stderr : process.stdout).write(line + "\n");
  },
): Logger {
  const min = LEVELS[level];
  const log =
    (lvl: Level) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      if (LEVELS[lvl] < min) return;
      const entry = {
        time: new Date().toISOString(),
        level: lvl,
        msg: message,
        ...(redact(fields) as object),
      };
      write(JSON.stringify(entry), lvl);
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

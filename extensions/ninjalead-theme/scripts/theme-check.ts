/**
 * `npm run theme-check -w @ninjalead/theme-extension`: Shopify's theme check on the extension
 * (theme-app-extension config, offline), one line per offense; exits 1 on any error.
 * The same check runs in `npm test` through test/theme-check.test.ts.
 */
import { fileURLToPath } from "node:url";
import { check, Severity } from "@shopify/theme-check-node";

const root = fileURLToPath(new URL("..", import.meta.url));
const offenses = await check(root);
for (const o of offenses) {
  const level =
    o.severity === Severity.ERROR ? "error" : o.severity === Severity.WARNING ? "warning" : "info";
  const file = o.uri.slice(o.uri.indexOf("ninjalead-theme/"));
  process.stdout.write(`${level} ${o.check} ${file}:${o.start.line + 1} ${o.message}\n`);
}
process.stdout.write(`theme check: ${offenses.length} offense(s)\n`);
process.exit(offenses.some((o) => o.severity === Severity.ERROR) ? 1 : 0);

/**
 * `ninjalead audit <products.csv|products.json>`: audits a Shopify product export and prints a
 * report (or JSON). Exit codes: 0 ok, 1 products below --min-score, 2 usage or input error.
 */
import { parseArgs } from "node:util";
import { isNinjaLeadError } from "../errors/index.js";
import { isLanguage, LANGUAGES, type Language } from "../i18n/index.js";
import { auditCatalog } from "../seo/catalog.js";
import { detectLanguage } from "../seo/detect-language.js";
import type { SeoProductInput } from "../seo/schema.js";
import { readProducts } from "./read-products.js";
import { formatCatalogReport } from "./report.js";

const USAGE = `Usage: ninjalead audit <products.csv|products.json> [options]

Audits every product of a Shopify product export (CSV or JSON) for SEO and readability.

Options:
  --json                 print the full report as JSON
  --min-score <0-100>    exit with code 1 if any product's SEO score is below this
  --language <code|auto> language of the products (default: auto-detect per product)
  --report-language <code>  language of the report labels (default: en)
  --keyphrase-from-title use the product title's first words as focus keyphrase
  --currency <ISO 4217>  currency of the prices (exports do not say; needed for structured data)
  --worst <n>            how many of the worst products to list (default: 20)
  --progress / --no-progress  progress bar on stderr (default: when stderr is a terminal)
  -h, --help             show this help
Languages: ${LANGUAGES.join(", ")}`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        "min-score": { type: "string" },
        language: { type: "string" },
        "report-language": { type: "string" },
        "keyphrase-from-title": { type: "boolean" },
        currency: { type: "string" },
        worst: { type: "string" },
        progress: { type: "boolean" },
        "no-progress": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const [command, file] = positionals;
  if (command !== "audit" || !file) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const errors: string[] = [];
  const minScore = values["min-score"] === undefined ? undefined : Number(values["min-score"]);
  if (minScore !== undefined && !(Number.isFinite(minScore) && minScore >= 0 && minScore <= 100))
    errors.push("--min-score must be a number from 0 to 100");
  const worst = values.worst === undefined ? 20 : Number(values.worst);
  if (!Number.isInteger(worst) || worst < 1) errors.push("--worst must be a positive integer");
  const languageOption = values.language ?? "auto";
  if (languageOption !== "auto" && !isLanguage(languageOption))
    errors.push(`--language must be auto or one of ${LANGUAGES.join(", ")}`);
  const reportLanguage = values["report-language"] ?? "en";
  if (!isLanguage(reportLanguage)) errors.push(`--report-language must be one of ${LANGUAGES.join(", ")}`);
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency))
    errors.push("--currency must be an ISO 4217 code like EUR");
  if (errors.length > 0) {
    io.stderr(`${errors.join("\n")}\n`);
    return 2;
  }

  try {
    const source = readProducts(file);
    const showProgress = values["no-progress"] ? false : (values.progress ?? io.isTty);
    const fixed: Language | undefined = languageOption === "auto" ? undefined : (languageOption as Language);
    const products = withDefaults(source.products, {
      language: fixed,
      keyphraseFromTitle: values["keyphrase-from-title"] ?? false,
      currency,
    });
    let lastDraw = 0;
    const report = await auditCatalog(products, {
      worstLimit: worst,
      ...(minScore === undefined ? {} : { minScore }),
      onProgress: (n) => {
        if (!showProgress || n - lastDraw < 50) return;
        lastDraw = n;
        io.stderr(`\r${bar(source.progress())} ${n} products`);
      },
    });
    if (showProgress) io.stderr(`\r${bar(1)} ${report.products} products\n`);
    io.stdout(
      values.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : `${formatCatalogReport(report, reportLanguage as Language)}\n`,
    );
    return report.belowMinScore && report.belowMinScore.count > 0 ? 1 : 0;
  } catch (error) {
    io.stderr(`${isNinjaLeadError(error) ? `${error.code}: ${error.message}` : String(error)}\n`);
    return 2;
  }
}

function bar(fraction: number): string {
  const width = 30;
  const done = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${"#".repeat(done)}${".".repeat(width - done)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
}

async function* withDefaults(
  products: AsyncIterable<SeoProductInput> | Iterable<SeoProductInput>,
  defaults: { language: Language | undefined; keyphraseFromTitle: boolean; currency: string | undefined },
): AsyncGenerator<SeoProductInput> {
  for await (const p of products) {
    const language =
      defaults.language ??
      (p.language ? p.language : detectLanguage(`${p.title ?? ""} ${p.descriptionHtml ?? ""}`));
    const keyphrase =
      p.keyphrase || (defaults.keyphraseFromTitle ? (p.title ?? "").split(/\s+/).slice(0, 3).join(" ") : "");
    yield { ...p, language, keyphrase, currency: p.currency || (defaults.currency ?? "") };
  }
}

// Run only when executed as the bin, not when imported by tests.
const invokedAs = process.argv[1] ?? "";
if (/(?:^|[\\/])(?:ninjalead|cli[\\/]index\.(?:js|ts))$/.test(invokedAs)) {
  const code = await runCli(process.argv.slice(2), {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTty: process.stderr.isTTY === true,
  });
  process.exitCode = code;
}

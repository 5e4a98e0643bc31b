// What every Chromium journey shares: where Debian's Chromium is, how it is started next to the
// demo, where screenshots go, and the axe-core check (serious and critical violations fail a journey).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { startDemo, type RunningDemo } from "./demo-process.js";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const artifacts = fileURLToPath(new URL("../../artifacts/browser/", import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Creates the screenshot folder (artifacts of the run). */
export function prepareArtifacts(): void {
  mkdirSync(artifacts, { recursive: true });
}

/** axe-core in the page: its serious and critical violations, described (empty when clean). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.html.slice(0, 200)).join(", ")}`);
}

/** A full-page screenshot saved as a test artifact. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
}

export interface Journey {
  demo: RunningDemo;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * Starts the demo (a seeded store emulator and the app) and Chromium side by side, and opens the
 * page every journey looks through: desktop size, English, reduced motion (charts and progress
 * bars settle at once, so screenshots show final values), CSP bypassed (the app's nonce CSP
 * rightly refuses the injected axe-core script). With `signIn`, the page opens /demo first.
 */
export async function startJourney(
  size: Parameters<typeof startDemo>[0],
  options: { signIn?: boolean } = {},
): Promise<Journey> {
  prepareArtifacts();
  const [demo, browser] = await Promise.all([
    startDemo(size),
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }),
  ]);
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    bypassCSP: true,
  });
  await page.emulateMedia({ reducedMotion: "reduce" });
  if (options.signIn !== false) {
    await page.goto(`${demo.appUrl}/demo`);
    await page.waitForURL(/\/app$/);
  }
  return {
    demo,
    browser,
    page,
    close: async () => {
      await browser.close();
      await demo.stop();
    },
  };
}

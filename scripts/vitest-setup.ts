// Every test fails on a stray console.error / console.warn: an unexpected warning is a bug.
import { afterEach, beforeEach, expect } from "vitest";

let stray: string[] = [];
const original = { error: console.error, warn: console.warn };

beforeEach(() => {
  stray = [];
  console.error = (...args: unknown[]) => {
    stray.push(`console.error: ${args.map(String).join(" ")}`);
  };
  console.warn = (...args: unknown[]) => {
    stray.push(`console.warn: ${args.map(String).join(" ")}`);
  };
});

afterEach(() => {
  console.error = original.error;
  console.warn = original.warn;
  expect(stray, "unexpected console output").toEqual([]);
});

import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "store-emulator",
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../scripts/vitest-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

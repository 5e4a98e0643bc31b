import tsconfigPaths from "vite-tsconfig-paths";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [tsconfigPaths()],
  test: {
    name: "app",
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../scripts/vitest-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Suites start servers and databases of their own; run files one at a time on 2 cores.
    fileParallelism: false,
  },
});

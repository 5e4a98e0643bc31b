import tsconfigPaths from "vite-tsconfig-paths";
import { defineProject } from "vitest/config";

export default defineProject({
  // Resolves @ninjalead/core to its sources (no build needed), as the app does.
  plugins: [tsconfigPaths()],
  test: {
    name: "theme",
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../scripts/vitest-setup.ts"],
  },
});

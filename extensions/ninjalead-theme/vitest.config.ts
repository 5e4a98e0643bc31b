import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "theme",
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../scripts/vitest-setup.ts"],
  },
});

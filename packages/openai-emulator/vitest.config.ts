import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "openai-emulator",
    include: ["test/**/*.test.ts"],
    setupFiles: ["../../scripts/vitest-setup.ts"],
  },
});

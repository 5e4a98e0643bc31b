import { defineConfig } from "vitest/config";

// One runner, one project per workspace. Projects that need PostgreSQL or Redis get them from
// DATABASE_URL / REDIS_URL or 127.0.0.1 (scripts/test.ts checks they answer before running).
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "extensions/*/vitest.config.ts"],
  },
});

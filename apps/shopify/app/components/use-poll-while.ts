import { useEffect } from "react";
import { useRevalidator } from "@remix-run/react";

/** How often a page asks again about work that runs in the background (a job row: cheap). */
export const POLL_MS = 1_000;

/**
 * Reloads the route's data every `ms` while `active` (a background job is queued or running):
 * the job lives in the database, so the page follows it, and a reload picks it up again.
 */
export function usePollWhile(active: boolean, ms = POLL_MS): void {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, ms);
    return () => clearInterval(timer);
  }, [active, ms, revalidator]);
}

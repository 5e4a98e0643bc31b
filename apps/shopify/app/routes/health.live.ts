/** GET /health/live — the process is up and serving; checks nothing else on purpose. */
export const loader = () => Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });

/**
 * `npm run bench -- segments`: 1,000,000 generated orders from 200,000 customers.
 *
 * Ours: orders (as columns) → profiles → RFM scores → 11 segments → BG/NBD + Gamma-Gamma fitted
 * by maximum likelihood → P(alive), expected orders, CLV for every customer → segment statistics.
 * SQL: the same orders in a fresh PostgreSQL database (loading not timed); timed is the RFM
 * aggregation (GROUP BY customer, then NTILE(5) quintiles) materialised into a table, median of
 * three runs. `ratio` = ours / sql (goal ≤ 2). Also reported: the Shopify-object path (zod
 * validation per order) on 100,000 orders, as orders per second.
 *
 * Orders are drawn from the BG/NBD and Gamma-Gamma models with known parameters, so the run also
 * shows how well the fit recovers them at this size. No corpus needed.
 */
import pg from "pg";
import {
  analyzeCustomers,
  createProfileBuilder,
  DAY_MS,
  simulateCustomers,
  type ShopifyOrder,
} from "../packages/core/src/segments/index.js";

const ORDERS = 1_000_000;
const CUSTOMERS = 200_000;
const PRODUCTS = 5_000;
const AS_OF = Date.UTC(2026, 0, 1);
const TRUTH = { r: 1.2, alpha: 80, a: 0.6, b: 6 };
const SPEND = { p: 6, q: 4, gamma: 150 };
const log = (message: string): void => {
  process.stderr.write(`[segments] ${message}\n`);
};

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

// --- generate -------------------------------------------------------------------------------
let t = performance.now();
const sim = simulateCustomers(TRUTH, {
  customers: CUSTOMERS,
  observe: (random) => 30 + random() * 700,
  seed: 20_251_125,
  spend: SPEND,
  keepOrders: true,
  wholeUnits: true,
});
const simulated = sim.orders;
if (!simulated) throw new Error("simulation returned no orders");
// The model gives ~1.02 M orders: drop repeat orders from the end to get exactly one million.
let excess = simulated.customer.length - ORDERS;
const keep = new Uint8Array(simulated.customer.length).fill(1);
for (let i = simulated.customer.length - 1; i >= 0 && excess > 0; i--)
  if ((simulated.time[i] ?? 0) > 0) {
    keep[i] = 0;
    excess--;
  }
const customerId = new Uint32Array(ORDERS);
const createdAt = new Float64Array(ORDERS);
const total = new Float64Array(ORDERS);
const productId = new Uint32Array(ORDERS);
const orderId = new Float64Array(ORDERS);
for (let i = 0, j = 0; i < simulated.customer.length && j < ORDERS; i++) {
  if (keep[i] === 0) continue;
  const c = simulated.customer[i] ?? 0;
  customerId[j] = 1_000_000 + c;
  // Customer c was first seen T days before AS_OF; an order at time s (days) is s days after that.
  createdAt[j] = AS_OF - ((sim.T[c] ?? 0) - (simulated.time[i] ?? 0)) * DAY_MS - 3_600_000;
  total[j] = Math.max(0.01, Math.round((simulated.value[i] ?? 0) * 100) / 100);
  productId[j] = 7_000_000 + ((c * 31 + j * 7) % PRODUCTS);
  orderId[j] = 5_000_000_000 + j;
  j++;
}
log(
  `generated ${ORDERS} orders for ${CUSTOMERS} customers in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// --- ours -----------------------------------------------------------------------------------
global.gc?.();
t = performance.now();
const builder = createProfileBuilder({ currency: "EUR", asOf: new Date(AS_OF) });
builder.addOrderColumns({ customerId, createdAt, total, productId, orderId });
const { table, report } = builder.finish();
const ingestSeconds = (performance.now() - t) / 1000;
const analysis = analyzeCustomers(table);
const oursSeconds = (performance.now() - t) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
log(`ours: ${oursSeconds.toFixed(2)} s (ingest ${ingestSeconds.toFixed(2)} s), ${table.size} customers`);
const { bgnbd, gammaGamma } = analysis.values;
log(`BG/NBD ${bgnbd.source} ${JSON.stringify(bgnbd.params)} (truth ${JSON.stringify(TRUTH)})`);
log(`Gamma-Gamma ${gammaGamma.source} ${JSON.stringify(gammaGamma.params)} (truth ${JSON.stringify(SPEND)})`);

// --- Shopify-object path (zod validation per order), on a 100,000-order slice ----------------
const SLICE = 100_000;
const objects: ShopifyOrder[] = [];
for (let i = 0; i < SLICE; i++)
  objects.push({
    id: orderId[i] ?? 0,
    created_at: new Date(createdAt[i] ?? 0).toISOString(),
    currency: "EUR",
    total_price: (total[i] ?? 0).toFixed(2),
    customer: { id: customerId[i] ?? 0 },
    line_items: [{ product_id: productId[i] ?? 0, title: null, quantity: 1 }],
  });
t = performance.now();
const objectBuilder = createProfileBuilder({ currency: "EUR", asOf: new Date(AS_OF) });
for (const order of objects) objectBuilder.addOrder(order);
objectBuilder.finish();
const objectOrdersPerSecond = SLICE / ((performance.now() - t) / 1000);
objects.length = 0;
log(`object path: ${Math.round(objectOrdersPerSecond)} orders/s`);

// --- PostgreSQL -----------------------------------------------------------------------------
const database = `ninjalead_bench_segments_${process.pid}`;
const admin = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database: "postgres" });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const db = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database });
const sqlRuns: number[] = [];
try {
  await db.connect();
  await db.query(
    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, created_at timestamptz NOT NULL, total numeric(12,2) NOT NULL, product_id bigint)",
  );
  t = performance.now();
  const BATCH = 50_000;
  for (let start = 0; start < ORDERS; start += BATCH) {
    const end = Math.min(ORDERS, start + BATCH);
    await db.query(
      "INSERT INTO orders SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::numeric[], $5::bigint[])",
      [
        Array.from(orderId.subarray(start, end)),
        Array.from(customerId.subarray(start, end)),
        Array.from(createdAt.subarray(start, end), (ms) => new Date(ms).toISOString()),
        Array.from(total.subarray(start, end)),
        Array.from(productId.subarray(start, end)),
      ],
    );
  }
  await db.query("VACUUM ANALYZE orders");
  log(`loaded PostgreSQL in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`);
  const asOf = new Date(AS_OF).toISOString();
  for (let run = 0; run < 3; run++) {
    await db.query("DROP TABLE IF EXISTS rfm");
    t = performance.now();
    await db.query(
      `CREATE TABLE rfm AS
       WITH per_customer AS (
         SELECT customer_id,
                floor(extract(epoch FROM ($1::timestamptz - max(created_at))) / 86400) AS recency_days,
                count(*) AS frequency,
                sum(total) AS monetary
         FROM orders
         WHERE total > 0 AND created_at <= $1::timestamptz
         GROUP BY customer_id)
       SELECT customer_id, recency_days, frequency, monetary,
              ntile(5) OVER (ORDER BY recency_days DESC) AS r,
              ntile(5) OVER (ORDER BY frequency) AS f,
              ntile(5) OVER (ORDER BY monetary) AS m
       FROM per_customer`,
      [asOf],
    );
    sqlRuns.push((performance.now() - t) / 1000);
  }
  const check = await db.query<{ n: string }>("SELECT count(*) AS n FROM rfm");
  if (Number(check.rows[0]?.n) !== table.size)
    throw new Error(`SQL saw ${check.rows[0]?.n} customers, ours ${table.size}`);
} finally {
  await db.end().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.end();
}
clearInterval(sampler);
sqlRuns.sort((a, b) => a - b);
const sqlSeconds = sqlRuns[1] ?? sqlRuns[0] ?? Number.NaN;
log(`sql: ${sqlRuns.map((s) => s.toFixed(2)).join(", ")} s (median ${sqlSeconds.toFixed(2)})`);

const round = (v: number, digits = 3): number => Number(v.toFixed(digits));
const roundAll = (o: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));
const champions = analysis.statistics.find((s) => s.segment === "champions");
console.log(
  JSON.stringify({
    orders: ORDERS,
    customers: table.size,
    ours_seconds: round(oursSeconds),
    ours_ingest_seconds: round(ingestSeconds),
    sql_seconds: round(sqlSeconds),
    ratio: round(oursSeconds / sqlSeconds),
    goal_ratio: 2,
    peak_mb: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1_048_576),
    object_path_orders_per_second: Math.round(objectOrdersPerSecond),
    orders_used: report.ordersUsed,
    bgnbd_source: bgnbd.source,
    bgnbd: roundAll({ ...bgnbd.params }),
    bgnbd_truth: TRUTH,
    gamma_gamma: roundAll({ ...gammaGamma.params }),
    gamma_gamma_truth: SPEND,
    champions_share_of_revenue: round(champions?.shareOfRevenue ?? 0),
    mean_clv: round(analysis.values.clv.reduce((s, v) => s + v, 0) / table.size, 2),
  }),
);

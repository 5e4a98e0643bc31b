import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { recentActivity, segmentSummary, seoHealth, syncStatus } from "~/admin/dashboard.server.js";
import { catalogFigures, forgetCatalogFigures } from "~/admin/catalog-figures.server.js";
import { fillScores } from "~/admin/seo-scores.server.js";
import { ClientChart } from "~/components/ClientChart.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { auditActionLabel } from "~/i18n/audit-actions.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { requestSyncCheck } from "~/admin/sync-check.server.js";
import { appContext, services } from "~/services.server.js";
import { ensureShop } from "~/shops.server.js";
import { staffActor } from "~/trust/actor.server.js";

export const links = () => [{ rel: "stylesheet", href: vizStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "home.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

const FIRST_SCORES_BUDGET_MS = 1_500;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db, cache, logger } = await services();
  const lang = languageFromRequest(request);
  const shop = await ensureShop(db.prisma, session.shop);
  let figures = await catalogFigures(db.prisma, cache, session.shop);
  if (figures.coverage.scored < figures.coverage.total) {
    // Score the catalog in the background; a small catalog (the first visit) is done within the
    // budget and the page shows its health right away, a large one fills in over the next visits.
    const fill = fillScores(db.prisma, session.shop, shop.primaryLocale, logger)
      .then(() => forgetCatalogFigures(cache, session.shop))
      .catch((error: unknown) =>
        logger.error("seo score fill failed", { shop: session.shop, error: String(error) }),
      );
    await Promise.race([fill, new Promise((resolve) => setTimeout(resolve, FIRST_SCORES_BUDGET_MS))]);
    figures = await catalogFigures(db.prisma, cache, session.shop, { fresh: true });
  }
  const [sync, segments, activity] = await Promise.all([
    syncStatus(db.prisma, session.shop, figures.counts),
    segmentSummary(db.prisma, cache, session.shop, lang, logger),
    recentActivity(db.prisma, session.shop),
  ]);
  const seo = seoHealth(figures, lang);
  return { lang, sync, seo, segments, activity };
};

/** "Check for changes now": a reconciliation of products, customers and orders, in the background. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const { db } = await services();
  return requestSyncCheck(
    { prisma: db.prisma, queues: appContext().queues },
    session.shop,
    staffActor(session, demo),
  );
};

const SYNC_RESOURCE: Record<string, MessageKey> = {
  products: "sync.products",
  customers: "sync.customers",
  orders: "sync.orders",
};
const RATING_KEY = { good: "score.good", ok: "score.ok", bad: "score.bad" } as const;
const SYNC_STATUS = {
  running: { key: "sync.running", tone: "info" },
  completed: { key: "sync.completed", tone: "success" },
  failed: { key: "sync.failed", tone: "critical" },
} as const;

export default function Dashboard() {
  const { lang, sync, seo, segments, activity } = useLoaderData<typeof loader>();
  const check = useFetcher<typeof action>();
  const checking = check.state !== "idle";
  const number = new Intl.NumberFormat(lang);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const actionLabel = (action: string) => auditActionLabel(lang, action);

  return (
    <Page title={t(lang, "home.title")}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {t(lang, "dashboard.sync")}
                  </Text>
                  <check.Form method="post">
                    <Button submit variant="plain" loading={checking} disabled={sync.length === 0}>
                      {t(lang, "dashboard.syncCheck")}
                    </Button>
                  </check.Form>
                </InlineStack>
                {check.data && !checking ? (
                  <Banner tone={check.data.ok ? "info" : "warning"}>
                    {t(lang, check.data.ok ? "dashboard.syncCheckQueued" : check.data.reason)}
                  </Banner>
                ) : null}
                {sync.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {t(lang, "dashboard.syncNone")}
                  </Text>
                ) : (
                  sync.map((run) => {
                    const status = SYNC_STATUS[run.status as keyof typeof SYNC_STATUS];
                    const resource = SYNC_RESOURCE[run.resource];
                    return (
                      <InlineStack key={run.resource} align="space-between" blockAlign="center">
                        <BlockStack gap="050">
                          <Text as="span" fontWeight="semibold">
                            {resource ? t(lang, resource) : run.resource}
                          </Text>
                          <Text as="span" tone="subdued" variant="bodySm">
                            {t(lang, "dashboard.syncObjects", { count: number.format(run.objects) })}
                            {run.finishedAt ? ` · ${when(run.finishedAt)}` : ""}
                          </Text>
                        </BlockStack>
                        {status ? (
                          <Badge tone={status.tone}>{t(lang, status.key)}</Badge>
                        ) : (
                          <Badge>{run.status}</Badge>
                        )}
                      </InlineStack>
                    );
                  })
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {t(lang, "dashboard.activity")}
                  </Text>
                  <Button variant="plain" url="/app/activity">
                    {t(lang, "dashboard.viewActivity")}
                  </Button>
                </InlineStack>
                {activity.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {t(lang, "dashboard.activityEmpty")}
                  </Text>
                ) : (
                  activity.map((e) => (
                    <BlockStack key={e.id} gap="050">
                      <Text as="span">{actionLabel(e.action)}</Text>
                      <Text as="span" tone="subdued" variant="bodySm">
                        {when(e.createdAt)}
                        {e.target ? ` · ${e.target}` : ""}
                      </Text>
                    </BlockStack>
                  ))
                )}
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  {t(lang, "dashboard.seoHealth")}
                </Text>
                <Button url="/app/products">{t(lang, "dashboard.viewProducts")}</Button>
              </InlineStack>
              {seo.averageScore === null ? (
                <Text as="p" tone="subdued">
                  {t(lang, "dashboard.noScores")}
                </Text>
              ) : (
                <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                  <BlockStack gap="300">
                    <Text as="p" variant="headingLg">
                      {t(lang, "dashboard.seoAverage", { score: seo.averageScore })}
                    </Text>
                    <BlockStack gap="100">
                      <Text as="p" tone="subdued" id="seo-scored">
                        {t(lang, "dashboard.seoScored", {
                          scored: number.format(seo.scored),
                          total: number.format(seo.total),
                        })}
                      </Text>
                      <ProgressBar
                        progress={seo.total === 0 ? 0 : Math.round((seo.scored / seo.total) * 100)}
                        size="small"
                        ariaLabelledBy="seo-scored"
                      />
                    </BlockStack>
                    <Text as="h3" variant="headingSm">
                      {t(lang, "dashboard.topIssues")}
                    </Text>
                    <BlockStack gap="200" as="ol">
                      {seo.topIssues.map((issue) => (
                        <BlockStack key={issue.id} gap="050" as="li">
                          <Link url={`/app/products?issue=${issue.id}`} removeUnderline>
                            {issue.fix}
                          </Link>
                          <Text as="span" tone="subdued" variant="bodySm">
                            {t(lang, "dashboard.issueProducts", { count: number.format(issue.products) })}
                          </Text>
                        </BlockStack>
                      ))}
                    </BlockStack>
                  </BlockStack>
                  <BlockStack gap="200">
                    <Text as="h3" variant="headingSm">
                      {t(lang, "dashboard.distribution")}
                    </Text>
                    <ClientChart
                      label={t(lang, "dashboard.distribution")}
                      data={(["good", "ok", "bad"] as const).map((rating) => ({
                        name: t(lang, RATING_KEY[rating]),
                        data: [{ key: t(lang, RATING_KEY[rating]), value: seo.ratings[rating] }],
                      }))}
                    />
                    <InlineStack gap="300">
                      {(["good", "ok", "bad"] as const).map((rating) => (
                        <Text as="span" key={rating} tone="subdued">
                          {t(lang, "dashboard.ratingCount", {
                            rating: t(lang, RATING_KEY[rating]),
                            count: number.format(seo.ratings[rating]),
                          })}
                        </Text>
                      ))}
                    </InlineStack>
                  </BlockStack>
                </InlineGrid>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">
                {t(lang, "dashboard.segments")}
              </Text>
              {segments === null ? (
                <Text as="p" tone="subdued">
                  {t(lang, "dashboard.segmentsEmpty")}
                </Text>
              ) : (
                <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                  <BlockStack gap="200">
                    {segments.segments.map((s) => (
                      <InlineStack key={s.segment} align="space-between" gap="200">
                        <Text as="span" fontWeight="semibold">
                          {s.name}
                        </Text>
                        <Text as="span" tone="subdued">
                          {t(lang, "dashboard.segmentRow", {
                            customers: number.format(s.customers),
                            share: number.format(Math.round(s.shareOfRevenue * 1000) / 10),
                          })}
                        </Text>
                      </InlineStack>
                    ))}
                  </BlockStack>
                  <BlockStack gap="200">
                    <Text as="h3" variant="headingSm">
                      {t(lang, "dashboard.revenueShare")}
                    </Text>
                    <ClientChart
                      label={t(lang, "dashboard.revenueShare")}
                      data={segments.segments.map((s) => ({
                        name: s.name,
                        data: [{ key: s.name, value: Math.round(s.shareOfRevenue * 1000) / 10 }],
                      }))}
                    />
                  </BlockStack>
                </InlineGrid>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBanner;

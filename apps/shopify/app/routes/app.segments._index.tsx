import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  BlockStack,
  Box,
  Card,
  EmptyState,
  IndexTable,
  InlineGrid,
  Layout,
  Link,
  Page,
  Text,
  Tooltip,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { segmentsOverview } from "~/admin/segments.server.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";
import { services } from "~/services.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db, cache, logger } = await services();
  const lang = languageFromRequest(request);
  return { lang, overview: await segmentsOverview(db.prisma, cache, session.shop, lang, logger) };
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "segments.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

// Darker cells hold more customers. Fixed shades of one blue, each with the text colour that keeps
// WCAG AA contrast (black up to 60 % opacity, white from 75 %): no shade sits where neither passes.
const SHADES = [0.06, 0.2, 0.35, 0.5, 0.6, 0.75, 0.86];

function cellShade(strength: number): { background: string; color: string } {
  const alpha = SHADES[Math.min(SHADES.length - 1, Math.round(strength * (SHADES.length - 1)))] ?? 0.06;
  return { background: `rgba(0, 48, 140, ${alpha})`, color: alpha >= 0.75 ? "#ffffff" : "#000000" };
}

export default function Segments() {
  const { lang, overview } = useLoaderData<typeof loader>();
  if (!overview) {
    return (
      <Page title={t(lang, "segments.title")} backAction={{ content: t(lang, "home.title"), url: "/app" }}>
        <Card>
          <EmptyState heading={t(lang, "segments.empty")} image="">
            <Text as="p">{t(lang, "segments.emptyHelp")}</Text>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  const money = (amount: number | null) =>
    amount === null
      ? "–"
      : new Intl.NumberFormat(lang, { style: "currency", currency: overview.currency }).format(amount);
  const percent = (share: number) =>
    new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(share);
  const count = (n: number) => new Intl.NumberFormat(lang).format(n);
  const max = Math.max(1, ...overview.grid.flatMap((row) => row.cells.map((c) => c.customers)));

  return (
    <Page
      title={t(lang, "segments.title")}
      subtitle={t(lang, "segments.summary", {
        customers: count(overview.customers),
        revenue: money(overview.revenue),
      })}
      backAction={{ content: t(lang, "home.title"), url: "/app" }}
    >
      <Layout>
        <Layout.Section>
          <Card>
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="600">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t(lang, "segments.grid")}
                </Text>
                <Text as="p" tone="subdued">
                  {t(lang, "segments.gridHelp")}
                </Text>
              </BlockStack>
              <BlockStack gap="300">
                <InlineGrid columns="auto 1fr" gap="200">
                  <Text as="span" variant="bodySm" tone="subdued">
                    {t(lang, "segments.recency")}
                  </Text>
                  <Text as="span" variant="bodySm" tone="subdued" alignment="center">
                    {t(lang, "segments.fm")}
                  </Text>
                </InlineGrid>
                <BlockStack gap="100">
                  {overview.grid.map((row) => (
                    <InlineGrid key={row.r} columns="1.5rem repeat(5, 1fr)" gap="100" alignItems="center">
                      <Text as="span" variant="bodySm" tone="subdued" numeric>
                        {row.r}
                      </Text>
                      {row.cells.map((cell) => {
                        const label = t(lang, "segments.gridCell", {
                          name: cell.name,
                          count: count(cell.customers),
                        });
                        const shade = cellShade(cell.customers / max);
                        return (
                          <Tooltip key={cell.fm} content={label}>
                            <Link
                              url={`/app/segments/${cell.segment}`}
                              removeUnderline
                              accessibilityLabel={label}
                            >
                              <div
                                style={{
                                  borderRadius: "var(--p-border-radius-200)",
                                  padding: "var(--p-space-200) 0",
                                  textAlign: "center",
                                  fontWeight: 600,
                                  fontVariantNumeric: "tabular-nums",
                                  background: shade.background,
                                  color: shade.color,
                                }}
                              >
                                {count(cell.customers)}
                              </div>
                            </Link>
                          </Tooltip>
                        );
                      })}
                    </InlineGrid>
                  ))}
                  <InlineGrid columns="1.5rem repeat(5, 1fr)" gap="100">
                    <span />
                    {[1, 2, 3, 4, 5].map((fm) => (
                      <Text key={fm} as="span" variant="bodySm" tone="subdued" alignment="center" numeric>
                        {fm}
                      </Text>
                    ))}
                  </InlineGrid>
                </BlockStack>
              </BlockStack>
            </InlineGrid>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <Text as="h2" variant="headingMd">
                {t(lang, "segments.list")}
              </Text>
            </Box>
            <IndexTable
              resourceName={{ singular: t(lang, "segments.colSegment"), plural: t(lang, "segments.list") }}
              itemCount={overview.segments.length}
              selectable={false}
              headings={[
                { title: t(lang, "segments.colSegment") },
                { title: t(lang, "segments.colCustomers"), alignment: "end" },
                { title: t(lang, "segments.colRevenue"), alignment: "end" },
                { title: t(lang, "segments.colRevenueShare"), alignment: "end" },
                { title: t(lang, "segments.colAov"), alignment: "end" },
                { title: t(lang, "segments.colClv"), alignment: "end" },
              ]}
            >
              {overview.segments.map((s, index) => (
                <IndexTable.Row id={s.segment} key={s.segment} position={index}>
                  <IndexTable.Cell>
                    <BlockStack gap="050">
                      <Link url={`/app/segments/${s.segment}`} removeUnderline dataPrimaryLink>
                        <Text as="span" fontWeight="semibold">
                          {s.name}
                        </Text>
                      </Link>
                      <Text as="span" tone="subdued" variant="bodySm">
                        {s.description}
                      </Text>
                    </BlockStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {count(s.customers)} ({percent(s.shareOfCustomers)})
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {money(s.revenue)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {percent(s.shareOfRevenue)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {s.customers > 0 ? money(s.averageOrderValue) : "–"}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {s.customers > 0 ? money(s.averageClv) : "–"}
                    </Text>
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBanner;

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  Link,
  Page,
  Pagination,
  Select,
  Text,
  type BadgeProps,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { CAMPAIGN_STATUSES, type CampaignStatus } from "~/campaigns/campaign-types.js";
import { listCampaigns } from "~/campaigns/campaigns.server.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { services } from "~/services.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  const lang = languageFromRequest(request);
  const params = new URL(request.url).searchParams;
  const rawStatus = params.get("status") ?? "";
  const status = (CAMPAIGN_STATUSES as readonly string[]).includes(rawStatus)
    ? (rawStatus as CampaignStatus)
    : null;
  const cursor = params.get("after");
  const page = await listCampaigns(db.prisma, session.shop, { status, cursor, language: lang });
  return { lang, status, cursor, ...page };
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "campaigns.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

export const ErrorBoundary = RouteErrorBanner;

const STATUS_TONE: Record<CampaignStatus, BadgeProps["tone"]> = {
  draft: undefined,
  published: "success",
  archived: "enabled",
};

export default function Campaigns() {
  const { lang, status, cursor, campaigns, nextCursor } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const loading = useNavigation().state === "loading";
  const [params] = useSearchParams();
  const date = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(iso));
  const go = (next: Record<string, string | null>) => {
    const query = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) query.set(k, v);
      else query.delete(k);
    }
    navigate(`?${query.toString()}`);
  };

  return (
    <Page
      title={t(lang, "campaigns.title")}
      backAction={{ content: t(lang, "home.title"), url: "/app" }}
      primaryAction={{ content: t(lang, "campaigns.create"), url: "/app/campaigns/new" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Box maxWidth="320px">
              <Select
                label={t(lang, "campaigns.filterStatus")}
                options={[
                  { label: t(lang, "campaigns.filterAll"), value: "" },
                  ...CAMPAIGN_STATUSES.map((s) => ({
                    label: t(lang, `campaigns.status.${s}` as MessageKey),
                    value: s,
                  })),
                ]}
                value={status ?? ""}
                onChange={(value) => go({ status: value || null, after: null })}
              />
            </Box>
            <Card padding="0">
              {campaigns.length === 0 && !cursor ? (
                <EmptyState
                  heading={t(lang, "campaigns.emptyTitle")}
                  action={{ content: t(lang, "campaigns.create"), url: "/app/campaigns/new" }}
                  image=""
                >
                  <Text as="p">{t(lang, "campaigns.emptyBody")}</Text>
                </EmptyState>
              ) : (
                <IndexTable
                  resourceName={{
                    singular: t(lang, "campaigns.resource"),
                    plural: t(lang, "campaigns.resources"),
                  }}
                  itemCount={campaigns.length}
                  selectable={false}
                  loading={loading}
                  headings={[
                    { title: t(lang, "campaigns.colName") },
                    { title: t(lang, "campaigns.colChannel") },
                    { title: t(lang, "campaigns.colLanguages") },
                    { title: t(lang, "campaigns.colSegment") },
                    { title: t(lang, "campaigns.colStatus") },
                    { title: t(lang, "campaigns.colCreated") },
                  ]}
                >
                  {campaigns.map((c, i) => (
                    <IndexTable.Row id={c.id} key={c.id} position={i}>
                      <IndexTable.Cell>
                        <InlineStack gap="200" blockAlign="center" wrap={false}>
                          <Link url={`/app/campaigns/${c.id}`} removeUnderline>
                            <Text as="span" fontWeight="semibold">
                              {c.name}
                            </Text>
                          </Link>
                          {c.hasVariantB ? <Badge tone="info">{t(lang, "campaigns.abTest")}</Badge> : null}
                          {c.offline ? <Badge>{t(lang, "marketing.offline")}</Badge> : null}
                        </InlineStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{t(lang, `channel.${c.channel}` as MessageKey)}</IndexTable.Cell>
                      <IndexTable.Cell>{c.languages.join(", ")}</IndexTable.Cell>
                      <IndexTable.Cell>{c.segmentName ?? t(lang, "marketing.allCustomers")}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge tone={STATUS_TONE[c.status]}>
                          {t(lang, `campaigns.status.${c.status}` as MessageKey)}
                        </Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{date(c.createdAt)}</IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
              )}
            </Card>
            {cursor || nextCursor ? (
              <InlineStack align="center">
                <Pagination
                  accessibilityLabel={t(lang, "campaigns.pagination")}
                  hasPrevious={Boolean(cursor)}
                  onPrevious={() => go({ after: null })}
                  hasNext={Boolean(nextCursor)}
                  onNext={() => go({ after: nextCursor })}
                />
              </InlineStack>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

import { useEffect } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import type { Language } from "@ninjalead/core/i18n";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  EmptyState,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { loadOverview, type IssueGroup } from "~/admin/seo-overview.server.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { services } from "~/services.server.js";
import { ensureShop } from "~/shops.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db, cache, logger } = await services();
  const shop = await ensureShop(db.prisma, session.shop);
  const overview = await loadOverview({
    prisma: db.prisma,
    cache,
    logger,
    shop: session.shop,
    shopLanguage: shop.primaryLocale,
  });
  return { lang: languageFromRequest(request), ...overview };
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "seo.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

const POLL_MS = 2_000;

export default function SeoOverview() {
  const data = useLoaderData<typeof loader>();
  const { lang, overview } = data;
  const revalidator = useRevalidator();
  // While the catalog is being audited in the background, check back until the result is in.
  useEffect(() => {
    if (!data.refreshing) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [data.refreshing, revalidator]);

  return (
    <Page title={t(lang, "seo.title")} backAction={{ content: t(lang, "home.title"), url: "/app" }}>
      <Layout>
        {data.state === "computing" ? (
          <Layout.Section>
            <Banner tone="info" title={t(lang, overview ? "seo.refreshing" : "seo.computing")}>
              <BlockStack gap="200">
                <Text as="p">
                  {t(lang, "seo.computingHelp", { audited: data.audited, total: data.total })}
                </Text>
                <ProgressBar
                  progress={data.total === 0 ? 0 : Math.round((data.audited / data.total) * 100)}
                  ariaLabelledBy="seo-progress"
                />
                <span id="seo-progress" hidden>
                  {t(lang, "seo.computing")}
                </span>
              </BlockStack>
            </Banner>
          </Layout.Section>
        ) : null}
        {overview && overview.products === 0 ? (
          <Layout.Section>
            <Card>
              <EmptyState heading={t(lang, "seo.empty")} image="">
                <Text as="p">{t(lang, "seo.emptyHelp")}</Text>
              </EmptyState>
            </Card>
          </Layout.Section>
        ) : null}
        {overview && overview.products > 0 ? (
          <>
            <Layout.Section>
              <Card>
                <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
                  <Figure label={t(lang, "seo.products")} value={overview.products} />
                  <Figure label={t(lang, "seo.averageSeo")} value={overview.averageSeoScore} />
                  <Figure
                    label={t(lang, "seo.averageReadability")}
                    value={overview.averageReadabilityScore}
                  />
                  <Figure
                    label={t(lang, "seo.imagesWithoutAlt")}
                    value={`${overview.missingAlt.withoutAlt} / ${overview.missingAlt.images}`}
                  />
                </InlineGrid>
              </Card>
            </Layout.Section>
            <Layout.Section>
              <BlockStack gap="400">
                <IssueCard
                  lang={lang}
                  titleKey="seo.duplicateTitles"
                  helpKey="seo.duplicateTitlesHelp"
                  groups={overview.duplicateSeoTitles}
                />
                <IssueCard
                  lang={lang}
                  titleKey="seo.duplicateMetas"
                  helpKey="seo.duplicateMetasHelp"
                  groups={overview.duplicateMetaDescriptions}
                />
                <IssueCard
                  lang={lang}
                  titleKey="seo.nearDuplicates"
                  helpKey="seo.nearDuplicatesHelp"
                  groups={overview.nearDuplicates}
                />
                <IssueCard
                  lang={lang}
                  titleKey="seo.cannibalisation"
                  helpKey="seo.cannibalisationHelp"
                  groups={overview.cannibalisation}
                />
                <Card>
                  <BlockStack gap="300">
                    <InlineStack align="space-between" blockAlign="center">
                      <Text as="h2" variant="headingMd">
                        {t(lang, "seo.missingAlt")}
                      </Text>
                      <Badge tone={overview.missingAlt.products > 0 ? "warning" : "success"}>
                        {t(lang, "seo.productsCount", { count: overview.missingAlt.products })}
                      </Badge>
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {t(lang, "seo.missingAltHelp")}
                    </Text>
                    <ProductLinks lang={lang} products={overview.missingAlt.examples} />
                  </BlockStack>
                </Card>
                <Text as="p" tone="subdued" variant="bodySm">
                  {t(lang, "seo.computedAt", { at: new Date(overview.computedAt).toLocaleString(lang) })}
                </Text>
              </BlockStack>
            </Layout.Section>
          </>
        ) : null}
      </Layout>
    </Page>
  );
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <BlockStack gap="050">
      <Text as="span" tone="subdued" variant="bodySm">
        {label}
      </Text>
      <Text as="span" variant="headingLg" numeric>
        {value}
      </Text>
    </BlockStack>
  );
}

/** One catalog-wide issue: its groups, each with the products to open and fix. */
function IssueCard({
  lang,
  titleKey,
  helpKey,
  groups,
}: {
  lang: Language;
  titleKey: MessageKey;
  helpKey: MessageKey;
  groups: IssueGroup[];
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t(lang, titleKey)}
          </Text>
          <Badge tone={groups.length > 0 ? "warning" : "success"}>
            {t(lang, "seo.groupsCount", { count: groups.length })}
          </Badge>
        </InlineStack>
        <Text as="p" tone="subdued">
          {t(lang, helpKey)}
        </Text>
        {groups.length === 0 ? (
          <Text as="p">{t(lang, "seo.noIssue")}</Text>
        ) : (
          groups.map((group, index) => (
            <BlockStack key={`${group.value}-${index}`} gap="100">
              <Text as="p" fontWeight="semibold" breakWord>
                {group.value
                  ? t(lang, "seo.groupValue", { value: group.value, count: group.count })
                  : t(lang, "seo.groupSimilar", {
                      count: group.count,
                      similarity: Math.round((group.similarity ?? 0) * 100),
                    })}
              </Text>
              <ProductLinks lang={lang} products={group.products} />
            </BlockStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}

function ProductLinks({ lang, products }: { lang: Language; products: { id: string; title: string }[] }) {
  return (
    <InlineStack gap="300" wrap>
      {products.map((p) => (
        <Link
          key={p.id}
          url={`/app/products/${p.id}`}
          accessibilityLabel={t(lang, "seo.fixProduct", { title: p.title })}
        >
          {p.title}
        </Link>
      ))}
    </InlineStack>
  );
}

export const ErrorBoundary = RouteErrorBanner;

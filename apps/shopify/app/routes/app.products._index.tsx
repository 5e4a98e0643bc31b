import { useEffect, useState } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Banner,
  Card,
  ChoiceList,
  EmptySearchResult,
  EmptyState,
  Filters,
  IndexTable,
  Layout,
  Link,
  Page,
  Text,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { PRODUCT_STATUSES, SEO_RATINGS } from "~/admin/product-filters.js";
import { listProducts, parseProductQuery } from "~/admin/products.server.js";
import { fillScores, issueCounts, scoreCoverage } from "~/admin/seo-scores.server.js";
import { ScoreBadge } from "~/components/ScoreBadge.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";
import { services } from "~/services.server.js";
import { ensureShop } from "~/shops.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db, logger } = await services();
  const shop = await ensureShop(db.prisma, session.shop);
  const query = parseProductQuery(new URL(request.url));
  const page = await listProducts(db.prisma, session.shop, shop.primaryLocale, query, logger);
  const lang = languageFromRequest(request);
  const [coverage, issues] = await Promise.all([
    scoreCoverage(db.prisma, session.shop),
    issueCounts(db.prisma, session.shop, lang),
  ]);
  if (coverage.scored < coverage.total) {
    // The rest of the catalog is scored in the background, so the rating filter covers it soon.
    fillScores(db.prisma, session.shop, shop.primaryLocale, logger).catch((error: unknown) =>
      logger.error("seo score fill failed", { shop: session.shop, error: String(error) }),
    );
  }
  return { lang, query, page, coverage, issues };
};

const STATUS_KEY = { ACTIVE: "status.active", DRAFT: "status.draft", ARCHIVED: "status.archived" } as const;
const RATING_KEY = { good: "score.good", ok: "score.ok", bad: "score.bad" } as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "products.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

export default function Products() {
  const { lang, query, page, coverage, issues } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const [search, setSearch] = useState(query.q ?? "");

  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, value);
    }
    navigate(`?${next.toString()}`, { replace: true });
  };

  // Search as the merchant types, once they pause (only the typed text triggers a search).
  useEffect(() => {
    if (search === (query.q ?? "")) return;
    const timer = setTimeout(() => go({ q: search }), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const statusLabel = (s: string) =>
    s in STATUS_KEY ? t(lang, STATUS_KEY[s as keyof typeof STATUS_KEY]) : s;
  const filtered = Boolean(query.q ?? query.rating ?? query.status ?? query.issue);
  const issueLabel = (id: string) => issues.find((i) => i.id === id)?.fix ?? id;
  const appliedFilters = [
    ...(query.rating
      ? [
          {
            key: "rating",
            label: t(lang, "products.filterRatingApplied", { rating: t(lang, RATING_KEY[query.rating]) }),
            onRemove: () => go({ rating: undefined }),
          },
        ]
      : []),
    ...(query.issue
      ? [
          {
            key: "issue",
            label: t(lang, "products.filterIssueApplied", { issue: issueLabel(query.issue) }),
            onRemove: () => go({ issue: undefined }),
          },
        ]
      : []),
    ...(query.status
      ? [
          {
            key: "status",
            label: t(lang, "products.filterStatusApplied", { status: statusLabel(query.status) }),
            onRemove: () => go({ status: undefined }),
          },
        ]
      : []),
  ];

  const emptyState = filtered ? (
    <EmptySearchResult
      title={t(lang, "products.noResults")}
      description={t(lang, "products.noResultsHelp")}
      withIllustration
    />
  ) : (
    <EmptyState heading={t(lang, "products.empty")} image="">
      <Text as="p">{t(lang, "products.emptyHelp")}</Text>
    </EmptyState>
  );

  return (
    <Page title={t(lang, "products.title")} backAction={{ content: t(lang, "home.title"), url: "/app" }}>
      <Layout>
        {coverage.scored < coverage.total ? (
          <Layout.Section>
            <Banner tone="info" title={t(lang, "products.scoring")}>
              <Text as="p">
                {t(lang, "products.scoringHelp", { scored: coverage.scored, total: coverage.total })}
              </Text>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card padding="0">
            <Filters
              queryValue={search}
              queryPlaceholder={t(lang, "products.search")}
              onQueryChange={setSearch}
              onQueryClear={() => {
                setSearch("");
                go({ q: undefined });
              }}
              onClearAll={() => {
                setSearch("");
                go({ q: undefined, rating: undefined, issue: undefined, status: undefined });
              }}
              filters={[
                {
                  key: "rating",
                  label: t(lang, "products.filterRating"),
                  shortcut: true,
                  filter: (
                    <ChoiceList
                      title={t(lang, "products.filterRating")}
                      titleHidden
                      choices={SEO_RATINGS.map((r) => ({
                        label: t(lang, RATING_KEY[r]),
                        value: r,
                      }))}
                      selected={query.rating ? [query.rating] : []}
                      onChange={([value]) => go({ rating: value })}
                    />
                  ),
                },
                {
                  key: "issue",
                  label: t(lang, "products.filterIssue"),
                  shortcut: true,
                  filter: (
                    <ChoiceList
                      title={t(lang, "products.filterIssue")}
                      titleHidden
                      choices={issues.map((i) => ({
                        label: t(lang, "products.issueChoice", { issue: i.fix, count: i.products }),
                        value: i.id,
                      }))}
                      selected={query.issue ? [query.issue] : []}
                      onChange={([value]) => go({ issue: value })}
                    />
                  ),
                },
                {
                  key: "status",
                  label: t(lang, "products.filterStatus"),
                  shortcut: true,
                  filter: (
                    <ChoiceList
                      title={t(lang, "products.filterStatus")}
                      titleHidden
                      choices={PRODUCT_STATUSES.map((s) => ({ label: statusLabel(s), value: s }))}
                      selected={query.status ? [query.status] : []}
                      onChange={([value]) => go({ status: value })}
                    />
                  ),
                },
              ]}
              appliedFilters={appliedFilters}
            />
            <IndexTable
              resourceName={{ singular: t(lang, "products.one"), plural: t(lang, "products.many") }}
              itemCount={page.rows.length}
              selectable={false}
              loading={navigation.state === "loading"}
              emptyState={emptyState}
              headings={[
                { title: t(lang, "products.colProduct") },
                { title: t(lang, "products.colStatus") },
                { title: t(lang, "products.colSeo"), alignment: "end" },
                { title: t(lang, "products.colReadability"), alignment: "end" },
                { title: t(lang, "products.colRating") },
              ]}
              pagination={{
                hasPrevious: page.previous !== null,
                hasNext: page.next !== null,
                onPrevious: () => {
                  const next = new URLSearchParams(params);
                  next.delete("after");
                  next.set("before", page.previous ?? "");
                  navigate(`?${next.toString()}`);
                },
                onNext: () => {
                  const next = new URLSearchParams(params);
                  next.delete("before");
                  next.set("after", page.next ?? "");
                  navigate(`?${next.toString()}`);
                },
              }}
            >
              {page.rows.map((row, index) => (
                <IndexTable.Row id={row.id} key={row.id} position={index}>
                  <IndexTable.Cell>
                    <Link url={`/app/products/${row.id}`} removeUnderline dataPrimaryLink>
                      <Text as="span" fontWeight="semibold">
                        {row.title}
                      </Text>
                    </Link>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{statusLabel(row.status)}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {row.seoScore ?? "–"}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {row.readabilityScore ?? "–"}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <ScoreBadge lang={lang} rating={row.rating} />
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

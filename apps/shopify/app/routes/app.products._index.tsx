import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  useActionData,
  useLoaderData,
  useNavigate,
  useNavigation,
  useSearchParams,
  useSubmit,
} from "@remix-run/react";
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
  useIndexResourceState,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { recentFixJobs, startBulkFix } from "~/admin/bulk-fix.server.js";
import { PRODUCT_STATUSES, SEO_RATINGS } from "~/admin/product-filters.js";
import { listProducts, parseProductQuery } from "~/admin/products.server.js";
import { catalogFigures, describeIssues, forgetCatalogFigures } from "~/admin/catalog-figures.server.js";
import { fillScores } from "~/admin/seo-scores.server.js";
import { ScoreBadge } from "~/components/ScoreBadge.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";
import { appContext, services } from "~/services.server.js";
import { ensureShop } from "~/shops.server.js";
import { staffActor } from "~/trust/actor.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db, cache, logger } = await services();
  const shop = await ensureShop(db.prisma, session.shop);
  const query = parseProductQuery(new URL(request.url));
  const page = await listProducts(db.prisma, session.shop, shop.primaryLocale, query, logger);
  const lang = languageFromRequest(request);
  const [figures, fixJobs] = await Promise.all([
    catalogFigures(db.prisma, cache, session.shop),
    recentFixJobs(db.prisma, session.shop, 1),
  ]);
  const { coverage } = figures;
  const issues = describeIssues(figures.issues, lang);
  if (coverage.scored < coverage.total) {
    // The rest of the catalog is scored in the background, so the rating filter covers it soon.
    fillScores(db.prisma, session.shop, shop.primaryLocale, logger)
      .then(() => forgetCatalogFigures(cache, session.shop))
      .catch((error: unknown) =>
        logger.error("seo score fill failed", { shop: session.shop, error: String(error) }),
      );
  }
  return { lang, query, page, coverage, issues, activeFix: fixJobs[0] ?? null };
};

/** Bulk "Fix with AI": starts the job and opens its page (progress, then the review). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const { db } = await services();
  const started = await startBulkFix({
    prisma: db.prisma,
    queue: appContext().queues.ai,
    shop: session.shop,
    actor: staffActor(session, demo),
    form: await request.formData(),
  });
  return started.ok ? redirect(`/app/products/fixes/${started.jobId}`) : started;
};

const STATUS_KEY = { ACTIVE: "status.active", DRAFT: "status.draft", ARCHIVED: "status.archived" } as const;
const RATING_KEY = { good: "score.good", ok: "score.ok", bad: "score.bad" } as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "products.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

export default function Products() {
  const { lang, query, page, coverage, issues, activeFix } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const submit = useSubmit();
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(page.rows);
  // A new page of rows is a new selection.
  useEffect(() => clearSelection(), [page.rows[0]?.id]);
  const fixSelected = () => {
    const form = new FormData();
    if (allResourcesSelected) {
      // "Select all N+ products": every product matching the filters, resolved on the server.
      form.set("scope", "all");
      for (const key of ["q", "rating", "issue", "status"] as const) {
        const value = query[key];
        if (value) form.set(key, value);
      }
    } else for (const id of selectedResources) form.append("ids[]", id);
    submit(form, { method: "post" });
  };
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
        {refused && !refused.ok ? (
          <Layout.Section>
            <Banner tone="critical" title={t(lang, "fixes.errorTitle")}>
              <Text as="p">{t(lang, refused.errors.ids.key, refused.errors.ids.params)}</Text>
            </Banner>
          </Layout.Section>
        ) : null}
        {activeFix ? (
          <Layout.Section>
            <Banner
              tone={activeFix.status === "running" || activeFix.status === "queued" ? "info" : "success"}
              title={t(lang, "fixes.latest", {
                done: activeFix.done + activeFix.failed,
                total: activeFix.total,
              })}
              action={{ content: t(lang, "fixes.open"), url: `/app/products/fixes/${activeFix.id}` }}
            />
          </Layout.Section>
        ) : null}
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
              hasMoreItems={page.next !== null || page.previous !== null}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              promotedBulkActions={[{ content: t(lang, "fixes.fixWithAi"), onAction: fixSelected }]}
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
                <IndexTable.Row
                  id={row.id}
                  key={row.id}
                  position={index}
                  selected={selectedResources.includes(row.id)}
                >
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

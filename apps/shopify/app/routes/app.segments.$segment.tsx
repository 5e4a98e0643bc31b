import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { segmentLabel } from "@ninjalead/core/segments";
import { Card, EmptyState, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { parseSegment, segmentCustomers } from "~/admin/segments.server.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";
import { services } from "~/services.server.js";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const segment = parseSegment(params.segment);
  if (!segment) throw new Response(null, { status: 404 });
  const raw = new URL(request.url).searchParams.get("page") ?? "1";
  const page = /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const { db, cache, logger } = await services();
  const lang = languageFromRequest(request);
  const customers = await segmentCustomers(db.prisma, cache, session.shop, segment, page, logger);
  return { lang, segment, label: segmentLabel(segment, lang), customers };
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.label.name} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

export default function SegmentCustomers() {
  const { lang, segment, label, customers } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const money = (amount: string) =>
    new Intl.NumberFormat(lang, { style: "currency", currency: customers?.currency ?? "USD" }).format(
      Number(amount),
    );
  const date = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(iso)) : "–";
  const country = (code: string | null) => {
    if (!code) return "–";
    try {
      return new Intl.DisplayNames([lang], { type: "region" }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const page = customers?.page ?? 1;
  const pages = customers?.pages ?? 1;

  return (
    <Page
      title={label.name}
      subtitle={customers ? t(lang, "segment.count", { count: customers.total }) : label.description}
      backAction={{ content: t(lang, "segment.back"), url: "/app/segments" }}
      pagination={{
        hasPrevious: page > 1,
        hasNext: page < pages,
        onPrevious: () => navigate(`/app/segments/${segment}?page=${page - 1}`),
        onNext: () => navigate(`/app/segments/${segment}?page=${page + 1}`),
      }}
    >
      <Layout>
        <Layout.Section>
          <Text as="p" tone="subdued">
            {label.description}
          </Text>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <IndexTable
              resourceName={{ singular: t(lang, "segment.one"), plural: t(lang, "segment.many") }}
              itemCount={customers?.rows.length ?? 0}
              selectable={false}
              loading={navigation.state === "loading"}
              emptyState={
                <EmptyState heading={t(lang, "segment.none")} image="">
                  <Text as="p">{t(lang, "segment.noneHelp")}</Text>
                </EmptyState>
              }
              headings={[
                { title: t(lang, "segment.colName") },
                { title: t(lang, "segment.colCountry") },
                { title: t(lang, "segment.colOrders"), alignment: "end" },
                { title: t(lang, "segment.colSpent"), alignment: "end" },
                { title: t(lang, "segment.colLastOrder") },
              ]}
            >
              {(customers?.rows ?? []).map((row, index) => (
                <IndexTable.Row id={row.id} key={row.id} position={index}>
                  <IndexTable.Cell>
                    {row.firstName ?? (
                      <Text as="span" tone="subdued">
                        {t(lang, "segment.noName")}
                      </Text>
                    )}
                  </IndexTable.Cell>
                  <IndexTable.Cell>{country(row.country)}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {row.orders}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {money(row.spent)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{date(row.lastOrderAt)}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Text as="p" tone="subdued" variant="bodySm">
            {t(lang, "segment.privacy")}
          </Text>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = RouteErrorBanner;

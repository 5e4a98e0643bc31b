import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { normalizeLanguage, type Language } from "@ninjalead/core/i18n";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  DataTable,
  EmptyState,
  FormLayout,
  IndexTable,
  InlineStack,
  Layout,
  Link,
  List,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { aiForShop } from "~/ai.server.js";
import {
  createImport,
  importDefaults,
  importPrefill,
  listImports,
  previewImport,
  type ImportFormField,
  type ImportPreviewView,
} from "~/admin/import.server.js";
import type { ImportPricingForm } from "~/admin/import-form.js";
import { BeforeAfter } from "~/components/BeforeAfter.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { ScoreBadge } from "~/components/ScoreBadge.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { appContext, services } from "~/services.server.js";
import { ensureShop } from "~/shops.server.js";
import { staffActor } from "~/trust/actor.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  const reimport = new URL(request.url).searchParams.get("reimport");
  const prefill = reimport ? await importPrefill(db.prisma, session.shop, reimport) : null;
  return {
    lang: languageFromRequest(request),
    history: await listImports(db.prisma, session.shop),
    prefill,
    // The pricing defaults saved in Settings.
    defaults: await importDefaults(db.prisma, session.shop),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const { db } = await services();
  const shop = await ensureShop(db.prisma, session.shop);
  const form = await request.formData();
  const deps = {
    prisma: db.prisma,
    admin: appContext().admin(session.shop),
    ai: await aiForShop(session.shop),
    shop: session.shop,
    contentLanguage: normalizeLanguage(shop.primaryLocale),
    language: languageFromRequest(request),
  };
  if (form.get("intent") === "create") {
    return createImport({ ...deps, actor: staffActor(session, demo) }, form);
  }
  return previewImport(deps, form);
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "import.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

/** The label of a previewed productSet field. */
function fieldKey(field: string): MessageKey {
  switch (field) {
    case "handle":
      return "import.field.handle";
    case "descriptionHtml":
      return "import.field.descriptionHtml";
    case "seo.title":
      return "import.field.seoTitle";
    case "seo.description":
      return "import.field.seoDescription";
    case "productOptions":
      return "import.field.productOptions";
    case "variants":
      return "import.field.variants";
    default:
      return "import.field.title";
  }
}

export default function Import() {
  const { lang, history, prefill, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const busyIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const [source, setSource] = useState(prefill?.source ?? "");
  const [pricing, setPricing] = useState<ImportPricingForm>(prefill ?? defaults);
  // Re-import from the history fills the form with what that import used.
  useEffect(() => {
    if (prefill) {
      setSource(prefill.source);
      setPricing(prefill);
    }
  }, [prefill]);

  const set = (field: keyof ImportPricingForm) => (value: string) =>
    setPricing((p) => ({ ...p, [field]: value }));
  const send = (intent: "preview" | "create") => submit({ intent, source, ...pricing }, { method: "post" });
  const error = (field: ImportFormField) => {
    const e = result && !result.ok ? result.fieldErrors[field] : undefined;
    return e ? t(lang, e.key, e.params) : undefined;
  };
  const preview =
    result?.ok && (result.kind === "preview" || result.kind === "created") ? result.preview : null;
  const currency = preview?.currency ?? "";
  const date = (iso: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

  return (
    <Page title={t(lang, "import.title")} backAction={{ content: t(lang, "home.title"), url: "/app" }}>
      <Layout>
        {result?.ok && result.kind === "created" ? (
          <Layout.Section>
            <Banner
              tone="success"
              title={t(lang, result.update ? "import.updated" : "import.created")}
              action={{
                content: t(lang, "import.viewProduct"),
                url: `/app/products/${result.productGid.split("/").at(-1) ?? ""}`,
              }}
            />
          </Layout.Section>
        ) : null}
        {result && !result.ok && result.storeErrors ? (
          <Layout.Section>
            <Banner tone="critical" title={t(lang, "import.storeError")}>
              <List>
                {result.storeErrors.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            </Banner>
          </Layout.Section>
        ) : null}
        {prefill ? (
          <Layout.Section>
            <Banner tone="info" title={t(lang, "import.prefilled")} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="400">
                <Text as="p">{t(lang, "import.intro")}</Text>
                <FormLayout>
                  <TextField
                    label={t(lang, "import.source")}
                    helpText={t(lang, "import.sourceHelp")}
                    value={source}
                    onChange={setSource}
                    multiline={8}
                    maxHeight={320}
                    monospaced
                    autoComplete="off"
                    error={error("source")}
                  />
                  <Text as="h2" variant="headingMd">
                    {t(lang, "import.pricing")}
                  </Text>
                  <FormLayout.Group>
                    <TextField
                      label={t(lang, "import.multiplier")}
                      helpText={t(lang, "import.multiplierHelp")}
                      value={pricing.multiplier}
                      onChange={set("multiplier")}
                      inputMode="decimal"
                      autoComplete="off"
                      error={error("multiplier")}
                    />
                    <TextField
                      label={t(lang, "import.minimumMargin")}
                      helpText={t(lang, "import.minimumMarginHelp")}
                      value={pricing.minimumMargin}
                      onChange={set("minimumMargin")}
                      inputMode="decimal"
                      autoComplete="off"
                      error={error("minimumMargin")}
                    />
                  </FormLayout.Group>
                  <FormLayout.Group>
                    <Select
                      label={t(lang, "import.ending")}
                      options={[
                        { label: ".99", value: ".99" },
                        { label: ".95", value: ".95" },
                        { label: t(lang, "import.endingWhole"), value: "whole" },
                        { label: t(lang, "import.endingNone"), value: "none" },
                      ]}
                      value={pricing.ending}
                      onChange={set("ending")}
                      error={error("ending")}
                    />
                    <Select
                      label={t(lang, "import.compareAt")}
                      options={[
                        { label: t(lang, "import.compareAtNone"), value: "none" },
                        { label: t(lang, "import.compareAtSupplier"), value: "supplier" },
                      ]}
                      value={pricing.compareAt}
                      onChange={set("compareAt")}
                      error={error("compareAt")}
                    />
                    <TextField
                      label={t(lang, "import.rate")}
                      helpText={t(lang, "import.rateHelp", { currency: currency || "–" })}
                      value={pricing.rate}
                      onChange={set("rate")}
                      inputMode="decimal"
                      autoComplete="off"
                      error={error("rate")}
                    />
                  </FormLayout.Group>
                  <Checkbox
                    label={t(lang, "import.optimise")}
                    helpText={t(lang, "import.optimiseHelp")}
                    checked={pricing.optimise === "on"}
                    onChange={(checked) => setPricing((p) => ({ ...p, optimise: checked ? "on" : "off" }))}
                  />
                  <InlineStack align="end" gap="200">
                    <Button onClick={() => send("preview")} loading={busyIntent === "preview"}>
                      {t(lang, "import.preview")}
                    </Button>
                    <Button
                      variant="primary"
                      onClick={() => send("create")}
                      loading={busyIntent === "create"}
                      disabled={!preview}
                    >
                      {t(
                        lang,
                        preview?.update || (result?.ok && result.kind === "created")
                          ? "import.update"
                          : "import.create",
                      )}
                    </Button>
                  </InlineStack>
                </FormLayout>
              </BlockStack>
            </Card>
            {result?.ok && result.kind === "urls" ? (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t(lang, "import.urlsTitle")}
                  </Text>
                  <Banner tone="warning">{t(lang, "import.urlsHelp")}</Banner>
                  <List>
                    {result.urls.map((u) => (
                      <List.Item key={u.input}>
                        <BlockStack gap="050">
                          <Text as="span" breakWord>
                            {u.input}
                          </Text>
                          <Text as="span" tone={u.productId ? "success" : "critical"}>
                            {u.productId ? t(lang, "import.urlProductId", { id: u.productId }) : u.error}
                          </Text>
                        </BlockStack>
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
              </Card>
            ) : null}
            {preview ? <PreviewCards lang={lang} preview={preview} /> : null}
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <BlockStack>
              <div style={{ padding: "var(--p-space-400)" }}>
                <Text as="h2" variant="headingMd">
                  {t(lang, "import.history")}
                </Text>
              </div>
              <IndexTable
                resourceName={{ singular: t(lang, "import.colProduct"), plural: t(lang, "import.history") }}
                itemCount={history.length}
                selectable={false}
                emptyState={
                  <EmptyState heading={t(lang, "import.historyEmpty")} image="">
                    <Text as="p">{t(lang, "import.historyEmptyHelp")}</Text>
                  </EmptyState>
                }
                headings={[
                  { title: t(lang, "import.colProduct") },
                  { title: t(lang, "import.colSource") },
                  { title: t(lang, "import.colVariants"), alignment: "end" },
                  { title: t(lang, "import.colImports"), alignment: "end" },
                  { title: t(lang, "import.colUpdated") },
                  { title: t(lang, "import.reimport") },
                ]}
              >
                {history.map((row, index) => (
                  <IndexTable.Row id={row.sourceId} key={row.sourceId} position={index}>
                    <IndexTable.Cell>
                      <Link url={`/app/products/${row.productId}`} removeUnderline>
                        <Text as="span" fontWeight="semibold">
                          {row.title}
                        </Text>
                      </Link>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{row.sourceId}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {row.variantCount}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {row.importCount}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{date(row.updatedAt)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Button url={`/app/import?reimport=${encodeURIComponent(row.sourceId)}`} size="slim">
                        {t(lang, "import.reimport")}
                      </Button>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** The plan as the merchant checks it: texts before/after, variants with prices and margins, warnings. */
function PreviewCards({ lang, preview }: { lang: Language; preview: ImportPreviewView }) {
  const money = (amount: string | null) =>
    amount === null
      ? "–"
      : new Intl.NumberFormat(lang, { style: "currency", currency: preview.currency }).format(Number(amount));
  const supplierMoney = (amount: string) =>
    new Intl.NumberFormat(lang, { style: "currency", currency: preview.supplierCurrency }).format(
      Number(amount),
    );
  const percent = (fraction: string) =>
    new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(Number(fraction));

  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h2" variant="headingMd">
              {t(lang, "import.previewTitle")}
            </Text>
            <InlineStack gap="200" blockAlign="center">
              <Text as="span" tone="subdued">
                {t(lang, "import.scores", { seo: preview.seoScore, readability: preview.readabilityScore })}
              </Text>
              <ScoreBadge lang={lang} rating={preview.rating} />
            </InlineStack>
          </InlineStack>
          {preview.update ? <Banner tone="info">{t(lang, "import.updateNotice")}</Banner> : null}
          {preview.ai ? (
            <InlineStack gap="200" blockAlign="center">
              {preview.ai.provider === "offline" ? (
                <Badge tone="info">{t(lang, "import.aiOffline")}</Badge>
              ) : null}
              <Text as="span">
                {preview.ai.accepted.length > 0
                  ? t(lang, "import.aiAccepted", { fields: preview.ai.accepted.join(", ") })
                  : t(lang, "import.aiNone")}
              </Text>
              {preview.ai.provider === "offline" ? (
                <Text as="span" tone="subdued" variant="bodySm">
                  {t(lang, "import.aiOfflineHelp")}
                </Text>
              ) : null}
            </InlineStack>
          ) : null}
          <Text as="h3" variant="headingSm">
            {t(lang, "import.fields")}
          </Text>
          <BeforeAfter
            headings={{
              field: t(lang, "import.colField"),
              before: t(lang, "import.colBefore"),
              after: t(lang, "import.colAfter"),
            }}
            rows={preview.fields.map((f) => ({
              key: f.field,
              label: t(lang, fieldKey(f.field)),
              before: f.before,
              after: f.changed ? f.after : `${f.before} (${t(lang, "import.unchanged")})`,
            }))}
          />
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t(lang, "import.variants")}
          </Text>
          <Text as="p" tone="subdued">
            {t(lang, "import.margins", {
              min: percent(preview.margins.min),
              max: percent(preview.margins.max),
              average: percent(preview.margins.average),
            })}
          </Text>
          <DataTable
            columnContentTypes={[
              "text",
              "text",
              "numeric",
              "numeric",
              "numeric",
              "numeric",
              "numeric",
              "numeric",
            ]}
            headings={[
              t(lang, "import.colVariant"),
              t(lang, "import.colSku"),
              t(lang, "import.colCost"),
              t(lang, "import.colPrice"),
              t(lang, "import.colCompareAt"),
              t(lang, "import.colMargin"),
              t(lang, "import.colProfit"),
              t(lang, "import.colStock"),
            ]}
            rows={preview.variants.map((v) => [
              v.options.join(" / "),
              v.sku,
              `${money(v.landedCost)} (${supplierMoney(v.supplierCost)})`,
              money(v.price),
              money(v.compareAtPrice),
              percent(v.margin),
              money(v.profit),
              v.stock,
            ])}
          />
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t(lang, "import.warnings")}
          </Text>
          {preview.warnings.length === 0 ? (
            <Text as="p" tone="subdued">
              {t(lang, "import.noWarnings")}
            </Text>
          ) : (
            <List>
              {preview.warnings.map((w) => (
                <List.Item key={`${w.code}-${w.field}-${w.message}`}>{w.message}</List.Item>
              ))}
            </List>
          )}
        </BlockStack>
      </Card>
    </BlockStack>
  );
}

export const ErrorBoundary = RouteErrorBanner;

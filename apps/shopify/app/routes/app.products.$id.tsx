import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { LANGUAGE_NAMES, type Language } from "@ninjalead/core/i18n";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { aiForShop } from "~/ai.server.js";
import {
  loadProductDetail,
  saveAltTexts,
  saveProductSeo,
  suggestProductSeo,
} from "~/admin/product-detail.server.js";
import { AltTextsCard } from "~/components/AltTextsCard.js";
import { AuditChecklist } from "~/components/AuditChecklist.js";
import { GooglePreview } from "~/components/GooglePreview.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { TitledCard } from "~/components/TitledCard.js";
import { ScoreBadge } from "~/components/ScoreBadge.js";
import { StoreErrorsBanner } from "~/components/StoreErrorsBanner.js";
import { SuggestionBox } from "~/components/SuggestionBox.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { appContext, services } from "~/services.server.js";
import { ensureShop } from "~/shops.server.js";
import {
  isStorefrontIntent,
  loadProductStorefront,
  runStorefrontAction,
  type ProductStorefront,
  type StorefrontResult,
} from "~/storefront/product-faq.server.js";
import { staffActor } from "~/trust/actor.server.js";

function productId(raw: string | undefined): bigint {
  if (!raw || !/^\d{1,20}$/.test(raw)) throw new Response(null, { status: 404 });
  return BigInt(raw);
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const id = productId(params.id);
  const { db, logger } = await services();
  const shop = await ensureShop(db.prisma, session.shop);
  const lang = languageFromRequest(request);
  const product = await loadProductDetail(db.prisma, session.shop, id, shop.primaryLocale, lang, logger);
  if (!product) throw new Response(null, { status: 404 });
  const storefront = await loadProductStorefront(db.prisma, session.shop, id);
  return { lang, product, storefront };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const id = productId(params.id);
  const { db } = await services();
  const form = await request.formData();
  if (isStorefrontIntent(form.get("intent"))) {
    return runStorefrontAction({
      ctx: appContext(),
      ai: () => aiForShop(session.shop),
      shop: session.shop,
      productId: id,
      form,
      actor: staffActor(session, demo),
    });
  }
  if (form.get("intent") === "suggest") {
    const shop = await ensureShop(db.prisma, session.shop);
    const suggestions = await suggestProductSeo({
      prisma: db.prisma,
      ai: await aiForShop(session.shop),
      shop: session.shop,
      productId: id,
      shopLanguage: shop.primaryLocale,
    });
    if (!suggestions) throw new Response(null, { status: 404 });
    return { intent: "suggest" as const, suggestions };
  }
  if (form.get("intent") === "alts") {
    const saved = await saveAltTexts({
      prisma: db.prisma,
      admin: appContext().admin(session.shop),
      shop: session.shop,
      productId: id,
      form,
      actor: staffActor(session, demo),
    });
    return { intent: "alts" as const, ...saved };
  }
  const saved = await saveProductSeo({
    prisma: db.prisma,
    admin: appContext().admin(session.shop),
    shop: session.shop,
    productId: id,
    form,
    actor: staffActor(session, demo),
  });
  return { intent: "save" as const, ...saved };
};

const CHARS = { seoTitle: 70, seoDescription: 320 } as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.product.title} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

export default function ProductDetail() {
  const { lang, product, storefront } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData?.intent === "save" ? actionData : undefined;
  const suggest = useFetcher<typeof action>({ key: "seo-suggestions" });
  const suggestions = suggest.data?.intent === "suggest" ? suggest.data.suggestions : null;
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const [seoTitle, setSeoTitle] = useState(product.seoTitle);
  const [seoDescription, setSeoDescription] = useState(product.seoDescription);
  // A save reloads the product: show what the store now holds.
  useEffect(() => {
    setSeoTitle(product.seoTitle);
    setSeoDescription(product.seoDescription);
  }, [product.seoTitle, product.seoDescription]);

  const fieldError = (field: "seoTitle" | "seoDescription") => {
    const key = result && !result.ok ? result.fieldErrors[field] : undefined;
    return key ? t(lang, key) : undefined;
  };
  const seoChecks = product.checks.filter((c) => c.category === "seo");
  const readabilityChecks = product.checks.filter((c) => c.category === "readability");
  const r = product.research;
  const figures: [MessageKey, string | number][] = [
    ["readability.words", r.wordCount],
    ["readability.sentences", r.sentenceCount],
    ["readability.paragraphs", r.paragraphCount],
    ["readability.averageSentence", r.averageSentenceLength],
    ["readability.ease", r.readingEase ?? "–"],
    ["readability.longSentences", r.longSentences],
    ["readability.passive", r.passiveSentences],
    ["readability.transitions", r.transitionSentences],
    ["readability.imagesWithoutAlt", `${r.imagesWithoutAlt} / ${r.imageCount}`],
  ];

  return (
    <Page
      title={product.title}
      backAction={{ content: t(lang, "products.title"), url: "/app/products" }}
      titleMetadata={<ScoreBadge lang={lang} rating={product.rating} />}
      subtitle={t(lang, "product.scores", { seo: product.seoScore, readability: product.readabilityScore })}
    >
      <Layout>
        {result?.ok ? (
          <Layout.Section>
            <Banner tone="success" title={t(lang, "product.saved")} />
          </Layout.Section>
        ) : null}
        {result && !result.ok && result.storeErrors ? (
          <Layout.Section>
            <StoreErrorsBanner title={t(lang, "product.errorStore")} messages={result.storeErrors} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="save" />
                <BlockStack gap="400">
                  <Text as="h2" variant="headingMd">
                    {t(lang, "product.editTitle")}
                  </Text>
                  <TextField
                    label={t(lang, "product.seoTitle")}
                    name="seoTitle"
                    value={seoTitle}
                    onChange={setSeoTitle}
                    autoComplete="off"
                    showCharacterCount
                    helpText={t(lang, "product.seoTitleHelp", { max: CHARS.seoTitle })}
                    error={fieldError("seoTitle")}
                  />
                  {suggestions?.seoTitle ? (
                    <SuggestionBox
                      lang={lang}
                      provider={suggestions.provider}
                      text={suggestions.seoTitle}
                      onUse={setSeoTitle}
                    />
                  ) : null}
                  <TextField
                    label={t(lang, "product.metaDescription")}
                    name="seoDescription"
                    value={seoDescription}
                    onChange={setSeoDescription}
                    autoComplete="off"
                    multiline={3}
                    showCharacterCount
                    helpText={t(lang, "product.metaDescriptionHelp", { max: CHARS.seoDescription })}
                    error={fieldError("seoDescription")}
                  />
                  {suggestions?.seoDescription ? (
                    <SuggestionBox
                      lang={lang}
                      provider={suggestions.provider}
                      text={suggestions.seoDescription}
                      onUse={setSeoDescription}
                    />
                  ) : null}
                  {suggestions && !suggestions.seoTitle && !suggestions.seoDescription ? (
                    <Text as="p" tone="subdued">
                      {t(lang, "product.noSuggestions")}
                    </Text>
                  ) : null}
                  <InlineStack align="end" gap="200">
                    <Button
                      loading={suggest.state !== "idle"}
                      onClick={() => suggest.submit({ intent: "suggest" }, { method: "post" })}
                    >
                      {t(lang, "product.suggest")}
                    </Button>
                    <Button submit variant="primary" loading={saving}>
                      {t(lang, "product.save")}
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>
            <AltTextsCard
              lang={lang}
              images={product.images}
              suggestions={suggestions}
              productTitle={product.title}
            />
            <StorefrontSection lang={lang} storefront={storefront} />
            <TitledCard title={t(lang, "product.seoChecks")}>
              <AuditChecklist lang={lang} items={seoChecks} />
            </TitledCard>
            <TitledCard title={t(lang, "product.readabilityChecks")}>
              <AuditChecklist lang={lang} items={readabilityChecks} />
            </TitledCard>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <TitledCard title={t(lang, "product.googlePreview")}>
              <GooglePreview preview={product.preview} />
            </TitledCard>
            <TitledCard title={t(lang, "product.readability")}>
              <InlineGrid columns={2} gap="200">
                {figures.map(([key, value]) => (
                  <BlockStack key={key} gap="050">
                    <Text as="span" tone="subdued" variant="bodySm">
                      {t(lang, key)}
                    </Text>
                    <Text as="span" variant="headingSm" numeric>
                      {value}
                    </Text>
                  </BlockStack>
                ))}
              </InlineGrid>
            </TitledCard>
            <TitledCard title={t(lang, "product.jsonLd")}>
              <Box background="bg-surface-secondary" padding="200" borderRadius="200" overflowX="scroll">
                <pre style={{ margin: 0, fontSize: 12 }} tabIndex={0} aria-label={t(lang, "product.jsonLd")}>
                  {product.jsonLd}
                </pre>
              </Box>
            </TitledCard>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

const DONE: Record<StorefrontResult["intent"], MessageKey> = {
  "faq-generate": "storefront.doneGenerate",
  "faq-save": "storefront.doneSave",
  "faq-publish": "storefront.donePublish",
  "faq-unpublish": "storefront.doneUnpublish",
  "jsonld-publish": "storefront.doneJsonLd",
};

interface EditableItem {
  question: string;
  answer: string;
}

/** FAQ per language (generate → review/edit → publish) and the structured data, for the storefront. */
function StorefrontSection({ lang, storefront }: { lang: Language; storefront: ProductStorefront }) {
  const fetcher = useFetcher<StorefrontResult>({ key: "storefront" });
  const [language, setLanguage] = useState<Language>(storefront.languages[0] ?? "en");
  const faq = storefront.faqs.find((f) => f.language === language);
  const [items, setItems] = useState<EditableItem[]>(faq?.items ?? []);
  const saved = JSON.stringify(faq?.items ?? []);
  // Switching language or a reload after an action shows what is stored.
  useEffect(() => {
    setItems(JSON.parse(saved) as EditableItem[]);
  }, [language, saved]);
  const result = fetcher.data;
  const busy = fetcher.state !== "idle";
  const errorOf = (path: string) => {
    const key = result && !result.ok ? result.fieldErrors[path] : undefined;
    return key ? t(lang, key) : undefined;
  };
  const submit = (intent: StorefrontResult["intent"], withItems = false) => {
    const data = new FormData();
    data.set("intent", intent);
    data.set("language", language);
    if (withItems) {
      for (const item of items) {
        data.append("question", item.question);
        data.append("answer", item.answer);
      }
    }
    fetcher.submit(data, { method: "post" });
  };
  const update = (index: number, field: keyof EditableItem, value: string) =>
    setItems((current) => current.map((item, i) => (i === index ? { ...item, [field]: value } : item)));

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t(lang, "storefront.title")}
          </Text>
          <Text as="p" tone="subdued">
            {t(lang, "storefront.intro")}
          </Text>
        </BlockStack>
        {result?.ok ? <Banner tone="success" title={t(lang, DONE[result.intent])} /> : null}
        {result && !result.ok && result.storeErrors ? (
          <StoreErrorsBanner title={t(lang, "storefront.errorStore")} messages={result.storeErrors} />
        ) : null}
        <InlineStack gap="200" blockAlign="center" align="space-between">
          <Text as="h3" variant="headingSm">
            {t(lang, "storefront.faqTitle")}
          </Text>
          {faq ? (
            <Badge tone={faq.status === "published" ? "success" : "attention"}>
              {t(lang, faq.status === "published" ? "storefront.statusPublished" : "storefront.statusDraft")}
            </Badge>
          ) : null}
        </InlineStack>
        <Select
          label={t(lang, "storefront.language")}
          options={storefront.languages.map((l) => ({ label: LANGUAGE_NAMES[l], value: l }))}
          value={language}
          onChange={(value) => setLanguage(value as Language)}
          error={errorOf("language")}
        />
        {!faq ? (
          <Text as="p" tone="subdued">
            {t(lang, "storefront.noFaq")}
          </Text>
        ) : null}
        {faq?.generatedBy === "offline" ? (
          <Text as="p" tone="subdued" variant="bodySm">
            {t(lang, "storefront.offlineNote")}
          </Text>
        ) : null}
        {items.map((item, index) => (
          <Box key={index} background="bg-surface-secondary" padding="300" borderRadius="200">
            <BlockStack gap="200">
              <TextField
                label={t(lang, "storefront.question", { n: index + 1 })}
                value={item.question}
                onChange={(value) => update(index, "question", value)}
                autoComplete="off"
                error={errorOf(`items.${index}.question`)}
              />
              <TextField
                label={t(lang, "storefront.answer", { n: index + 1 })}
                value={item.answer}
                onChange={(value) => update(index, "answer", value)}
                autoComplete="off"
                multiline={3}
                error={errorOf(`items.${index}.answer`)}
              />
              <InlineStack align="end">
                <Button
                  variant="plain"
                  tone="critical"
                  onClick={() => setItems((current) => current.filter((_, i) => i !== index))}
                >
                  {t(lang, "storefront.remove")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Box>
        ))}
        {errorOf("items") ? (
          <Text as="p" tone="critical">
            {errorOf("items")}
          </Text>
        ) : null}
        <InlineStack gap="200" align="end">
          {faq ? (
            <Button onClick={() => setItems((current) => [...current, { question: "", answer: "" }])}>
              {t(lang, "storefront.addQuestion")}
            </Button>
          ) : null}
          <Button loading={busy} onClick={() => submit("faq-generate")}>
            {t(lang, faq ? "storefront.regenerate" : "storefront.generate")}
          </Button>
          {faq ? (
            <Button loading={busy} onClick={() => submit("faq-save", true)}>
              {t(lang, "storefront.save")}
            </Button>
          ) : null}
          {faq?.status === "published" ? (
            <Button loading={busy} tone="critical" onClick={() => submit("faq-unpublish")}>
              {t(lang, "storefront.unpublish")}
            </Button>
          ) : null}
          {faq?.status === "draft" ? (
            <Button loading={busy} variant="primary" onClick={() => submit("faq-publish")}>
              {t(lang, "storefront.publish")}
            </Button>
          ) : null}
        </InlineStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t(lang, "storefront.jsonLdTitle")}
          </Text>
          <Text as="p" tone="subdued">
            {t(lang, "storefront.jsonLdHelp")}
          </Text>
          <InlineStack align="end">
            <Button loading={busy} onClick={() => submit("jsonld-publish")}>
              {t(lang, "storefront.publishJsonLd")}
            </Button>
          </InlineStack>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

export const ErrorBoundary = RouteErrorBanner;

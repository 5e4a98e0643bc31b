import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "@ninjalead/core/i18n";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Layout,
  List,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import type { ImportPricingForm } from "~/admin/import-form.js";
import { AI_PROVIDERS, type AiProvider } from "~/admin/ai-providers.js";
import { loadSettings, updateSettings, type SettingsResult } from "~/admin/shop-settings.server.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { services } from "~/services.server.js";
import { createTokenCipher } from "~/security/token-cipher.server.js";
import { staffActor } from "~/trust/actor.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db, cache } = await services();
  return {
    lang: languageFromRequest(request),
    shop: session.shop,
    settings: await loadSettings(db.prisma, db.sql, session.shop, cache),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const { db, cache, config } = await services();
  return updateSettings(
    {
      prisma: db.prisma,
      sql: db.sql,
      cache,
      cipher: createTokenCipher(config.encryptionKey, config.encryptionPreviousKeys),
      shop: session.shop,
      actor: staffActor(session, demo),
    },
    await request.formData(),
  );
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "settings.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

const PROVIDER_NAME: Record<AiProvider, MessageKey> = {
  openai: "settings.providerOpenai",
  xai: "settings.providerXai",
};
const SAVED: Record<string, MessageKey> = {
  languages: "settings.savedLanguages",
  setKey: "settings.savedKey",
  removeKey: "settings.removedKey",
  pricing: "settings.savedPricing",
  deleteData: "settings.deleted",
};

export default function Settings() {
  const { lang, shop, settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = (intent: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const error = (intent: string, field: string) => {
    if (!result || result.ok || result.intent !== intent) return undefined;
    const e = result.errors[field];
    return e ? t(lang, e.key, e.params) : undefined;
  };

  const [primary, setPrimary] = useState<Language>(settings.primaryLocale);
  const [enabled, setEnabled] = useState<Language[]>(settings.enabledLocales);
  const [pricing, setPricing] = useState<ImportPricingForm>(settings.pricing);
  const [confirm, setConfirm] = useState("");
  useEffect(() => {
    setPrimary(settings.primaryLocale);
    setEnabled(settings.enabledLocales);
    setPricing(settings.pricing);
  }, [settings]);
  const setPrice = (field: keyof ImportPricingForm) => (value: string) =>
    setPricing((p) => ({ ...p, [field]: value }));

  return (
    <Page
      title={t(lang, "settings.title")}
      backAction={{ content: t(lang, "home.title"), url: "/app" }}
      secondaryActions={[
        { content: t(lang, "nav.apiKeys"), url: "/app/settings/api-keys" },
        { content: t(lang, "nav.webhooks"), url: "/app/settings/webhooks" },
        { content: t(lang, "nav.plan"), url: "/app/settings/plan" },
      ]}
    >
      <Layout>
        {result?.ok ? (
          <Layout.Section>
            <Banner tone="success" title={t(lang, SAVED[result.intent] ?? "settings.savedLanguages")} />
          </Layout.Section>
        ) : null}
        {result && !result.ok && result.errors.form ? (
          <Layout.Section>
            <Banner tone="critical" title={t(lang, result.errors.form.key)} />
          </Layout.Section>
        ) : null}

        <Layout.AnnotatedSection
          title={t(lang, "settings.languages")}
          description={t(lang, "settings.languagesHelp")}
        >
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="languages" />
              <FormLayout>
                <Select
                  label={t(lang, "settings.primaryLocale")}
                  name="primaryLocale"
                  options={LANGUAGES.map((l) => ({ label: LANGUAGE_NAMES[l], value: l }))}
                  value={primary}
                  onChange={(v) => setPrimary(v as Language)}
                  error={error("languages", "primaryLocale")}
                />
                <BlockStack gap="100">
                  <Text as="span">{t(lang, "settings.enabledLocales")}</Text>
                  <InlineStack gap="300" wrap>
                    {LANGUAGES.map((l) => (
                      <Checkbox
                        key={l}
                        label={LANGUAGE_NAMES[l]}
                        name="enabledLocales[]"
                        value={l}
                        checked={l === primary || enabled.includes(l)}
                        disabled={l === primary}
                        onChange={(on) =>
                          setEnabled((list) => (on ? [...list, l] : list.filter((x) => x !== l)))
                        }
                      />
                    ))}
                  </InlineStack>
                  {error("languages", "enabledLocales") ? (
                    <Text as="p" tone="critical">
                      {error("languages", "enabledLocales")}
                    </Text>
                  ) : null}
                </BlockStack>
                <InlineStack align="end">
                  <Button submit variant="primary" loading={busy("languages")}>
                    {t(lang, "settings.save")}
                  </Button>
                </InlineStack>
              </FormLayout>
            </Form>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection title={t(lang, "settings.ai")} description={t(lang, "settings.aiHelp")}>
          <BlockStack gap="400">
            {AI_PROVIDERS.map((provider) => (
              <ProviderKeyCard
                key={provider}
                lang={lang}
                provider={provider}
                status={settings.keys[provider]}
                result={result}
                busy={busy("setKey") || busy("removeKey")}
              />
            ))}
          </BlockStack>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          title={t(lang, "settings.pricing")}
          description={t(lang, "settings.pricingHelp")}
        >
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="pricing" />
              <FormLayout>
                <FormLayout.Group>
                  <TextField
                    label={t(lang, "import.multiplier")}
                    name="multiplier"
                    value={pricing.multiplier}
                    onChange={setPrice("multiplier")}
                    autoComplete="off"
                    inputMode="decimal"
                    error={error("pricing", "multiplier")}
                  />
                  <TextField
                    label={t(lang, "import.minimumMargin")}
                    name="minimumMargin"
                    value={pricing.minimumMargin}
                    onChange={setPrice("minimumMargin")}
                    autoComplete="off"
                    inputMode="decimal"
                    error={error("pricing", "minimumMargin")}
                  />
                </FormLayout.Group>
                <FormLayout.Group>
                  <Select
                    label={t(lang, "import.ending")}
                    name="ending"
                    options={[
                      { label: ".99", value: ".99" },
                      { label: ".95", value: ".95" },
                      { label: t(lang, "import.endingWhole"), value: "whole" },
                      { label: t(lang, "import.endingNone"), value: "none" },
                    ]}
                    value={pricing.ending}
                    onChange={setPrice("ending")}
                    error={error("pricing", "ending")}
                  />
                  <Select
                    label={t(lang, "import.compareAt")}
                    name="compareAt"
                    options={[
                      { label: t(lang, "import.compareAtNone"), value: "none" },
                      { label: t(lang, "import.compareAtSupplier"), value: "supplier" },
                    ]}
                    value={pricing.compareAt}
                    onChange={setPrice("compareAt")}
                    error={error("pricing", "compareAt")}
                  />
                </FormLayout.Group>
                <TextField
                  label={t(lang, "import.rate")}
                  name="rate"
                  value={pricing.rate}
                  onChange={setPrice("rate")}
                  autoComplete="off"
                  inputMode="decimal"
                  error={error("pricing", "rate")}
                />
                <input type="hidden" name="optimise" value={pricing.optimise} />
                <Checkbox
                  label={t(lang, "import.optimise")}
                  checked={pricing.optimise === "on"}
                  onChange={(on) => setPricing((p) => ({ ...p, optimise: on ? "on" : "off" }))}
                />
                <InlineStack align="end">
                  <Button submit variant="primary" loading={busy("pricing")}>
                    {t(lang, "settings.save")}
                  </Button>
                </InlineStack>
              </FormLayout>
            </Form>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          title={t(lang, "settings.privacy")}
          description={t(lang, "settings.privacyHelp")}
        >
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h3" variant="headingSm">
                  {t(lang, "settings.stored")}
                </Text>
                <List>
                  <List.Item>{t(lang, "settings.storedCatalog")}</List.Item>
                  <List.Item>{t(lang, "settings.storedCustomers")}</List.Item>
                  <List.Item>{t(lang, "settings.storedWork")}</List.Item>
                  <List.Item>{t(lang, "settings.storedSecrets")}</List.Item>
                </List>
                <BlockStack gap="100">
                  {settings.stored.map((s) => (
                    <InlineStack key={s.table} align="space-between">
                      <Text as="span" tone="subdued">
                        {s.table}
                      </Text>
                      <Text as="span" numeric>
                        {/* The export's table names (its JSON keys) and their row counts. */}
                        {s.rows.toLocaleString(lang)}
                      </Text>
                    </InlineStack>
                  ))}
                </BlockStack>
                <InlineStack align="end">
                  <Button url="/app/settings/export" download>
                    {t(lang, "settings.export")}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="deleteData" />
                <BlockStack gap="300">
                  <Text as="h3" variant="headingSm">
                    {t(lang, "settings.delete")}
                  </Text>
                  <Text as="p" tone="subdued">
                    {t(lang, "settings.deleteHelp")}
                  </Text>
                  <TextField
                    label={t(lang, "settings.deleteConfirm", { shop })}
                    name="confirm"
                    value={confirm}
                    onChange={setConfirm}
                    autoComplete="off"
                    error={error("deleteData", "confirm")}
                  />
                  <InlineStack align="end">
                    <Button submit tone="critical" variant="primary" loading={busy("deleteData")}>
                      {t(lang, "settings.deleteButton")}
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>
          </BlockStack>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}

/** One provider's key: whether it is set (never the key itself), replace it, remove it. */
function ProviderKeyCard({
  lang,
  provider,
  status,
  result,
  busy,
}: {
  lang: Language;
  provider: AiProvider;
  status: { set: boolean; last4: string | null };
  result: SettingsResult | undefined;
  busy: boolean;
}) {
  const [apiKey, setApiKey] = useState("");
  const mine = result && !result.ok && result.intent === "setKey" && result.provider === provider;
  const keyError = mine && result.errors.apiKey ? t(lang, result.errors.apiKey.key) : undefined;
  // A saved key is not kept in the field (nor anywhere in the page).
  useEffect(() => {
    if (result?.ok) setApiKey("");
  }, [result]);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {t(lang, PROVIDER_NAME[provider])}
          </Text>
          {status.set ? (
            <Badge tone="success">{t(lang, "settings.keySet", { last4: status.last4 ?? "" })}</Badge>
          ) : (
            <Badge>{t(lang, "settings.keyNotSet")}</Badge>
          )}
        </InlineStack>
        <Form method="post">
          <input type="hidden" name="intent" value="setKey" />
          <input type="hidden" name="provider" value={provider} />
          <FormLayout>
            <TextField
              label={t(lang, status.set ? "settings.replaceKey" : "settings.apiKey")}
              name="apiKey"
              type="password"
              value={apiKey}
              onChange={setApiKey}
              autoComplete="off"
              helpText={t(lang, "settings.apiKeyHelp")}
              error={keyError}
            />
            <InlineStack align="end" gap="200">
              <Button submit variant="primary" loading={busy}>
                {t(lang, status.set ? "settings.replace" : "settings.save")}
              </Button>
            </InlineStack>
          </FormLayout>
        </Form>
        {status.set ? (
          <Form method="post">
            <input type="hidden" name="intent" value="removeKey" />
            <input type="hidden" name="provider" value={provider} />
            <InlineStack align="end">
              <Button submit tone="critical" variant="plain">
                {t(lang, "settings.removeKey")}
              </Button>
            </InlineStack>
          </Form>
        ) : null}
      </BlockStack>
    </Card>
  );
}

export const ErrorBoundary = RouteErrorBanner;

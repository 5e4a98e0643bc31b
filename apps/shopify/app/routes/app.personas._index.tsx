import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useEffect, useState } from "react";
import { useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from "@ninjalead/core/i18n";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  EmptyState,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  Select,
  Spinner,
  Text,
  Tooltip,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { usePollWhile } from "~/components/use-poll-while.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { latestPersonasJob, startMarketingJob } from "~/marketing/marketing-jobs.server.js";
import { listPersonas, regeneratePersona, type PersonaView } from "~/personas/personas.server.js";
import { answer, field, marketingRequest } from "~/personas/route.server.js";
import { appContext, services } from "~/services.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  const lang = languageFromRequest(request);
  const asked = new URL(request.url).searchParams.get("language") ?? "";
  const language: Language = isLanguage(asked) ? asked : lang;
  const [list, buyer, job] = await Promise.all([
    listPersonas(db.prisma, session.shop, language),
    db.prisma.order.findFirst({
      where: { shop: session.shop, customerId: { not: null } },
      select: { id: true },
    }),
    // Generation and translation run on the ai queue: the page follows the latest one.
    latestPersonasJob(db.prisma, session.shop),
  ]);
  return { lang, ...list, hasCustomers: buyer !== null, job };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { deps } = await marketingRequest(request);
  const form = await request.formData();
  const intent = field(form, "intent");
  switch (intent) {
    case "regenerate":
      return answer(intent, async () => ({
        count: 1,
        persona: await regeneratePersona(deps, field(form, "id")),
      }));
    case "translate":
    default: {
      // Long AI work: validated now (inline errors), then run as a job the page polls.
      const kind = intent === "translate" ? "personas.translate" : "personas.generate";
      return answer(intent === "translate" ? intent : "generate", async () => ({
        count: 0,
        ...(await startMarketingJob({ ...deps, queue: appContext().queues.ai }, kind, {
          language: field(form, "language"),
        })),
      }));
    }
  }
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "personas.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

export const ErrorBoundary = RouteErrorBanner;

/** A language's name in the admin's language ("French" for an English admin), for sentences. */
function languageName(lang: Language, language: Language): string {
  try {
    return new Intl.DisplayNames([lang], { type: "language" }).of(language) ?? LANGUAGE_NAMES[language];
  } catch {
    return LANGUAGE_NAMES[language];
  }
}

function Lines({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      <List type="bullet">
        {items.map((item, i) => (
          <List.Item key={i}>{item}</List.Item>
        ))}
      </List>
    </BlockStack>
  );
}

function PersonaCard({
  lang,
  persona,
  translated,
  locked,
}: {
  lang: Language;
  persona: PersonaView;
  translated: boolean;
  /** A generation or translation job is running: no single regeneration meanwhile. */
  locked: boolean;
}) {
  const fetcher = useFetcher<typeof action>();
  const busy = fetcher.state !== "idle";
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="300" blockAlign="center" wrap={false}>
          {persona.avatar ? (
            <img
              src={persona.avatar}
              alt={t(lang, "personas.avatarAlt", { name: persona.name })}
              width={64}
              height={64}
              style={{ borderRadius: "50%", flexShrink: 0 }}
            />
          ) : null}
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {persona.name}
            </Text>
            <InlineStack gap="100" wrap>
              <Badge tone="info">{persona.segmentName}</Badge>
              {persona.offline ? (
                <Tooltip content={t(lang, "marketing.offlineHelp")}>
                  <Badge>{t(lang, "marketing.offline")}</Badge>
                </Tooltip>
              ) : null}
              {translated ? null : <Badge tone="attention">{t(lang, "personas.notTranslated")}</Badge>}
            </InlineStack>
          </BlockStack>
        </InlineStack>
        <Text as="p" tone="subdued">
          {t(lang, "personas.age", { min: persona.ageRange[0], max: persona.ageRange[1] })}
          {persona.locations.length > 0 ? ` · ${persona.locations.join(", ")}` : ""}
        </Text>
        <Text as="p">{persona.summary}</Text>
        <Lines title={t(lang, "personas.goals")} items={persona.goals} />
        <Lines title={t(lang, "personas.pains")} items={persona.pains} />
        <Lines title={t(lang, "personas.objections")} items={persona.objections} />
        <Lines title={t(lang, "personas.triggers")} items={persona.buyingTriggers} />
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            {t(lang, "personas.channels")}
          </Text>
          <InlineStack gap="100" wrap>
            {persona.preferredChannels.map((c) => (
              <Badge key={c}>{t(lang, `channel.${c}` as MessageKey)}</Badge>
            ))}
          </InlineStack>
        </BlockStack>
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            {t(lang, "personas.tone")}
          </Text>
          <Text as="p">{persona.toneOfVoice}</Text>
        </BlockStack>
        <Lines title={t(lang, "personas.products")} items={persona.favouriteProducts.map((p) => p.title)} />
        <InlineStack gap="200" align="end" blockAlign="center">
          {busy ? <Spinner size="small" accessibilityLabel={t(lang, "personas.generating")} /> : null}
          <Button url={`/app/campaigns/new?persona=${persona.id}`}>
            {t(lang, "personas.createCampaign")}
          </Button>
          <Button url={`/app/personas/${persona.id}`}>{t(lang, "personas.edit")}</Button>
          <Button
            loading={busy}
            disabled={locked}
            onClick={() => fetcher.submit({ intent: "regenerate", id: persona.id }, { method: "post" })}
          >
            {t(lang, "personas.regenerate")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

export default function Personas() {
  const { lang, language, personas, missing, hasCustomers, job } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const generator = useFetcher<typeof action>();
  const running = job !== null && (job.status === "queued" || job.status === "running");
  // The jobs this page saw running: their success banner shows once (not again after a reload).
  const [watched, setWatched] = useState<string[]>([]);
  useEffect(() => {
    if (running && job && !watched.includes(job.id)) setWatched((ids) => [...ids, job.id]);
  }, [running, job, watched]);
  usePollWhile(running);
  const submitting = generator.state !== "idle";
  const busy = submitting || running;
  const busyIntent = submitting
    ? generator.formData?.get("intent")
    : running
      ? job.kind === "personas.translate"
        ? "translate"
        : "generate"
      : null;
  const answered = generator.data;
  // The job this page started (it may have finished before the page first saw it running).
  const startedHere = answered?.ok && "jobId" in answered ? answered.jobId : null;
  const jobIntent = job?.kind === "personas.translate" ? "translate" : "generate";
  // What to say: a refusal of the request itself, else the job's outcome.
  const result =
    answered && !answered.ok
      ? answered
      : answered?.intent === "regenerate"
        ? answered
        : job?.status === "failed" && job.error
          ? { ok: false as const, intent: jobIntent, message: job.error }
          : job && job.status === "succeeded" && (watched.includes(job.id) || startedHere === job.id)
            ? { ok: true as const, intent: jobIntent, count: job.result?.personas ?? 0 }
            : null;
  const generate = () => generator.submit({ intent: "generate", language }, { method: "post" });
  const name = languageName(lang, language);

  return (
    <Page
      title={t(lang, "personas.title")}
      subtitle={t(lang, "personas.intro")}
      backAction={{ content: t(lang, "home.title"), url: "/app" }}
      primaryAction={
        personas.length > 0
          ? {
              content: t(lang, "personas.regenerateAll"),
              helpText: t(lang, "personas.regenerateAllHelp"),
              loading: busyIntent === "generate",
              disabled: busy || !hasCustomers,
              onAction: generate,
            }
          : undefined
      }
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Box maxWidth="320px">
              <Select
                label={t(lang, "personas.language")}
                options={LANGUAGES.map((l) => ({ label: LANGUAGE_NAMES[l], value: l }))}
                value={language}
                onChange={(value) => navigate(`?language=${encodeURIComponent(value)}`)}
              />
            </Box>
            {busy ? (
              <Banner tone="info">
                <InlineStack gap="200" blockAlign="center" wrap={false}>
                  <Spinner size="small" />
                  <Text as="p">
                    {t(
                      lang,
                      busyIntent === "translate" ? "personas.jobTranslating" : "personas.jobGenerating",
                    )}
                  </Text>
                </InlineStack>
              </Banner>
            ) : null}
            {!busy && result?.ok ? (
              <Banner tone="success">
                <Text as="p">
                  {t(
                    lang,
                    result.intent === "regenerate"
                      ? "personas.regenerated"
                      : result.intent === "translate"
                        ? "personas.translated"
                        : "personas.generated",
                    { count: result.count },
                  )}
                </Text>
              </Banner>
            ) : null}
            {!busy && result && !result.ok ? (
              <Banner tone="critical">
                <Text as="p">{t(lang, result.message)}</Text>
              </Banner>
            ) : null}
            {!hasCustomers ? (
              <Banner tone="warning" title={t(lang, "personas.noCustomersTitle")}>
                <Text as="p">{t(lang, "marketing.error.noCustomers")}</Text>
              </Banner>
            ) : null}
            {missing > 0 ? (
              <Banner
                tone="info"
                action={{
                  content: t(lang, "personas.translate", { language: name }),
                  loading: busyIntent === "translate",
                  disabled: busy,
                  onAction: () => generator.submit({ intent: "translate", language }, { method: "post" }),
                }}
              >
                <Text as="p">{t(lang, "personas.missing", { count: missing, language: name })}</Text>
              </Banner>
            ) : null}
            {personas.length === 0 ? (
              <Card>
                <EmptyState
                  heading={t(lang, "personas.emptyTitle")}
                  action={{
                    content: t(lang, "personas.generate"),
                    loading: busyIntent === "generate",
                    disabled: busy || !hasCustomers,
                    onAction: generate,
                  }}
                  image=""
                >
                  <Text as="p">{t(lang, "personas.emptyBody")}</Text>
                </EmptyState>
              </Card>
            ) : (
              <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                {personas.map((p) => (
                  <PersonaCard
                    key={p.groupId}
                    lang={lang}
                    persona={p}
                    translated={p.translated}
                    locked={running}
                  />
                ))}
              </InlineGrid>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

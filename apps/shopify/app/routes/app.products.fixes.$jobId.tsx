import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import type { Language } from "@ninjalead/core/i18n";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  EmptyState,
  InlineStack,
  Layout,
  Link,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { loadFixJob, reviewAction, type FixView } from "~/admin/bulk-fix.server.js";
import { BeforeAfter } from "~/components/BeforeAfter.js";
import { RouteErrorBanner } from "~/components/RouteErrorBanner.js";
import { usePollWhile } from "~/components/use-poll-while.js";
import { StoreErrorsBanner } from "~/components/StoreErrorsBanner.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t, type MessageKey } from "~/i18n/t.js";
import { appContext, services } from "~/services.server.js";
import { staffActor } from "~/trust/actor.server.js";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  const job = await loadFixJob(db.prisma, session.shop, params.jobId ?? "");
  if (!job) throw new Response(null, { status: 404 });
  return { lang: languageFromRequest(request), job };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, demo } = await requireAdmin(request);
  const { db } = await services();
  return reviewAction(
    {
      prisma: db.prisma,
      admin: appContext().admin(session.shop),
      shop: session.shop,
      actor: staffActor(session, demo),
    },
    params.jobId ?? "",
    await request.formData(),
  );
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t(data.lang, "fixes.title")} · ${t(data.lang, "app.name")}` : t("en", "app.name") },
];

const JOB_STATUS: Record<string, MessageKey> = {
  queued: "fixes.jobQueued",
  running: "fixes.jobRunning",
  succeeded: "fixes.jobSucceeded",
  failed: "fixes.jobFailed",
  cancelled: "fixes.jobCancelled",
};
const FIX_STATUS: Record<string, MessageKey> = {
  proposed: "fixes.statusProposed",
  applied: "fixes.statusApplied",
  rejected: "fixes.statusRejected",
  undone: "fixes.statusUndone",
  failed: "fixes.statusFailed",
};
const FIELD: Record<string, MessageKey> = {
  seoTitle: "fixes.fieldSeoTitle",
  seoDescription: "fixes.fieldSeoDescription",
};

export default function FixJob() {
  const { lang, job } = useLoaderData<typeof loader>();
  const control = useFetcher<typeof action>({ key: `fix-job-${job.id}` });
  const running = job.status === "queued" || job.status === "running";
  usePollWhile(running);

  const reviewable = job.fixes.filter((f) => f.status === "proposed" && f.rows.length > 0).length;
  const offline = job.fixes.some((f) => f.provider === "offline" && f.rows.length > 0);
  const answer = control.data;

  return (
    <Page
      title={t(lang, "fixes.title")}
      backAction={{ content: t(lang, "products.title"), url: "/app/products" }}
      titleMetadata={
        <Badge tone={running ? "attention" : undefined}>
          {t(lang, JOB_STATUS[job.status] ?? "fixes.jobQueued")}
        </Badge>
      }
    >
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t(lang, "fixes.progress", { done: job.done + job.failed, total: job.total })}
              </Text>
              <ProgressBar
                progress={job.progress}
                // Animate only while it moves: a finished job shows its final value at once.
                animated={running}
                tone={job.status === "failed" ? "critical" : "primary"}
                ariaLabelledBy="fix-progress-label"
              />
              <Text as="p" tone="subdued" id="fix-progress-label">
                {t(lang, "fixes.progressDetail", {
                  done: job.done,
                  failed: job.failed,
                  percent: job.progress,
                })}
              </Text>
              {job.error === "quota_exceeded" ? (
                <Banner tone="warning" title={t(lang, "fixes.quota")} />
              ) : null}
              <InlineStack gap="200" align="end">
                {running ? (
                  <Button
                    tone="critical"
                    disabled={job.cancelRequested}
                    loading={control.state !== "idle" && control.formData?.get("intent") === "cancel"}
                    onClick={() => control.submit({ intent: "cancel" }, { method: "post" })}
                  >
                    {job.cancelRequested ? t(lang, "fixes.cancelling") : t(lang, "fixes.cancel")}
                  </Button>
                ) : null}
                {!running && reviewable > 0 ? (
                  <Button
                    variant="primary"
                    loading={control.state !== "idle" && control.formData?.get("intent") === "applyAll"}
                    onClick={() => control.submit({ intent: "applyAll" }, { method: "post" })}
                  >
                    {t(lang, "fixes.approveAll", { count: reviewable })}
                  </Button>
                ) : null}
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
        {answer && !answer.ok ? (
          <Layout.Section>
            <StoreErrorsBanner
              title={t(lang, answer.storeErrors ? "fixes.storeError" : "fixes.errorTitle")}
              messages={[
                ...(answer.storeErrors ?? []),
                ...(answer.error ? [t(lang, answer.error.key, answer.error.params)] : []),
                ...(answer.stale ? [t(lang, "fixes.stale")] : []),
              ]}
            />
          </Layout.Section>
        ) : null}
        {answer?.ok && answer.intent === "applyAll" ? (
          <Layout.Section>
            <Banner tone="success" title={t(lang, "fixes.appliedAll", { count: answer.applied ?? 0 })} />
          </Layout.Section>
        ) : null}
        {offline ? (
          <Layout.Section>
            <Banner tone="info" title={t(lang, "fixes.offline")}>
              <Text as="p">{t(lang, "fixes.offlineHelp")}</Text>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <BlockStack gap="400">
            {job.fixes.length === 0 ? (
              <Card>
                <EmptyState heading={t(lang, "fixes.noneYet")} image="">
                  <Text as="p">{t(lang, "fixes.noneYetHelp")}</Text>
                </EmptyState>
              </Card>
            ) : null}
            {job.fixes.map((fix) => (
              <FixCard key={fix.id} lang={lang} fix={fix} />
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** One product's proposal: before/after per field, and what the merchant can do with it. */
function FixCard({ lang, fix }: { lang: Language; fix: FixView }) {
  const review = useFetcher({ key: `fix-${fix.id}` });
  const busy = review.state !== "idle";
  const send = (intent: "apply" | "reject" | "undo") =>
    review.submit({ intent, fixId: fix.id }, { method: "post" });
  const tone =
    fix.status === "applied"
      ? "success"
      : fix.status === "failed"
        ? "critical"
        : fix.status === "proposed"
          ? "attention"
          : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Link url={`/app/products/${fix.productId}`}>
              <Text as="h3" variant="headingSm">
                {fix.productTitle}
              </Text>
            </Link>
            {/* A product with nothing to change has nothing to review: no status badge. */}
            {fix.status !== "proposed" || fix.rows.length > 0 ? (
              <Badge tone={tone}>{t(lang, FIX_STATUS[fix.status] ?? "fixes.statusProposed")}</Badge>
            ) : null}
            {fix.provider === "offline" && fix.rows.length > 0 ? (
              <Badge tone="info">{t(lang, "fixes.offlineBadge")}</Badge>
            ) : null}
          </InlineStack>
          <InlineStack gap="200">
            {fix.status === "proposed" && fix.rows.length > 0 ? (
              <>
                <Button onClick={() => send("reject")} disabled={busy}>
                  {t(lang, "fixes.reject")}
                </Button>
                <Button variant="primary" onClick={() => send("apply")} loading={busy}>
                  {t(lang, "fixes.approve")}
                </Button>
              </>
            ) : null}
            {fix.status === "undone" ? (
              <Button onClick={() => send("apply")} loading={busy}>
                {t(lang, "fixes.reapply")}
              </Button>
            ) : null}
            {fix.status === "applied" ? (
              <Button onClick={() => send("undo")} loading={busy}>
                {t(lang, "fixes.undo")}
              </Button>
            ) : null}
          </InlineStack>
        </InlineStack>
        {fix.status === "failed" ? (
          <Text as="p" tone="critical">
            {t(lang, fix.error === "not_found" ? "fixes.failedMissing" : "fixes.failedOther")}
          </Text>
        ) : fix.rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {t(lang, "fixes.nothingToFix")}
          </Text>
        ) : (
          <BeforeAfter
            headings={{
              field: t(lang, "fixes.colField"),
              before: t(lang, "fixes.colBefore"),
              after: t(lang, "fixes.colAfter"),
            }}
            rows={fix.rows.map((row) => ({
              key: row.key,
              label:
                row.field === "imageAlt"
                  ? t(lang, "product.altLabel", { n: row.image ?? 1 })
                  : t(lang, FIELD[row.field] ?? "fixes.fieldSeoTitle"),
              before: row.before,
              after: row.after,
            }))}
          />
        )}
      </BlockStack>
    </Card>
  );
}

export const ErrorBoundary = RouteErrorBanner;

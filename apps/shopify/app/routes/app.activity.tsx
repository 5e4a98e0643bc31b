import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, EmptyState, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/admin-auth.server.js";
import { auditActionLabel } from "~/i18n/audit-actions.js";
import { languageFromRequest } from "~/i18n/language.server.js";
import { t } from "~/i18n/t.js";
import { services } from "~/services.server.js";
import { listAudit } from "~/trust/audit.server.js";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const { db } = await services();
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const page = await listAudit(db.prisma, session.shop, { limit: 50, ...(cursor ? { cursor } : {}) });
  return {
    lang: languageFromRequest(request),
    nextCursor: page.nextCursor,
    events: page.events.map((e) => ({
      id: e.id,
      actorType: e.actorType,
      actorId: e.actorId,
      action: e.action,
      target: e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "",
      createdAt: e.createdAt.toISOString(),
    })),
  };
};

export default function Activity() {
  const { lang, events, nextCursor } = useLoaderData<typeof loader>();
  const who = (type: string, id: string) =>
    type === "api_key"
      ? t(lang, "actor.api_key", { id })
      : type === "system"
        ? t(lang, "actor.system")
        : t(lang, "actor.staff", { id });
  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(iso));
  return (
    <Page
      title={t(lang, "activity.title")}
      backAction={{ url: "/app" }}
      secondaryActions={[
        { content: t(lang, "activity.export"), url: "/app/activity/export", external: true },
      ]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">{t(lang, "activity.intro")}</Text>
            <Card padding="0">
              {events.length === 0 ? (
                <EmptyState heading={t(lang, "activity.none")} image="">
                  <Text as="p">{t(lang, "activity.intro")}</Text>
                </EmptyState>
              ) : (
                <IndexTable
                  resourceName={{ singular: t(lang, "activity.title"), plural: t(lang, "activity.title") }}
                  itemCount={events.length}
                  selectable={false}
                  headings={[
                    { title: t(lang, "activity.when") },
                    { title: t(lang, "activity.who") },
                    { title: t(lang, "activity.what") },
                  ]}
                >
                  {events.map((e, index) => (
                    <IndexTable.Row id={e.id} key={e.id} position={index}>
                      <IndexTable.Cell>{when(e.createdAt)}</IndexTable.Cell>
                      <IndexTable.Cell>{who(e.actorType, e.actorId)}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <BlockStack gap="050">
                          <Text as="span" fontWeight="semibold">
                            {auditActionLabel(lang, e.action)}
                          </Text>
                          <Text as="span" tone="subdued" variant="bodySm">
                            {e.target ? `${e.target} · ` : ""}
                            {e.action}
                          </Text>
                        </BlockStack>
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
              )}
            </Card>
            {nextCursor ? (
              <Button url={`/app/activity?cursor=${encodeURIComponent(nextCursor)}`}>
                {t(lang, "activity.more")}
              </Button>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

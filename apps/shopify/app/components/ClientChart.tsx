import { useEffect, useState, type ComponentType } from "react";
import { Box, SkeletonBodyText } from "@shopify/polaris";

type Viz = typeof import("@shopify/polaris-viz");

export interface ChartSeries {
  name: string;
  data: { key: string; value: number }[];
}

/**
 * A polaris-viz chart rendered only in the browser: polaris-viz reads `navigator` while rendering,
 * which does not exist during server rendering, so the server sends a fixed-height skeleton (no
 * layout shift) and the chart library is loaded after mount.
 */
export function ClientChart({
  kind,
  data,
  label,
  height = 240,
}: {
  kind: "bar" | "donut";
  data: ChartSeries[];
  label: string;
  height?: number;
}) {
  const [viz, setViz] = useState<Viz | null>(null);
  useEffect(() => {
    let live = true;
    void import("@shopify/polaris-viz").then((module) => {
      if (live) setViz(module);
    });
    return () => {
      live = false;
    };
  }, []);
  let chart = <SkeletonBodyText lines={6} />;
  if (viz) {
    const Chart: ComponentType<{ data: ChartSeries[]; showLegend?: boolean; theme?: string }> =
      kind === "bar" ? viz.BarChart : viz.DonutChart;
    chart = (
      <viz.PolarisVizProvider>
        <Chart data={data} theme="Light" showLegend={kind === "donut"} />
      </viz.PolarisVizProvider>
    );
  }
  return (
    <Box minHeight={`${height}px`}>
      <div role="img" aria-label={label} style={{ height }}>
        {chart}
      </div>
    </Box>
  );
}

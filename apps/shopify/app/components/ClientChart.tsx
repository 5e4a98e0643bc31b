import { useEffect, useState, type ComponentType } from "react";
import { Box, SkeletonBodyText } from "@shopify/polaris";
import type * as PolarisViz from "@shopify/polaris-viz";

type Viz = typeof PolarisViz;

export interface ChartSeries {
  name: string;
  data: { key: string; value: number }[];
}

/**
 * A polaris-viz donut chart rendered only in the browser: polaris-viz reads `navigator` while rendering,
 * which does not exist during server rendering, so the server sends a fixed-height skeleton (no
 * layout shift) and the chart library is loaded after mount.
 */
export function ClientChart({
  data,
  label,
  height = 240,
}: {
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
    // Donuts only: polaris-viz 16.16's vertical bar chart nests role="list" in role="list",
    // a critical axe violation (aria-required-children).
    const Chart: ComponentType<{ data: ChartSeries[]; showLegend?: boolean; theme?: string }> =
      viz.DonutChart;
    chart = (
      <viz.PolarisVizProvider>
        {/* The page lists the same figures as text; polaris-viz's own legend fails axe (list without items). */}
        <Chart data={data} theme="Light" showLegend={false} />
      </viz.PolarisVizProvider>
    );
  }
  return (
    <Box minHeight={`${height}px`}>
      <figure aria-label={label} style={{ margin: 0, height }}>
        {chart}
      </figure>
    </Box>
  );
}

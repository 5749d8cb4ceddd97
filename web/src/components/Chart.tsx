import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, PieChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** Registers an administrator-supplied GeoJSON under a name, for `series: [{ type: 'map', map: name }]`. */
export function registerGeoJson(name: string, geojson: object) {
  registerMap(name, geojson as Parameters<typeof registerMap>[1]);
}

export type ChartClick = { name: string; dataIndex: number; seriesIndex?: number; data?: unknown };

/**
 * An ECharts canvas sized by its box. Our own few lines rather than echarts-for-react, whose ESM
 * build imports tslib without declaring it (the build cannot resolve it) and whose lib build
 * crashes under Vite 8. The label makes the figure's subject readable to assistive technology.
 * `onClick` receives the clicked item (a bar, a map region), e.g. to drill down.
 */
export function Chart({
  option,
  height = 280,
  label,
  onClick,
}: {
  option: EChartsCoreOption;
  height?: number;
  label: string;
  onClick?: (item: ChartClick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType>(undefined);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element);
    chart.current = instance;
    instance.on('click', (params) => click.current?.(params as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }} />;
}

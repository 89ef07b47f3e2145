import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { echarts } from './echarts';
import type { ThemeName } from './palette';

/** Handlers for ECharts events ('click', 'legendselectchanged', ...), by event name. */
export type EChartEvents = Partial<Record<string, (params: unknown) => void>>;

export interface EChartProps {
  option: EChartsCoreOption;
  theme: ThemeName;
  /** What the chart shows, for screen readers (ECharts' aria adds a description of the data). */
  label: string;
  height?: number;
  events?: EChartEvents;
  className?: string;
}

/**
 * The one ECharts wrapper: it owns the instance's life (init, dispose), its size (ResizeObserver),
 * its theme (an instance's theme is fixed at init, so a theme change re-creates it) and its event
 * handlers. Charts are thin components that pass a pure `toChartOption(data)` result.
 */
export function EChart({ option, theme, label, height = 320, events, className }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    element.dataset['rendered'] = 'false';
    const instance = echarts.init(element, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    setChart(instance);
    // The instance on its element, as ECharts' own getInstanceByDom would give it: browser tests
    // turn data values into the pixels to click with its public convertToPixel.
    Object.defineProperty(element, 'echarts', { value: instance, configurable: true });
    // data-rendered tells tests and screenshots when drawing, animations included, is done.
    instance.on('finished', () => {
      element.dataset['rendered'] = 'true';
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, [theme]);

  useEffect(() => {
    if (!chart) return;
    if (container.current) container.current.dataset['rendered'] = 'false';
    // notMerge: an option is the whole chart, so series removed by a new option disappear.
    chart.setOption({ backgroundColor: 'transparent', ...option }, { notMerge: true });
  }, [chart, option]);

  useEffect(() => {
    if (!chart || !events) return;
    const bound = Object.entries(events).filter(
      (entry): entry is [string, (params: unknown) => void] => entry[1] !== undefined,
    );
    for (const [name, handler] of bound) chart.on(name, handler);
    return () => {
      for (const [name, handler] of bound) chart.off(name, handler);
    };
  }, [chart, events]);

  return (
    <div
      ref={container}
      className={className}
      data-chart=""
      role="img"
      aria-label={label}
      style={{ width: '100%', height }}
    />
  );
}

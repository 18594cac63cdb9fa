import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { ChartOption } from './chart-option';

interface Props {
  option: ChartOption;
  height: number;
  /** Read by the browser tests; the chart also gets `data-drawn` once ECharts has rendered it. */
  testId?: string;
  ariaLabel?: string;
  style?: CSSProperties;
}

type Instance = ReturnType<(typeof import('echarts/core'))['init']>;

/**
 * An ECharts chart. ECharts is loaded on first use (its own chunk, see echarts-core.ts); until then a skeleton
 * holds the place. The chart follows its box's width (ResizeObserver), which is what a phone screen needs.
 */
export function EChart({ option, height, testId, ariaLabel, style }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    let observer: ResizeObserver | undefined;
    void import('./echarts-core').then(({ echarts }) => {
      if (!live || !box.current) return;
      chart.current = echarts.init(box.current, undefined, { renderer: 'canvas' });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', width: '100%', height, ...style }}>
      <div
        ref={box}
        role="img"
        aria-label={ariaLabel}
        data-testid={testId}
        data-drawn={ready ? 'true' : undefined}
        style={{ width: '100%', height }}
      />
      {!ready && (
        <div style={{ position: 'absolute', inset: 0, background: 'rgba(0, 0, 0, 0.03)', borderRadius: 4 }} />
      )}
    </div>
  );
}

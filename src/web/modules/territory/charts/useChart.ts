import { useEffect, useRef, useState, type RefObject } from 'react';
import type { echarts as EChartsNamespace } from './echartsMap.ts';

type ECharts = ReturnType<typeof EChartsNamespace.init>;

/** Creates an SVG-rendered chart in the returned element and keeps it sized to it. */
export function useChart(
  lib: typeof EChartsNamespace,
): [RefObject<HTMLDivElement>, ECharts | null] {
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = lib.init(element, undefined, { renderer: 'svg' });
    setChart(instance);
    const observer = new ResizeObserver(() => {
      // A page hidden while it is replaced measures 0×0: ECharts cannot lay out in no space.
      if (!instance.isDisposed() && element.clientWidth > 0 && element.clientHeight > 0)
        instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      // A tooltip or an animation still pending would run on the disposed instance.
      instance.dispatchAction({ type: 'hideTip' });
      instance.clear();
      instance.dispose();
      setChart(null);
    };
  }, [lib]);

  return [ref, chart];
}

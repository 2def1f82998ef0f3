/**
 * Loaded on a chart's first hover, touch or focus, never with the first screen: registers
 * ECharts' tooltip so the option's `tooltip` (set by every builder) comes to life. The deep
 * import matters: through the `echarts/components` barrel, which the first screen also
 * imports, the bundler would pull the tooltip (and its axis pointer) into the shared chunk.
 */
import 'echarts/lib/component/tooltip';

export const ready = true;

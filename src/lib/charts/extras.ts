/**
 * What the first screen does without, loaded with the export chunk (export/index.ts): the
 * tooltip, line charts (the overview draws bars only) and scatter (the unit profile's strip
 * plots of its peers). Chart.svelte loads it on a chart's first hover, or before drawing an
 * option with a line or scatter series. One lazy chunk, not several:
 * with two, the bundler splits ECharts' shared code into two first-screen chunks.
 * The tooltip comes through its own entry: through the `echarts/components` barrel, which the
 * first screen also imports, the bundler would pull it into the shared chunk.
 */
import 'echarts/lib/component/tooltip';
import { use } from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';

use([LineChart, ScatterChart]);

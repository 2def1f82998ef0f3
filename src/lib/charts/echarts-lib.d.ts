// ECharts' per-component entry: importing it registers the component (no exports used).
declare module 'echarts/lib/component/tooltip';

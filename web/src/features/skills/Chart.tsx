// The chart moved to the shared components (the dashboard uses it too).
export { Chart } from '../../components/Chart';

// The library in the web app: find, read, share and weigh material; competitors and their pages.
export { ForThisDealPanel } from './components/deal/for-this-deal.tsx';
export { useQuickAssetSearch } from './hooks/use-search.ts';

export function ShareLinksPanel({ assetId }: { assetId: string }) {
  void assetId;
  return null;
}

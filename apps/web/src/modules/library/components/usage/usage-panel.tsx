export function UsagePanel({ assetId }: { assetId: string }) {
  void assetId;
  return null;
}

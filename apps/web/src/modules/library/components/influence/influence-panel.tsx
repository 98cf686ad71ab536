export function InfluencePanel({ assetId }: { assetId: string }) {
  void assetId;
  return null;
}

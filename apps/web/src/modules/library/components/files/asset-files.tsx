export function AssetFiles({ assetId }: { assetId: string }) {
  void assetId;
  return null;
}

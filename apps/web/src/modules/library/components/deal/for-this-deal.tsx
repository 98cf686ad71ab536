export function ForThisDealPanel({ dealId }: { dealId: string }) {
  void dealId;
  return null;
}

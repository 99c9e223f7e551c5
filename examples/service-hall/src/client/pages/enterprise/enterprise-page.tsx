export function EnterpriseSearchPage() {
  return <section data-screen="enterprises" />;
}
export function EnterprisePage({ id }: { id: string }) {
  return <section data-screen="enterprise" data-id={id} />;
}

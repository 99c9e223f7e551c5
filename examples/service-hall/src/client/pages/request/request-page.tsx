export function RequestPage({ id }: { id: string }) {
  return <section data-screen="request" data-id={id} />;
}

export function IntakePage() {
  return <section data-screen="intake" />;
}

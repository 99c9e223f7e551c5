export function RulesPage() {
  return <section data-screen="rules" />;
}

export function DashboardPage() {
  return <section data-screen="dashboard" />;
}

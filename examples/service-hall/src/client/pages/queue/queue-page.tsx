export function QueuePage() {
  return <section data-screen="queue" />;
}

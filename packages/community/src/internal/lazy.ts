/**
 * Loads a module on first use and keeps it. Code that only some embeddings need (the rule
 * compiler, the SLA engine, the request command definitions) stays out of the entry chunk, but
 * a dynamic `import()` on every command would cost a module-map lookup (and, under loaders
 * such as tsx, a round trip to the loader thread) each time. A failed load is retried.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** The search last shown (`/enterprises?q=…`), so that an enterprise's page leads back to it. */
let lastSearch = '/enterprises';

export function rememberSearch(path: string): void {
  lastSearch = path;
}

export function lastSearchPath(): string {
  return lastSearch;
}

/** One parsed Server-Sent Event. */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * Reads SSE events from a streaming response body, as an EventSource would, for tests.
 * `next()` resolves with the next event, or null when the stream ends.
 */
export function sseReader(response: Response): { next(): Promise<SseEvent | null>; cancel(): Promise<void> } {
  if (!response.body) throw new Error('The response has no body to stream.');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseEvent[] = [];
  const parse = (): void => {
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id: string | null = null;
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length) queue.push({ id, event, data: data.join('\n') });
    }
  };
  return {
    async next() {
      for (;;) {
        const ready = queue.shift();
        if (ready) return ready;
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += value;
        parse();
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** A paperclip drawn in SVG, so that it shows the same with or without an emoji font. */
export function PaperclipIcon() {
  return (
    <svg class="rd-paperclip" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M21 11.5l-8.6 8.6a5 5 0 01-7.1-7.1l8.6-8.6a3.3 3.3 0 014.7 4.7l-8.6 8.6a1.7 1.7 0 01-2.4-2.4l7.9-7.9" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

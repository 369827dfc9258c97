// The inbox bell lives in the page header, outside any map editor; the map's socket tells
// the editor when my inbox changed, and this window event carries that to the bell.
const INBOX_CHANGED = "claimboard:inbox-changed";
const OPEN_THREAD = "claimboard:open-thread";

export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED));
}

export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(INBOX_CHANGED, listener);
  return () => window.removeEventListener(INBOX_CHANGED, listener);
}

/** Asks the open map editor to show a thread; false when no editor of that map listens. */
export function requestOpenThread(mapId: string, threadId: string): boolean {
  const event = new CustomEvent(OPEN_THREAD, { detail: { mapId, threadId }, cancelable: true });
  return !window.dispatchEvent(event);
}

export function onOpenThreadRequest(mapId: string, open: (threadId: string) => void): () => void {
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<{ mapId: string; threadId: string }>).detail;
    if (detail?.mapId !== mapId) return;
    event.preventDefault();
    open(detail.threadId);
  };
  window.addEventListener(OPEN_THREAD, listener);
  return () => window.removeEventListener(OPEN_THREAD, listener);
}

/**
 * What an operator sees when pooled PostgreSQL connections break (the server restarted, the
 * network path dropped). The pool emits 'error' for a connection that fails while idle; it
 * must be heard (unheard, it ends the process), and the next query opens a new connection,
 * so nothing else is to be done. But a silent handler hid outages from the logs: one line
 * now says it happened, and further errors in the same burst (every idle connection fails at
 * once) are counted into a single follow-up line instead of one line each.
 */
export function poolErrorLogger(log: (line: string) => void, quietMs = 30_000): (error: Error) => void {
  let lastLoggedAt = -Infinity;
  let suppressed = 0;
  let summaryTimer: NodeJS.Timeout | null = null;
  const summarise = () => {
    summaryTimer = null;
    if (suppressed === 0) return;
    log(`database: ${suppressed} more idle PostgreSQL connection(s) failed in the last ${Math.round(quietMs / 1000)} s`);
    suppressed = 0;
  };
  return (error) => {
    if (Date.now() - lastLoggedAt >= quietMs) {
      lastLoggedAt = Date.now();
      log(`database: an idle PostgreSQL connection failed (${error.message || error}); the next query opens a new one (/api/health reports whether the database answers)`);
      return;
    }
    suppressed++;
    if (!summaryTimer) {
      summaryTimer = setTimeout(summarise, Math.max(0, lastLoggedAt + quietMs - Date.now()));
      summaryTimer.unref();
    }
  };
}

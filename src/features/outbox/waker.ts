/**
 * A nudge for the outbox loop: a request that queues mail calls `wake()`, and the loop's pause
 * ends at once instead of after its poll interval (a reset mail should not wait 5 s).
 */
export class OutboxWaker {
  private pending = false;
  private listener: (() => void) | null = null;

  /** Ask for a pass now; remembered if the loop is busy, so the next pause is skipped. */
  wake(): void {
    this.pending = true;
    this.listener?.();
  }

  /** Wait up to `ms` for a wake (or an abort); consumes a wake that came while busy. */
  pause(ms: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.listener = null;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.listener = done;
    });
  }
}

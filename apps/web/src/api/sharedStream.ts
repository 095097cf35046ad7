// One server-sent event stream per URL for the whole app, however many components listen to it.

/** The part of the browser's `EventSource` the app uses (a fake stands in for it in unit tests). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface StreamListener {
  /** Whether the stream is open now; called at once on subscribing, then on every change. */
  onOpenChange(open: boolean): void;
  /** An event of one of the stream's types, its `data` parsed from JSON. */
  onEvent(type: string, data: unknown): void;
}

/** `EventSource.CLOSED`: the browser gave up on the stream and will not reconnect. */
const CLOSED = 2;

/**
 * A stream that is opened by its first listener and closed when the last one leaves. The header and
 * a booking page both follow `/api/me/events`; with this they share one connection to the gateway.
 */
export class SharedStream {
  private source: EventSourceLike | null = null;
  private open = false;
  private readonly listeners = new Set<StreamListener>();

  constructor(
    private readonly url: string,
    private readonly types: readonly string[],
    private readonly connect: (url: string) => EventSourceLike,
  ) {}

  /** Starts listening; the returned function stops. */
  subscribe(listener: StreamListener): () => void {
    this.listeners.add(listener);
    // the first listener opens it; a newcomer also retries a stream the browser gave up on
    if (this.source === null || this.source.readyState === CLOSED) {
      this.source?.close();
      this.source = this.openSource();
    }
    listener.onOpenChange(this.open);
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) {
        return;
      }
      this.source?.close();
      this.source = null;
      this.open = false;
    };
  }

  /** How many listeners share the stream (for tests and diagnostics). */
  get size(): number {
    return this.listeners.size;
  }

  private openSource(): EventSourceLike {
    const source = this.connect(this.url);
    source.onopen = () => this.setOpen(true);
    source.onerror = () => {
      this.setOpen(false);
      // not routed, or down for good: the listeners fall back to polling; stop the browser retrying
      if (source.readyState === CLOSED) {
        source.close();
      }
    };
    for (const type of this.types) {
      source.addEventListener(type, (event) => {
        const data: unknown = JSON.parse(event.data);
        this.listeners.forEach((listener) => listener.onEvent(type, data));
      });
    }
    return source;
  }

  private setOpen(open: boolean) {
    if (this.open === open) {
      return;
    }
    this.open = open;
    this.listeners.forEach((listener) => listener.onOpenChange(open));
  }
}

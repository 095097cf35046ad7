import { describe, expect, it } from "vitest";
import { SharedStream, type EventSourceLike, type StreamListener } from "./sharedStream";

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly handlers = new Map<string, (event: MessageEvent<string>) => void>();

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.handlers.set(type, listener);
  }

  close() {
    this.closed = true;
    this.readyState = 2;
  }

  opened() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  failedForGood() {
    this.readyState = 2;
    this.onerror?.(new Event("error"));
  }

  emit(type: string, data: unknown) {
    this.handlers.get(type)?.({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

function stream() {
  const sources: FakeSource[] = [];
  const shared = new SharedStream("/api/me/events", ["booking"], () => {
    const source = new FakeSource();
    sources.push(source);
    return source;
  });
  return { shared, sources };
}

function recorder() {
  const seen = { open: [] as boolean[], events: [] as unknown[] };
  const listener: StreamListener = {
    onOpenChange: (open) => seen.open.push(open),
    onEvent: (_type, data) => seen.events.push(data),
  };
  return { seen, listener };
}

describe("SharedStream", () => {
  it("opens one connection for every listener and closes it when the last one leaves", () => {
    const { shared, sources } = stream();
    const header = recorder();
    const page = recorder();
    const leaveHeader = shared.subscribe(header.listener);
    const leavePage = shared.subscribe(page.listener);
    expect(sources).toHaveLength(1);

    sources[0].opened();
    sources[0].emit("booking", { bookingId: "b1", sessionId: "s1" });
    expect(header.seen.open).toEqual([false, true]);
    expect(page.seen.open).toEqual([false, true]);
    expect(page.seen.events).toEqual([{ bookingId: "b1", sessionId: "s1" }]);
    expect(header.seen.events).toEqual([{ bookingId: "b1", sessionId: "s1" }]);

    leavePage();
    expect(sources[0].closed).toBe(false);
    leaveHeader();
    expect(sources[0].closed).toBe(true);
    expect(shared.size).toBe(0);
  });

  it("tells a late listener that the stream is already open", () => {
    const { shared, sources } = stream();
    shared.subscribe(recorder().listener);
    sources[0].opened();
    const late = recorder();
    shared.subscribe(late.listener);
    expect(late.seen.open).toEqual([true]);
    expect(sources).toHaveLength(1);
  });

  it("reports a stream the browser gave up on as closed, and a newcomer tries again", () => {
    const { shared, sources } = stream();
    const header = recorder();
    shared.subscribe(header.listener);
    sources[0].opened();
    sources[0].failedForGood();
    expect(header.seen.open).toEqual([false, true, false]);
    expect(sources[0].closed).toBe(true);

    shared.subscribe(recorder().listener);
    expect(sources).toHaveLength(2);
    expect(sources[1].closed).toBe(false);
  });

  it("leaving twice does not close a stream others still use", () => {
    const { shared, sources } = stream();
    const leave = shared.subscribe(recorder().listener);
    shared.subscribe(recorder().listener);
    leave();
    leave();
    expect(sources[0].closed).toBe(false);
    expect(shared.size).toBe(1);
  });
});

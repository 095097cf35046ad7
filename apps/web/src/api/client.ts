// The one way the app talks to the gateway: same origin, the BFF session cookie, the CSRF header on
// writes, and every failure turned into an ApiError carrying the problem+json the API answered.

export interface FieldError {
  field?: string;
  message?: string;
  line?: number;
  problem?: string;
}

export interface Finding {
  ruleId: string;
  reason: string;
}

/** RFC 9457 problem details, as every couchannel endpoint answers errors. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  findings?: Finding[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** No answer at all: the network or the gateway is down. */
  get unreachable(): boolean {
    return this.status === 0;
  }

  /** The message for one form field, if the API named it. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }
}

/** The value of a cookie readable by scripts, e.g. XSRF-TOKEN. */
export function cookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) {
      return decodeURIComponent(value.join("="));
    }
  }
  return undefined;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sent as it is (e.g. an image's bytes) instead of JSON; set its Content-Type in headers. */
  raw?: Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Headers of a request: JSON, and the gateway's CSRF token (cookie XSRF-TOKEN) on every write. */
export function requestHeaders(method: string, hasBody: boolean, cookies?: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (hasBody) {
    headers["Content-Type"] = "application/json";
  }
  if (!SAFE.has(method)) {
    const token = cookie("XSRF-TOKEN", cookies);
    if (token) {
      headers["X-XSRF-TOKEN"] = token;
    }
  }
  return headers;
}

/** Reads a failed answer into a Problem; a body that is not problem+json still gives status and title. */
export async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Problem;
      return { status: response.status, ...body };
    } catch {
      // fall through: an unreadable body
    }
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: { ...requestHeaders(method, hasBody), ...options.headers },
      body: options.raw ?? (hasBody ? JSON.stringify(options.body) : undefined),
      signal: options.signal,
    });
  } catch (failure) {
    if (failure instanceof DOMException && failure.name === "AbortError") {
      throw failure;
    }
    throw new ApiError(0, {});
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  if (response.status === 204 || response.headers.get("Content-Length") === "0") {
    return undefined as T;
  }
  return (await response.json()) as T;
}

/** A fresh key for one intended booking (a retry of the same intent reuses it). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

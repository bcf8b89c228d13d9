/** The part of autocannon's API the hosted load test uses (the package ships no types). */
declare module 'autocannon' {
  export interface RawRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  /** Per connection, fresh for each request when `requests` has one entry. */
  type Context = Record<string, unknown>;
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    requests?: {
      setupRequest?: (req: RawRequest, context: Context) => RawRequest;
      /** Called when the request's response has arrived, just before the instance's `response` event. */
      onResponse?: (status: number, body: string, context: Context) => void;
    }[];
  }
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    latency: Histogram;
    requests: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  /** A running load: a promise of its result, and an emitter of each response. */
  interface Instance extends PromiseLike<Result> {
    /** Every response: its status, size and milliseconds from sending the request. */
    on(
      event: 'response',
      listener: (client: unknown, status: number, bytes: number, ms: number) => void,
    ): Instance;
  }
  function autocannon(options: Options): Instance;
  // biome-ignore lint/style/noDefaultExport: the package is CommonJS; its module.exports is this function.
  export default autocannon;
}

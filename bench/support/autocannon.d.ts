/** The part of autocannon's API the hosted load test uses (the package ships no types). */
declare module 'autocannon' {
  interface RawRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Requests per second across all connections; unthrottled when absent. */
    overallRate?: number;
    /** Latency from the actual send, not from when the rate said the request was due. */
    ignoreCoordinatedOmission?: boolean;
    requests?: { setupRequest?: (req: RawRequest) => RawRequest }[];
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
  function autocannon(options: Options): Promise<Result>;
  // biome-ignore lint/style/noDefaultExport: the package is CommonJS; its module.exports is this function.
  export default autocannon;
}

// bench:scale's reading of wrk's report: the rate, the percentiles in whatever unit wrk chose, and every failure.
import { describe, expect, it } from "vitest";
import { parseWrk } from "./wrk";

// Printed by wrk 4.1.0 (Debian's) with --latency against a server answering every tenth request with 500.
const REPORT = `Running 1s test @ http://127.0.0.1:18777/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   599.10us    1.45ms  22.46ms   93.99%
    Req/Sec    13.81k     8.08k   28.63k    63.64%
  Latency Distribution
     50%  221.00us
     75%  436.00us
     90%    1.23ms
     99%    6.78ms
  15074 requests in 1.10s, 1.81MB read
  Non-2xx or 3xx responses: 1507
Requests/sec:  13702.61
Transfer/sec:      1.65MB
`;

describe("parseWrk", () => {
  it("reads the rate, p50 and p99 in ms whatever their unit, and counts non-2xx answers as failures", () => {
    expect(parseWrk(REPORT)).toEqual({ perSecond: 13702.61, p50: 0.221, p99: 6.78, failures: 1507 });
  });

  it("adds socket errors to the failures, and reads seconds", () => {
    const report = REPORT.replace("99%    6.78ms", "99%    1.02s").replace("  Non-2xx or 3xx responses: 1507\n", "  Socket errors: connect 1, read 2, write 3, timeout 4\n");
    expect(parseWrk(report)).toMatchObject({ p99: 1020, failures: 10 });
  });

  it("gives NaN, not a number it did not read, for a report it does not know", () => {
    expect(parseWrk("unable to connect to 127.0.0.1:1 Connection refused")).toMatchObject({ perSecond: NaN, p50: NaN, p99: NaN, failures: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { clientAddress, forwardedHttps, publicHost, trustedProxyHops } from "../../../lib/http/forwardedRequest";

describe("forwarded request headers", () => {
  it("are trusted only with TRUST_PROXY", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "false" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "true" })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY: "2" })).toBe(2);
    expect(() => trustedProxyHops({ TRUST_PROXY: "maybe" })).toThrow(/TRUST_PROXY/);
    expect(publicHost("app.local:3000", "evil.example", 0)).toBe("app.local:3000");
    expect(clientAddress("10.0.0.1", "6.6.6.6", 0)).toBe("10.0.0.1");
    expect(forwardedHttps("https", 0)).toBe(false);
  });

  it("read the entry the outermost trusted proxy wrote, ignoring what the client put before it", () => {
    expect(clientAddress("10.0.0.1", "6.6.6.6, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientAddress("10.0.0.1", "6.6.6.6, 203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
    expect(clientAddress("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
    expect(publicHost("app:3000", "claims.example.org", 1)).toBe("claims.example.org");
    expect(forwardedHttps("https", 1)).toBe(true);
    expect(forwardedHttps("https, http", 1)).toBe(false);
  });
});

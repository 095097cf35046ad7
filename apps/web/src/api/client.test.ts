import { describe, expect, it } from "vitest";
import { ApiError, cookie, problemOf, requestHeaders } from "./client";

describe("requests", () => {
  it("send the XSRF-TOKEN cookie as X-XSRF-TOKEN on writes only", () => {
    const cookies = "COUCHANNEL_SESSION=abc; XSRF-TOKEN=t%2Bk=1";
    expect(requestHeaders("POST", true, cookies)["X-XSRF-TOKEN"]).toBe("t+k=1");
    expect(requestHeaders("POST", true, cookies)["Content-Type"]).toBe("application/json");
    expect(requestHeaders("GET", false, cookies)["X-XSRF-TOKEN"]).toBeUndefined();
  });

  it("read a cookie by its exact name", () => {
    expect(cookie("XSRF-TOKEN", "NOT-XSRF-TOKEN=1; XSRF-TOKEN=2")).toBe("2");
    expect(cookie("XSRF-TOKEN", "")).toBeUndefined();
  });
});

describe("problems", () => {
  it("keep detail, field errors and findings of problem+json", async () => {
    const response = new Response(
      JSON.stringify({
        title: "Bad Request",
        detail: "Fix the fields",
        errors: [{ field: "seats", message: "must be at most 6" }],
        findings: [{ ruleId: "uk-3pm-blackout@1", reason: "3pm blackout" }],
      }),
      { status: 400, headers: { "Content-Type": "application/problem+json" } },
    );
    const error = new ApiError(400, await problemOf(response));
    expect(error.message).toBe("Fix the fields");
    expect(error.fieldError("seats")).toBe("must be at most 6");
    expect(error.problem.findings?.[0].ruleId).toBe("uk-3pm-blackout@1");
    expect(error.problem.status).toBe(400);
  });

  it("still say what happened when the body is not JSON", async () => {
    const problem = await problemOf(new Response("<html>", { status: 502, statusText: "Bad Gateway" }));
    expect(problem).toEqual({ status: 502, title: "Bad Gateway" });
  });
});

/**
 * Trusted Types: on a page with `require-trusted-types-for 'script'`, `new Worker(url)` only accepts
 * a `TrustedScriptURL`. Inkling creates one policy named `inkling` (allow it with
 * `trusted-types inkling`) and only ever passes it URLs it derived itself. Where the page's CSP does
 * not allow the policy, the string goes through unchanged, the sink throws, and the caller falls back.
 */
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): ScriptUrlPolicy;
}

/** Called once per page (the page starts one worker), so the policy is created once and not kept. */
export function scriptUrl(url: string): string {
  try {
    const policy = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes?.createPolicy('inkling', { createScriptURL: (value) => value });
    // A TrustedScriptURL is accepted wherever a string is; typed as string so sinks keep their DOM types.
    if (policy) return policy.createScriptURL(url) as string;
  } catch {
    // The page's CSP does not allow the policy: the string goes through and the sink decides.
  }
  return url;
}

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

// Kept: a page may start more than one engine (two `createInkling()`s, React's StrictMode), and a
// policy name can be created only once under `trusted-types inkling`.
let policy: ScriptUrlPolicy | undefined;

/** The URL as a `TrustedScriptURL` where Trusted Types exist and allow our policy, else as a string. */
export function scriptUrl(url: string): string {
  try {
    policy ??= (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes?.createPolicy('inkling', {
      createScriptURL: (value) => value,
    });
  } catch {
    // The page's CSP does not allow the policy: the string goes through and the sink decides.
  }
  // A TrustedScriptURL is accepted wherever a string is; typed as string so sinks keep their DOM types.
  return (policy?.createScriptURL(url) ?? url) as string;
}

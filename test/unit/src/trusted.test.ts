import { afterEach, describe, expect, it, vi } from 'vitest';

/** Trusted Types as a `trusted-types inkling` CSP enforces them: a policy name can be created once. */
function enforceTrustedTypes(): string[] {
  const created: string[] = [];
  vi.stubGlobal('trustedTypes', {
    createPolicy(name: string, rules: { createScriptURL: (url: string) => string }) {
      if (created.includes(name)) throw new TypeError(`policy ${name} already exists`);
      created.push(name);
      return { createScriptURL: (url: string) => ({ trusted: rules.createScriptURL(url) }) };
    },
  });
  return created;
}

describe('scriptUrl', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('wraps every URL with one policy, however many engines a page starts', async () => {
    const created = enforceTrustedTypes();
    const { scriptUrl } = await import('../../../src/trusted.js');
    expect(scriptUrl('/a.js')).toEqual({ trusted: '/a.js' });
    expect(scriptUrl('/b.js')).toEqual({ trusted: '/b.js' });
    expect(created).toEqual(['inkling']);
  });

  it('passes the string through where Trusted Types are missing', async () => {
    const { scriptUrl } = await import('../../../src/trusted.js');
    expect(scriptUrl('/a.js')).toBe('/a.js');
  });
});

import { describe, expect, it } from 'vitest';
import { resolveMode } from '../../../src/privacy.js';

describe('resolveMode', () => {
  it('personalizes fully when nothing says otherwise', () => {
    expect(resolveMode({}, 'unknown', {})).toBe('full');
  });
  it('maps GPC and DNT to session by default, configurably', () => {
    expect(resolveMode({}, 'granted', { globalPrivacyControl: true })).toBe('session');
    expect(resolveMode({}, 'granted', { doNotTrack: '1' })).toBe('session');
    expect(resolveMode({ gpcMode: 'off' }, 'granted', { globalPrivacyControl: true })).toBe('off');
  });
  it('maps denied consent to off, and the strictest signal wins', () => {
    expect(resolveMode({}, 'denied', {})).toBe('off');
    expect(resolveMode({ deniedMode: 'session' }, 'denied', { globalPrivacyControl: true })).toBe('session');
  });
  it('waits for consent when the site requires it', () => {
    expect(resolveMode({ requireConsent: true }, 'unknown', {})).toBe('off');
    expect(resolveMode({ requireConsent: true }, 'granted', {})).toBe('full');
  });
  it('lets an explicit mode override every signal', () => {
    expect(resolveMode({ mode: 'full' }, 'denied', { globalPrivacyControl: true })).toBe('full');
  });
});

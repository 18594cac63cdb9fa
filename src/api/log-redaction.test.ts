import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.js';

describe('redactUrl', () => {
  it('hides the value of a search, whatever its spelling, and keeps the rest', () => {
    expect(redactUrl('/api/residents?county=320612&q=%E7%8E%8B%E5%B0%8F%E6%98%8E&page=2')).toBe(
      '/api/residents?county=320612&q=[redacted]&page=2',
    );
    expect(redactUrl('/residents?%71=13900001111')).toBe('/residents?%71=[redacted]');
    expect(redactUrl('/api/residents?q')).toBe('/api/residents?q=[redacted]');
    expect(redactUrl('/api/plans/1')).toBe('/api/plans/1');
    expect(redactUrl('/api/audit?action=residents&quality=x')).toBe('/api/audit?action=residents&quality=x');
  });
});

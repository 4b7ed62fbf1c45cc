import { CONFIG_OPTIONS, helpText, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('has working defaults with no environment at all', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      success: true,
      output: { port: 8787, host: '127.0.0.1', databaseUrl: undefined, retentionDays: 396, publicUrl: 'http://127.0.0.1:8787', bodyLimit: 16384 },
    });
  });

  it('reads API keys with their scopes', () => {
    const config = parseConfig({ TRACKER_API_KEYS: 'issue-key-1:issue, rep:ort-key:report+erase+report' });
    expect(config.success && config.output.apiKeys).toEqual([
      { key: 'issue-key-1', scopes: ['issue'] },
      { key: 'rep:ort-key', scopes: ['report', 'erase'] },
    ]);
  });

  it('refuses unknown scopes and short keys without echoing the key', () => {
    const config = parseConfig({ TRACKER_API_KEYS: 'secret-key-9:admin,short:issue' });
    expect(config.success).toBe(false);
    if (config.success) return;
    expect(config.issues).toHaveLength(2);
    expect(JSON.stringify(config.issues)).not.toContain('secret-key-9');
  });

  it('names each bad variable in its issue path', () => {
    const config = parseConfig({ TRACKER_PORT: '99999', TRACKER_RETENTION_DAYS: '-1', DATABASE_URL: 'mysql://x', TRACKER_ALLOWED_ORIGINS: 'https://a.example/path' });
    expect(config.success ? [] : config.issues.map((i) => i.path[0])).toEqual(['TRACKER_PORT', 'DATABASE_URL', 'TRACKER_ALLOWED_ORIGINS', 'TRACKER_RETENTION_DAYS']);
  });

  it('normalises origins, hosts and the public URL', () => {
    const config = parseConfig({
      TRACKER_ALLOWED_ORIGINS: 'https://intranet.example.com/, https://contoso.sharepoint.com',
      TRACKER_ALLOWED_TARGET_HOSTS: 'Intranet.Example.com',
      TRACKER_PUBLIC_URL: 'https://go.example.com/',
      TRACKER_TRUST_PROXY: '10.0.0.0/8, 192.0.2.1',
    });
    expect(config.success && config.output).toMatchObject({
      allowedOrigins: ['https://intranet.example.com', 'https://contoso.sharepoint.com'],
      allowedTargetHosts: ['intranet.example.com'],
      publicUrl: 'https://go.example.com',
      trustProxy: '10.0.0.0/8, 192.0.2.1',
    });
  });

  it('refuses a hop count for TRACKER_TRUST_PROXY, which Fastify would silently not trust', () => {
    for (const value of ['1', '2', '0']) {
      const config = parseConfig({ TRACKER_TRUST_PROXY: value });
      expect(config.success ? [] : config.issues.map((i) => i.path[0])).toEqual(['TRACKER_TRUST_PROXY']);
    }
    expect(parseConfig({ TRACKER_TRUST_PROXY: 'true' })).toMatchObject({ success: true, output: { trustProxy: true } });
    const defaults = parseConfig({});
    expect(defaults.success && defaults.output).toMatchObject({ trustProxy: false });
  });
});

describe('helpText', () => {
  it('lists every variable with its default', () => {
    const text = helpText();
    for (const option of CONFIG_OPTIONS) expect(text).toContain(option.name);
    expect(text).toContain('[default: 8787]');
  });
});

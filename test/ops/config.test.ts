import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

/** The operator's settings (docs/deploy.md, "Settings"): what each accepts, and a clear refusal otherwise. */
describe('operator settings', () => {
  it('TENDIK_TRUST_PROXY: loopback by default, nobody, a hop count or a list; never "everyone"', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TENDIK_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TENDIK_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TENDIK_TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,uniquelocal' }).trustProxy).toEqual(['10.0.0.5', '172.16.0.0/12', 'uniquelocal']);
    expect(() => loadConfig({ TENDIK_TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TENDIK_TRUST_PROXY: 'proxy.example.kg' })).toThrow(/neither an address/);
    expect(() => loadConfig({ TENDIK_TRUST_PROXY: '10.0.0.0/33' })).toThrow(ConfigError);
  });

  it('TENDIK_LOG_LEVEL: one of the levels', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ TENDIK_LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
    expect(() => loadConfig({ TENDIK_LOG_LEVEL: 'verbose' })).toThrow(/debug, info, warn, error, silent/);
  });

  it('mail is off without TENDIK_SMTP_HOST, and needs a sender and the public address with it', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(() => loadConfig({ TENDIK_SMTP_HOST: 'smtp.example.kg' })).toThrow(/TENDIK_MAIL_FROM/);
    expect(() => loadConfig({ TENDIK_SMTP_HOST: 'smtp.example.kg', TENDIK_MAIL_FROM: 'Tendik <t@example.kg>' })).toThrow(/TENDIK_PUBLIC_URL/);
    const config = loadConfig({ TENDIK_SMTP_HOST: 'smtp.example.kg', TENDIK_MAIL_FROM: 'Tendik <t@example.kg>', TENDIK_PUBLIC_URL: 'https://tendik.example.kg/' });
    expect(config.mail).toMatchObject({ host: 'smtp.example.kg', port: 587, secure: false, from: 'Tendik <t@example.kg>' });
    expect(config.publicUrl).toBe('https://tendik.example.kg');
    expect(() => loadConfig({ TENDIK_PUBLIC_URL: 'tendik.example.kg' })).toThrow(ConfigError);
  });

  it('scheduled backups: a folder, a period in hours and how many to keep', () => {
    expect(loadConfig({}).backup).toBeNull();
    expect(loadConfig({ TENDIK_BACKUP_DIR: '/var/backups/tendik', TENDIK_BACKUP_HOURS: '6', TENDIK_BACKUP_KEEP: '10' }).backup).toEqual({
      dir: '/var/backups/tendik',
      intervalMs: 6 * 3600_000,
      keep: 10,
    });
    expect(() => loadConfig({ TENDIK_BACKUP_DIR: '/b', TENDIK_BACKUP_HOURS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ TENDIK_BACKUP_DIR: '/b', TENDIK_BACKUP_KEEP: '0' })).toThrow(ConfigError);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

describe('mail and job settings', () => {
	it('without SMTP the app sends no e-mail and runs the job queue', () => {
		const c = readConfig({});
		expect(c.smtp).toBeNull();
		expect(c.jobs).toBe(true);
	});

	it('takes an SMTP URL with a sender', () => {
		const c = readConfig({ SMTP_URL: 'smtp://bina:rahasia@mail.pemkomedan.go.id:587', MAIL_FROM: 'Bina ASN <bina@pemkomedan.go.id>', JOBS: '0' });
		expect(c.smtp).toEqual({ url: 'smtp://bina:rahasia@mail.pemkomedan.go.id:587', from: 'Bina ASN <bina@pemkomedan.go.id>' });
		expect(c.jobs).toBe(false);
	});

	it('names what is wrong, without printing the password', () => {
		expect(() => readConfig({ SMTP_URL: 'smtp://bina:rahasia@mail.pemkomedan.go.id' })).toThrow(/MAIL_FROM is required/);
		expect(() => readConfig({ SMTP_URL: 'mail.pemkomedan.go.id', MAIL_FROM: 'bina@pemkomedan.go.id' })).toThrow(ConfigError);
		const message = (() => {
			try {
				readConfig({ SMTP_URL: 'http://bina:rahasia@mail.pemkomedan.go.id', MAIL_FROM: 'bina@pemkomedan.go.id' });
				return 'accepted';
			} catch (e) {
				return (e as Error).message;
			}
		})();
		expect(message).toMatch(/SMTP_URL must look like/);
		expect(message).not.toContain('rahasia');
		expect(() => readConfig({ SMTP_URL: 'smtp://mail.pemkomedan.go.id', MAIL_FROM: 'Bina ASN' })).toThrow(/MAIL_FROM must be an e-mail address/);
		expect(() => readConfig({ JOBS: 'kadang' })).toThrow(/JOBS must be true or false/);
	});
});

import { describe, expect, it } from 'vitest';
import { notificationText } from './mailer';

describe('notification text', () => {
	it('comes from the catalogue in the reader’s language', () => {
		expect(notificationText('sup_cert_expiring', { course: 'Pelayanan Publik Prima', date: '2026-12-01' }, 'id')).toBe(
			'Sertifikat "Pelayanan Publik Prima" Anda akan berakhir pada 2026-12-01. Ikuti sertifikasi ulang sebelum tanggal itu.'
		);
		expect(notificationText('sup_cert_expiring', { course: 'Pelayanan Publik Prima', date: '2026-12-01' }, 'en')).toBe(
			'Your certificate "Pelayanan Publik Prima" expires on 2026-12-01. Recertify before then.'
		);
	});

	it('reads as a plain sentence for a kind the catalogue does not know yet', () => {
		expect(notificationText('plan_something_new', {}, 'id')).toBe('Ada pemberitahuan baru untuk Anda.');
		expect(notificationText('plan_something_new', {}, 'en')).toBe('You have a new notification.');
	});
});

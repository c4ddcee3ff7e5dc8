// Whether e-mail is configured (SMTP_URL), set once at start-up. Notifications are marked for
// e-mail only then; without SMTP they live in the in-app list alone.
let enabled = false;

export function setMailEnabled(value: boolean): void {
	enabled = value;
}

export function mailEnabled(): boolean {
	return enabled;
}

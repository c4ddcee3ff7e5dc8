export interface Bar {
	label: string;
	value: number;
	/** A colour role from app.css: ok, warn, danger, primary. */
	tone?: 'ok' | 'warn' | 'danger' | 'primary' | 'muted';
}

import { describe, expect, it } from 'vitest';
import { sniffDocumentType } from './external-training.service';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);

describe('external training documents are typed by their content', () => {
	it('recognises PDF, PNG and JPEG', () => {
		expect(sniffDocumentType(new TextEncoder().encode('%PDF-1.7\n…'))).toBe('application/pdf');
		expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
		expect(sniffDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
	});

	it('refuses anything else, whatever its name says', () => {
		expect(sniffDocumentType(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeNull();
		expect(sniffDocumentType(new TextEncoder().encode('MZ\x90\x00'))).toBeNull();
		expect(sniffDocumentType(new Uint8Array())).toBeNull();
	});
});

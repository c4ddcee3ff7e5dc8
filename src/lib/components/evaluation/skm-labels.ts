// The SKM questions and answer options in the wording of PermenPANRB 14/2017 (annex), by element
// code. Option k (0-3) is the rating k + 1.
import { m } from '$lib/paraglide/messages';

type Fn = () => string;
const Q: Record<string, Fn> = {
	persyaratan: m.ev_skm_q_persyaratan,
	prosedur: m.ev_skm_q_prosedur,
	waktu: m.ev_skm_q_waktu,
	biaya: m.ev_skm_q_biaya,
	produk: m.ev_skm_q_produk,
	kompetensi: m.ev_skm_q_kompetensi,
	perilaku: m.ev_skm_q_perilaku,
	pengaduan: m.ev_skm_q_pengaduan,
	sarana: m.ev_skm_q_sarana
};
const NAME: Record<string, Fn> = {
	persyaratan: m.ev_skm_persyaratan,
	prosedur: m.ev_skm_prosedur,
	waktu: m.ev_skm_waktu,
	biaya: m.ev_skm_biaya,
	produk: m.ev_skm_produk,
	kompetensi: m.ev_skm_kompetensi,
	perilaku: m.ev_skm_perilaku,
	pengaduan: m.ev_skm_pengaduan,
	sarana: m.ev_skm_sarana
};
const O: Record<string, Fn[]> = {
	persyaratan: [m.ev_skm_o_sesuai_1, m.ev_skm_o_sesuai_2, m.ev_skm_o_sesuai_3, m.ev_skm_o_sesuai_4],
	prosedur: [m.ev_skm_o_mudah_1, m.ev_skm_o_mudah_2, m.ev_skm_o_mudah_3, m.ev_skm_o_mudah_4],
	waktu: [m.ev_skm_o_cepat_1, m.ev_skm_o_cepat_2, m.ev_skm_o_cepat_3, m.ev_skm_o_cepat_4],
	biaya: [m.ev_skm_o_biaya_1, m.ev_skm_o_biaya_2, m.ev_skm_o_biaya_3, m.ev_skm_o_biaya_4],
	produk: [m.ev_skm_o_sesuai_1, m.ev_skm_o_sesuai_2, m.ev_skm_o_sesuai_3, m.ev_skm_o_sesuai_4],
	kompetensi: [m.ev_skm_o_kompeten_1, m.ev_skm_o_kompeten_2, m.ev_skm_o_kompeten_3, m.ev_skm_o_kompeten_4],
	perilaku: [m.ev_skm_o_sopan_1, m.ev_skm_o_sopan_2, m.ev_skm_o_sopan_3, m.ev_skm_o_sopan_4],
	pengaduan: [m.ev_skm_o_aduan_1, m.ev_skm_o_aduan_2, m.ev_skm_o_aduan_3, m.ev_skm_o_aduan_4],
	sarana: [m.ev_skm_o_sarana_1, m.ev_skm_o_sarana_2, m.ev_skm_o_sarana_3, m.ev_skm_o_sarana_4]
};

export const skmQuestion = (code: string) => Q[code]?.() ?? code;
export const skmElementName = (code: string) => NAME[code]?.() ?? code;
export const skmOptions = (code: string) => (O[code] ?? []).map((f) => f());

export function bandLabel(band: string | null): string {
	if (band === 'A') return m.ev_band_a();
	if (band === 'B') return m.ev_band_b();
	if (band === 'C') return m.ev_band_c();
	if (band === 'D') return m.ev_band_d();
	return '–';
}

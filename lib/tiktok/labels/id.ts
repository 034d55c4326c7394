/**
 * Indonesian. The Malay article on removing members (a sister language with different wording)
 * is not cited for Indonesian; labels here are unverified unless an Indonesian article is named.
 */
import { flowWords, language, pageWords, unverified } from './types';

/** The words that say what a page is and read its access tables (the watcher's share). */
export const idPage = /* @__PURE__ */ pageWords({
  lang: 'id',
  name: 'Bahasa Indonesia',
  dir: 'ltr',
  labels: () => ({
    members: unverified('Anggota'),
    partners: unverified('Mitra'),
    colName: unverified('Nama pengguna', 'Nama'),
    colEmail: unverified('Alamat email', 'Email'),
    colStatus: unverified('Status'),
    colBcRole: unverified('Peran'),
    colPermission: unverified('Izin'),
    colPartnerName: unverified('Nama mitra'),
    colIgnored: unverified('Aksi', 'Tindakan', 'Aset yang ditetapkan'),
    colBcId: unverified('ID BC'),
    'bcRole.admin': unverified('Admin'),
    'bcRole.standard': unverified('Standar'),
    'financeRole.manager': unverified('Manajer keuangan'),
    'financeRole.analyst': unverified('Analis keuangan'),
    'assetRole.admin': unverified('Admin'),
    'assetRole.operator': unverified('Operator'),
    'assetRole.analyst': unverified('Analis'),
    'status.active': unverified('Aktif'),
    'status.pending': unverified('Tertunda'),
    'status.suspended': unverified('Ditangguhkan'),
    'status.expired': unverified('Kedaluwarsa'),
    'status.rejected': unverified('Ditolak'),
    bcIdPrefix: unverified('ID BC'),
  }),
  recordsTotal: [/^(\d[\d,.\s]*)\s+data\s+secara\s+total$/i, /^total\s+(\d[\d,.\s]*)\s+data$/i],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const idFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Memuat…'),
  inviteTitle: unverified('Undang anggota'),
  addPartnersTitle: unverified('Tambah mitra'),
  assignTitle: unverified('Tetapkan anggota baru'),
  editPermission: unverified('Ubah', 'Ubah izin'),
  editPermissionTitle: unverified('Ubah izin'),
  save: unverified('Simpan'),
  resend: unverified('Kirim ulang'),
  confirm: unverified('Konfirmasi'),
  next: unverified('Berikutnya', 'Selanjutnya'),
  removeVerb: unverified('Hapus'),
  confirmationCode: unverified('kode konfirmasi', 'kode verifikasi'),
  emailField: unverified('Alamat email'),
  partnerBcIdField: unverified('ID BC mitra'),
  'success.invited': unverified('Undangan terkirim'),
  'success.resent': unverified('Undangan dikirim ulang'),
  'success.memberRemoved': unverified('Anggota dihapus'),
  'success.partnerAdded': unverified('Mitra ditambahkan'),
  'success.partnerRemoved': unverified('Mitra dihapus'),
  'success.memberAssigned': unverified('Anggota ditetapkan'),
  'success.saved': unverified('Perubahan disimpan', 'Tersimpan'),
}));

export const id = /* @__PURE__ */ language(idPage, idFlow);

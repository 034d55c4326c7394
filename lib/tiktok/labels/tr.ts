/**
 * Turkish. TikTok's Turkish help pages for these flows were found only untranslated, so every
 * label is unverified. Turkish glues endings onto words ("kaldırılsın"): titles are matched by
 * where a label begins, not where it ends (match.ts).
 */
import { flowWords, language, pageWords, unverified } from './types';

/** The words that say what a page is and read its access tables (the watcher's share). */
export const trPage = /* @__PURE__ */ pageWords({
  lang: 'tr',
  name: 'Türkçe',
  dir: 'ltr',
  labels: () => ({
    members: unverified('Üyeler', 'Üye'),
    partners: unverified('İş ortakları', 'İş ortağı', 'Ortaklar'),
    colName: unverified('Kullanıcı adı', 'Ad'),
    colEmail: unverified('E-posta', 'E-posta adresi'),
    colStatus: unverified('Durum'),
    colBcRole: unverified('Rol', 'Roller'),
    colPermission: unverified('İzin', 'İzinler', 'Yetki'),
    colPartnerName: unverified('İş ortağı adı'),
    colIgnored: unverified('İşlem', 'İşlemler', 'Atanan varlıklar', 'Paylaşılan varlıklar'),
    colBcId: unverified('İş Merkezi Kimliği', 'BC Kimliği'),
    'bcRole.admin': unverified('Yönetici'),
    'bcRole.standard': unverified('Standart'),
    'financeRole.manager': unverified('Finans yöneticisi'),
    'financeRole.analyst': unverified('Finans analisti'),
    'assetRole.admin': unverified('Yönetici'),
    'assetRole.operator': unverified('Operatör'),
    'assetRole.analyst': unverified('Analist'),
    'status.active': unverified('Aktif', 'Etkin'),
    'status.pending': unverified('Beklemede'),
    'status.suspended': unverified('Askıya alındı'),
    'status.expired': unverified('Süresi doldu'),
    'status.rejected': unverified('Reddedildi'),
    bcIdPrefix: unverified('İş Merkezi Kimliği'),
  }),
  recordsTotal: [/^toplam\s+(\d[\d,.\s]*)\s+kayıt$/i],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const trFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Yükleniyor…', 'Yükleniyor...'),
  inviteTitle: unverified('Üye davet et', 'Üye Davet Et'),
  addPartnersTitle: unverified('İş ortağı ekle'),
  assignTitle: unverified('Yeni üye ata'),
  editPermission: unverified('Düzenle', 'İzni düzenle'),
  editPermissionTitle: unverified('İzni düzenle', 'İzinleri düzenle'),
  save: unverified('Kaydet'),
  resend: unverified('Yeniden gönder'),
  confirm: unverified('Onayla'),
  next: unverified('İleri', 'Sonraki'),
  removeVerb: unverified('Kaldır', 'Sil'),
  confirmationCode: unverified('onay kodu', 'doğrulama kodu'),
  emailField: unverified('E-posta adres(ler)i', 'E-posta adresi'),
  partnerBcIdField: unverified('İş ortağının İş Merkezi Kimliği'),
  'success.invited': unverified('Davet gönderildi', 'Davetler gönderildi'),
  'success.resent': unverified('Davet yeniden gönderildi'),
  'success.memberRemoved': unverified('Üye kaldırıldı'),
  'success.partnerAdded': unverified('İş ortağı eklendi'),
  'success.partnerRemoved': unverified('İş ortağı kaldırıldı'),
  'success.memberAssigned': unverified('Üye atandı'),
  'success.saved': unverified('Değişiklikler kaydedildi', 'Kaydedildi'),
}));

export const tr = /* @__PURE__ */ language(trPage, trFlow);

/**
 * Arabic, written right to left: text read from the page may carry bidi marks (U+200E/200F,
 * U+061C), which `fold` drops. Arabic attaches prefixes ("ال", "و") to words, so titles are
 * matched without a word-start check (match.ts).
 */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const orgAccounts = seenIn(helpArticle('about-organization-accounts', 'ar'));

/** The words that say what a page is and read its access tables (the watcher's share). */
export const arPage = /* @__PURE__ */ pageWords({
  lang: 'ar',
  name: 'العربية',
  dir: 'rtl',
  labels: () => ({
    members: unverified('الأعضاء', 'عضو'),
    partners: unverified('الشركاء', 'شريك'),
    colName: unverified('اسم المستخدم', 'الاسم'),
    colEmail: unverified('البريد الإلكتروني', 'عنوان البريد الإلكتروني'),
    colStatus: unverified('الحالة'),
    colBcRole: unverified('الدور', 'الأدوار'),
    colPermission: unverified('الإذن', 'الأذونات', 'الصلاحية'),
    colPartnerName: unverified('اسم الشريك'),
    colIgnored: unverified('الإجراء', 'الإجراءات', 'الأصول المعيّنة', 'الأصول المشتركة'),
    colBcId: unverified('معرّف مركز الأعمال'),
    'bcRole.admin': unverified('مسؤول'),
    'bcRole.standard': unverified('عادي', 'قياسي'),
    'financeRole.manager': unverified('مدير الشؤون المالية', 'مدير مالي'),
    'financeRole.analyst': unverified('محلل مالي'),
    'assetRole.admin': unverified('مسؤول'),
    'assetRole.operator': unverified('مشغّل'),
    'assetRole.analyst': unverified('محلل'),
    'status.active': unverified('نشط'),
    'status.pending': unverified('قيد الانتظار', 'معلّق'),
    'status.suspended': unverified('موقوف'),
    'status.expired': unverified('منتهي الصلاحية'),
    'status.rejected': unverified('مرفوض'),
    bcIdPrefix: unverified('معرّف مركز الأعمال'),
  }),
  recordsTotal: [
    /^[\u200e\u200f\u061c\u2066-\u2069]*(?:الإجمالي|إجمالي)\s*:?\s*(\d[\d,.\s]*)(?:\s+سجل(?:ات)?)?$/,
  ],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const arFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('جارٍ التحميل…', 'جارٍ التحميل'),
  inviteTitle: unverified('دعوة عضو', 'دعوة أعضاء'),
  addPartnersTitle: unverified('إضافة شركاء', 'إضافة شريك'),
  assignTitle: unverified('تعيين عضو جديد'),
  editPermission: unverified('تعديل', 'تعديل الإذن'),
  editPermissionTitle: unverified('تعديل الإذن', 'تعديل الأذونات'),
  save: unverified('حفظ'),
  resend: unverified('إعادة الإرسال', 'إعادة إرسال'),
  confirm: unverified('تأكيد'),
  next: unverified('التالي'),
  removeVerb: unverified('إزالة', 'حذف'),
  confirmationCode: [
    ...orgAccounts('أكواد التحقّق'),
    ...unverified('رمز التأكيد', 'رمز التحقق', 'كود التحقّق'),
  ],
  emailField: unverified('عنوان البريد الإلكتروني', 'البريد الإلكتروني'),
  partnerBcIdField: unverified('معرّف مركز الأعمال للشريك'),
  'success.invited': unverified('تم إرسال الدعوة'),
  'success.resent': unverified('تمت إعادة إرسال الدعوة'),
  'success.memberRemoved': unverified('تمت إزالة العضو'),
  'success.partnerAdded': unverified('تمت إضافة الشريك'),
  'success.partnerRemoved': unverified('تمت إزالة الشريك'),
  'success.memberAssigned': unverified('تم تعيين العضو'),
  'success.saved': unverified('تم حفظ التغييرات', 'تم الحفظ'),
}));

export const ar = /* @__PURE__ */ language(arPage, arFlow);

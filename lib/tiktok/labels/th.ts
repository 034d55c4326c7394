/** Thai, roles from the Thai article on Business Center roles. Thai writes no word spaces. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const roles = seenIn(helpArticle('about-business-center-roles-and-permissions', 'th'));

/** The words that say what a page is and read its access tables (the watcher's share). */
export const thPage = /* @__PURE__ */ pageWords({
  lang: 'th',
  name: 'ภาษาไทย',
  dir: 'ltr',
  labels: () => ({
    members: roles('สมาชิก'),
    partners: unverified('พาร์ทเนอร์', 'พันธมิตร'),
    colName: unverified('ชื่อผู้ใช้', 'ชื่อ'),
    colEmail: unverified('อีเมล', 'ที่อยู่อีเมล'),
    colStatus: unverified('สถานะ'),
    colBcRole: unverified('บทบาท'),
    colPermission: unverified('สิทธิ์'),
    colPartnerName: unverified('ชื่อพาร์ทเนอร์'),
    colIgnored: unverified('การดำเนินการ', 'เนื้อหาที่ได้รับมอบหมาย'),
    colBcId: unverified('ID ศูนย์ธุรกิจ'),
    'bcRole.admin': roles('ผู้ดูแล'),
    'bcRole.standard': roles('มาตรฐาน'),
    'financeRole.manager': roles('ผู้จัดการด้านการเงิน'),
    'financeRole.analyst': roles('ผู้วิเคราะห์การเงิน'),
    'assetRole.admin': roles('ผู้ดูแล'),
    'assetRole.operator': unverified('ผู้ปฏิบัติงาน'),
    'assetRole.analyst': unverified('ผู้วิเคราะห์'),
    'status.active': unverified('ใช้งานอยู่', 'เข้าร่วมแล้ว'),
    'status.pending': unverified('รอดำเนินการ', 'รอการตอบรับ'),
    'status.suspended': unverified('ถูกระงับ'),
    'status.expired': unverified('หมดอายุ'),
    'status.rejected': unverified('ถูกปฏิเสธ'),
    bcIdPrefix: unverified('ID ศูนย์ธุรกิจ'),
  }),
  recordsTotal: [/^ทั้งหมด\s*(\d[\d,.\s]*)\s*รายการ$/],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const thFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('กำลังโหลด…', 'กำลังโหลด'),
  inviteTitle: unverified('เชิญสมาชิก'),
  addPartnersTitle: unverified('เพิ่มพาร์ทเนอร์'),
  assignTitle: unverified('มอบหมายสมาชิกใหม่'),
  editPermission: unverified('แก้ไข', 'แก้ไขสิทธิ์'),
  editPermissionTitle: unverified('แก้ไขสิทธิ์'),
  save: unverified('บันทึก'),
  resend: unverified('ส่งอีกครั้ง'),
  confirm: unverified('ยืนยัน'),
  next: unverified('ถัดไป'),
  removeVerb: unverified('ลบ', 'นำออก'),
  confirmationCode: unverified('รหัสยืนยัน'),
  emailField: unverified('ที่อยู่อีเมล'),
  partnerBcIdField: unverified('ID ศูนย์ธุรกิจของพาร์ทเนอร์'),
  'success.invited': unverified('ส่งคำเชิญแล้ว'),
  'success.resent': unverified('ส่งคำเชิญอีกครั้งแล้ว'),
  'success.memberRemoved': unverified('ลบสมาชิกแล้ว'),
  'success.partnerAdded': unverified('เพิ่มพาร์ทเนอร์แล้ว'),
  'success.partnerRemoved': unverified('ลบพาร์ทเนอร์แล้ว'),
  'success.memberAssigned': unverified('มอบหมายสมาชิกแล้ว'),
  'success.saved': unverified('บันทึกแล้ว'),
}));

export const th = /* @__PURE__ */ language(thPage, thFlow);

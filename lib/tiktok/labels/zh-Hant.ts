/** Traditional Chinese. No Traditional Chinese article was found: every label is unverified. */
import { flowWords, language, pageWords, unverified } from './types';

/** The words that say what a page is and read its access tables (the watcher's share). */
export const zhHantPage = /* @__PURE__ */ pageWords({
  lang: 'zh-Hant',
  name: '繁體中文',
  dir: 'ltr',
  labels: () => ({
    members: unverified('成員'),
    partners: unverified('合作夥伴'),
    colName: unverified('使用者名稱', '名稱'),
    colEmail: unverified('電子郵件', '電子郵件地址'),
    colStatus: unverified('狀態'),
    colBcRole: unverified('角色'),
    colPermission: unverified('權限'),
    colPartnerName: unverified('合作夥伴名稱'),
    colIgnored: unverified('操作', '已指派資產', '共用資產'),
    colBcId: unverified('商務中心 ID'),
    'bcRole.admin': unverified('管理員'),
    'bcRole.standard': unverified('標準', '一般'),
    'financeRole.manager': unverified('財務經理'),
    'financeRole.analyst': unverified('財務分析師'),
    'assetRole.admin': unverified('管理員'),
    'assetRole.operator': unverified('操作員'),
    'assetRole.analyst': unverified('分析師'),
    'status.active': unverified('已加入', '使用中'),
    'status.pending': unverified('待接受', '已邀請'),
    'status.suspended': unverified('已停權', '已暫停'),
    'status.expired': unverified('已過期'),
    'status.rejected': unverified('已拒絕'),
    bcIdPrefix: unverified('商務中心 ID'),
  }),
  recordsTotal: [/^共\s*(\d[\d,.\s]*)\s*(?:筆|條)(?:資料)?$/],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const zhHantFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('載入中…', '載入中'),
  inviteTitle: unverified('邀請成員'),
  addPartnersTitle: unverified('新增合作夥伴'),
  assignTitle: unverified('指派新成員'),
  editPermission: unverified('編輯', '編輯權限'),
  editPermissionTitle: unverified('編輯權限'),
  save: unverified('儲存'),
  resend: unverified('重新傳送'),
  confirm: unverified('確認'),
  next: unverified('下一步'),
  removeVerb: unverified('移除', '刪除'),
  confirmationCode: unverified('驗證碼', '確認碼'),
  emailField: unverified('電子郵件地址'),
  partnerBcIdField: unverified('合作夥伴商務中心 ID'),
  'success.invited': unverified('邀請已傳送'),
  'success.resent': unverified('邀請已重新傳送'),
  'success.memberRemoved': unverified('成員已移除'),
  'success.partnerAdded': unverified('已新增合作夥伴'),
  'success.partnerRemoved': unverified('合作夥伴已移除'),
  'success.memberAssigned': unverified('成員已指派'),
  'success.saved': unverified('已儲存'),
}));

export const zhHant = /* @__PURE__ */ language(zhHantPage, zhHantFlow);

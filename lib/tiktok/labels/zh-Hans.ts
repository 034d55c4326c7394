/** Simplified Chinese, from the Chinese articles on assigning members and TikTok Shop access. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const assignTikTokAccount = seenIn(
  helpArticle('how-to-grant-members-access-to-tiktok-accounts-in-business-center', 'zh'),
);
const shopAccess = seenIn(
  helpArticle('add-new-members-or-partners-to-your-tiktok-shop-in-business-center', 'zh'),
);

/** The words that say what a page is and read its access tables (the watcher's share). */
export const zhHansPage = /* @__PURE__ */ pageWords({
  lang: 'zh-Hans',
  name: '简体中文',
  dir: 'ltr',
  labels: () => ({
    members: assignTikTokAccount('成员'),
    partners: shopAccess('合作伙伴'),
    colName: unverified('用户名', '名称', '成员名称'),
    colEmail: unverified('邮箱', '电子邮箱', '邮箱地址', '电子邮箱地址'),
    colStatus: unverified('状态'),
    colBcRole: unverified('角色'),
    colPermission: unverified('权限'),
    colPartnerName: unverified('合作伙伴名称'),
    colIgnored: [...assignTikTokAccount('操作'), ...unverified('已分配资产', '共享资产')],
    colBcId: unverified('商务中心 ID', 'BC ID'),
    'bcRole.admin': assignTikTokAccount('管理员'),
    'bcRole.standard': unverified('标准', '标准成员'),
    'financeRole.manager': unverified('财务经理'),
    'financeRole.analyst': unverified('财务分析师'),
    'assetRole.admin': assignTikTokAccount('管理员'),
    'assetRole.operator': unverified('操作员'),
    'assetRole.analyst': unverified('分析师'),
    'status.active': unverified('已加入', '生效中', '活跃'),
    'status.pending': unverified('待接受', '待处理', '已邀请'),
    'status.suspended': unverified('已暂停'),
    'status.expired': unverified('已过期'),
    'status.rejected': unverified('已拒绝'),
    bcIdPrefix: unverified('商务中心 ID'),
  }),
  recordsTotal: [/^共\s*(\d[\d,.\s]*)\s*条(?:记录)?$/],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const zhHansFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('加载中…', '加载中...', '加载中'),
  inviteTitle: unverified('邀请成员'),
  addPartnersTitle: unverified('添加合作伙伴'),
  assignTitle: shopAccess('分配新成员'),
  editPermission: unverified('编辑', '编辑权限'),
  editPermissionTitle: unverified('编辑权限'),
  save: unverified('保存'),
  resend: unverified('重新发送'),
  confirm: unverified('确认', '确定'),
  next: unverified('下一步'),
  removeVerb: unverified('移除', '删除'),
  confirmationCode: unverified('验证码', '确认码'),
  emailField: unverified('邮箱地址', '电子邮箱地址'),
  partnerBcIdField: unverified('合作伙伴商务中心 ID'),
  'success.invited': unverified('邀请已发送'),
  'success.resent': unverified('邀请已重新发送'),
  'success.memberRemoved': unverified('成员已移除'),
  'success.partnerAdded': unverified('合作伙伴已添加'),
  'success.partnerRemoved': unverified('合作伙伴已移除'),
  'success.memberAssigned': unverified('成员已分配'),
  'success.saved': unverified('已保存', '保存成功'),
}));

export const zhHans = /* @__PURE__ */ language(zhHansPage, zhHansFlow);

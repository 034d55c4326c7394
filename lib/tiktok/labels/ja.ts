/** Japanese. Roles as the Japanese article on Business Center roles names them. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const roles = seenIn(helpArticle('about-business-center-roles-and-permissions', 'ja'));

/** The words that say what a page is and read its access tables (the watcher's share). */
export const jaPage = /* @__PURE__ */ pageWords({
  lang: 'ja',
  name: '日本語',
  dir: 'ltr',
  labels: () => ({
    members: [...roles('メンバー'), ...unverified('メンバー管理')],
    partners: roles('パートナー'),
    colName: unverified('ユーザー名', '名前', 'メンバー名'),
    colEmail: unverified('メールアドレス', 'メール'),
    colStatus: unverified('ステータス', '状態'),
    colBcRole: unverified('ロール', '役割'),
    colPermission: unverified('権限', 'アクセス権限'),
    colPartnerName: unverified('パートナー名'),
    colIgnored: unverified('アクション', '操作', '割り当て済みアセット', '共有アセット'),
    colBcId: unverified('ビジネスセンターID', 'BC ID'),
    'bcRole.admin': roles('管理者'),
    'bcRole.standard': [...roles('標準'), ...unverified('スタンダード')],
    'financeRole.manager': roles('財務マネージャー'),
    'financeRole.analyst': roles('財務アナリスト'),
    'assetRole.admin': [...roles('管理者'), ...unverified('アドミン')],
    'assetRole.operator': unverified('オペレーター'),
    'assetRole.analyst': unverified('アナリスト'),
    'status.active': unverified('有効', 'アクティブ', '参加済み'),
    'status.pending': unverified('保留中', '招待中', '承認待ち'),
    'status.suspended': unverified('停止中', '一時停止'),
    'status.expired': unverified('期限切れ'),
    'status.rejected': unverified('拒否', '辞退'),
    bcIdPrefix: unverified('ビジネスセンターID'),
  }),
  recordsTotal: [/^(?:合計|全)\s*(\d[\d,.\s]*)\s*件$/, /^(\d[\d,.\s]*)\s*件中?$/],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const jaFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('読み込み中…', '読み込み中...', '読み込み中'),
  inviteTitle: unverified('メンバーを招待', 'メンバーの招待'),
  addPartnersTitle: unverified('パートナーを追加', 'パートナーの追加'),
  assignTitle: [...roles('メンバーの割り当て'), ...unverified('新しいメンバーを割り当て')],
  editPermission: unverified('編集', '権限を編集'),
  editPermissionTitle: unverified('権限を編集', '権限の編集'),
  save: unverified('保存'),
  resend: unverified('再送信', '招待を再送信'),
  confirm: unverified('確認', '確定'),
  next: unverified('次へ'),
  removeVerb: [...roles('削除'), ...unverified('除外')],
  confirmationCode: unverified('確認コード', '認証コード', 'セキュリティ認証'),
  emailField: unverified('メールアドレス'),
  partnerBcIdField: unverified('パートナーのビジネスセンターID', 'パートナーのBC ID'),
  'success.invited': unverified('招待を送信しました', '招待が送信されました'),
  'success.resent': unverified('招待を再送信しました'),
  'success.memberRemoved': unverified('メンバーを削除しました'),
  'success.partnerAdded': unverified('パートナーを追加しました'),
  'success.partnerRemoved': unverified('パートナーを削除しました'),
  'success.memberAssigned': unverified('メンバーを割り当てました'),
  'success.saved': unverified('保存しました', '変更を保存しました'),
}));

export const ja = /* @__PURE__ */ language(jaPage, jaFlow);

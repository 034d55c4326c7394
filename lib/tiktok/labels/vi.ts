/** Vietnamese, from the Vietnamese articles on removing members and Spark Ads accounts. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const removeMembers = seenIn(
  helpArticle('how-to-remove-members-from-your-ad-account-in-business-center', 'vi'),
);
const sparkAds = seenIn(helpArticle('promote-spark-ads-via-tiktok-business-center', 'vi'));

/** The words that say what a page is and read its access tables (the watcher's share). */
export const viPage = /* @__PURE__ */ pageWords({
  lang: 'vi',
  name: 'Tiếng Việt',
  dir: 'ltr',
  labels: () => ({
    members: removeMembers('Thành viên'),
    partners: unverified('Đối tác'),
    colName: unverified('Tên người dùng', 'Tên'),
    colEmail: unverified('Email', 'Địa chỉ email'),
    colStatus: unverified('Trạng thái'),
    colBcRole: unverified('Vai trò'),
    colPermission: unverified('Quyền'),
    colPartnerName: unverified('Tên đối tác'),
    colIgnored: [...sparkAds('Thao tác'), ...unverified('Tài sản được chỉ định')],
    colBcId: unverified('ID Trung tâm doanh nghiệp'),
    'bcRole.admin': removeMembers('Quản trị viên'),
    'bcRole.standard': removeMembers('Tiêu chuẩn'),
    'financeRole.manager': unverified('Quản lý tài chính'),
    'financeRole.analyst': unverified('Nhà phân tích tài chính'),
    'assetRole.admin': removeMembers('Quản trị viên'),
    'assetRole.operator': unverified('Người vận hành'),
    'assetRole.analyst': unverified('Nhà phân tích'),
    'status.active': unverified('Đang hoạt động', 'Đã tham gia'),
    'status.pending': unverified('Đang chờ xử lý', 'Đang chờ'),
    'status.suspended': unverified('Bị tạm ngưng', 'Đã tạm ngưng'),
    'status.expired': unverified('Đã hết hạn'),
    'status.rejected': unverified('Đã từ chối'),
    bcIdPrefix: unverified('ID Trung tâm doanh nghiệp'),
  }),
  recordsTotal: [/^tổng\s*(?:cộng)?\s*:?\s*(\d[\d,.\s]*)(?:\s+bản ghi)?$/i],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const viFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Đang tải…', 'Đang tải'),
  inviteTitle: unverified('Mời thành viên'),
  addPartnersTitle: unverified('Thêm đối tác'),
  assignTitle: unverified('Chỉ định thành viên mới'),
  editPermission: unverified('Chỉnh sửa', 'Chỉnh sửa quyền'),
  editPermissionTitle: unverified('Chỉnh sửa quyền'),
  save: unverified('Lưu'),
  resend: unverified('Gửi lại'),
  confirm: [...removeMembers('Xác nhận'), ...sparkAds('Xác nhận')],
  next: unverified('Tiếp theo'),
  removeVerb: unverified('Xóa', 'Gỡ'),
  confirmationCode: unverified('mã xác nhận', 'mã xác minh'),
  emailField: unverified('Địa chỉ email'),
  partnerBcIdField: unverified('ID Trung tâm doanh nghiệp của đối tác'),
  'success.invited': unverified('Đã gửi lời mời'),
  'success.resent': unverified('Đã gửi lại lời mời'),
  'success.memberRemoved': unverified('Đã xóa thành viên'),
  'success.partnerAdded': unverified('Đã thêm đối tác'),
  'success.partnerRemoved': unverified('Đã xóa đối tác'),
  'success.memberAssigned': unverified('Đã chỉ định thành viên'),
  'success.saved': unverified('Đã lưu'),
}));

export const vi = /* @__PURE__ */ language(viPage, viFlow);

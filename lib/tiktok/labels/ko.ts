/** Korean, from the Korean articles on adding members and sharing a catalog. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const addMembers = seenIn(helpArticle('add-users-tiktok-business-center', 'ko'));
const shareCatalog = seenIn(helpArticle('how-to-share-a-catalog', 'ko'));
const adAccounts = seenIn(helpArticle('manage-ad-accounts-business-center', 'ko'));

/** The words that say what a page is and read its access tables (the watcher's share). */
export const koPage = /* @__PURE__ */ pageWords({
  lang: 'ko',
  name: '한국어',
  dir: 'ltr',
  labels: () => ({
    members: shareCatalog('멤버'),
    partners: shareCatalog('파트너'),
    colName: unverified('사용자 이름', '이름'),
    colEmail: [...addMembers('이메일 주소'), ...unverified('이메일')],
    colStatus: unverified('상태'),
    colBcRole: unverified('역할'),
    colPermission: unverified('권한'),
    colPartnerName: unverified('파트너 이름'),
    colIgnored: unverified('작업', '할당된 자산', '공유된 자산'),
    colBcId: unverified('비즈니스 센터 ID', 'BC ID'),
    'bcRole.admin': addMembers('관리자'),
    'bcRole.standard': addMembers('표준'),
    'financeRole.manager': addMembers('재무 관리자'),
    'financeRole.analyst': addMembers('재무 분석가'),
    'assetRole.admin': addMembers('관리자'),
    'assetRole.operator': unverified('운영자'),
    'assetRole.analyst': unverified('분석가'),
    'status.active': unverified('활성', '참여함'),
    'status.pending': unverified('대기 중', '초대됨'),
    'status.suspended': unverified('정지됨', '일시 중지됨'),
    'status.expired': unverified('만료됨'),
    'status.rejected': unverified('거절됨'),
    bcIdPrefix: unverified('비즈니스 센터 ID'),
  }),
  recordsTotal: [/^총\s*(\d[\d,.\s]*)\s*(?:개|건)?$/],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const koFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('로드 중…', '로딩 중…'),
  inviteTitle: [...addMembers('멤버 추가'), ...unverified('멤버 초대')],
  addPartnersTitle: unverified('파트너 추가'),
  assignTitle: shareCatalog('새 멤버 할당'),
  editPermission: unverified('편집', '권한 편집'),
  editPermissionTitle: unverified('권한 편집'),
  save: unverified('저장'),
  resend: unverified('다시 보내기', '재전송'),
  confirm: shareCatalog('확인'),
  next: addMembers('다음'),
  removeVerb: [...adAccounts('제거'), ...unverified('삭제')],
  confirmationCode: unverified('확인 코드', '인증 코드'),
  emailField: addMembers('이메일 주소'),
  partnerBcIdField: unverified('파트너 비즈니스 센터 ID'),
  'success.invited': unverified('초대를 보냈습니다', '초대가 전송되었습니다'),
  'success.resent': unverified('초대를 다시 보냈습니다'),
  'success.memberRemoved': unverified('멤버가 삭제되었습니다'),
  'success.partnerAdded': unverified('파트너가 추가되었습니다'),
  'success.partnerRemoved': unverified('파트너가 삭제되었습니다'),
  'success.memberAssigned': unverified('멤버가 할당되었습니다'),
  'success.saved': unverified('저장되었습니다', '변경 사항이 저장되었습니다'),
}));

export const ko = /* @__PURE__ */ language(koPage, koFlow);

/** Russian, roles as the Russian article on Business Center roles names them. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const roles = seenIn(helpArticle('about-business-center-roles-and-permissions', 'ru'));
const settings = seenIn(helpArticle('manage-settings-tiktok-business-center-account', 'ru'));

/** The words that say what a page is and read its access tables (the watcher's share). */
export const ruPage = /* @__PURE__ */ pageWords({
  lang: 'ru',
  name: 'Русский',
  dir: 'ltr',
  labels: () => ({
    members: unverified('Участники', 'Участник'),
    partners: unverified('Партнеры', 'Партнёры', 'Партнер'),
    colName: unverified('Имя пользователя', 'Имя'),
    colEmail: unverified('Эл. почта', 'Электронная почта', 'Адрес электронной почты'),
    colStatus: unverified('Статус'),
    colBcRole: unverified('Роль', 'Роли'),
    colPermission: unverified('Разрешение', 'Разрешения', 'Права доступа'),
    colPartnerName: unverified('Название партнера', 'Имя партнера'),
    colIgnored: unverified('Действие', 'Действия', 'Назначенные ресурсы', 'Общие ресурсы'),
    colBcId: unverified('ID Business Center', 'ID BC'),
    'bcRole.admin': [...roles('Администратор'), ...unverified('Админ')],
    'bcRole.standard': [...roles('Стандартный пользователь'), ...unverified('Стандартный')],
    'financeRole.manager': roles('Управляющий финансами'),
    'financeRole.analyst': roles('Финансовый аналитик'),
    'assetRole.admin': unverified('Администратор'),
    'assetRole.operator': unverified('Оператор'),
    'assetRole.analyst': unverified('Аналитик'),
    'status.active': unverified('Активен', 'Активный', 'Активно'),
    'status.pending': unverified('Ожидание', 'Ожидает', 'Ожидает ответа'),
    'status.suspended': unverified('Приостановлен', 'Заблокирован'),
    'status.expired': unverified('Истек срок', 'Срок истек', 'Просрочено'),
    'status.rejected': unverified('Отклонено', 'Отклонен'),
    bcIdPrefix: unverified('ID Business Center'),
  }),
  recordsTotal: [/^всего\s*:?\s*(\d[\d,.\s]*)(?:\s+запис\S*)?$/i],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const ruFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Загрузка…', 'Загрузка...'),
  inviteTitle: unverified('Пригласить участника', 'Пригласить участников'),
  addPartnersTitle: unverified('Добавить партнеров', 'Добавить партнера'),
  assignTitle: unverified('Назначить нового участника'),
  editPermission: [...settings('Изменить'), ...unverified('Изменить разрешение')],
  editPermissionTitle: unverified('Изменить разрешение', 'Изменить разрешения'),
  save: unverified('Сохранить'),
  resend: unverified('Отправить повторно'),
  confirm: unverified('Подтвердить'),
  next: unverified('Далее'),
  removeVerb: unverified('Удалить', 'Исключить'),
  confirmationCode: unverified('код подтверждения', 'код проверки'),
  emailField: unverified('Адрес(а) электронной почты', 'Адрес электронной почты'),
  partnerBcIdField: unverified('ID Business Center партнера'),
  'success.invited': unverified('Приглашение отправлено', 'Приглашения отправлены'),
  'success.resent': unverified('Приглашение отправлено повторно'),
  'success.memberRemoved': unverified('Участник удален'),
  'success.partnerAdded': unverified('Партнер добавлен'),
  'success.partnerRemoved': unverified('Партнер удален'),
  'success.memberAssigned': unverified('Участник назначен'),
  'success.saved': unverified('Изменения сохранены', 'Сохранено'),
}));

export const ru = /* @__PURE__ */ language(ruPage, ruFlow);

/** Portuguese (Brazil): TikTok's `lang=pt` articles call Business Center "Central de Negócios". */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const assetGroup = seenIn(helpArticle('how-to-manage-members-in-an-asset-group', 'pt'));
const marketScope = seenIn(
  helpArticle('how-to-remove-member-access-to-tiktok-market-scope-through-business-center', 'pt'),
);

/** The words that say what a page is and read its access tables (the watcher's share). */
export const ptBRPage = /* @__PURE__ */ pageWords({
  lang: 'pt-BR',
  name: 'Português (Brasil)',
  dir: 'ltr',
  labels: () => ({
    members: [...assetGroup('Membros'), ...unverified('Membro')],
    partners: unverified('Parceiros', 'Parceiro'),
    colName: unverified('Nome de usuário', 'Nome'),
    colEmail: unverified('E-mail', 'Endereço de e-mail'),
    colStatus: unverified('Status'),
    colBcRole: unverified('Função', 'Funções'),
    colPermission: unverified('Permissão', 'Permissões'),
    colPartnerName: unverified('Nome do parceiro'),
    colIgnored: unverified('Ação', 'Ações', 'Ativos atribuídos', 'Ativos compartilhados'),
    colBcId: unverified('ID da Central de Negócios', 'ID do BC'),
    'bcRole.admin': unverified('Administrador'),
    'bcRole.standard': unverified('Padrão'),
    'financeRole.manager': unverified('Gerente financeiro'),
    'financeRole.analyst': unverified('Analista financeiro'),
    'assetRole.admin': unverified('Administrador'),
    'assetRole.operator': unverified('Operador'),
    'assetRole.analyst': unverified('Analista'),
    'status.active': unverified('Ativo', 'Ativa'),
    'status.pending': unverified('Pendente'),
    'status.suspended': unverified('Suspenso', 'Suspensa'),
    'status.expired': unverified('Expirado', 'Expirada'),
    'status.rejected': unverified('Recusado', 'Recusada', 'Rejeitado'),
    bcIdPrefix: unverified('ID da Central de Negócios'),
  }),
  recordsTotal: [
    /^(\d[\d,.\s]*)\s+registros?\s+no\s+total$/i,
    /^total\s+de\s+(\d[\d,.\s]*)\s+registros?$/i,
  ],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const ptBRFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Carregando…', 'Carregando...'),
  inviteTitle: unverified('Convidar membro', 'Convidar membros'),
  addPartnersTitle: unverified('Adicionar parceiros', 'Adicionar parceiro'),
  assignTitle: unverified('Atribuir novo membro'),
  editPermission: unverified('Editar', 'Editar permissão'),
  editPermissionTitle: unverified('Editar permissão', 'Editar permissões'),
  save: unverified('Salvar'),
  resend: unverified('Reenviar', 'Reenviar convite'),
  confirm: unverified('Confirmar'),
  next: unverified('Avançar', 'Próximo'),
  removeVerb: [...marketScope('Remover'), ...unverified('Excluir')],
  confirmationCode: unverified('código de confirmação', 'código de verificação'),
  emailField: unverified('Endereço(s) de e-mail', 'Endereço de e-mail'),
  partnerBcIdField: unverified('ID da Central de Negócios do parceiro'),
  'success.invited': unverified('Convite enviado', 'Convites enviados'),
  'success.resent': unverified('Convite reenviado'),
  'success.memberRemoved': unverified('Membro removido'),
  'success.partnerAdded': unverified('Parceiro adicionado'),
  'success.partnerRemoved': unverified('Parceiro removido'),
  'success.memberAssigned': unverified('Membro atribuído'),
  'success.saved': unverified('Alterações salvas', 'Salvo'),
}));

export const ptBR = /* @__PURE__ */ language(ptBRPage, ptBRFlow);

/**
 * Every selector and visible label the extension uses on TikTok's pages, in one place (house
 * style, pattern 3, after refined-github's selectors.ts). Each target lists alternatives newest
 * first; roles, ARIA, data attributes, visible text and structure come before class names,
 * which TikTok changes (`bc-okee-` in 2026, `bui-` before). Labels cover every language the
 * replicas use (English, Spanish) plus Indonesian where TikTok's wording is known.
 *
 * `examples` names the replica pages (tests/fixtures/tiktok/replicas.mjs, REPLICA_URLS) each
 * selector must find something on; tests/unit/tiktok-selectors.test.ts checks every one.
 * Sources: ../shared/domain/tiktok-access.md, "What the DOM is like" and "Official flows".
 */

/** A CSS target with its alternatives, newest first, and the replica pages it must match. */
export interface SelectorTarget {
  readonly alternatives: readonly string[];
  readonly examples: readonly string[];
}

const target = (alternatives: readonly string[], examples: readonly string[]): SelectorTarget => ({
  alternatives,
  examples,
});

const BC_TABLE_PAGES = ['bcMembers', 'bcMembersEs', 'bcPartners', 'bcPartnersEs', 'bcAssetMembers'];

/** Every CSS target on TikTok's pages, alternatives newest first, with the replicas each must match. */
export const SELECTORS = {
  /** The page's own title: the h1 in the main area (seen 2026-11 on every BC page). */
  heading: target(
    ['main h1', '[role=main] h1', '#view h1', 'h1', '[role=heading][aria-level="1"]'],
    ['bcMembers', 'bcMembersEs', 'bcPartners', 'bcOverview', 'bcAssetMembers', 'adsDashboard'],
  ),
  /** A data table, `<table>` (bc-okee, 2026) or an ARIA grid of divs (bui, 2025; Partners 2026). */
  table: target(
    ['table', '[role=table]', '[role=grid]', '[role=treegrid]', '.bc-okee-table', '.bui-table'],
    [...BC_TABLE_PAGES, 'bcAdAccounts', 'adsDashboard'],
  ),
  /** Column headers of a table. */
  columnHeader: target(['th', '[role=columnheader]'], BC_TABLE_PAGES),
  /** Rows of a grid table (a `<table>` uses its own rows). */
  gridRow: target(
    ['[role=row]', '.bui-table-row', '.bc-okee-table-row'],
    ['bcPartners', 'bcMembersEs'],
  ),
  /** Cells of a grid row. */
  gridCell: target(
    ['[role=cell]', '[role=gridcell]', '.bui-table-cell'],
    ['bcPartners', 'bcMembersEs'],
  ),
  /** Tabs, e.g. an ad account's Members / Partner tabs. */
  tab: target(
    ['[role=tab]', '.bc-okee-tabs-tab', '.bui-tabs-tab'],
    ['bcAssetMembers', 'bcAssetMembersEs'],
  ),
  /** Dialogs and drawers, mounted at the end of body (TikTok's TUXModal among them). */
  dialog: target(
    [
      '[role=dialog]',
      '[role=alertdialog]',
      '[aria-modal=true]',
      '.TUXModal',
      '.bc-okee-modal',
      '.bc-okee-drawer',
      '.bui-modal',
      '.bui-popper',
      '.vi-dialog',
    ],
    [],
  ),
  /** Short messages after an action ("Invitation sent"). */
  message: target(['[role=alert]', '[role=status]', '.bc-okee-message', '.bui-message'], []),
  /** The current step of a multi-step dialog. */
  currentStep: target(
    ['[aria-current=step]', '.bc-okee-steps-item-active', '.bui-steps-item-active'],
    [],
  ),
  /** A loading indicator standing where a table will be. */
  loading: target(
    ['[role=status][aria-busy=true]', '.bc-okee-spin', '.bui-loading', '[role=progressbar]'],
    [],
  ),
  /** The current Business Center's name in the header (2026: data-testid; 2025: bui switcher). */
  bcName: target(
    ['[data-testid=bc-name]', '.bc-okee-bc-switch', '.bui-bc-switch', '.bc-name'],
    ['bcMembers', 'bcMembersEs', 'bcOverview', 'bcPartners'],
  ),
  /** Entries of the Business Center picker, each linking to one Business Center. */
  bcPickerEntry: target(['a[href*="org_id="]', '[data-org-id]'], ['bcPicker']),
  /** Ads Manager's account switcher: custom elements with nested open shadow roots. */
  adsAccountId: target(
    ['[x-name="x-account-id"]', '.vi-account-id'],
    ['adsDashboard', 'adsCampaigns'],
  ),
} as const satisfies Record<string, SelectorTarget>;

/** Visible labels by what they mean, in every language the replicas use (and some Indonesian). */
export const LABELS = {
  members: ['Members', 'Member', 'Miembros', 'Anggota'],
  partners: ['Partners', 'Partner', 'Socios', 'Socio', 'Mitra'],
  // Column headers.
  colName: [
    'Username',
    'User name',
    'Name',
    'Member',
    'Nombre de usuario',
    'Nombre',
    'Miembro',
    'Nama pengguna',
    'Nama',
  ],
  colEmail: ['Email', 'E-mail', 'Email address', 'Correo electrónico', 'Correo', 'Alamat email'],
  colStatus: ['Status', 'Estado'],
  colBcRole: ['Role', 'Roles', 'Rol', 'Peran'],
  colPermission: ['Permission', 'Permissions', 'Asset permission', 'Permiso', 'Permisos', 'Izin'],
  colPartnerName: [
    'Partner name',
    'Partner',
    'Business Center name',
    'Nombre del socio',
    'Socio',
    'Nama mitra',
  ],
  /** Columns the readers know and need not read (actions, counts of assets). */
  colIgnored: [
    'Action',
    'Actions',
    'Assigned Assets',
    'Assigned assets',
    'Shared assets',
    'Acción',
    'Acciones',
    'Activos asignados',
    'Activos compartidos',
    'Aksi',
    'Aset yang ditetapkan',
  ],
  colBcId: [
    'BC ID',
    'Business Center ID',
    'Partner BC ID',
    'ID del BC',
    'ID de Business Center',
    'ID BC',
  ],
  // Values.
  bcRole: {
    admin: ['Admin', 'Administrator', 'Administrador', 'Admin BC'],
    standard: ['Standard', 'Standard member', 'Estándar', 'Estandar', 'Standar'],
  },
  financeRole: {
    manager: ['Finance manager', 'Finance Manager', 'Gerente de finanzas', 'Manajer keuangan'],
    analyst: [
      'Finance analyst',
      'Financial Analyst',
      'Analista de finanzas',
      'Analista financiero',
      'Analis keuangan',
    ],
  },
  assetRole: {
    admin: ['Admin', 'Administrator', 'Administrador'],
    operator: ['Operator', 'Operador'],
    analyst: ['Analyst', 'Analista', 'Analis'],
  },
  status: {
    active: ['Active', 'Joined', 'Activo', 'Activa', 'Aktif'],
    pending: ['Pending', 'Invitation sent', 'Invited', 'Pendiente', 'Tertunda'],
    suspended: ['Suspended', 'Suspendido', 'Suspendida', 'Ditangguhkan'],
    expired: ['Expired', 'Invitation expired', 'Caducado', 'Caducada', 'Vencido', 'Kedaluwarsa'],
    rejected: ['Rejected', 'Declined', 'Rechazado', 'Rechazada', 'Ditolak'],
  },
  /** "N Records in Total" under a table, with the number captured. */
  recordsTotal: [
    /^(\d[\d,.\s]*)\s+records?\s+in\s+total$/i,
    /^(\d[\d,.\s]*)\s+registros?\s+en\s+total$/i,
    /^total\s*:?\s*(\d[\d,.\s]*)(\s+(records?|registros?|data))?$/i,
    /^(\d[\d,.\s]*)\s+data\s+secara\s+total$/i,
  ],
  loading: ['Loading…', 'Loading...', 'Loading', 'Cargando…', 'Cargando...', 'Memuat…'],
  // Dialogs and buttons.
  inviteTitle: [
    'Invite Member',
    'Invite Members',
    'Invite member',
    'Invitar miembro',
    'Invitar miembros',
    'Undang anggota',
  ],
  addPartnersTitle: [
    'Add Partners',
    'Add Partner',
    'Añadir socios',
    'Agregar socios',
    'Tambah mitra',
  ],
  assignTitle: [
    'Assign new member',
    'Assign member',
    'Asignar nuevo miembro',
    'Tetapkan anggota baru',
  ],
  /**
   * A member's Edit control in an ad account's Members tab (Action column), which opens the
   * permission dropdown (H4; seen as a text button "Edit" in the 2026 Members tab, "Edit
   * permission" as its tooltip/aria-label in older builds; Spanish "Editar", Indonesian "Ubah").
   */
  editPermission: ['Edit', 'Edit permission', 'Editar', 'Editar permiso', 'Ubah', 'Ubah izin'],
  /**
   * Title of the dialog that changes one member's permission on an ad account (2026: "Edit
   * permission"; 2025: "Edit permissions" / "Change permission"; Spanish; Indonesian).
   */
  editPermissionTitle: [
    'Edit permission',
    'Edit permissions',
    'Change permission',
    'Editar permiso',
    'Editar permisos',
    'Ubah izin',
  ],
  /** The button that saves a changed permission (Save in 2026 and 2025; Spanish; Indonesian). */
  save: ['Save', 'Save changes', 'Guardar', 'Guardar cambios', 'Simpan'],
  /**
   * The control that resends a pending invitation, in the member's details (H1: "Resend";
   * "Resend invitation" in older builds; Spanish "Reenviar"; Indonesian "Kirim ulang").
   */
  resend: ['Resend', 'Resend invitation', 'Reenviar', 'Reenviar invitación', 'Kirim ulang'],
  confirm: ['Confirm', 'Confirmar', 'Konfirmasi'],
  next: ['Next', 'Siguiente', 'Berikutnya'],
  /** Titles of a removal confirmation ("Remove member?"), matched by their first word. */
  removeVerb: ['Remove', 'Delete', 'Eliminar', 'Quitar', 'Hapus'],
  confirmationCode: [
    'confirmation code',
    'verification code',
    'código de confirmación',
    'código de verificación',
    'kode konfirmasi',
  ],
  emailField: [
    'Email address(es)',
    'Email address',
    'Email',
    'Emails',
    'Correo(s) electrónico(s)',
    'Correo electrónico',
    'Alamat email',
  ],
  partnerBcIdField: ["Partner's BC ID", 'BC ID', 'ID del BC del socio', 'ID BC mitra'],
  bcIdPrefix: ['Business Center ID', 'BC ID', 'ID del Business Center', 'ID del BC', 'ID'],
  /** Success messages after each flow. */
  success: {
    invited: [
      'Invitation sent',
      'Invitations sent',
      'Invitación enviada',
      'Invitaciones enviadas',
      'Undangan terkirim',
    ],
    resent: ['Invitation resent', 'Invitación reenviada'],
    memberRemoved: ['Member removed', 'Miembro eliminado', 'Anggota dihapus'],
    partnerAdded: ['Partner added', 'Socio añadido', 'Mitra ditambahkan'],
    partnerRemoved: ['Partner removed', 'Socio eliminado', 'Mitra dihapus'],
    memberAssigned: ['Member assigned', 'Miembro asignado'],
    saved: ['Changes saved', 'Saved', 'Cambios guardados', 'Guardado'],
  },
} as const;

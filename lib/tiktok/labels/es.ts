/**
 * Spanish. No Spanish help article quoting these labels was found in the stored sources, so all
 * are marked unverified; they are the wording the Spanish interface has been seen with.
 */
import { flowWords, language, pageWords, unverified } from './types';

/** The words that say what a page is and read its access tables (the watcher's share). */
export const esPage = /* @__PURE__ */ pageWords({
  lang: 'es',
  name: 'Español',
  dir: 'ltr',
  labels: () => ({
    members: unverified('Miembros'),
    partners: unverified('Socios', 'Socio'),
    colName: unverified('Nombre de usuario', 'Nombre', 'Miembro'),
    colEmail: unverified('Correo electrónico', 'Correo'),
    colStatus: unverified('Estado'),
    colBcRole: unverified('Rol'),
    colPermission: unverified('Permiso', 'Permisos'),
    colPartnerName: unverified('Nombre del socio', 'Socio'),
    colIgnored: unverified('Acción', 'Acciones', 'Activos asignados', 'Activos compartidos'),
    colBcId: unverified('ID del BC', 'ID de Business Center'),
    'bcRole.admin': unverified('Administrador', 'Admin BC'),
    'bcRole.standard': unverified('Estándar', 'Estandar'),
    'financeRole.manager': unverified('Gerente de finanzas'),
    'financeRole.analyst': unverified('Analista de finanzas', 'Analista financiero'),
    'assetRole.admin': unverified('Administrador'),
    'assetRole.operator': unverified('Operador'),
    'assetRole.analyst': unverified('Analista'),
    'status.active': unverified('Activo', 'Activa'),
    'status.pending': unverified('Pendiente'),
    'status.suspended': unverified('Suspendido', 'Suspendida'),
    'status.expired': unverified('Caducado', 'Caducada', 'Vencido'),
    'status.rejected': unverified('Rechazado', 'Rechazada'),
    bcIdPrefix: unverified('ID del Business Center', 'ID del BC'),
  }),
  recordsTotal: [/^(\d[\d,.\s]*)\s+registros?\s+en\s+total$/i],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const esFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Cargando…', 'Cargando...'),
  inviteTitle: unverified('Invitar miembro', 'Invitar miembros'),
  addPartnersTitle: unverified('Añadir socios', 'Agregar socios'),
  assignTitle: unverified('Asignar nuevo miembro'),
  editPermission: unverified('Editar', 'Editar permiso'),
  editPermissionTitle: unverified('Editar permiso', 'Editar permisos'),
  save: unverified('Guardar', 'Guardar cambios'),
  resend: unverified('Reenviar', 'Reenviar invitación'),
  confirm: unverified('Confirmar'),
  next: unverified('Siguiente'),
  removeVerb: unverified('Eliminar', 'Quitar'),
  confirmationCode: unverified('código de confirmación', 'código de verificación'),
  emailField: unverified('Correo(s) electrónico(s)', 'Correo electrónico'),
  partnerBcIdField: unverified('ID del BC del socio'),
  'success.invited': unverified('Invitación enviada', 'Invitaciones enviadas'),
  'success.resent': unverified('Invitación reenviada'),
  'success.memberRemoved': unverified('Miembro eliminado'),
  'success.partnerAdded': unverified('Socio añadido'),
  'success.partnerRemoved': unverified('Socio eliminado'),
  'success.memberAssigned': unverified('Miembro asignado'),
  'success.saved': unverified('Cambios guardados', 'Guardado'),
}));

export const es = /* @__PURE__ */ language(esPage, esFlow);

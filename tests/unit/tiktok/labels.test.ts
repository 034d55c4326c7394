import { describe, expect, it } from 'vitest';
import { fold, isLabel } from '@/lib/tiktok/dom';
import type { LabelKey, LanguageTag } from '@/lib/tiktok/labels';
import {
  LABEL_KEYS,
  LANGUAGES,
  labelsFor,
  languagesOf,
  mentionsLabel,
  titleNames,
} from '@/lib/tiktok/labels';
import { isRemovalTitle } from '@/lib/tiktok/flow';
import { LABELS } from '@/lib/tiktok/selectors';

const REQUIRED: LanguageTag[] = [
  'en',
  'es',
  'pt-BR',
  'id',
  'vi',
  'th',
  'ja',
  'ko',
  'zh-Hans',
  'zh-Hant',
  'de',
  'fr',
  'it',
  'tr',
  'ar',
  'ru',
];

// What every language must say something about: the words the readers and the checklists
// cannot do without.
const CORE: LabelKey[] = [
  'members',
  'partners',
  'colEmail',
  'colStatus',
  'colBcRole',
  'colPermission',
  'bcRole.admin',
  'bcRole.standard',
  'financeRole.manager',
  'financeRole.analyst',
  'assetRole.admin',
  'assetRole.operator',
  'assetRole.analyst',
  'status.active',
  'status.pending',
  'status.expired',
  'inviteTitle',
  'addPartnersTitle',
  'assignTitle',
  'editPermission',
  'save',
  'resend',
  'confirm',
  'next',
  'removeVerb',
  'confirmationCode',
  'success.invited',
  'success.memberRemoved',
  'success.partnerRemoved',
];

// TikTok's help center names Portuguese (Brazil) `pt` and Simplified Chinese `zh`.
const HELP_LANG: Partial<Record<LanguageTag, string>> = { 'pt-BR': 'pt', 'zh-Hans': 'zh' };

describe('labels as data, one module per language', () => {
  it('carries the sixteen interface languages, each once', () => {
    expect(LANGUAGES.map((l) => l.lang).sort()).toEqual([...REQUIRED].sort());
  });

  it.each(LANGUAGES.map((l) => [l.lang, l] as const))(
    '%s says every core meaning, and every label names its source',
    (lang, language) => {
      for (const key of CORE)
        expect(language.labels[key]?.length, `${lang} ${key}`).toBeGreaterThan(0);
      for (const [key, labels] of Object.entries(language.labels)) {
        expect(LABEL_KEYS as readonly string[]).toContain(key);
        for (const label of labels ?? []) {
          expect(label.text.trim(), `${lang} ${key}`).toBe(label.text);
          expect(label.text).not.toBe('');
          if (label.source === 'unverified') continue;
          // A cited article is TikTok's own help center, in this language.
          const url = new URL(label.source);
          expect(url.host).toBe('ads.tiktok.com');
          expect(url.pathname).toMatch(/^\/help\/article/);
          const want = HELP_LANG[lang] ?? lang;
          if (lang === 'en') expect([null, 'en']).toContain(url.searchParams.get('lang'));
          else expect(url.searchParams.get('lang'), `${lang} ${label.text}`).toBe(want);
        }
      }
    },
  );

  it('the Arabic interface is marked right to left, the others left to right', () => {
    for (const l of LANGUAGES) expect(l.dir).toBe(l.lang === 'ar' ? 'rtl' : 'ltr');
  });

  it('verified labels are there for the languages whose articles were found', () => {
    const verified = (lang: LanguageTag) =>
      LANGUAGES.find((l) => l.lang === lang)!
        .labels['bcRole.admin']!.filter((l) => l.source !== 'unverified')
        .map((l) => l.text);
    expect(verified('ja')).toEqual(['管理者']);
    expect(verified('ko')).toEqual(['관리자']);
    expect(verified('th')).toEqual(['ผู้ดูแล']);
    expect(verified('ru')).toEqual(['Администратор']);
  });

  // A word that meant two things in one group would make the readers answer wrongly in silence.
  const EXCLUSIVE: LabelKey[][] = [
    ['bcRole.admin', 'bcRole.standard', 'financeRole.manager', 'financeRole.analyst'],
    ['assetRole.admin', 'assetRole.operator', 'assetRole.analyst'],
    ['status.active', 'status.pending', 'status.suspended', 'status.expired', 'status.rejected'],
    [
      'success.invited',
      'success.resent',
      'success.memberRemoved',
      'success.partnerAdded',
      'success.partnerRemoved',
      'success.memberAssigned',
      'success.saved',
    ],
    [
      'colName',
      'colEmail',
      'colStatus',
      'colBcRole',
      'colPermission',
      'colPartnerName',
      'colBcId',
      'colIgnored',
    ],
    ['members', 'partners'],
  ];
  it.each(EXCLUSIVE.map((g) => [g.join(' / '), g] as const))(
    'no word means two things in %s, across every language',
    (_name, group) => {
      const owner = new Map<string, LabelKey>();
      for (const key of group) {
        for (const text of labelsFor(key)) {
          const folded = fold(text);
          const other = owner.get(folded);
          expect(other === undefined || other === key, `"${text}" is ${other} and ${key}`).toBe(
            true,
          );
          owner.set(folded, key);
        }
      }
    },
  );
});

describe('LABELS keeps its shape and gets every language', () => {
  it('has the same keys and nested groups its callers read', () => {
    expect(Object.keys(LABELS).sort()).toEqual(
      [
        'members',
        'partners',
        'colName',
        'colEmail',
        'colStatus',
        'colBcRole',
        'colPermission',
        'colPartnerName',
        'colIgnored',
        'colBcId',
        'bcRole',
        'financeRole',
        'assetRole',
        'status',
        'recordsTotal',
        'loading',
        'inviteTitle',
        'addPartnersTitle',
        'assignTitle',
        'editPermission',
        'editPermissionTitle',
        'save',
        'resend',
        'confirm',
        'next',
        'removeVerb',
        'confirmationCode',
        'emailField',
        'partnerBcIdField',
        'bcIdPrefix',
        'success',
      ].sort(),
    );
    expect(Object.keys(LABELS.bcRole)).toEqual(['admin', 'standard']);
    expect(Object.keys(LABELS.financeRole)).toEqual(['manager', 'analyst']);
    expect(Object.keys(LABELS.assetRole)).toEqual(['admin', 'operator', 'analyst']);
    expect(Object.keys(LABELS.status)).toEqual([
      'active',
      'pending',
      'suspended',
      'expired',
      'rejected',
    ]);
    expect(Object.keys(LABELS.success)).toEqual([
      'invited',
      'resent',
      'memberRemoved',
      'partnerAdded',
      'partnerRemoved',
      'memberAssigned',
      'saved',
    ]);
    for (const pattern of LABELS.recordsTotal) expect(pattern).toBeInstanceOf(RegExp);
  });

  it('still holds every English, Spanish and Indonesian word it held before, English first', () => {
    expect(LABELS.members.slice(0, 2)).toEqual(['Members', 'Member']);
    expect(LABELS.status.active).toEqual(
      expect.arrayContaining(['Active', 'Joined', 'Activo', 'Activa', 'Aktif']),
    );
    expect(LABELS.financeRole.analyst).toEqual(
      expect.arrayContaining([
        'Finance analyst',
        'Financial Analyst',
        'Analista de finanzas',
        'Analis keuangan',
      ]),
    );
    expect(LABELS.removeVerb).toEqual(
      expect.arrayContaining(['Remove', 'Delete', 'Eliminar', 'Quitar', 'Hapus']),
    );
    expect(LABELS.confirmationCode).toEqual(
      expect.arrayContaining([
        'confirmation code',
        'verification code',
        'código de confirmación',
        'kode konfirmasi',
      ]),
    );
  });

  it('each list holds a word once', () => {
    const lists: Array<readonly string[]> = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) lists.push(v as readonly string[]);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk({ ...LABELS, recordsTotal: [] });
    for (const list of lists) {
      const lower = list.map((l) => l.toLowerCase());
      expect(new Set(lower).size).toBe(lower.length);
    }
  });

  it('gets each language (a word from each reaches LABELS)', () => {
    const admin = [
      'Admin',
      'Administrador',
      '管理者',
      '관리자',
      '管理员',
      '管理員',
      'ผู้ดูแล',
      'Quản trị viên',
      'Yönetici',
      'مسؤول',
      'Администратор',
      'Amministratore',
      'Administrateur',
    ];
    for (const word of admin) expect(isLabel(word, LABELS.bcRole.admin), word).toBe(true);
    expect(languagesOf('管理者', 'bcRole.admin')).toEqual(['ja']);
    expect(languagesOf('Pendiente', 'status.pending')).toEqual(['es']);
    expect(languagesOf('no such word', 'status.pending')).toEqual([]);
  });

  it('reads "N records in total" in several languages', () => {
    const count = (text: string) => {
      for (const p of LABELS.recordsTotal) {
        const m = p.exec(text);
        if (m) return Number(m[1]!.replace(/\D/g, ''));
      }
      return null;
    };
    expect(count('14 Records in Total')).toBe(14);
    expect(count('14 registros en total')).toBe(14);
    expect(count('合計 14 件')).toBe(14);
    expect(count('共 1,024 条')).toBe(1024);
    expect(count('총 7개')).toBe(7);
    expect(count('Всего: 3')).toBe(3);
    expect(count('Members')).toBeNull();
  });
});

describe('matching that holds in every script', () => {
  it('folds full-width forms, bidi and zero-width marks, and Turkish dotted I', () => {
    expect(isLabel('Ａｄｍｉｎ', LABELS.bcRole.admin)).toBe(true);
    expect(isLabel('\u200fمسؤول\u200f', LABELS.bcRole.admin)).toBe(true);
    expect(isLabel('\u061cنشط', LABELS.status.active)).toBe(true);
    expect(isLabel('\u2067قيد الانتظار\u2069', LABELS.status.pending)).toBe(true);
    expect(isLabel('管理者\u200b', LABELS.bcRole.admin)).toBe(true);
    expect(isLabel('İLERİ', LABELS.next)).toBe(true);
    expect(isLabel('  Finance   Manager ', LABELS.financeRole.manager)).toBe(true);
    expect(isLabel('Adminstrator', LABELS.bcRole.admin)).toBe(false);
  });

  it('finds a verb wherever the title puts it, without word spaces in CJK and Thai', () => {
    const remove = LABELS.removeVerb;
    expect(titleNames('Remove member?', remove)).toBe(true);
    expect(titleNames('¿Eliminar miembro?', remove)).toBe(true);
    expect(titleNames('Mitglied entfernen?', remove)).toBe(true);
    expect(titleNames('Üye kaldırılsın mı?', remove)).toBe(true);
    expect(titleNames('メンバーを削除しますか？', remove)).toBe(true);
    expect(titleNames('멤버를 삭제하시겠습니까?', remove)).toBe(true);
    expect(titleNames('移除成员？', remove)).toBe(true);
    expect(titleNames('ลบสมาชิกหรือไม่', remove)).toBe(true);
    expect(titleNames('هل تريد إزالة العضو؟', remove)).toBe(true);
    expect(titleNames('Удалить участника?', remove)).toBe(true);
    // Not a word that merely contains the letters.
    expect(titleNames('Undelete items', remove)).toBe(false);
    expect(titleNames('Member details', remove)).toBe(false);
    expect(titleNames('メンバー詳細', remove)).toBe(false);
  });

  it('a removal confirmation is known by its verb in every script, opening the title or asked about', () => {
    for (const title of [
      'Remove member?',
      'Are you sure you want to delete this member?',
      '¿Quitar a este miembro?',
      'Mitglied entfernen?',
      'Üye kaldırılsın mı?',
      'このメンバーを削除しますか？',
      '멤버를 삭제하시겠습니까?',
      '确定要删除该成员吗？',
      '確定要刪除該成員嗎？',
      'هل تريد إزالة هذا العضو؟',
      'ลบสมาชิกหรือไม่?',
      'Удалить участника?',
    ])
      expect(isRemovalTitle(title), title).toBe(true);
    for (const title of ['Member details', 'Undelete this member?', 'メンバー詳細', 'تفاصيل العضو'])
      expect(isRemovalTitle(title), title).toBe(false);
  });

  it('mentionsLabel finds the code step under its other names', () => {
    const code = LABELS.confirmationCode;
    expect(mentionsLabel('Enter the confirmation code', code)).toBe(true);
    expect(mentionsLabel('Security verification', code)).toBe(true);
    expect(mentionsLabel('セキュリティ認証 メールに届いた認証コードを入力', code)).toBe(true);
    expect(mentionsLabel('请输入验证码', code)).toBe(true);
    expect(mentionsLabel('Gib den Verifizierungscode ein', code)).toBe(true);
    expect(mentionsLabel('Invite Member', code)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { TABLE_PROBLEMS as coded } from '@/lib/tiktok/table-problems-coded';
import { TABLE_PROBLEMS as words, tableProblemText } from '@/lib/tiktok/table-problems';

/** Each problem with arguments of the kinds the reader passes, page text with quotes included. */
const SAMPLES: { [K in keyof typeof words]: Parameters<(typeof words)[K]> } = {
  loading: [],
  noTable: [],
  unreadable: ['boom "quoted"'],
  noRoleColumn: [],
  noStatusColumn: [],
  headless: [],
  columnReadAs: ['Rol', 2, 'bcRole', 'bcRole'],
  columnEitherRole: ['', 3],
  strays: [1],
  otherPages: [10, 57],
  moreRowsThanTotal: [12, 10],
  mayHaveMore: [10, 'pagerPages', 3],
  undrawn: ['rowCount', 40, 11],
  repeated: [4],
  misaligned: [2],
  row: [5, 'it names no one.'],
  nameCut: ['Bartholomew Fitz…'],
  notEmail: ['dana@'],
  notBcId: ['12ab'],
  unknownRole: ['Ruler'],
  twoBcRoles: [],
  noBcRole: [],
  twoFinanceRoles: [],
  unknownPermission: ['Boss'],
  unknownStatus: ['Maybe'],
  noStatus: [],
  namesNoOne: [],
  cellEmails: ['a@x.io b@y.io'],
  nameEmails: ['a@x.io b@y.io'],
  nameOtherEmail: ['me@agency.com', 'dana@example.com'],
};

describe('the table reader’s problems as the page agent carries them', () => {
  it('are codes that spell out, in the frame, to the very words the reader uses', () => {
    for (const [name, args] of Object.entries(SAMPLES)) {
      const say = (set: typeof words) =>
        (set[name as keyof typeof words] as (...a: unknown[]) => string)(...args);
      const code = say(coded);
      expect(code, name).not.toBe(say(words));
      expect(tableProblemText(code), name).toBe(say(words));
    }
  });

  it('spell out a row’s problem whose detail is itself a code', () => {
    expect(tableProblemText(coded.row(3, coded.notEmail('x@')))).toBe(
      'Row 3: "x@" is not an email address.',
    );
  });

  it('leave plain words, and anything that only looks like a code, as they are', () => {
    expect(tableProblemText('The table has no role column.')).toBe('The table has no role column.');
    const broken = coded.noTable().slice(0, -2);
    expect(tableProblemText(broken)).toBe(broken);
    const unknown = coded.noTable().replace('noTable', 'noSuchProblem');
    expect(tableProblemText(unknown)).toBe(unknown);
  });
});

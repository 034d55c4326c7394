/**
 * The access-table reader on small tables built in the test: columns known by what their cells
 * hold when their heading is not, header rows that are never data rows, and `complete` judged by
 * the pager, the page-size selector and virtualization rather than by a total alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessRow } from '@/lib/tiktok';
import { LABELS, readAccessTable } from '@/lib/tiktok';

afterEach(() => {
  document.body.innerHTML = '';
});

function show(html: string): void {
  document.body.innerHTML = `<main>${html}</main>`;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const tr = (cells: readonly string[], tag = 'td') =>
  `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
const gridRow = (cells: readonly string[], role = 'cell') =>
  `<div role="row">${cells.map((c) => `<div role="${role}">${c}</div>`).join('')}</div>`;

const EN_HEAD = ['Username', 'Status', 'Email', 'Role', 'Action'];
const MEMBERS: ReadonlyArray<readonly string[]> = [
  ['Riley Chen', 'Active', 'riley@northwind.example', 'Admin', '<button>Remove</button>'],
  ['Dana Kim', 'Pending', 'dana@brightlane.example', 'Standard', '<button>Remove</button>'],
  [
    'Alex Moreno',
    'Active',
    'alex@northwind.example',
    'Standard<br>Finance analyst',
    '<button>Remove</button>',
  ],
];
const MEMBER_ROWS: AccessRow[] = [
  {
    kind: 'member',
    name: 'Riley Chen',
    email: 'riley@northwind.example',
    bcRole: 'admin',
    status: 'active',
  },
  {
    kind: 'member',
    name: 'Dana Kim',
    email: 'dana@brightlane.example',
    bcRole: 'standard',
    status: 'pending',
  },
  {
    kind: 'member',
    name: 'Alex Moreno',
    email: 'alex@northwind.example',
    bcRole: 'standard',
    financeRole: 'analyst',
    status: 'active',
  },
];
const TOTAL = (n: number) => `<div class="pager"><span>${n} Records in Total</span></div>`;

describe('header rows are never data rows', () => {
  it('a grid whose header row shares a row group with the data rows', () => {
    show(
      `<div role="grid"><div role="rowgroup">${gridRow(EN_HEAD, 'columnheader')}${MEMBERS.map((r) => gridRow(r)).join('')}</div></div>${TOTAL(3)}`,
    );
    expect(readAccessTable(document)).toEqual({ rows: MEMBER_ROWS, complete: true, problems: [] });
  });

  it('a first row of th cells in the body, and a sticky copy of it further down', () => {
    show(
      `<table><tbody>${tr(EN_HEAD, 'th')}${tr(MEMBERS[0]!)}${tr(MEMBERS[1]!)}${tr(EN_HEAD, 'th')}${tr(MEMBERS[2]!)}</tbody></table>${TOTAL(3)}`,
    );
    expect(readAccessTable(document)).toEqual({ rows: MEMBER_ROWS, complete: true, problems: [] });
  });

  it('a header rendered like a data row (td cells holding the headings)', () => {
    show(
      `<table><tbody>${tr(EN_HEAD)}${MEMBERS.map((r) => tr(r)).join('')}</tbody></table>${TOTAL(3)}`,
    );
    expect(readAccessTable(document)).toEqual({ rows: MEMBER_ROWS, complete: true, problems: [] });
  });

  it('a sticky header-only copy of the table beside the real one', () => {
    show(
      `<div class="sticky"><table><thead>${tr(EN_HEAD, 'th')}</thead></table></div>` +
        `<div><table><thead>${tr(EN_HEAD, 'th')}</thead><tbody>${MEMBERS.map((r) => tr(r)).join('')}</tbody></table></div>${TOTAL(3)}`,
    );
    expect(readAccessTable(document)).toEqual({ rows: MEMBER_ROWS, complete: true, problems: [] });
  });
});

describe('columns known by what their cells hold', () => {
  it('a Spanish Members table whose role column is headed by a word the extension does not know', () => {
    const head = ['Nombre de usuario', 'Estado', 'Correo electrónico', 'Función', 'Acciones'];
    const rows = [
      [
        'Lucía Pérez',
        'Activo',
        'lucia@tiendasol.example',
        'Administrador',
        '<button>Quitar</button>',
      ],
      ['Mateo Ruiz', 'Pendiente', 'mateo@agencia.example', 'Estándar', '<button>Quitar</button>'],
    ];
    show(
      `<div role="table">${gridRow(head, 'columnheader')}${rows.map((r) => gridRow(r)).join('')}</div><p>2 registros en total</p>`,
    );
    const reading = readAccessTable(document);
    expect(reading.rows).toEqual([
      {
        kind: 'member',
        name: 'Lucía Pérez',
        email: 'lucia@tiendasol.example',
        bcRole: 'admin',
        status: 'active',
      },
      {
        kind: 'member',
        name: 'Mateo Ruiz',
        email: 'mateo@agencia.example',
        bcRole: 'standard',
        status: 'pending',
      },
    ]);
    expect(reading.complete).toBe(true);
    expect(reading.problems).toEqual([
      'The column "Función" is not one the extension knows; its cells hold Business Center roles, so it was read as the role column.',
    ]);
  });

  it('every role and status word LABELS knows, in every language, identifies its column', () => {
    const standard = LABELS.bcRole.standard;
    const statuses = Object.entries(LABELS.status) as Array<
      [AccessRow['status'], readonly string[]]
    >;
    const rows = standard.map((role, i) => {
      const [status, words] = statuses[i % statuses.length]!;
      return { role, status, word: words[i % words.length]!, email: `m${i}@example.com` };
    });
    show(
      `<table><thead>${tr(['ชื่อ', 'สถานะ', 'อีเมล', 'บทบาท'], 'th')}</thead><tbody>${rows
        .map((r, i) => tr([`Person ${i}`, esc(r.word), r.email, esc(r.role)]))
        .join('')}</tbody></table>`,
    );
    const reading = readAccessTable(document);
    expect(reading.rows).toEqual(
      rows.map((r, i) => ({
        kind: 'member',
        name: `Person ${i}`,
        email: r.email,
        bcRole: 'standard',
        status: r.status,
      })),
    );
    expect(reading.complete).toBe(true);
  });

  it('a table with no headings at all, columns in another order', () => {
    const order = [3, 0, 4, 2, 1];
    show(
      `<table><tbody>${MEMBERS.map((r) => tr(order.map((i) => r[i]!))).join('')}</tbody></table>`,
    );
    const reading = readAccessTable(document);
    expect(reading.rows).toEqual(MEMBER_ROWS);
    expect(reading.complete).toBe(true);
    expect(reading.problems).toEqual([
      'The table shows no column headings (or none the extension knows); its columns were recognised by what their cells hold.',
    ]);
  });

  it('full-width "（N）" asset counts before the names, no headings: the names stay names', () => {
    show(
      `<table><tbody>${[
        ['割り当て済みアカウント（2）', '佐藤 花子', 'hanako@sakura.example', 'Admin', 'Active'],
        [
          '割り当て済みアカウント（2）',
          '鈴木 一郎',
          'ichiro@sakura.example',
          'Standard',
          'Pending',
        ],
      ]
        .map((r) => tr(r))
        .join('')}</tbody></table>`,
    );
    expect(readAccessTable(document).rows.map((r) => r.name)).toEqual(['佐藤 花子', '鈴木 一郎']);
  });

  it('partners known by their 15–20-digit IDs and "(N)" asset counts', () => {
    show(
      `<table><thead>${tr(['Mitra', 'Nomor', 'Aset', ''], 'th')}</thead><tbody>` +
        tr(['Brightlane Agency', '7023456789012345678', '(2)', '<button>⋯</button>']) +
        tr(['Cedar &amp; Co', '7034567890123456789', '(1)', '<button>⋯</button>']) +
        `</tbody></table>`,
    );
    const reading = readAccessTable(document);
    expect(reading.rows).toEqual([
      {
        kind: 'partner',
        name: 'Brightlane Agency',
        partnerBcId: '7023456789012345678',
        status: 'unknown',
      },
      {
        kind: 'partner',
        name: 'Cedar & Co',
        partnerBcId: '7034567890123456789',
        status: 'unknown',
      },
    ]);
    expect(reading.complete).toBe(true);
  });

  it('a list of ad accounts (names, long IDs, links) is not taken for partners', () => {
    show(
      `<table><thead>${tr(['Akun', 'ID akun', 'Kepemilikan', ''], 'th')}</thead><tbody>` +
        tr(['Northwind US', '7100000000000000001', 'Milik BC ini', '<a href="/x">Lihat</a>']) +
        tr(['Northwind EU', '7100000000000000002', 'Milik mitra', '<a href="/y">Lihat</a>']) +
        `</tbody></table>`,
    );
    expect(readAccessTable(document).problems).toEqual([
      'No table of members or partners is shown on this page.',
    ]);
  });

  it('a wrong word in a column known by its cells is reported, never read as a role', () => {
    show(
      `<table><thead>${tr(['Username', 'Status', 'Email', 'Papel'], 'th')}</thead><tbody>` +
        tr(['Riley', 'Active', 'riley@example.com', 'Admin']) +
        tr(['Dana', 'Active', 'dana@example.com', 'Standard']) +
        tr(['Sam', 'Active', 'sam@example.com', 'Superuser']) +
        `</tbody></table>`,
    );
    const reading = readAccessTable(document);
    expect(reading.complete).toBe(false);
    expect(reading.rows.find((r) => r.name === 'Sam')?.bcRole).toBeUndefined();
    expect(reading.problems).toContain(
      'Row 3: the role "Superuser" is not one the extension knows.',
    );
  });
});

describe('complete: every data row read, and no rows beyond what is shown', () => {
  const table = `<table><thead>${tr(EN_HEAD, 'th')}</thead><tbody>${MEMBERS.map((r) => tr(r)).join('')}</tbody></table>`;

  it('no pager at all: complete', () => {
    show(table);
    expect(readAccessTable(document)).toEqual({ rows: MEMBER_ROWS, complete: true, problems: [] });
  });

  it('"1-3 of 57": not complete, and says why', () => {
    show(`${table}<div class="pager"><span>1-3 of 57</span></div>`);
    expect(readAccessTable(document)).toMatchObject({
      complete: false,
      problems: ['Only 3 of 57 records are shown; the rest are on other pages of the table.'],
    });
  });

  it('"1–3 / 3" in a language the extension does not know: complete', () => {
    show(`${table}<div class="pager"><span>1–3 / 3</span></div>`);
    expect(readAccessTable(document).complete).toBe(true);
  });

  it('a page-size selector showing as many rows as the table has: not complete', () => {
    show(
      `${table}<div class="pager"><button class="pager-prev" disabled>‹</button><button aria-current="page">1</button><button class="pager-next" disabled>›</button><div role="combobox"><span>3 / page</span></div></div>`,
    );
    expect(readAccessTable(document)).toMatchObject({
      complete: false,
      problems: [
        'The table may have more records than the 3 shown: it shows a full page of 3 rows.',
      ],
    });
  });

  it('a page-size selector above the rows shown and a switched-off next button: complete', () => {
    show(
      `${table}<div class="pager"><button aria-current="page">1</button><button class="pagination-item-next" aria-disabled="true">›</button><select><option selected>10 / page</option><option>20 / page</option></select></div>`,
    );
    expect(readAccessTable(document)).toEqual({ rows: MEMBER_ROWS, complete: true, problems: [] });
  });

  it('a next-page button that works: not complete', () => {
    show(
      `${table}<nav class="pager"><button aria-current="page">1</button><button aria-label="Next page">›</button></nav>`,
    );
    expect(readAccessTable(document).problems).toEqual([
      'The table may have more records than the 3 shown: its next-page control is enabled.',
    ]);
  });

  it('page buttons up to 6 with no total: not complete', () => {
    show(
      `${table}<ul class="pager">${[1, 2, 3, 6].map((n) => `<li><a href="#p${n}">${n}</a></li>`).join('')}</ul>`,
    );
    expect(readAccessTable(document).problems).toEqual([
      'The table may have more records than the 3 shown: its pager shows 6 pages.',
    ]);
  });

  it('a virtualized grid: aria-rowcount above the rows in the page', () => {
    show(
      `<div role="grid" aria-rowcount="120">${gridRow(EN_HEAD, 'columnheader')}${MEMBERS.map((r) => gridRow(r)).join('')}</div>`,
    );
    expect(readAccessTable(document)).toMatchObject({
      rows: MEMBER_ROWS,
      complete: false,
      problems: [
        'Only the rows in view could be read: it has 120 rows (aria-rowcount) but only 4 are in the page.',
      ],
    });
  });

  it('a virtualized table: rows placed by offset in a scroll area taller than they fill', () => {
    const placed = MEMBERS.map(
      (r, i) =>
        `<div role="row" style="position:absolute;transform:translateY(${i * 48}px)">${r.map((c) => `<div role="cell">${c}</div>`).join('')}</div>`,
    );
    show(
      `<div role="table">${gridRow(EN_HEAD, 'columnheader')}<div role="rowgroup" style="position:relative;height:2880px">${placed.join('')}</div></div>`,
    );
    expect(readAccessTable(document)).toMatchObject({
      rows: MEMBER_ROWS,
      complete: false,
      problems: [
        'Only the rows in view could be read: it draws only the rows in view; the rest are not in the page.',
      ],
    });
  });
});

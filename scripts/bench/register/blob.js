// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- plain page script for the benchmark only; typing it buys nothing
// @ts-nocheck
// The baseline the register is measured against: the same data kept as ONE JSON value in
// chrome.storage.local (the common "just store an array" design), doing the same work as the
// real pages. Also seeds both stores (IndexedDB rows through the raw API, the blob) with
// identical generated data. Loaded only into the benchmark's copy of the built extension.
/* global window, document, indexedDB, URL, Blob, URLSearchParams, location, chrome, performance */
'use strict';

/** What the page exposes to the benchmark. */
const api = window;
const { Papa } = window;

const KEY = 'register';
const DAY = 86_400_000;

function uuid(n, kind) {
  const hex = n.toString(16).padStart(12, '0');
  return `0000000${kind}-0000-4000-8000-${hex}`;
}

function makeData({ grants, eventsPerGrant, now }) {
  const iso = (ms) => new Date(ms).toISOString();
  const day = (ms) => iso(ms).slice(0, 10);
  const accounts = [];
  const parties = [];
  const grantRows = [];
  const events = [];
  const accountCount = Math.max(1, Math.round(grants / 10));
  const partyCount = Math.max(1, Math.round(grants / 2.5));
  for (let i = 0; i < accountCount; i++) {
    const t = iso(now - (400 + (i % 50)) * DAY);
    accounts.push({
      id: uuid(i, 1),
      createdAt: t,
      updatedAt: t,
      rev: 1,
      deletedAt: null,
      kind: i % 4 === 0 ? 'adAccount' : 'businessCenter',
      externalId: `70${String(i).padStart(17, '0')}`,
      name: `Client ${i} ${['Outdoor', 'Apparel', 'Foods', 'Travel', 'Media'][i % 5]}`,
      ownerBcId: null,
      ownership: i % 9 === 0 ? 'client' : 'mine',
    });
  }
  for (let i = 0; i < partyCount; i++) {
    const t = iso(now - (300 + (i % 40)) * DAY);
    const partner = i % 10 === 0;
    parties.push({
      id: uuid(i, 2),
      createdAt: t,
      updatedAt: t,
      rev: 1,
      deletedAt: null,
      kind: partner ? 'partnerBc' : 'person',
      name: partner ? `Agency ${i} BC` : `Person ${i}`,
      email: partner ? null : `person${i}@agency${i % 40}.example`,
      bcId: partner ? `71${String(i).padStart(17, '0')}` : null,
      organisation: `Agency ${i % 40}`,
      notes: '',
      isMe: i === 0,
    });
  }
  for (let i = 0; i < grants; i++) {
    const accepted = now - (20 + (i % 200)) * DAY;
    const invited = i % 17 === 0;
    const g = {
      id: uuid(i, 3),
      createdAt: iso(accepted - DAY),
      updatedAt: iso(accepted + (i % 1000)),
      rev: eventsPerGrant,
      deletedAt: null,
      accountId: accounts[i % accountCount].id,
      partyId: parties[(i * 7) % partyCount].id,
      bcRole: i % 5 === 0 ? 'admin' : 'standard',
      financeRole: null,
      assetRole: ['admin', 'operator', 'analyst'][i % 3],
      status: invited ? 'invited' : 'active',
      invitedAt: iso(accepted - DAY),
      acceptedAt: invited ? null : iso(accepted),
      revokedAt: null,
      reviewCadenceDays: 90,
      lastReviewedAt: null,
      // About one in twenty reviews is due, as in a register that is kept up.
      nextReviewOn: day(i % 20 === 0 ? now - DAY : now + (10 + (i % 80)) * DAY),
      contractEndsOn: i % 50 === 0 ? day(now + 7 * DAY) : null,
      goals: i % 3 === 0 ? 'Runs prospecting campaigns; monthly report.' : '',
      source: 'manual',
    };
    grantRows.push(g);
    const snap = { ...g };
    delete snap.createdAt;
    delete snap.updatedAt;
    delete snap.deletedAt;
    for (let e = 0; e < eventsPerGrant; e++) {
      const at = iso(accepted - DAY + e * 3600_000);
      events.push({
        id: uuid(i * eventsPerGrant + e, 4),
        createdAt: at,
        updatedAt: at,
        rev: 1,
        grantId: g.id,
        type: e === 0 ? 'invited' : e === 1 ? 'accepted' : e % 4 === 0 ? 'reviewed' : 'updated',
        at,
        source: 'manual',
        decision: e > 1 && e % 4 === 0 ? 'keep' : null,
        note: e % 4 === 0 ? 'Quarterly review: still runs campaigns.' : '',
        checklist: null,
        before: e === 0 ? null : { ...snap, rev: e },
        after: { ...snap, rev: e + 1 },
      });
    }
  }
  return { accounts, parties, grants: grantRows, events };
}

/**
 * The events as the register stores them (lib/register/history.ts): each grant's history as a
 * chain anchored at its row — `seq` the revision the event produced, `prior` the fields of the
 * grant before it that differ from after it. The seeded histories are one consistent chain per
 * grant, so every event is chained.
 */
function storedEvents(events) {
  return events.map(({ before, after, ...core }) => {
    const prior = before === null ? null : {};
    if (before !== null)
      for (const [k, v] of Object.entries(before)) if (after[k] !== v) prior[k] = v;
    return { ...core, seq: after.rev, prior };
  });
}

/** Events a batch holds when the register packs them (lib/register/event-batches.ts: ~40 KiB). */
const EVENTS_PER_BATCH = 100;

/**
 * Stored events as records of the events store: from schema v4 (the store has the `grantIds`
 * index) batches of about a hundred, a grant's events together; before it, one event a record.
 * So the same page seeds whichever build it is measured with.
 */
function eventRecords(store, events) {
  if (!store.indexNames.contains('grantIds')) return events;
  const out = [];
  for (let i = 0; i < events.length;) {
    const batch = [];
    // Whole grants' histories, up to the batch size.
    while (i < events.length) {
      let end = i;
      while (end < events.length && events[end].grantId === events[i].grantId) end++;
      if (batch.length > 0 && batch.length + (end - i) > EVENTS_PER_BATCH) break;
      batch.push(...events.slice(i, end));
      i = end;
    }
    out.push({
      id: uuid(out.length, 'f'),
      grantIds: [...new Set(batch.map((e) => e.grantId))],
      events: batch,
    });
  }
  return out;
}

function idbPutAll(data) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('access-register');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['accounts', 'parties', 'grants', 'events'], 'readwrite');
      for (const name of ['accounts', 'parties', 'grants', 'events']) {
        const store = tx.objectStore(name);
        const rows =
          name === 'events' ? eventRecords(store, storedEvents(data.events)) : data[name];
        for (const row of rows) store.put(row);
      }
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Seed IndexedDB (the register's real database) and the blob with the same rows. */
api.seedBoth = async (options) => {
  const data = makeData({ ...options, now: Date.now() });
  await idbPutAll(data);
  await chrome.storage.local.set({ [KEY]: data });
  return {
    grants: data.grants.length,
    events: data.events.length,
    bytes: JSON.stringify(data).length,
  };
};

/** Seed only IndexedDB: for scales where the blob would not fit in memory (100,000 grants). */
api.seedRegister = async (options) => {
  const data = makeData({ ...options, now: Date.now() });
  await idbPutAll(data);
  return { grants: data.grants.length, events: data.events.length, bytes: NaN };
};

const today = () => {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function render(views) {
  const list = document.getElementById('list');
  list.replaceChildren(
    ...views.slice(0, 30).map(({ grant, account, party }) => {
      const li = document.createElement('li');
      li.textContent = `${party?.name ?? ''} · ${account?.name ?? ''} · ${grant.status}`;
      return li;
    }),
  );
}

let views = [];
let haystacks = [];

async function load() {
  const { [KEY]: data } = await chrome.storage.local.get(KEY);
  const accountById = new Map(data.accounts.map((a) => [a.id, a]));
  const partyById = new Map(data.parties.map((p) => [p.id, p]));
  views = data.grants
    .filter((g) => g.deletedAt === null)
    .map((grant) => ({
      grant,
      account: accountById.get(grant.accountId),
      party: partyById.get(grant.partyId),
    }));
  return data;
}

/** Popup: load the blob, find what is due, list it and the latest changes. */
async function popup() {
  await load();
  const day = today();
  const due = views.filter((v) => v.grant.status === 'active' && v.grant.nextReviewOn <= day);
  const recent = views.slice().sort((a, b) => b.grant.updatedAt.localeCompare(a.grant.updatedAt));
  render([...due.slice(0, 8), ...recent]);
}

/** Register: load once, then filter on every keystroke, as the real page does. */
async function register() {
  await load();
  haystacks = views.map((v) =>
    [v.party?.name, v.party?.email, v.party?.organisation, v.account?.name, v.account?.externalId]
      .filter(Boolean)
      .join('\n')
      .toLowerCase(),
  );
  const count = document.getElementById('count');
  const show = (q) => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = views.filter((_, i) => words.every((w) => haystacks[i].includes(w)));
    count.textContent = `${hits.length} grants`;
    render(hits);
  };
  document.getElementById('q').addEventListener('input', (e) => show(e.target.value));
  show('');
}

/** Import a CSV: parse it, turn rows into grants with an event each, write the whole blob back. */
api.importCsv = async (text) => {
  const parsed = Papa.parse(text, { header: true, skipEmptyLines: true });
  const data = await load();
  const now = new Date().toISOString();
  parsed.data.forEach((r, i) => {
    const id = uuid(900000 + i, 5);
    const grant = {
      id,
      createdAt: now,
      updatedAt: now,
      rev: 1,
      deletedAt: null,
      accountId: r.account_id,
      partyId: r.email,
      bcRole: r.bc_role || null,
      financeRole: null,
      assetRole: r.asset_role || null,
      status: r.status,
      invitedAt: r.invited_at || null,
      acceptedAt: r.accepted_at || null,
      revokedAt: null,
      reviewCadenceDays: 90,
      lastReviewedAt: null,
      nextReviewOn: null,
      contractEndsOn: null,
      goals: '',
      source: 'import',
    };
    data.grants.push(grant);
    data.events.push({
      id: uuid(900000 + i, 6),
      createdAt: now,
      updatedAt: now,
      rev: 1,
      grantId: id,
      type: 'imported',
      at: now,
      source: 'import',
      decision: null,
      note: '',
      checklist: null,
      before: null,
      after: grant,
    });
  });
  await chrome.storage.local.set({ [KEY]: data });
  document.getElementById('status').textContent = `Imported ${parsed.data.length}`;
};

/** Export: the whole blob as a JSON file download. */
api.exportJson = async () => {
  const { [KEY]: data } = await chrome.storage.local.get(KEY);
  const url = URL.createObjectURL(
    new Blob([JSON.stringify({ schemaVersion: 1, tables: data })], { type: 'application/json' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = 'blob-backup.json';
  document.body.append(a);
  a.click();
  a.remove();
};

/** Open a database (created with `stores` — name → [[index, path, unique?, multiEntry?]…] — when new). */
function idbOpen(name, stores) {
  return new Promise((resolve, reject) => {
    const open = stores ? indexedDB.open(name, 1) : indexedDB.open(name);
    open.onupgradeneeded = () => {
      for (const [store, indexes] of Object.entries(stores ?? {})) {
        const os = open.result.createObjectStore(store, { keyPath: 'id' });
        for (const [index, path, unique, multiEntry] of indexes)
          os.createIndex(index, path, { unique: !!unique, multiEntry: !!multiEntry });
      }
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => resolve(open.result);
  });
}

/** Run `fill(tx)` in one read-write transaction and time it to its commit. */
function timedWrite(db, stores, fill) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const tx = db.transaction(stores, 'readwrite');
    fill(tx);
    tx.oncomplete = () => resolve(performance.now() - t0);
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * IndexedDB's own cost of reading the register, without the register's code: one `getAll` of
 * every store of the register's database in one transaction (an export cannot read faster).
 */
api.idbReadFloor = async () => {
  const register = await idbOpen('access-register');
  const names = [...register.objectStoreNames];
  const read = await new Promise((resolve, reject) => {
    const t0 = performance.now();
    const tx = register.transaction(names, 'readonly');
    let left = names.length;
    for (const name of names) {
      tx.objectStore(name).getAll().onsuccess = (e) => {
        void e.target.result.length; // the values are deserialised when the result is read
        if (--left === 0) resolve(performance.now() - t0);
      };
    }
    tx.onerror = () => reject(tx.error);
  });
  register.close();
  return read;
};

/**
 * IndexedDB's own cost of an import's writes, without the register's code: `write`, the records
 * an import of `rows` new people writes (accounts, people, grants and one event each) put into a
 * scratch database with the register's indexes in one transaction (an import cannot write them
 * faster); `packed`, the same rows with their events a hundred to a record under a multi-entry
 * `grantIds` index, as schema v4 stores them.
 */
api.idbWriteFloor = async ({ rows }) => {
  const now = new Date().toISOString();
  const accounts = Math.min(rows, 2000);
  const account = (i) => ({
    id: uuid(i, 'a'),
    createdAt: now,
    updatedAt: now,
    rev: 1,
    deletedAt: null,
    kind: 'businessCenter',
    externalId: `72${String(i).padStart(17, '0')}`,
    name: `Imported ${i}`,
    ownerBcId: null,
    ownership: 'mine',
  });
  const party = (i) => ({
    id: uuid(i, 'b'),
    createdAt: now,
    updatedAt: now,
    rev: 1,
    deletedAt: null,
    kind: 'person',
    name: `New Person ${i}`,
    email: `new${i}@import.example`,
    bcId: null,
    organisation: `Agency ${i % 30}`,
    notes: '',
    isMe: false,
  });
  const grant = (i) => ({
    id: uuid(i, 'c'),
    createdAt: now,
    updatedAt: now,
    rev: 1,
    deletedAt: null,
    accountId: uuid(i % accounts, 'a'),
    partyId: uuid(i, 'b'),
    bcRole: 'standard',
    financeRole: null,
    assetRole: 'operator',
    status: 'active',
    invitedAt: now,
    acceptedAt: now,
    revokedAt: null,
    reviewCadenceDays: 90,
    lastReviewedAt: null,
    nextReviewOn: '2027-01-01',
    contractEndsOn: null,
    goals: '',
    source: 'import',
  });
  const event = (i) => ({
    id: uuid(i, 'd'),
    createdAt: now,
    updatedAt: now,
    rev: 1,
    grantId: uuid(i, 'c'),
    type: 'imported',
    at: now,
    source: 'import',
    decision: null,
    note: 'Imported from bench.csv',
    checklist: null,
    seq: 1,
    prior: null,
    fromFile: { fileName: 'bench.csv', importedAt: now, format: 'csv' },
  });
  // The register's stores and indexes (lib/register/db.ts, schema v3).
  const stores = {
    accounts: [
      ['kindExternalId', ['kind', 'externalId'], true],
      ['ownership', 'ownership'],
    ],
    parties: [
      ['email', 'email'],
      ['bcId', 'bcId'],
    ],
    grants: ['accountId', 'status', 'nextReviewOn', 'contractEndsOn', 'updatedAt'].map((k) => [
      k,
      k,
    ]),
    events: [['grantIdAt', ['grantId', 'at']]],
  };
  const scratch = async (packed) => {
    const name = `bench-floor-${packed ? 'packed' : 'rows'}`;
    const db = await idbOpen(
      name,
      packed ? { ...stores, events: [['grantIds', 'grantIds', false, true]] } : stores,
    );
    const ms = await timedWrite(db, Object.keys(stores), (tx) => {
      for (let i = 0; i < accounts; i++) tx.objectStore('accounts').put(account(i));
      for (let i = 0; i < rows; i++) {
        tx.objectStore('parties').put(party(i));
        tx.objectStore('grants').put(grant(i));
      }
      const events = tx.objectStore('events');
      if (!packed) for (let i = 0; i < rows; i++) events.add(event(i));
      else
        for (let i = 0; i < rows; i += EVENTS_PER_BATCH) {
          const batch = Array.from({ length: Math.min(EVENTS_PER_BATCH, rows - i) }, (_, k) =>
            event(i + k),
          );
          const grantIds = batch.map((e) => e.grantId);
          events.add({ id: uuid(i, 'e'), grantIds, events: batch });
        }
    });
    db.close();
    await new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
    return ms;
  };
  return { write: await scratch(false), packed: await scratch(true) };
};

const task = new URLSearchParams(location.search).get('task');
if (task === 'popup') void popup();
if (task === 'register') void register();

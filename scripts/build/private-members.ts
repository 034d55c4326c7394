/**
 * The page agent's classes with their TypeScript-private members written as JavaScript's
 * `#private` ones, in the agent's build only. A property name cannot be renamed by the minifier
 * (anything may read it), so each of the runner's and the dock's many private fields and methods
 * cost the agent its full name; a `#name` is the class's alone, and the minifier shortens it.
 *
 * A member is rewritten only where that is sure to mean the same: it is `private`, not static,
 * named by an identifier, and every access to that name in its module is `this.name` inside its
 * class (no access through another object, no destructuring of `this`, no string naming it, as
 * `this['name']` would). Anything else keeps its name. The sources stay TypeScript's `private`,
 * which tests may reach into.
 */
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Every node under `node`, with its parent. */
function walk(
  node: Node,
  visit: (node: Node, parent: Node | null) => void,
  parent: Node | null = null,
) {
  visit(node, parent);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit, node);
    } else if (isNode(value)) walk(value, visit, node);
  }
}

/** The rewritten module, or null when it has no member to rewrite. */
export function privateMembersAsHashNames(
  code: string,
  parse: (code: string) => Node,
): string | null {
  const ast = parse(code);
  const classes: Node[] = [];
  walk(ast, (n) => {
    if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') classes.push(n);
  });
  /** Each private member's class and its declaration. */
  const declared = new Map<string, { owner: Node; member: Node; key: Node }>();
  const unsafe = new Set<string>();
  for (const owner of classes) {
    for (const member of (owner.body as { body: Node[] }).body) {
      const key = member.key as Node | undefined;
      if (
        (member.type !== 'PropertyDefinition' && member.type !== 'MethodDefinition') ||
        member.accessibility !== 'private' ||
        member.static === true ||
        member.computed === true ||
        key?.type !== 'Identifier'
      )
        continue;
      const name = key.name as string;
      if (declared.has(name)) unsafe.add(name);
      declared.set(name, { owner, member, key });
    }
  }
  if (declared.size === 0) return null;
  const accesses = new Map<string, Node[]>();
  walk(ast, (n) => {
    if (n.type === 'MemberExpression' && !n.computed && isNode(n.property)) {
      const name = n.property.name as string;
      const found = declared.get(name);
      if (!found) return;
      const object = n.object as Node;
      const inside = n.start >= found.owner.start && n.end <= found.owner.end;
      if (object.type !== 'ThisExpression' || !inside) unsafe.add(name);
      else accesses.set(name, [...(accesses.get(name) ?? []), n.property]);
    } else if (n.type === 'Literal' && typeof n.value === 'string' && declared.has(n.value)) {
      unsafe.add(n.value);
    } else if (
      (n.type === 'VariableDeclarator' || n.type === 'AssignmentExpression') &&
      isNode(n.id ?? n.left) &&
      ((n.id ?? n.left) as Node).type === 'ObjectPattern' &&
      isNode(n.init ?? n.right) &&
      ((n.init ?? n.right) as Node).type === 'ThisExpression'
    ) {
      // `const { a, b } = this`: those names stay properties.
      for (const p of ((n.id ?? n.left) as { properties: Node[] }).properties)
        if (isNode(p.key)) unsafe.add(p.key.name as string);
    }
  });
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [name, { member, key }] of declared) {
    if (unsafe.has(name)) continue;
    const modifiers = code.slice(member.start, key.start);
    edits.push({
      start: member.start,
      end: key.end,
      text: `${modifiers.replace(/\bprivate\s+/, '')}#${name}`,
    });
    for (const property of accesses.get(name) ?? [])
      edits.push({ start: property.start, end: property.end, text: `#${name}` });
  }
  if (edits.length === 0) return null;
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The Vite plugin, for the agent's build: its TypeScript modules, before types are stripped. */
export function privateMembers(): Plugin {
  return {
    name: 'access-companion:private-members',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!/\.ts$/.test(file) || file.includes('node_modules') || !code.includes('private '))
        return null;
      const out = privateMembersAsHashNames(
        code,
        (source) => this.parse(source, { lang: 'ts' }) as unknown as Node,
      );
      return out === null ? null : { code: out, map: null };
    },
  };
}

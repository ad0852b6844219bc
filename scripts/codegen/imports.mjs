// @ts-check
/**
 * The imports of one generated module, collected while its code is emitted: each emitter that writes a name from
 * another module says so here, and the import lines come from what was asked for, never from searching the text.
 */
export class Imports {
  /** @type {Map<string, Map<string, boolean>>} module -> name -> type-only */
  #modules = new Map();

  /**
   * `name` from `from`, as a type-only import; returns the name, so an emitter can write `${imports.type(...)}`.
   * @param {string} from @param {string} name
   */
  type(from, name) {
    const names = this.#names(from);
    if (!names.has(name)) names.set(name, true);
    return name;
  }

  /** `name` from `from`, as a value (a value import also serves as a type). @param {string} from @param {string} name */
  value(from, name) {
    this.#names(from).set(name, false);
    return name;
  }

  /** @param {string} from */
  #names(from) {
    const names = this.#modules.get(from) ?? new Map();
    this.#modules.set(from, names);
    return names;
  }

  /** The import statements, packages before relative paths, names sorted; empty when nothing was asked for. */
  toString() {
    const order = (/** @type {string} */ from) => `${from.startsWith('.') ? 1 : 0}${from}`;
    return [...this.#modules]
      .sort(([a], [b]) => (order(a) < order(b) ? -1 : 1))
      .map(([from, names]) => {
        const all = [...names].sort(([a], [b]) => (a < b ? -1 : 1));
        if (all.every(([, typeOnly]) => typeOnly)) {
          return `import type { ${all.map(([n]) => n).join(', ')} } from '${from}';`;
        }
        const list = all.map(([n, typeOnly]) => (typeOnly ? `type ${n}` : n));
        return `import { ${list.join(', ')} } from '${from}';`;
      })
      .join('\n');
  }
}

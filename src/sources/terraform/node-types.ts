import type { Language } from 'web-tree-sitter'

/** A grammar's node type names and named flags by type id, and the ids of the fields read here. */
export interface NodeTypes {
  names: string[]
  named: boolean[]
  keyField: number
  valueField: number
}

const nodeTypesByLanguage = new WeakMap<Language, NodeTypes>()

export function nodeTypes(language: Language): NodeTypes {
  let types = nodeTypesByLanguage.get(language)
  if (!types) {
    const names: string[] = []
    const named: boolean[] = []
    for (let id = 0; id < language.types.length; id++) {
      names.push(language.types[id] || 'ERROR')
      named.push(language.nodeTypeIsNamed(id))
    }
    types = {
      names,
      named,
      keyField: language.fieldIdForName('key') ?? -1,
      valueField: language.fieldIdForName('val') ?? -1,
    }
    nodeTypesByLanguage.set(language, types)
  }
  return types
}

import { computed, inject, nextTick, provide, ref, type ComputedRef, type InjectionKey, type Ref } from 'vue';
import {
  ensureNumbered,
  findContainer,
  idGeneratorFor,
  insertNode,
  locate,
  markersOf,
  moveNode,
  newAspectBlock,
  newExample,
  newItem,
  newParagraph,
  newSection,
  removeNode,
  shiftNode,
  aspectLabelOf,
  convertNode,
  changeSectionKind,
  type Material,
  type MaterialNode,
  type NodeId,
  type SectionKind,
} from '../../../../electron/common/materials';
import type { MaterialOpinion } from '../../../../electron/common/api/materials';
import { isComposing } from '../../utils/ime';

/**
 * Everything the node editors of one material share: the tree (edited in place; a deep watch saves it), the
 * generated markers, and the structural operations. Numbering is never typed: it comes from markersOf.
 */
export interface MaterialEditing {
  material: Ref<Material>;
  readonly: ComputedRef<boolean>;
  markers: ComputedRef<Map<NodeId, string>>;
  /** The meeting's aspects, offered when adding an aspect block. */
  aspects: ComputedRef<string[]>;
  opinions: ComputedRef<MaterialOpinion[]>;
  /** The node whose field has the focus (highlighted in the preview). */
  active: Ref<NodeId | null>;
  /** Problems can link opinions (not in the import preview). */
  canLink: boolean;
  link(nodeId: NodeId, opinionIds: number[]): Promise<void>;
  shift(id: NodeId, direction: -1 | 1): void;
  remove(id: NodeId): void;
  moveTo(id: NodeId, containerId: NodeId): void;
  addItem(containerId: NodeId, afterId?: NodeId): void;
  addExample(itemId: NodeId): void;
  addParagraph(containerId: NodeId): void;
  addBlock(sectionId: NodeId, heading: string): void;
  addSection(kind: SectionKind, heading: string): void;
  convert(id: NodeId, to: 'item' | 'paragraph'): void;
  setKind(sectionId: NodeId, kind: SectionKind): void;
  focus(id: NodeId): void;
  /** Changes one field of a node of the tree (the editors own no copy: the tree is the context's). */
  set<N extends MaterialNode, K extends keyof N>(node: N, key: K, value: N[K]): void;
  /** Called after every structural change (the import preview marks the node as handled). */
  touched(id: NodeId): void;
}

const KEY: InjectionKey<MaterialEditing> = Symbol('materialEditing');

export function provideEditing(options: {
  material: Ref<Material>;
  readonly: ComputedRef<boolean>;
  aspects: ComputedRef<string[]>;
  opinions?: ComputedRef<MaterialOpinion[]>;
  link?: (nodeId: NodeId, opinionIds: number[]) => Promise<void>;
  onTouched?: (id: NodeId) => void;
}): MaterialEditing {
  const m = () => options.material.value;
  const newId = () => idGeneratorFor(m())();
  const touched = (id: NodeId) => options.onTouched?.(id);
  const focus = (id: NodeId) => {
    void nextTick(() => {
      const field = document.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"] :is(textarea,input)`);
      field?.focus();
    });
  };
  const editing: MaterialEditing = {
    material: options.material,
    readonly: options.readonly,
    markers: computed(() => markersOf(m())),
    aspects: options.aspects,
    opinions: options.opinions ?? computed(() => []),
    active: ref(null),
    canLink: options.link !== undefined,
    link: options.link ?? (async () => undefined),
    shift(id, direction) {
      if (shiftNode(m(), id, direction)) {
        // Carried into another aspect, it may now share a container with an unnumbered item.
        const at = locate(m(), id);
        if (at) ensureNumbered(at.container);
        touched(id);
        focus(id);
      }
    },
    remove(id) {
      removeNode(m(), id);
      touched(id);
    },
    moveTo(id, containerId) {
      if (moveNode(m(), id, containerId)) {
        const target = findContainer(m(), containerId);
        if (target) ensureNumbered(target);
        touched(id);
        focus(id);
      }
    },
    addItem(containerId, afterId) {
      const container = findContainer(m(), containerId);
      if (!container) return;
      const id = newId();
      const at = afterId ? locate(m(), afterId) : null;
      insertNode(m(), containerId, newItem(id), at ? at.index + 1 : undefined);
      ensureNumbered(container);
      touched(containerId);
      focus(id);
    },
    addExample(itemId) {
      const id = newId();
      if (insertNode(m(), itemId, newExample(id, '比如，'))) focus(id);
    },
    addParagraph(containerId) {
      const id = newId();
      if (insertNode(m(), containerId, newParagraph(id, ''))) focus(id);
    },
    addBlock(sectionId, heading) {
      const id = newId();
      if (insertNode(m(), sectionId, newAspectBlock(id, { heading, label: aspectLabelOf(heading), listStyle: 'cn-shi' }))) focus(id);
    },
    addSection(kind, heading) {
      const id = newId();
      const style = kind === 'problems' || kind === 'causes' || kind === 'measures' ? 'cn-paren' : 'none';
      insertNode(m(), null, newSection(id, kind, heading, style));
      focus(id);
    },
    convert(id, to) {
      if (convertNode(m(), id, to)) touched(id);
    },
    setKind(sectionId, kind) {
      if (changeSectionKind(m(), sectionId, kind, newId)) touched(sectionId);
    },
    focus,
    touched,
    set(node, key, value) {
      node[key] = value;
    },
  };
  provide(KEY, editing);
  return editing;
}

export function useEditing(): MaterialEditing {
  const editing = inject(KEY);
  if (!editing) throw new Error('useEditing() outside a material editor');
  return editing;
}

/** Alt+↑/↓ move the node, Ctrl+Enter adds an item after it: bound on each node's fields. */
export function nodeKeys(editing: MaterialEditing, id: NodeId, addAfter?: () => void) {
  return (event: KeyboardEvent) => {
    if (editing.readonly.value || isComposing(event)) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      editing.shift(id, event.key === 'ArrowUp' ? -1 : 1);
    } else if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && addAfter) {
      event.preventDefault();
      addAfter();
    }
  };
}

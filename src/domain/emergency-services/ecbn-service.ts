import type { Store } from '../../store/store.ts';
import { huntGroupNotFound } from '../hunt-groups/hunt-group-rules.ts';
import { personOf } from '../settings/settings-service.ts';
import { virtualLineOf } from '../virtual-lines/virtual-line-service.ts';
import { decodeId } from '../webex-ids.ts';
import { callingWorkspaceOf } from '../workspaces/workspace-service.ts';
import { lineDependencies, type DependencyOwner } from './line-ecbn.ts';

// Who depends on a line as an emergency callback number; each owner kind is found (or is a 404)
// as its own area finds it.

const FINDERS: Record<DependencyOwner, (store: Store, orgId: string, publicId: string) => Promise<{ id: string }>> = {
  person: personOf,
  workspace: callingWorkspaceOf,
  virtualLine: virtualLineOf,
  async huntGroup(store, orgId, publicId) {
    const id = decodeId(publicId, 'HUNT_GROUP');
    const group = id ? await store.huntGroups.get(orgId, id) : undefined;
    if (!group) throw huntGroupNotFound();
    return group;
  },
};

export class EcbnDependencyService {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  dependencies(orgId: string, kind: DependencyOwner, publicId: string) {
    return lineDependencies(this.store, orgId, kind, FINDERS[kind], publicId);
  }
}

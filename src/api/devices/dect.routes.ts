import { holderMemberType, holderPublicId, type DeviceMemberService, type LineHolder } from '../../domain/devices/device-members.ts';
import { handsetLines, type DectService, type NetworkView } from '../../domain/devices/dect-service.ts';
import { badRequest } from '../../domain/errors.ts';
import { personOf } from '../../domain/settings/settings-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { callingWorkspaceOf } from '../../domain/workspaces/workspace-service.ts';
import { virtualLineOf } from '../../domain/virtual-lines/virtual-line-service.ts';
import { operations } from '../../generated/webex/dect-devices-settings.ts';
import { operations as virtualLineOperations } from '../../generated/webex/virtual-line-call-settings.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { StoredHandset } from '../../store/dect-store.ts';
import type { Store } from '../../store/store.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;

const networkId = (id: string) => encodeId('DECT_NETWORK', id);
const stationId = (id: string) => encodeId('DECT_BASE_STATION', id);

function presentNetwork({ network, location, baseStations, handsets }: NetworkView) {
  return {
    id: networkId(network.id),
    name: network.name,
    ...(network.displayName !== null ? { displayName: network.displayName } : {}),
    chainId: network.chainId,
    model: network.model as 'DMS Cisco DBS210' | 'DMS Cisco DBS110',
    defaultAccessCodeEnabled: network.defaultAccessCodeEnabled,
    defaultAccessCode: network.defaultAccessCode ?? '',
    numberOfBaseStations: baseStations.length,
    numberOfHandsetsAssigned: handsets.length,
    numberOfLines: handsets.flatMap(handsetLines).length,
    location: { id: encodeId('LOCATION', location.id), name: location.name },
  };
}

/** The handset's lines whose holders still have Webex Calling. */
function presentLines(h: StoredHandset, holders: Map<string, LineHolder>) {
  return handsetLines(h).flatMap((l) => {
    const holder = holders.get(l.memberId);
    if (!holder) return [];
    return [
      {
        memberId: holderPublicId(holder),
        firstName: holder.firstName,
        lastName: holder.lastName,
        external: holder.phoneNumber ?? '',
        extension: holder.extension ?? '',
        location: holder.location ? { id: encodeId('LOCATION', holder.location.id), name: holder.location.name } : { id: '', name: '' },
        memberType: holderMemberType(holder),
      },
    ];
  });
}

const defaultDisplayName = (h: StoredHandset, view: NetworkView) => `${h.index}-${view.network.displayName ?? view.network.name}`.slice(0, 16);

// DECT Devices Settings: networks of a location, their base stations and handsets, the
// serviceability password, the networks a person or workspace has a handset on, and the members
// that could take a line.
export function dectRoutes(server: Server, deps: { store: Store; dect: DectService; deviceMembers: DeviceMemberService }): void {
  const { store, dect, deviceMembers } = deps;

  webexRoute(server, operations.getTheListOfDECTNetworksForAnOrganization, {
    auth: read,
    handler: async (request) => ({ dectNetworks: (await dect.list(request.orgId, request.query)).map(presentNetwork) }),
  });

  webexRoute(server, operations.createADECTNetwork, {
    auth: write,
    handler: async (request, reply) => {
      const network = await dect.create(request.orgId, request.params.locationId, request.body ?? {});
      reply.code(201);
      return { dectNetworkId: networkId(network.id) };
    },
  });

  webexRoute(server, operations.getDECTNetworkDetails, {
    auth: read,
    handler: async (request) => presentNetwork(await dect.get(request.orgId, request.params.locationId, request.params.dectNetworkId)),
  });

  webexRoute(server, operations.updateDECTNetwork, {
    auth: write,
    handler: async (request, reply) => {
      await dect.update(request.orgId, request.params.locationId, request.params.dectNetworkId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteDECTNetwork, {
    auth: write,
    handler: async (request, reply) => {
      await dect.delete(request.orgId, request.params.locationId, request.params.dectNetworkId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getAListOfDECTNetworkBaseStations, {
    auth: read,
    handler: async (request) => {
      const view = await dect.get(request.orgId, request.params.locationId, request.params.dectNetworkId);
      // Handsets register with the network's first base station (Callplane simulates one cell).
      const lines = view.handsets.flatMap(handsetLines).length;
      return { baseStations: view.baseStations.map((s, i) => ({ id: stationId(s.id), mac: s.mac, numberOfLinesRegistered: i === 0 ? lines : 0 })) };
    },
  });

  webexRoute(server, operations.createMultipleBaseStations, {
    auth: write,
    handler: async (request, reply) => {
      const results = await dect.addBaseStations(request.orgId, request.params.locationId, request.params.dectNetworkId, request.body?.baseStationMacs ?? []);
      reply.code(201);
      return { baseStations: results.map((r) => ({ mac: r.mac, result: { status: r.result.status, ...(r.result.id ? { id: stationId(r.result.id) } : {}) } })) };
    },
  });

  webexRoute(server, operations.getTheDetailsOfASpecificDECTNetworkBaseStation, {
    auth: read,
    handler: async (request) => {
      const { locationId, dectNetworkId, baseStationId } = request.params;
      const { station, view, holders } = await dect.baseStation(request.orgId, locationId, dectNetworkId, baseStationId);
      const registered = view.baseStations[0]?.id === station.id ? view.handsets : [];
      return {
        id: stationId(station.id),
        mac: station.mac,
        handsets: registered.map((h) => ({ id: encodeId('DECT_HANDSET', h.id), displayName: h.customDisplayName, accessCode: h.accessCode, lines: presentLines(h, holders) })),
      };
    },
  });

  webexRoute(server, operations.deleteASpecificDECTNetworkBaseStation, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, dectNetworkId, baseStationId } = request.params;
      await dect.deleteBaseStations(request.orgId, locationId, dectNetworkId, baseStationId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteBulkDECTNetworkBaseStations, {
    auth: write,
    handler: async (request, reply) => {
      await dect.deleteBaseStations(request.orgId, request.params.locationId, request.params.dectNetworkId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getListOfHandsetsForADECTNetworkID, {
    auth: read,
    handler: async (request) => {
      const { view, handsets, holders } = await dect.handsets(request.orgId, request.params.locationId, request.params.dectNetworkId, request.query);
      return {
        numberOfHandsetsAssigned: view.handsets.length,
        numberOfLinesAssigned: view.handsets.flatMap(handsetLines).length,
        handsets: handsets.map((h) => ({
          id: encodeId('DECT_HANDSET', h.id),
          index: String(h.index),
          defaultDisplayName: defaultDisplayName(h, view),
          customDisplayName: h.customDisplayName,
          accessCode: h.accessCode,
          lines: presentLines(h, holders),
        })),
      };
    },
  });

  webexRoute(server, operations.addAHandsetToADECTNetwork, {
    auth: write,
    handler: async (request, reply) => {
      if (!request.body) throw badRequest('line1MemberId and customDisplayName are required.');
      await dect.addHandset(request.orgId, request.params.locationId, request.params.dectNetworkId, request.body);
      sendEmpty(reply, 201);
    },
  });

  webexRoute(server, operations.addAListOfHandsetsToADECTNetwork, {
    auth: write,
    handler: async (request, reply) => {
      const items = await dect.addHandsets(request.orgId, request.params.locationId, request.params.dectNetworkId, request.body?.items ?? []);
      reply.code(items.every((i) => i.result.status === 201) ? 201 : 206);
      return { items };
    },
  });

  webexRoute(server, operations.getSpecificDECTNetworkHandsetDetails, {
    auth: read,
    handler: async (request) => {
      const { locationId, dectNetworkId, handsetId } = request.params;
      const { handset, view, holders } = await dect.handset(request.orgId, locationId, dectNetworkId, handsetId);
      const station = view.baseStations[0];
      return {
        id: encodeId('DECT_HANDSET', handset.id),
        index: String(handset.index),
        customDisplayName: handset.customDisplayName,
        defaultDisplayName: defaultDisplayName(handset, view),
        // Registered with the first base station once the network has one.
        baseStationId: station ? stationId(station.id) : '',
        mac: handset.mac,
        accessCode: handset.accessCode,
        lines: presentLines(handset, holders),
      };
    },
  });

  webexRoute(server, operations.updateDECTNetworkHandset, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, dectNetworkId, handsetId } = request.params;
      if (!request.body) throw badRequest('line1MemberId and customDisplayName are required.');
      await dect.updateHandset(request.orgId, locationId, dectNetworkId, handsetId, request.body);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteSpecificDECTNetworkHandsetDetails, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, dectNetworkId, handsetId } = request.params;
      await dect.deleteHandsets(request.orgId, locationId, dectNetworkId, [handsetId]);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteMultipleHandsets, {
    auth: write,
    handler: async (request, reply) => {
      const body = request.body ?? { handsetIds: [] };
      await dect.deleteHandsets(request.orgId, request.params.locationId, request.params.dectNetworkId, body.deleteAll ? 'all' : body.handsetIds);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getDECTServiceabilityPasswordStatus, {
    auth: read,
    handler: async (request) => ({ enabled: await dect.password(request.orgId, request.params.locationId, request.params.dectNetworkId) }),
  });

  webexRoute(server, operations.updateDECTServiceabilityPasswordStatus, {
    auth: write,
    handler: async (request, reply) => {
      if (!request.body) throw badRequest('enabled is required.');
      await dect.setPassword(request.orgId, request.params.locationId, request.params.dectNetworkId, request.body.enabled);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.generateAndEnableDECTServiceabilityPassword, {
    auth: write,
    handler: async (request, reply) => {
      const password = await dect.generatePassword(request.orgId, request.params.locationId, request.params.dectNetworkId);
      reply.code(201);
      return { password };
    },
  });

  const networksOf = async (orgId: string, memberId: string) => ({
    dectNetworks: (await dect.networksOf(orgId, memberId)).map(({ network, handsets }) => ({ id: networkId(network.id), name: network.name, numberOfHandsetsAssigned: handsets })),
  });

  webexRoute(server, operations.getListOfDECTNetworksAssociatedWithAPerson, {
    auth: read,
    handler: async (request) => networksOf(request.orgId, (await personOf(store, request.orgId, request.params.personId)).id),
  });

  webexRoute(server, operations.getListOfDECTNetworksAssociatedWithAWorkspace, {
    auth: read,
    handler: async (request) => networksOf(request.orgId, (await callingWorkspaceOf(store, request.orgId, request.params.workspaceId)).id),
  });

  // A virtual line's networks also say whether it is a handset's primary line, and where the network is.
  webexRoute(server, virtualLineOperations.getListOfDECTNetworksHandsetsForAVirtualLine, {
    auth: read,
    handler: async (request) => {
      const line = await virtualLineOf(store, request.orgId, request.params.virtualLineId);
      const dectNetworks = [];
      for (const { network, handsets, primary } of await dect.networksOf(request.orgId, line.id)) {
        const location = await store.locations.get(request.orgId, network.locationId);
        dectNetworks.push({
          id: networkId(network.id),
          name: network.name,
          primaryEnabled: primary,
          numberOfHandsetsAssigned: handsets,
          location: { id: encodeId('LOCATION', network.locationId), name: location?.name ?? '' },
        });
      }
      return { dectNetworks };
    },
  });

  webexRoute(server, operations.searchAvailableMembers, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, 1000);
      const all = (await deviceMembers.available(request.orgId, undefined, request.query)).filter((h) => h.location);
      const page = { items: all.slice(start, start + max), ...(all.length > start + max ? { next: start + max } : {}) };
      return {
        members: offsetPageItems(request, reply, page, max).map((h) => ({
          id: holderPublicId(h),
          firstName: h.firstName,
          lastName: h.lastName,
          ...(h.phoneNumber ? { phoneNumber: h.phoneNumber } : {}),
          ...(h.extension ? { extension: h.extension } : {}),
          lineType: request.query.usageType === 'DEVICE_OWNER' ? ('PRIMARY' as const) : ('SHARED_CALL_APPEARANCE' as const),
          memberType: holderMemberType(h),
          location: { id: encodeId('LOCATION', h.location!.id), name: h.location!.name },
        })),
      };
    },
  });

}

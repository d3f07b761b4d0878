import type { Query } from './api.ts';

// A location's calling features as the console manages them, one table for all six kinds: where
// each is listed, read and written in the Webex API, which members it has, and the body it
// takes. The page (pages/features.tsx) is the same for every kind. Pure: no DOM, no fetch.

export type FeatureKind = 'huntGroups' | 'queues' | 'autoAttendants' | 'callParks' | 'callPickups' | 'paging';

/** A person as a feature lists them (agents, originators, targets). */
export type FeatureMember = { id: string; displayName?: string; firstName?: string; lastName?: string };

/** A feature as its list shows it. */
export type FeatureSummary = { id: string; name: string; extension?: string; phoneNumber?: string; enabled?: boolean };

/** A feature's details: its members by role, and whatever else its kind has. */
export type FeatureDetails = FeatureSummary & Record<string, unknown>;

/** What the console's form edits. */
export type FeatureForm = {
  name: string;
  extension: string;
  phoneNumber: string;
  policy: string;
  queueSize: string;
  businessSchedule: string;
  operator: string;
  members: Record<string, { id: string; name: string }[]>;
};

/** A kind of member: the field of the details and of the body, and how the body names people. */
export type MemberRole = { key: string; label: string; singular: string; asObjects: boolean };

export type FeatureSpec = {
  kind: FeatureKind;
  title: string;
  singular: string;
  list: (locationId: string) => { path: string; query?: Query; key: string };
  item: (locationId: string, id: string) => string;
  create: (locationId: string) => string;
  /** The lines (number and extension) the kind has, and where its free numbers are listed. */
  numbers?: (locationId: string) => string;
  roles: MemberRole[];
  policies?: string[];
  /** The body of a create (details undefined) or an update (the current details). */
  body: (form: FeatureForm, details: FeatureDetails | undefined) => Record<string, unknown>;
};

const config = '/v1/telephony/config';
const at = (locationId: string, path: string) => `${config}/locations/${encodeURIComponent(locationId)}/${path}`;

const AGENTS: MemberRole = { key: 'agents', label: 'Agents', singular: 'agent', asObjects: true };
const AGENT_IDS: MemberRole = { ...AGENTS, asObjects: false };

/** Members of one role as the body names them: `[{id}]` or `[id]`. */
export const memberBody = (role: MemberRole, form: FeatureForm): unknown[] => (form.members[role.key] ?? []).map((m) => (role.asObjects ? { id: m.id } : m.id));

/** Number and extension: given when set; on update, an emptied one is '' (Webex removes it). */
function lines(form: FeatureForm, details: FeatureDetails | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of ['extension', 'phoneNumber'] as const) {
    const value = form[field].trim();
    if (value) out[field] = value;
    else if (details?.[field]) out[field] = '';
  }
  return out;
}

const withMembers = (spec: Pick<FeatureSpec, 'roles'>, form: FeatureForm) => Object.fromEntries(spec.roles.map((r) => [r.key, memberBody(r, form)]));

const noAnswer = { nextAgentEnabled: true, nextAgentRings: 5, forwardEnabled: false, numberOfRings: 15, destinationVoicemailEnabled: false };

const operatorMenu = (operator: string) => ({ greeting: 'DEFAULT', extensionEnabled: true, keyConfigurations: [{ key: '0', action: 'TRANSFER_TO_OPERATOR', value: operator }] });

export const FEATURES: FeatureSpec[] = [
  {
    kind: 'huntGroups',
    title: 'Hunt groups',
    singular: 'hunt group',
    list: (locationId) => ({ path: `${config}/huntGroups`, query: { locationId, max: 1000 }, key: 'huntGroups' }),
    item: (l, id) => at(l, `huntGroups/${encodeURIComponent(id)}`),
    create: (l) => at(l, 'huntGroups'),
    numbers: (l) => at(l, 'huntGroups/availableNumbers'),
    roles: [AGENTS],
    policies: ['REGULAR', 'CIRCULAR', 'SIMULTANEOUS', 'UNIFORM'],
    body(form, details) {
      const policies = (details?.callPolicies as Record<string, unknown> | undefined) ?? { noAnswer };
      return { name: form.name.trim(), ...lines(form, details), ...(details ? {} : { enabled: true }), callPolicies: { ...policies, policy: form.policy }, agents: memberBody(AGENTS, form) };
    },
  },
  {
    kind: 'queues',
    title: 'Call queues',
    singular: 'call queue',
    list: (locationId) => ({ path: `${config}/queues`, query: { locationId, max: 1000 }, key: 'queues' }),
    item: (l, id) => at(l, `queues/${encodeURIComponent(id)}`),
    create: (l) => at(l, 'queues'),
    numbers: (l) => at(l, 'queues/availableNumbers'),
    roles: [AGENTS],
    policies: ['REGULAR', 'CIRCULAR', 'SIMULTANEOUS', 'UNIFORM'],
    body(form, details) {
      const policies = (details?.callPolicies as Record<string, unknown> | undefined) ?? {
        routingType: 'PRIORITY_BASED',
        callBounce: { callBounceEnabled: true, callBounceMaxRings: 5 },
        distinctiveRing: { enabled: false },
      };
      const settings = (details?.queueSettings as Record<string, unknown> | undefined) ?? { overflow: { action: 'PERFORM_BUSY_TREATMENT', greeting: 'DEFAULT' }, welcomeMessage: { enabled: true, greeting: 'DEFAULT' } };
      return {
        name: form.name.trim(),
        ...lines(form, details),
        callPolicies: { ...policies, policy: form.policy },
        queueSettings: { ...settings, queueSize: Number(form.queueSize) },
        agents: memberBody(AGENTS, form),
      };
    },
  },
  {
    kind: 'autoAttendants',
    title: 'Auto attendants',
    singular: 'auto attendant',
    list: (locationId) => ({ path: `${config}/autoAttendants`, query: { locationId, max: 1000 }, key: 'autoAttendants' }),
    item: (l, id) => at(l, `autoAttendants/${encodeURIComponent(id)}`),
    create: (l) => at(l, 'autoAttendants'),
    numbers: (l) => at(l, 'autoAttendants/availableNumbers'),
    roles: [],
    body(form, details) {
      const common = { name: form.name.trim(), ...lines(form, details), businessSchedule: form.businessSchedule };
      // A new attendant's menus send 0 to the operator; menus are edited through the API.
      return details ? common : { ...common, businessHoursMenu: operatorMenu(form.operator.trim()), afterHoursMenu: operatorMenu(form.operator.trim()) };
    },
  },
  {
    kind: 'callParks',
    title: 'Call parks',
    singular: 'call park',
    list: (l) => ({ path: at(l, 'callParks'), query: { max: 1000 }, key: 'callParks' }),
    item: (l, id) => at(l, `callParks/${encodeURIComponent(id)}`),
    create: (l) => at(l, 'callParks'),
    roles: [AGENT_IDS],
    body: (form, details) => ({ name: form.name.trim(), ...(details ? {} : { recall: { option: 'ALERT_PARKING_USER_ONLY' } }), agents: memberBody(AGENT_IDS, form) }),
  },
  {
    kind: 'callPickups',
    title: 'Call pickups',
    singular: 'call pickup',
    list: (l) => ({ path: at(l, 'callPickups'), query: { max: 1000 }, key: 'callPickups' }),
    item: (l, id) => at(l, `callPickups/${encodeURIComponent(id)}`),
    create: (l) => at(l, 'callPickups'),
    roles: [AGENT_IDS],
    body: (form) => ({ name: form.name.trim(), agents: memberBody(AGENT_IDS, form) }),
  },
  {
    kind: 'paging',
    title: 'Paging groups',
    singular: 'paging group',
    list: (locationId) => ({ path: `${config}/paging`, query: { locationId, max: 1000 }, key: 'locationPaging' }),
    item: (l, id) => at(l, `paging/${encodeURIComponent(id)}`),
    create: (l) => at(l, 'paging'),
    numbers: (l) => at(l, 'paging/availableNumbers'),
    roles: [
      { key: 'originators', label: 'Originators', singular: 'originator', asObjects: false },
      { key: 'targets', label: 'Targets', singular: 'target', asObjects: false },
    ],
    body(form, details) {
      return { name: form.name.trim(), ...lines(form, details), ...withMembers(this, form) };
    },
  },
];

export const memberName = (m: FeatureMember): string => m.displayName ?? ([m.firstName, m.lastName].filter(Boolean).join(' ') || m.id);

/** The form for a new feature, or filled from a feature's details. */
export function formOf(spec: FeatureSpec, details: FeatureDetails | undefined): FeatureForm {
  const members = Object.fromEntries(spec.roles.map((r) => [r.key, ((details?.[r.key] as FeatureMember[] | undefined) ?? []).map((m) => ({ id: m.id, name: memberName(m) }))]));
  const policies = details?.callPolicies as { policy?: string } | undefined;
  const settings = details?.queueSettings as { queueSize?: number } | undefined;
  return {
    name: details?.name ?? '',
    extension: details?.extension ?? '',
    phoneNumber: details?.phoneNumber ?? '',
    policy: policies?.policy ?? spec.policies?.[0] ?? '',
    queueSize: String(settings?.queueSize ?? 10),
    businessSchedule: (details?.businessSchedule as string | undefined) ?? '',
    operator: '',
    members,
  };
}

type KeyConfiguration = { key: string; action: string; value?: string; description?: string };

/** What a feature's members view lists: its people by role, or an attendant's menu keys. */
export function membersOf(spec: FeatureSpec, details: FeatureDetails): { label: string; names: string[] }[] {
  if (spec.kind === 'autoAttendants') {
    const menus = [
      ['Business hours menu', details.businessHoursMenu],
      ['After hours menu', details.afterHoursMenu],
    ] as const;
    return menus.map(([label, menu]) => ({
      label,
      names: ((menu as { keyConfigurations?: KeyConfiguration[] } | undefined)?.keyConfigurations ?? []).map((k) => `${k.key}: ${k.action}${k.value ? ` ${k.value}` : ''}`),
    }));
  }
  return spec.roles.map((r) => ({ label: r.label, names: ((details[r.key] as FeatureMember[] | undefined) ?? []).map(memberName) }));
}

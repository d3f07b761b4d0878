import { sql, type Kysely } from 'kysely';

// What must hold in a store whatever happened to the process that wrote it: no half-written
// person, number or call. Each check is a query for the rows that break it; the answer lists
// them all.

type Check = { rule: string; query: string };

const CHECKS: Check[] = [
  {
    rule: 'a person with a Webex Calling license has a location and an extension or a number',
    query: `select p.id from people p
      join person_licenses pl on pl.person_id = p.id join licenses l on l.id = pl.license_id
      where l.calling is not null
        and (p.location_id is null or (p.extension is null and not exists (select 1 from numbers n where n.owner_id = p.id)))`,
  },
  {
    rule: 'a person without a Webex Calling license has no location, extension or number',
    query: `select p.id from people p
      where (p.location_id is not null or p.extension is not null or exists (select 1 from numbers n where n.owner_id = p.id))
        and not exists (select 1 from person_licenses pl join licenses l on l.id = pl.license_id where pl.person_id = p.id and l.calling is not null)`,
  },
  {
    rule: 'a person holds at most one Webex Calling license',
    query: `select pl.person_id from person_licenses pl join licenses l on l.id = pl.license_id
      where l.calling is not null group by pl.person_id having count(*) > 1`,
  },
  {
    rule: "an owned number's owner exists, in the number's organization and location",
    query: `select n.phone_number from numbers n left join people p on p.id = n.owner_id
      where n.owner_id is not null and (p.id is null or p.org_id <> n.org_id or p.location_id is null or p.location_id <> n.location_id)`,
  },
  {
    rule: 'a person owns at most one number',
    query: `select owner_id from numbers where owner_id is not null group by owner_id having count(*) > 1`,
  },
  {
    rule: 'an extension belongs to one person of a location',
    query: `select location_id, extension from people where extension is not null group by location_id, extension having count(*) > 1`,
  },
  {
    rule: 'a license holding is of an existing person and license of the same organization',
    query: `select pl.person_id, pl.license_id from person_licenses pl
      left join people p on p.id = pl.person_id left join licenses l on l.id = pl.license_id
      where p.id is null or l.id is null or p.org_id <> l.org_id or pl.org_id <> p.org_id`,
  },
  {
    rule: 'a license is not held by more people than its units',
    query: `select l.id from licenses l where (select count(*) from person_licenses pl where pl.license_id = l.id) > l.total_units`,
  },
  {
    rule: "a license's count of consumed units is its number of holders",
    query: `select l.id, l.consumed_units from licenses l where l.consumed_units <> (select count(*) from person_licenses pl where pl.license_id = l.id)`,
  },
  {
    rule: 'a number lies in a location of its organization',
    query: `select n.phone_number from numbers n left join locations l on l.id = n.location_id where l.id is null or l.org_id <> n.org_id`,
  },
  {
    rule: "a calling person's location exists in their organization",
    query: `select p.id from people p left join locations l on l.id = p.location_id where p.location_id is not null and (l.id is null or l.org_id <> p.org_id)`,
  },
  {
    rule: "a call event's sequence is unique in its session and not past the session's last",
    query: `select e.session_id, e.seq from call_events e left join call_sessions s on s.id = e.session_id
      where s.id is null or e.seq > s.event_seq or (select count(*) from call_events o where o.session_id = e.session_id and o.seq = e.seq) > 1`,
  },
  {
    rule: 'a call history record belongs to a call session that exists',
    query: `select h.id from call_history h left join call_sessions s on s.id = h.session_id where s.id is null`,
  },
];

type Leg = { id: string; state: string; party: { kind: string; personId?: string } };

/** Every rule the store breaks, with up to five offending rows each; empty when it is sound. */
export async function brokenInvariants(db: Kysely<any>): Promise<string[]> {
  const broken: string[] = [];
  for (const check of CHECKS) {
    const rows = (await sql.raw<Record<string, unknown>>(check.query).execute(db)).rows;
    if (rows.length > 0) broken.push(`${check.rule}: ${rows.length} rows break it, e.g. ${JSON.stringify(rows.slice(0, 5))}`);
  }
  broken.push(...(await callIndexProblems(db)));
  return broken;
}

/** The call legs index (call_legs) matches the sessions it indexes (call_sessions.data). */
async function callIndexProblems(db: Kysely<any>): Promise<string[]> {
  const sessions = (await sql<{ id: string; data: string; active: number }>`select id, data, active from call_sessions`.execute(db)).rows;
  const index = (await sql<{ id: string; session_id: string; person_id: string | null; active: number }>`select id, session_id, person_id, active from call_legs`.execute(db)).rows;
  const byLeg = new Map(index.map((row) => [row.id, row]));
  const activeLegs = new Map<string, string>();
  const problems: string[] = [];
  for (const session of sessions) {
    const legs = (JSON.parse(session.data) as { legs: Leg[] }).legs;
    const anyActive = legs.some((l) => l.state !== 'disconnected');
    if (Number(session.active) !== (anyActive ? 1 : 0)) problems.push(`session ${session.id}: active flag ${session.active}, legs say ${anyActive}`);
    for (const leg of legs.filter((l) => l.state !== 'disconnected')) {
      activeLegs.set(leg.id, session.id);
      const row = byLeg.get(leg.id);
      if (!row) problems.push(`session ${session.id}: active leg ${leg.id} is not in the index`);
      else if (row.session_id !== session.id || Number(row.active) !== 1) problems.push(`leg ${leg.id}: index says session ${row.session_id} active ${row.active}`);
      else if (leg.party.kind === 'person' && row.person_id !== leg.party.personId) problems.push(`leg ${leg.id}: index says person ${row.person_id}`);
    }
  }
  for (const row of index.filter((r) => Number(r.active) === 1)) {
    if (activeLegs.get(row.id) !== row.session_id) problems.push(`index: leg ${row.id} active in session ${row.session_id}, which does not hold it active`);
  }
  return problems.map((p) => `the call legs index matches the sessions: ${p}`);
}

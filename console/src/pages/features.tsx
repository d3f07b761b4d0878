import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../api.ts';
import { PersonPicker } from '../components/person-picker.tsx';
import { Badge, Button, Dialog, ErrorNotice, FormButtons, Loading, PageHeading, Section, Select, TextInput, useFormAction } from '../components/ui.tsx';
import { useConsole } from '../context.ts';
import { FEATURES, formOf, membersOf, type FeatureDetails, type FeatureForm, type FeatureSpec, type FeatureSummary, type MemberRole } from '../features.ts';
import { navigate } from '../router.ts';

// A calling location's features: hunt groups, call queues, auto attendants, call parks, call
// pickups and paging groups, each listed, created, edited (members included), shown with its
// members and deleted through the Webex API. One section per kind, from the table in features.ts.

type Open = { kind: 'new' | 'edit' | 'members' | 'delete'; spec: FeatureSpec; feature?: FeatureSummary };

export function FeaturesPage({ locationId }: { locationId: string | undefined }) {
  const { org } = useConsole();
  const [open, setOpen] = useState<Open>();
  const [version, setVersion] = useState(0);
  const location = org.callingLocations.find((l) => l.id === locationId) ?? org.callingLocations[0];
  const close = () => setOpen(undefined);
  const done = () => {
    setOpen(undefined);
    setVersion((v) => v + 1);
  };

  const title = !open ? '' : open.kind === 'new' ? `New ${open.spec.singular}` : open.kind === 'edit' ? `Edit ${open.feature!.name}` : open.kind === 'members' ? `Members of ${open.feature!.name}` : `Delete ${open.feature!.name}?`;

  return (
    <>
      <PageHeading title="Features" />
      {!org.loaded ? (
        <Loading />
      ) : !location ? (
        <p class="notice">No location is enabled for Webex Calling: enable one on the Locations page first.</p>
      ) : (
        <>
          <div class="row">
            <Select
              label="Location"
              value={location.id}
              onValue={(id) => navigate('features', id)}
              options={org.callingLocations.map((l) => ({ value: l.id, label: l.name }))}
              hint="Features belong to a location enabled for Webex Calling."
            />
          </div>
          {FEATURES.map((spec) => (
            <FeatureSection key={`${spec.kind}-${location.id}-${version}`} spec={spec} locationId={location.id} onOpen={(kind, feature) => setOpen({ kind, spec, feature })} />
          ))}
        </>
      )}
      <Dialog title={title} open={open !== undefined} onClose={close}>
        {location && open && (open.kind === 'new' || open.kind === 'edit') && <FeatureFormView spec={open.spec} locationId={location.id} featureId={open.feature?.id} onDone={done} onCancel={close} />}
        {location && open?.kind === 'members' && <MembersView spec={open.spec} locationId={location.id} featureId={open.feature!.id} />}
        {location && open?.kind === 'delete' && <DeleteFeature spec={open.spec} locationId={location.id} feature={open.feature!} onDone={done} onCancel={close} />}
      </Dialog>
    </>
  );
}

function FeatureSection({ spec, locationId, onOpen }: { spec: FeatureSpec; locationId: string; onOpen: (kind: Open['kind'], feature?: FeatureSummary) => void }) {
  const { api } = useConsole();
  const [items, setItems] = useState<FeatureSummary[]>();
  const [error, setError] = useState<string>();

  const load = useCallback(() => {
    const { path, query, key } = spec.list(locationId);
    api
      .get<Record<string, FeatureSummary[]>>(path, query)
      .then((body) => setItems(body[key] ?? []))
      .catch((e) => setError(errorMessage(e)));
  }, [api, spec, locationId]);
  useEffect(load, [load]);

  return (
    <Section
      title={spec.title}
      actions={
        <Button variant="primary" onClick={() => onOpen('new')} aria-label={`New ${spec.singular}`}>
          New
        </Button>
      }
    >
      <ErrorNotice error={error} onRetry={load} />
      {!items ? (
        !error && <Loading />
      ) : items.length === 0 ? (
        <p class="muted">No {spec.singular} in this location.</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={`${spec.title}: list`}>
          <table>
            <caption class="visually-hidden">{spec.title}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                {spec.numbers && <th scope="col">Extension</th>}
                {spec.numbers && <th scope="col">Number</th>}
                {spec.numbers && <th scope="col">State</th>}
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.id}>
                  <td data-label="Name">{f.name}</td>
                  {spec.numbers && <td data-label="Extension">{f.extension ?? '—'}</td>}
                  {spec.numbers && <td data-label="Number">{f.phoneNumber ?? '—'}</td>}
                  {spec.numbers && (
                    <td data-label="State">
                      <Badge value={f.enabled === false ? 'not enabled' : 'enabled'} />
                    </td>
                  )}
                  <td data-label="Actions" class="actions">
                    <Button variant="quiet" onClick={() => onOpen('members', f)} aria-label={`Members of ${f.name}`}>
                      Members
                    </Button>
                    <Button variant="quiet" onClick={() => onOpen('edit', f)} aria-label={`Edit ${f.name}`}>
                      Edit
                    </Button>
                    <Button variant="quiet" onClick={() => onOpen('delete', f)} aria-label={`Delete ${f.name}`}>
                      Delete
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** The feature's details, once loaded (undefined for a new one). */
function useDetails(spec: FeatureSpec, locationId: string, featureId: string | undefined) {
  const { api } = useConsole();
  const [details, setDetails] = useState<FeatureDetails>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!featureId) return;
    api
      .get<FeatureDetails>(spec.item(locationId, featureId))
      .then(setDetails)
      .catch((e) => setError(errorMessage(e)));
  }, [api, spec, locationId, featureId]);
  return { details, error };
}

function FeatureFormView({ spec, locationId, featureId, onDone, onCancel }: { spec: FeatureSpec; locationId: string; featureId: string | undefined; onDone: () => void; onCancel: () => void }) {
  const { details, error: loadError } = useDetails(spec, locationId, featureId);
  if (featureId && !details) return loadError ? <ErrorNotice error={loadError} /> : <Loading />;
  return <FeatureFields spec={spec} locationId={locationId} details={details} onDone={onDone} onCancel={onCancel} />;
}

function FeatureFields({ spec, locationId, details, onDone, onCancel }: { spec: FeatureSpec; locationId: string; details: FeatureDetails | undefined; onDone: () => void; onCancel: () => void }) {
  const { api, notify } = useConsole();
  const [form, setForm] = useState<FeatureForm>(() => formOf(spec, details));
  const [numbers, setNumbers] = useState<string[]>([]);
  const [schedules, setSchedules] = useState<string[]>();
  const { busy, error, action } = useFormAction();
  const set = (patch: Partial<FeatureForm>) => setForm((f) => ({ ...f, ...patch }));
  const attendant = spec.kind === 'autoAttendants';

  useEffect(() => {
    if (spec.numbers) {
      api
        .get<{ phoneNumbers: { phoneNumber: string }[] }>(spec.numbers(locationId), { max: 100 })
        .then((r) => setNumbers(r.phoneNumbers.map((n) => n.phoneNumber)))
        .catch(() => undefined);
    }
    if (attendant) {
      api
        .get<{ schedules: { name: string }[] }>(`/v1/telephony/config/locations/${encodeURIComponent(locationId)}/schedules`, { type: 'businessHours' })
        .then((r) => setSchedules(r.schedules.map((s) => s.name)))
        .catch(() => setSchedules([]));
    }
  }, [api, spec, locationId, attendant]);

  const submit = action(async () => {
    // An attendant needs business hours: "Always open" is made for it when the location has none.
    if (attendant && form.businessSchedule === ALWAYS_OPEN && !schedules?.includes(ALWAYS_OPEN)) await api.post(`/v1/telephony/config/locations/${encodeURIComponent(locationId)}/schedules`, alwaysOpen());
    if (details) {
      await api.put(spec.item(locationId, details.id), spec.body(form, details));
      notify(`Saved ${form.name.trim()}.`);
    } else {
      await api.post(spec.create(locationId), spec.body(form, undefined));
      notify(`Created the ${spec.singular} ${form.name.trim()}.`);
    }
    onDone();
  });

  const scheduleOptions = [...new Set([form.businessSchedule, ...(schedules ?? []), ALWAYS_OPEN].filter(Boolean))];

  return (
    <form onSubmit={submit} class="stack form-grid">
      <TextInput label="Name" value={form.name} onValue={(name) => set({ name })} required maxLength={80} autocomplete="off" />
      {spec.numbers && (
        <>
          <TextInput label="Extension" value={form.extension} onValue={(extension) => set({ extension })} inputMode="numeric" pattern="[0-9]{2,10}" autocomplete="off" hint="2 to 10 digits; a number, an extension or both." />
          <Select
            label="Phone number"
            value={form.phoneNumber}
            onValue={(phoneNumber) => set({ phoneNumber })}
            options={[{ value: '', label: 'None' }, ...[...new Set([form.phoneNumber, ...numbers].filter(Boolean))].map((n) => ({ value: n, label: n }))]}
            hint="A number of this location nobody holds."
          />
        </>
      )}
      {spec.policies && <Select label="Policy" value={form.policy} onValue={(policy) => set({ policy })} options={spec.policies.map((p) => ({ value: p, label: p }))} hint="Who is offered a call first." />}
      {spec.kind === 'queues' && <TextInput label="Queue size" type="number" min={1} step={1} value={form.queueSize} onValue={(queueSize) => set({ queueSize })} required hint="Calls that may wait; more overflow." />}
      {attendant && (
        <>
          <Select label="Business hours" value={form.businessSchedule} onValue={(businessSchedule) => set({ businessSchedule })} options={[{ value: '', label: 'Choose a schedule' }, ...scheduleOptions.map((s) => ({ value: s, label: schedules?.includes(s) || s !== ALWAYS_OPEN ? s : `${s} (new: every day, all day)` }))]} required />
          {!details && <TextInput label="Operator extension" value={form.operator} onValue={(operator) => set({ operator })} required inputMode="numeric" hint="Key 0 of both menus transfers to it." />}
        </>
      )}
      {spec.roles.map((role) => (
        <MembersEditor key={role.key} role={role} members={form.members[role.key] ?? []} onChange={(list) => set({ members: { ...form.members, [role.key]: list } })} />
      ))}
      <ErrorNotice error={error} />
      <FormButtons class="span-all" submit={details ? 'Save changes' : `Create ${spec.singular}`} busy={busy} onCancel={onCancel} />
    </form>
  );
}

const ALWAYS_OPEN = 'Always open';

// Starts yesterday by UTC's calendar, so it has begun wherever the location is (UTC−12 to UTC+14):
// starting on today's UTC date left a location west of UTC closed until its own midnight (a call
// at 00:30 UTC to a location in California reached the after-hours menu).
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const alwaysOpen = () => ({
  type: 'businessHours',
  name: ALWAYS_OPEN,
  events: [
    {
      name: 'Open',
      startDate: yesterday(),
      endDate: yesterday(),
      allDayEnabled: true,
      recurrence: { recurForEver: true, recurWeekly: { sunday: true, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: true } },
    },
  ],
});

/** The people of one role, in order, with a picker to add one and a button to remove each. */
function MembersEditor({ role, members, onChange }: { role: MemberRole; members: { id: string; name: string }[]; onChange: (members: { id: string; name: string }[]) => void }) {
  return (
    <fieldset class="span-all members">
      <legend>{role.label}</legend>
      {members.length === 0 ? (
        <p class="muted">No {role.singular} yet.</p>
      ) : (
        <ol class="plain-list">
          {members.map((m) => (
            <li key={m.id}>
              {m.name}{' '}
              <Button variant="quiet" onClick={() => onChange(members.filter((x) => x.id !== m.id))} aria-label={`Remove ${m.name} from the ${role.label.toLowerCase()}`}>
                Remove
              </Button>
            </li>
          ))}
        </ol>
      )}
      <PersonPicker label={`Add ${/^[aeiou]/.test(role.singular) ? 'an' : 'a'} ${role.singular}`} onPick={(p) => !members.some((m) => m.id === p.id) && onChange([...members, { id: p.id, name: p.displayName }])} />
    </fieldset>
  );
}

function MembersView({ spec, locationId, featureId }: { spec: FeatureSpec; locationId: string; featureId: string }) {
  const { details, error } = useDetails(spec, locationId, featureId);
  if (!details) return error ? <ErrorNotice error={error} /> : <Loading />;
  return (
    <div class="stack">
      {membersOf(spec, details).map((group) => (
        <section key={group.label} aria-label={group.label}>
          <h3>{group.label}</h3>
          {group.names.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ol class="plain-list">
              {group.names.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

function DeleteFeature({ spec, locationId, feature, onDone, onCancel }: { spec: FeatureSpec; locationId: string; feature: FeatureSummary; onDone: () => void; onCancel: () => void }) {
  const { api, notify } = useConsole();
  const { busy, error, action } = useFormAction();
  const submit = action(async () => {
    await api.delete(spec.item(locationId, feature.id));
    notify(`Deleted the ${spec.singular} ${feature.name}.`);
    onDone();
  });
  return (
    <form onSubmit={submit} class="stack">
      <p>
        Delete the {spec.singular} <strong>{feature.name}</strong>? Calls to its number and extension stop reaching it.
      </p>
      <ErrorNotice error={error} />
      <FormButtons submit="Delete" busy={busy} onCancel={onCancel} />
    </form>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { Button, ErrorNotice, FormButtons, Select, TextInput, useFormAction } from '../components/ui.tsx';
import { callingLicenses, useConsole } from '../context.ts';
import { peopleApiNumber, workNumber } from '../format.ts';
import type { NumberEntry, Person } from '../types.ts';

// Creates a person (POST /v1/people) or edits one (PUT /v1/people/{id}: the whole person as GET
// returned it, changed), through the same People API a client uses.

type Props = { person: Person | undefined; onDone: (person: Person | undefined) => void; onCancel: () => void };

function useFreeNumbers(locationId: string): string[] {
  const { api } = useConsole();
  const [numbers, setNumbers] = useState<string[]>([]);
  useEffect(() => {
    if (!locationId) return setNumbers([]);
    let current = true;
    api
      .get<{ phoneNumbers: NumberEntry[] }>('/v1/telephony/config/numbers', { locationId, available: true, max: 50 })
      .then((r) => current && setNumbers(r.phoneNumbers.filter((n) => n.phoneNumber && !n.mainNumber).map((n) => n.phoneNumber!)))
      .catch(() => current && setNumbers([]));
    return () => {
      current = false;
    };
  }, [api, locationId]);
  return numbers;
}

export function PersonForm({ person, onDone, onCancel }: Props) {
  const { api, org, notify } = useConsole();
  const licenses = callingLicenses(org);
  const [firstName, setFirstName] = useState(person?.firstName ?? '');
  const [lastName, setLastName] = useState(person?.lastName ?? '');
  const [displayName, setDisplayName] = useState(person?.displayName ?? '');
  const [email, setEmail] = useState(person?.emails[0] ?? '');
  const [locationId, setLocationId] = useState(person?.locationId ?? org.callingLocations[0]?.id ?? '');
  const [licenseId, setLicenseId] = useState(licenses[0]?.id ?? '');
  const [extension, setExtension] = useState(person?.extension ?? '');
  const current = person ? workNumber(person) : undefined;
  const [number, setNumber] = useState(current ?? '');
  const { busy, error, action } = useFormAction();
  const free = useFreeNumbers(person ? (person.locationId ?? '') : locationId);
  const calling = person ? person.locationId !== undefined : licenseId !== '';

  const numberOptions = [
    { value: '', label: 'No number (extension only)' },
    ...(current ? [{ value: current, label: `${current} (current)` }] : []),
    ...free.map((n) => ({ value: n, label: n })),
  ];

  const submit = action(async () => {
    const name = displayName.trim() || `${firstName.trim()} ${lastName.trim()}`.trim();
    const phoneNumbers = number ? [{ type: 'work', value: peopleApiNumber(number) }] : [];
    let saved: Person;
    if (person) {
      const latest = await api.get<Person & Record<string, unknown>>(`/v1/people/${person.id}`, { callingData: true });
      const others = (latest.phoneNumbers ?? []).filter((n) => n.type !== 'work' && n.type !== 'work_extension');
      saved = await api.put<Person>(
        `/v1/people/${person.id}`,
        { ...latest, firstName: firstName.trim(), lastName: lastName.trim(), displayName: name, ...(calling ? { extension: extension.trim(), phoneNumbers: [...others, ...phoneNumbers] } : {}) },
        { callingData: true },
      );
    } else {
      saved = await api.post<Person>(
        '/v1/people',
        {
          emails: [email.trim()],
          firstName: firstName.trim(),
          lastName: lastName.trim(),
          displayName: name,
          ...(calling
            ? { licenses: [licenseId], locationId, ...(extension.trim() ? { extension: extension.trim() } : {}), ...(phoneNumbers.length ? { phoneNumbers } : {}) }
            : {}),
        },
        { callingData: true },
      );
    }
    notify(person ? `Saved ${saved.displayName}.` : `Created ${saved.displayName}.`);
    onDone(saved);
  });

  const remove = action(async () => {
    if (!person || !window.confirm(`Delete ${person.displayName}? Their number, extension and licenses are freed.`)) return;
    await api.delete(`/v1/people/${person.id}`);
    notify(`Deleted ${person.displayName}.`);
    onDone(undefined);
  });

  return (
    <form onSubmit={submit} class="stack form-grid">
      <TextInput label="First name" value={firstName} onValue={setFirstName} required maxLength={256} autocomplete="off" />
      <TextInput label="Last name" value={lastName} onValue={setLastName} required maxLength={256} autocomplete="off" />
      <TextInput label="Display name" hint="First and last name when empty." value={displayName} onValue={setDisplayName} maxLength={256} autocomplete="off" />
      {person ? (
        <p class="field">
          <span class="label">Email</span>
          <span>{person.emails[0]}</span>
        </p>
      ) : (
        <TextInput label="Email" type="email" value={email} onValue={setEmail} required maxLength={254} autocomplete="off" />
      )}
      {!person && (
        <Select
          label="Calling license"
          value={licenseId}
          onValue={setLicenseId}
          options={[...licenses.map((l) => ({ value: l.id, label: `${l.name} (${l.totalUnits - l.consumedByUsers} free)` })), { value: '', label: 'No calling license' }]}
        />
      )}
      {!person && calling && (
        <Select label="Location" value={locationId} onValue={setLocationId} options={org.callingLocations.map((l) => ({ value: l.id, label: l.name }))} />
      )}
      {calling && (
        <>
          <TextInput label="Extension" hint="2 to 10 digits." inputMode="numeric" pattern="[0-9]{2,10}" value={extension} onValue={setExtension} required={!number} />
          <Select label="Phone number" value={number} onValue={setNumber} options={numberOptions} hint="Free numbers of the person’s location." />
        </>
      )}
      <ErrorNotice error={error} />
      <FormButtons class="span-all" submit={person ? 'Save changes' : 'Create person'} busy={busy} onCancel={onCancel}>
        {person && (
          <Button variant="danger" onClick={remove} disabled={busy}>
            Delete person
          </Button>
        )}
      </FormButtons>
    </form>
  );
}

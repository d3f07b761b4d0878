import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../api.ts';
import { Checkbox, ErrorNotice, FormButtons, Select, TextInput, useFormAction } from '../components/ui.tsx';
import { useConsole } from '../context.ts';
import type { CallingLocation, Location, NumberEntry } from '../types.ts';

// A location's details (POST/PUT /v1/locations), enabling it for Webex Calling (POST
// /v1/telephony/config/locations) and its calling details: main number and routing prefix (PUT
// /v1/telephony/config/locations/{id}).

const TIME_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'];

const callingBody = (l: Omit<Location, 'orgId'>) => ({
  id: l.id,
  name: l.name,
  timeZone: l.timeZone,
  preferredLanguage: l.preferredLanguage,
  announcementLanguage: l.announcementLanguage ?? 'en_us',
  address: l.address,
});

export function LocationForm({ location, onDone, onCancel }: { location: Location | undefined; onDone: () => void; onCancel: () => void }) {
  const { api, notify } = useConsole();
  const [name, setName] = useState(location?.name ?? '');
  const [timeZone, setTimeZone] = useState(location?.timeZone ?? 'America/New_York');
  const [address1, setAddress1] = useState(location?.address.address1 ?? '');
  const [city, setCity] = useState(location?.address.city ?? '');
  const [state, setState] = useState(location?.address.state ?? '');
  const [postalCode, setPostalCode] = useState(location?.address.postalCode ?? '');
  const [country, setCountry] = useState(location?.address.country ?? 'US');
  const [enableCalling, setEnableCalling] = useState(true);
  const { busy, error, action } = useFormAction();

  const submit = action(async () => {
    const address = { address1: address1.trim(), city: city.trim(), state: state.trim(), postalCode: postalCode.trim(), country: country.trim().toUpperCase() };
    if (location) {
      await api.put(`/v1/locations/${location.id}`, { name: name.trim(), timeZone, address });
      notify(`Saved ${name.trim()}.`);
    } else {
      const created = await api.post<{ id: string }>('/v1/locations', {
        name: name.trim(),
        timeZone,
        preferredLanguage: 'en_us',
        announcementLanguage: 'en_us',
        address,
      });
      if (enableCalling) {
        await api.post('/v1/telephony/config/locations', callingBody({ id: created.id, name: name.trim(), timeZone, preferredLanguage: 'en_us', address }));
      }
      notify(`Created ${name.trim()}${enableCalling ? ', enabled for Webex Calling' : ''}.`);
    }
    onDone();
  });

  return (
    <form onSubmit={submit} class="stack form-grid">
      <TextInput label="Name" value={name} onValue={setName} required maxLength={80} autocomplete="off" />
      <TextInput label="Time zone" value={timeZone} onValue={setTimeZone} required list="time-zones" hint="IANA name, for example America/Chicago." />
      <datalist id="time-zones">
        {TIME_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <TextInput label="Street address" value={address1} onValue={setAddress1} required autocomplete="off" />
      <TextInput label="City" value={city} onValue={setCity} required autocomplete="off" />
      <TextInput label="State or region" value={state} onValue={setState} required autocomplete="off" />
      <TextInput label="Postal code" value={postalCode} onValue={setPostalCode} required autocomplete="off" />
      <TextInput label="Country" hint="Two letters (ISO 3166), for example US." value={country} onValue={setCountry} required pattern="[A-Za-z]{2}" maxLength={2} />
      {!location && <Checkbox label="Enable for Webex Calling" checked={enableCalling} onChecked={setEnableCalling} />}
      <ErrorNotice error={error} />
      <FormButtons class="span-all" submit={location ? 'Save changes' : 'Create location'} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** Enables a location for calling, or changes its main number and routing prefix. */
export function CallingForm({ location, calling, onDone, onCancel }: { location: Location; calling: CallingLocation | undefined; onDone: () => void; onCancel: () => void }) {
  const { api, notify } = useConsole();
  const [numbers, setNumbers] = useState<string[]>([]);
  const [mainNumber, setMainNumber] = useState(calling?.callingLineId?.phoneNumber ?? '');
  const [routingPrefix, setRoutingPrefix] = useState(calling?.routingPrefix ?? '');
  const [numbersError, setNumbersError] = useState<string>();
  const { busy, error, action } = useFormAction();

  useEffect(() => {
    if (!calling) return;
    api
      .get<{ phoneNumbers: NumberEntry[] }>('/v1/telephony/config/numbers', { locationId: location.id, max: 200 })
      .then((r) => setNumbers(r.phoneNumbers.flatMap((n) => (n.phoneNumber ? [n.phoneNumber] : []))))
      .catch((e) => setNumbersError(errorMessage(e)));
  }, [api, location.id, calling]);

  const submit = action(async () => {
    if (!calling) {
      await api.post('/v1/telephony/config/locations', callingBody(location));
      notify(`${location.name} is enabled for Webex Calling.`);
    } else {
      const answer = await api.put<{ batchJobId?: string } | undefined>(`/v1/telephony/config/locations/${location.id}`, {
        ...(mainNumber ? { callingLineId: { phoneNumber: mainNumber } } : {}),
        routingPrefix: routingPrefix.trim() === '' ? null : routingPrefix.trim(),
      });
      notify(answer?.batchJobId ? `Saved; the routing prefix change runs as job ${answer.batchJobId}.` : `Saved the calling details of ${location.name}.`);
    }
    onDone();
  });

  return (
    <form onSubmit={submit} class="stack">
      {!calling ? (
        <p>
          Enable <strong>{location.name}</strong> for Webex Calling? Its people can then get calling licenses, extensions and numbers.
        </p>
      ) : (
        <>
          <Select
            label="Main number"
            value={mainNumber}
            onValue={setMainNumber}
            options={[{ value: '', label: 'None' }, ...[...new Set([mainNumber, ...numbers].filter(Boolean))].map((n) => ({ value: n, label: n }))]}
            hint="A number of this location."
          />
          <TextInput label="Routing prefix" hint="Digits other locations dial before an extension of this one; empty for none." inputMode="numeric" pattern="[0-9]{0,7}" value={routingPrefix} onValue={setRoutingPrefix} />
        </>
      )}
      <ErrorNotice error={error ?? numbersError} />
      <FormButtons submit={calling ? 'Save calling details' : 'Enable calling'} busy={busy} onCancel={onCancel} />
    </form>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { errorMessage, type Api } from '../api.ts';
import { activeCalls } from '../calls-model.ts';
import { CallsChart } from '../components/calls-chart.tsx';
import { Badge, ErrorNotice, Loading, PageHeading, Section } from '../components/ui.tsx';
import { useConsole } from '../context.ts';
import { useFeed } from '../live.ts';
import { href } from '../router.ts';

// Provisioning at a glance: licenses and their use, locations, numbers, and the calls now.

type NumberCounts = { assigned: number; unAssigned: number; total: number; extensionOnly: number };

/** The numbers of GET /v1/telephony/config/numbers?available=true, page by page. */
async function countAvailable(api: Api): Promise<number> {
  const max = 1000;
  let total = 0;
  for (let start = 0; ; start += max) {
    const page = await api.get<{ phoneNumbers?: unknown[] }>('/v1/telephony/config/numbers', { available: true, max, start });
    const n = page.phoneNumbers?.length ?? 0;
    total += n;
    if (n < max) return total;
  }
}

export function OverviewPage() {
  const { api, org, feed, session } = useConsole();
  useFeed(feed);
  const [numbers, setNumbers] = useState<NumberCounts>();
  const [numbersError, setNumbersError] = useState<string>();
  const [free, setFree] = useState<number>();

  useEffect(() => {
    api
      .get<{ count?: NumberCounts }>('/v1/telephony/config/numbers', { details: true, max: 1 })
      .then((r) => setNumbers(r.count))
      .catch((e) => setNumbersError(errorMessage(e)));
    // Free is what a person can be given: the count's unAssigned also holds main numbers and
    // hunt group numbers, so count the available=true list itself.
    countAvailable(api)
      .then(setFree)
      .catch((e) => setNumbersError(errorMessage(e)));
  }, [api]);

  const calling = new Map(org.callingLocations.map((l) => [l.id, l]));
  const active = feed ? activeCalls(feed.model) : [];

  return (
    <>
      <PageHeading title={session.orgName} />
      <ErrorNotice error={org.error} />
      <div class="grid">
        <Section title="Licenses">
          {!org.loaded ? (
            <Loading />
          ) : (
            <ul class="meters">
              {org.licenses.map((l) => {
                const used = l.consumedByUsers ?? l.consumedUnits;
                return (
                  <li key={l.id}>
                    <div class="meter-label">
                      <span>{l.name}</span>
                      <span class="muted">
                        {used} of {l.totalUnits}
                      </span>
                    </div>
                    <meter min={0} max={l.totalUnits} value={used} high={l.totalUnits * 0.9} aria-label={`${l.name}: ${used} of ${l.totalUnits} used`} />
                  </li>
                );
              })}
            </ul>
          )}
        </Section>
        <Section title="Calls in the last hour" actions={<a href={href('calls')}>Open live calls</a>}>
          {feed ? (
            <>
              <p class="big-number">
                <strong>{active.length}</strong> active now
              </p>
              <CallsChart feed={feed} />
            </>
          ) : (
            <p class="muted">Needs a full administrator’s token.</p>
          )}
        </Section>
        <Section title="Locations" actions={<a href={href('locations')}>Manage locations</a>}>
          {!org.loaded ? (
            <Loading />
          ) : (
            <ul class="plain-list">
              {org.locations.map((l) => {
                const c = calling.get(l.id);
                return (
                  <li key={l.id}>
                    <strong>{l.name}</strong> <Badge value={c ? 'enabled' : 'not enabled'} label={c ? 'calling' : 'no calling'} />
                    <span class="muted">
                      {' '}
                      {l.address.city}, {l.address.country}
                      {c?.callingLineId?.phoneNumber ? ` · main ${c.callingLineId.phoneNumber}` : ''}
                      {c?.routingPrefix ? ` · prefix ${c.routingPrefix}` : ''}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </Section>
        <Section title="Numbers" actions={<a href={href('people')}>Open people</a>}>
          <ErrorNotice error={numbersError} />
          {numbers ? (
            <dl class="stats">
              <div>
                <dt>Assigned</dt>
                <dd>{numbers.assigned}</dd>
              </div>
              <div>
                <dt>Free</dt>
                <dd class="free-numbers">{free ?? '…'}</dd>
              </div>
              <div>
                <dt>Extension only</dt>
                <dd>{numbers.extensionOnly}</dd>
              </div>
            </dl>
          ) : (
            !numbersError && <Loading />
          )}
        </Section>
      </div>
    </>
  );
}

import { activeCalls, describeRouting, type CallView, type TimelineEntry } from '../calls-model.ts';
import { PersonCallActions, PstnActions, RetrieveParked } from '../components/call-actions.tsx';
import { CallsChart } from '../components/calls-chart.tsx';
import { PlaceCallForm } from '../components/place-call.tsx';
import { Badge, ErrorNotice, Loading, PageHeading, Section } from '../components/ui.tsx';
import { useConsole } from '../context.ts';
import { formatTime, stateLabel } from '../format.ts';
import { useFeed, type LiveFeed } from '../live.ts';
import { href } from '../router.ts';
import type { SimulatedLeg } from '../types.ts';

// Every active call of the organization with its legs, updated from the live stream; each with
// the timeline of its events. Any leg can be acted on: a person's phone, or the PSTN party.

export function CallsPage() {
  const { feed } = useConsole();
  useFeed(feed);
  if (!feed) {
    return (
      <>
        <PageHeading title="Live calls" />
        <p class="notice">Live calls need a full administrator’s token.</p>
      </>
    );
  }
  const active = activeCalls(feed.model);
  const caughtUp = feed.status === 'live' || feed.status === 'reconnecting';

  return (
    <>
      <PageHeading title="Live calls" />
      <ErrorNotice error={feed.error} />
      <div class="split">
        <div class="split-main">
          <section aria-labelledby="active-calls-title" class="calls">
            <h2 id="active-calls-title">
              Active calls <span class="count">{active.length}</span>
            </h2>
            {!caughtUp && <Loading label="Catching up with the live stream…" />}
            {caughtUp && active.length === 0 && <p class="muted">No call right now. Place one from the PSTN, or from your app.</p>}
            <ul class="call-list" aria-live="polite" aria-relevant="additions removals">
              {active.map((call) => (
                <li key={call.callSessionId}>
                  <CallCard call={call} feed={feed} />
                </li>
              ))}
            </ul>
          </section>
          {feed.model.ended.length > 0 && (
            <section aria-labelledby="ended-calls-title" class="calls">
              <h2 id="ended-calls-title">Recently ended</h2>
              <ul class="call-list">
                {feed.model.ended.map((call) => (
                  <li key={call.callSessionId}>
                    <CallCard call={call} feed={feed} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div class="split-side">
          <Section title="Call from the PSTN">
            <PlaceCallForm />
          </Section>
          <Section title="Calls in the last hour">
            <CallsChart feed={feed} />
          </Section>
        </div>
      </div>
    </>
  );
}

const partyName = (leg: SimulatedLeg): string => leg.party.name ?? leg.party.number ?? leg.party.kind;

function callTitle(call: CallView, feed: LiveFeed): string {
  if (call.legs.length > 0) {
    const ordered = [...call.legs].sort((a, b) => (a.personality === 'originator' ? -1 : b.personality === 'originator' ? 1 : 0));
    // A caller alone on the call is with the queue or the attendant that holds them.
    const holder = call.legs.length === 1 ? (call.queue?.name ?? call.attendant?.name) : undefined;
    return [...ordered.map(partyName), ...(holder ? [holder] : [])].join(' → ');
  }
  const first = call.timeline[0];
  if (!first) return 'Call';
  const actor = feed.model.names.get(first.actorId) ?? 'Someone';
  return first.personality === 'terminator' ? `${first.remote} → ${actor}` : `${actor} → ${first.remote}`;
}

function CallCard({ call, feed }: { call: CallView; feed: LiveFeed }) {
  const title = callTitle(call, feed);
  const routing = describeRouting(call);
  const refresh = () => feed.refresh(call.callSessionId);
  return (
    <article class={`call-card${call.ended ? ' ended' : ''}`} aria-label={`Call ${title}`}>
      <header class="call-head">
        <h3>{title}</h3>
        <span class="muted">
          started {formatTime(call.created)}
          {call.ended ? ` · ended ${formatTime(call.ended)}` : ''}
          {call.parkedAgainst ? ' · parked' : ''}
        </span>
        {routing && (
          <p class="routed-by">
            <span class="visually-hidden">Routed by: </span>
            {routing}
          </p>
        )}
        {call.parkedAgainst && !call.ended && (
          <p class="parked">
            Parked against {feed.model.names.get(call.parkedAgainst) ?? 'a person'}{' '}
            <RetrieveParked personId={call.parkedAgainst} personName={feed.model.names.get(call.parkedAgainst) ?? 'the person'} onActed={refresh} />
          </p>
        )}
      </header>
      {call.legs.length > 0 && (
        <div class="table-wrap">
          <table class="legs">
            <caption class="visually-hidden">Legs of the call {title}</caption>
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">Act as this party</th>
              </tr>
            </thead>
            <tbody>
              {call.legs.map((leg) => (
                <tr key={leg.callId}>
                  <td data-label="Party">
                    {leg.party.kind === 'person' && leg.party.personId ? <a href={href('phones', leg.party.personId)}>{partyName(leg)}</a> : partyName(leg)}
                    <span class="muted"> · {leg.party.kind === 'pstn' ? 'PSTN' : leg.party.kind}</span>
                    {leg.party.kind === 'person' && leg.party.number && <span class="muted"> · {leg.party.number}</span>}
                  </td>
                  <td data-label="Role">{leg.personality}</td>
                  <td data-label="State">
                    <Badge value={leg.state} label={stateLabel(leg.state)} />
                    {leg.muted && <Badge value="muted" />}
                    {leg.recordingState && <Badge value={`recording-${leg.recordingState}`} label={`recording ${leg.recordingState}`} />}
                  </td>
                  <td data-label="Actions">
                    {leg.party.kind === 'person' && leg.party.personId ? (
                      <PersonCallActions personId={leg.party.personId} personName={partyName(leg)} callId={leg.callId} state={leg.state} personality={leg.personality} muted={leg.muted} recordingState={leg.recordingState} onActed={refresh} />
                    ) : leg.party.kind === 'pstn' ? (
                      <PstnActions callSessionId={call.callSessionId} number={partyName(leg)} state={leg.state} onActed={refresh} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details class="timeline" open={!call.ended}>
        <summary>Timeline ({call.timeline.length} event{call.timeline.length === 1 ? '' : 's'})</summary>
        <Timeline entries={call.timeline} feed={feed} />
      </details>
    </article>
  );
}

function Timeline({ entries, feed }: { entries: TimelineEntry[]; feed: LiveFeed }) {
  if (entries.length === 0) return <p class="muted">No event seen yet for this call.</p>;
  return (
    <ol class="timeline-list">
      {entries.map((e, i) => (
        <li key={i}>
          <time dateTime={e.at}>{formatTime(e.at)}</time>
          <span>
            <strong>{feed.model.names.get(e.actorId) ?? 'A person'}</strong> {e.eventType}
          </span>
          <Badge value={e.state} label={stateLabel(e.state)} />
          <span class="muted">with {e.remote}</span>
        </li>
      ))}
    </ol>
  );
}

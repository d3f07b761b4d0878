import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { callsOverTime } from '../calls-model.ts';
import { formatTime } from '../format.ts';
import { useFeed, type LiveFeed } from '../live.ts';

// Calls started per five minutes over the last hour, drawn as SVG bars from the live feed (the
// stream replays the last hour when the console opens). The numbers are also a table.

const BUCKETS = 12;
const BUCKET_MS = 5 * 60 * 1000;
const HEIGHT = 160;
const PAD = { top: 12, right: 8, bottom: 24, left: 28 };

export function CallsChart({ feed }: { feed: LiveFeed }) {
  useFeed(feed);
  const id = useId();
  // The window moves with time even when no call happens.
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => tick((t) => t + 1), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  // Drawn at the width it is shown at, so its text keeps its size on a phone and on a laptop.
  const figure = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const element = figure.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(240, Math.round(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const buckets = callsOverTime(feed.model, feed.serverNow(), BUCKETS, BUCKET_MS);
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const barW = plotW / BUCKETS;
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];

  return (
    <figure class="chart" ref={figure}>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>Calls started per 5 minutes, last hour</title>
        <desc id={`${id}-desc`}>{`${total} calls in the last hour; at most ${max} in 5 minutes.`}</desc>
        {ticks.map((t) => {
          const y = PAD.top + plotH - (t / max) * plotH;
          return (
            <g key={t} class="chart-grid">
              <line x1={PAD.left} x2={width - PAD.right} y1={y} y2={y} />
              <text x={PAD.left - 6} y={y + 4} text-anchor="end">
                {t}
              </text>
            </g>
          );
        })}
        {buckets.map((b, i) => {
          const h = (b.count / max) * plotH;
          const x = PAD.left + i * barW + 2;
          return (
            <rect key={i} class="chart-bar" x={x} y={PAD.top + plotH - h} width={Math.max(1, barW - 4)} height={h} rx="2">
              <title>{`${formatTime(b.start.toISOString())}: ${b.count} call${b.count === 1 ? '' : 's'}`}</title>
            </rect>
          );
        })}
        {[0, BUCKETS / 2, BUCKETS].map((i) => (
          <text key={i} class="chart-axis" x={PAD.left + i * barW} y={HEIGHT - 6} text-anchor={i === 0 ? 'start' : i === BUCKETS ? 'end' : 'middle'}>
            {i === BUCKETS ? 'now' : `-${(BUCKETS - i) * 5} min`}
          </text>
        ))}
      </svg>
      <figcaption>
        {total} call{total === 1 ? '' : 's'} started in the last hour
        <details class="chart-table">
          <summary>Show as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Calls</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.start.getTime()}>
                  <td>{formatTime(b.start.toISOString())}</td>
                  <td>{b.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}

import type { BarPattern, BarSegment } from '../../shared/publishing/result-bar.ts'

const HEIGHT = 28

/** The fill of a segment: its colour, with the pattern drawn over it in white. */
function Pattern({ id, color, pattern }: { id: string; color: string; pattern: BarPattern }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8">
      <rect width="8" height="8" fill={pattern === 'empty' ? '#ffffff' : color} />
      {pattern === 'stripes' ? <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#ffffff" stroke-width="2" /> : null}
      {pattern === 'dots' ? <circle cx="4" cy="4" r="1.6" fill="#ffffff" /> : null}
      {pattern === 'cross' ? <path d="M0,0 L8,8 M8,0 L0,8" stroke="#ffffff" stroke-width="1.5" /> : null}
    </pattern>
  )
}

/**
 * The answers by vote weight as one bar (server-rendered SVG), with the same figures as text:
 * the SVG's title for screen readers and a legend whose swatches repeat the patterns, so neither
 * colour nor the picture alone carries the result.
 */
export function ResultBarView({ id, title, segments, summary }: { id: string; title: string; segments: BarSegment[]; summary: string }) {
  if (segments.length === 0) return null
  let x = 0
  const drawn = segments.filter((s) => s.share > 0)
  return (
    <figure class="result-bar" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-title`} width="100%" height={HEIGHT} class="result-bar-svg">
        <title id={`${id}-title`}>{summary}</title>
        <defs>
          {segments.map((s) => (
            <Pattern id={`${id}-${s.key}`} color={s.color} pattern={s.pattern} />
          ))}
        </defs>
        {drawn.map((s) => {
          const rect = (
            <rect
              x={`${x * 100}%`}
              y="0"
              width={`${s.share * 100}%`}
              height={HEIGHT}
              fill={`url(#${id}-${s.key})`}
              stroke={s.key === 'missing' ? s.color : '#ffffff'}
              stroke-width={s.key === 'missing' ? 1 : 2}
              data-answer={s.key}
            />
          )
          x += s.share
          return rect
        })}
      </svg>
      <ul class="result-bar-legend">
        {segments.map((s) => (
          <li data-answer={s.key}>
            <svg aria-hidden="true" width="16" height="16" class="result-bar-swatch">
              <rect x="0.5" y="0.5" width="15" height="15" fill={`url(#${id}-${s.key})`} stroke={s.color} />
            </svg>
            {s.text}
          </li>
        ))}
      </ul>
    </figure>
  )
}

// The job summary as a terminal can show it: tables as aligned columns (links there as their text
// only), other links as their text and address, and collapsed blocks (the failing steps' last lines, already shown in the log) folded to
// their title, as GitHub shows them until opened. Only for the HTML that src/report/summary.ts writes.

/** The summary's HTML and Markdown, as plain text. */
export function summaryText(html: string): string {
  const out: string[] = []
  let folded = false
  for (const line of html.split('\n')) {
    if (folded) {
      if (line.includes('</details>')) folded = false
      continue
    }
    const details = /^<details><summary>(.*)<\/summary>/.exec(line)
    if (details) {
      out.push(`▸ ${inline(details[1]!)} (folded)`)
      folded = !line.includes('</details>')
      continue
    }
    if (line.startsWith('<table>')) out.push(...table(line))
    else if (line.startsWith('<ul>')) out.push(...[...line.matchAll(/<li>(.*?)<\/li>/g)].map(([, item]) => `- ${inline(item!)}`))
    else out.push(inline(line.replace(/^<h3>(.*)<\/h3>$/, '### $1')))
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`
}

/** A one-line table as rows of columns, each as wide as its widest cell. */
function table(line: string): string[] {
  const rows = [...line.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map(([, c]) => inline(c!, false))
  )
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? []
  const render = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]! + c.length - [...c].length))
      .join('  ')
      .trimEnd()
  const [head, ...body] = rows
  const lines = head?.some((c) => c !== '') ? [render(head), widths.map((w) => '─'.repeat(w)).join('  ')] : []
  return [...lines, ...body.map(render)]
}

/** Inline HTML as text: tags go (a link keeps its address unless `links` is false), entities are decoded. */
function inline(html: string, links = true): string {
  return html
    .replace(/<a href="([^"]*)">(.*?)<\/a>/g, (_, href: string, label: string) => (links ? `${label} (${href})` : label))
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|lt|gt|quot|amp);/g, (_, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : { lt: '<', gt: '>', quot: '"', amp: '&' }[name]!
    )
}

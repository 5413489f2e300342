// The timeline of claims: one row per transfer of /api/transfers?include_claims=true, one
// mark per claim at its article's publication date, shaped and coloured by stance.
/* global d3 */

import { STANCE_COLOURS, documentHref, fetchJSON, label, setStatus, transferHref } from "./common.js";

const frame = document.getElementById("timeline");
const svg = d3.select("#timeline-svg");
const ROW = 26;
const LEFT = 300;
const RIGHT = 90; // room for the "undated" column
const WIDTH = 1100;

// "2024", "2024-05" or "2024-05-22" as the first day of that period; null when unreadable.
function parseDay(value) {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2] || 1) - 1, Number(match[3] || 1)));
}

function rowLabel(t) {
  return `${t.supplier_name || "unknown"} → ${t.recipient_name || "unknown"} · ${label(t.materiel)}`;
}

function claimTitle(claim) {
  const who = claim.claimed_by_names || claim.claimed_by || [];
  return [
    `${claim.stance} (${claim.stage})`,
    claim.title || claim.document_id,
    claim.published || "undated",
    who.length ? `by ${who.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

async function main() {
  let page;
  try {
    page = await fetchJSON(frame.dataset.transfersUrl);
  } catch (error) {
    setStatus("timeline-status", `Could not load the claims: ${error.message}`);
    return;
  }
  const transfers = page.transfers.filter((t) => (t.claims || []).length);
  if (!transfers.length) {
    setStatus("timeline-status", "No transfer matches this filter.");
    frame.dataset.ready = "true";
    return;
  }
  const days = transfers.flatMap((t) => t.claims.map((c) => parseDay(c.published))).filter(Boolean);
  const height = 40 + ROW * transfers.length;
  svg.attr("viewBox", `0 0 ${WIDTH} ${height}`);
  const [low, high] = days.length ? d3.extent(days) : [new Date(), new Date()];
  const padding = 1000 * 60 * 60 * 24 * 20; // 20 days either side
  const x = d3
    .scaleUtc()
    .domain([new Date(low.getTime() - padding), new Date(high.getTime() + padding)])
    .range([LEFT, WIDTH - RIGHT])
    .nice();
  const undatedX = WIDTH - RIGHT / 2;

  svg
    .append("g")
    .attr("class", "axis")
    .attr("transform", "translate(0,24)")
    .call(d3.axisTop(x).ticks(8));
  svg
    .append("text")
    .attr("class", "tick-undated")
    .attr("x", undatedX)
    .attr("y", 14)
    .attr("text-anchor", "middle")
    .text("undated");

  const rows = svg
    .append("g")
    .selectAll("g")
    .data(transfers)
    .join("g")
    .attr("class", "row")
    .attr("transform", (_d, i) => `translate(0,${32 + i * ROW})`);
  rows
    .append("rect")
    .attr("class", "row-band")
    .attr("x", 0)
    .attr("width", WIDTH)
    .attr("height", ROW)
    .on("click", (_event, t) => {
      window.location.assign(transferHref(t.id));
    });
  rows
    .append("a")
    .attr("href", (t) => transferHref(t.id))
    .append("text")
    .attr("class", "row-label")
    .attr("x", 4)
    .attr("y", ROW / 2 + 4)
    .text((t) => rowLabel(t))
    .append("title")
    .text((t) => `${rowLabel(t)}: ${t.status}, ${t.n_claims} claim(s)`);
  rows
    .append("line")
    .attr("x1", (t) => x(d3.min(t.claims, (c) => parseDay(c.published)) || high))
    .attr("x2", (t) => x(d3.max(t.claims, (c) => parseDay(c.published)) || high))
    .attr("y1", ROW / 2)
    .attr("y2", ROW / 2)
    .attr("stroke", "#cbd5e1")
    .attr("stroke-width", 2);

  const marks = rows
    .selectAll("a.claim")
    .data((t) => t.claims.map((claim, index) => ({ claim, index, count: t.claims.length })))
    .join("a")
    .attr("class", "claim")
    .attr("href", (d) => documentHref(d.claim.document_id));
  const position = (d) => {
    const day = parseDay(d.claim.published);
    // Claims of one day fan out a little so each stays visible and clickable.
    const jitter = ((d.index % 5) - 2) * 3;
    return [day ? x(day) + jitter : undatedX + jitter, ROW / 2];
  };
  marks
    .append("path")
    .attr("d", (d) =>
      d3.symbol(d.claim.stance === "denied" ? d3.symbolDiamond : d3.symbolCircle, 64)(),
    )
    .attr("transform", (d) => `translate(${position(d).join(",")})`)
    .attr("fill", (d) => STANCE_COLOURS[d.claim.stance] || "#64748b")
    .attr("stroke", "#fff")
    .append("title")
    .text((d) => claimTitle(d.claim));

  const shown = page.total > page.transfers.length ? ` (the first ${page.transfers.length} of ${page.total})` : "";
  setStatus(
    "timeline-status",
    `${transfers.length} transfers${shown}, ${d3.sum(transfers, (t) => t.claims.length)} claims.`,
  );
  frame.dataset.ready = "true";
}

main();

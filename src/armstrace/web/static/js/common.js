// Helpers shared by the page scripts.
//
// Everything the server sends comes from untrusted articles. It reaches the page only as
// text (textContent, d3's .text()) or through setAttribute on attributes that cannot run
// code; links are built here from ids with encodeURIComponent. Never use innerHTML.

export const STATUSES = ["confirmed", "reported", "alleged", "contested", "denied"];

// Keep in step with the custom properties of css/app.css.
export const STATUS_COLOURS = {
  confirmed: "#15803d",
  reported: "#2563eb",
  alleged: "#d97706",
  contested: "#dc2626",
  denied: "#64748b",
};

export const STANCE_COLOURS = {
  asserted: "#15803d",
  alleged: "#d97706",
  denied: "#64748b",
};

const FILTER_NAMES = ["supplier", "recipient", "materiel", "status", "since", "until"];

/** GET a URL of this server as JSON; errors carry the API's `detail` message. */
export async function fetchJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (typeof body.detail === "string") detail = body.detail;
    } catch (_) {
      // Not JSON: keep the status line.
    }
    throw new Error(detail);
  }
  return response.json();
}

/** An element with plain-text content: `el("a", {href: url, class: "x"}, "text", child)`. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "href" && !isLocalLink(String(value))) continue;
    node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** True for links into this app ("/transfers/…", "?status=…"), the only ones we build. */
export function isLocalLink(value) {
  return (value.startsWith("/") && !value.startsWith("//")) || value.startsWith("?");
}

export function transferHref(id) {
  return `/transfers/${encodeURIComponent(id)}`;
}

export function documentHref(id) {
  return `/documents/${encodeURIComponent(id)}`;
}

/** The transfer filters of the current page's query string. */
export function currentFilters() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** `/transfers?…` (or another path) with these parameters, empty ones left out. */
export function withParams(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function formatNumber(value) {
  return value === null || value === undefined ? "" : Number(value).toLocaleString("en");
}

export function label(value) {
  return String(value ?? "").replaceAll("_", " ");
}

/** The status most transfers of a flow have; ties go to the stronger evidence. */
export function dominantStatus(statuses) {
  let best = null;
  for (const status of STATUSES) {
    const n = statuses[status] || 0;
    if (n > 0 && (best === null || n > statuses[best])) best = status;
  }
  return best || "reported";
}

/** Show a message in a page's status line (`null` hides it). */
export function setStatus(id, message) {
  const node = document.getElementById(id);
  if (!node) return;
  node.textContent = message || "";
  node.hidden = !message;
}

/**
 * One arrowhead marker per status, in the status colour, under `<defs>` of a d3 selection:
 * `url(#${idPrefix}${status})` is the `marker-end` of an arrow of that status. `refX` sets how
 * far past the path's end the tip sits, `size` the marker's width and height in user units.
 */
export function defineStatusArrowheads(svg, idPrefix, { refX, size }) {
  const defs = svg.append("defs");
  for (const status of STATUSES) {
    defs
      .append("marker")
      .attr("id", `${idPrefix}${status}`)
      .attr("viewBox", "0 0 10 10")
      .attr("refX", refX)
      .attr("refY", 5)
      .attr("markerUnits", "userSpaceOnUse")
      .attr("markerWidth", size)
      .attr("markerHeight", size)
      .attr("orient", "auto")
      .append("path")
      .attr("d", "M0,0 L10,5 L0,10 z")
      .attr("fill", STATUS_COLOURS[status]);
  }
}

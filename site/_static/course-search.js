// The course's search page: results by section, from the Pagefind index that
// site/postbuild.py builds (every heading with an id starts a section).
//
// Pagefind finds the words (exact, stemmed, or part of a longer token such as
// `requires_grad=True`) and weighs where they stand (code cells half as much as
// prose, outputs not at all). This file ranks the *sections*:
//   score = BM25 of the section's mentions, so a short section that is about the
//           term beats a long one that mentions it in passing,
//   x 2 when its heading names the term (less for a longer name containing it),
//   x (1 + 0.5 for each of the chapter's promises that names the term: its
//           "You will learn" list, and its row of the course's chapter table),
//   x 0.5 for a chapter's overview, summary and exercises, which introduce,
//           recap or practise what the sections teach,
//   x 0.3 for the pages that are not chapters (set-up, glossary, instructors).
// Each result links to its section, with ?highlight= so that the page marks
// the term (Sphinx's sphinx_highlight.js, on every page).

const root = new URL(document.documentElement.dataset.content_root || "./", location.href);
const MATCH = 512; // Pagefind's balanced score of one exact match of weight 1
const K1 = 1.2;
const B = 0.5;
const PROMISE = 0.5; // added for each of the chapter's two promises that name the term
const ASIDE = 0.5; // a chapter's overview, summary, exercises
const OTHER_PAGE = 0.3; // set-up, glossary, instructors

let pagefind = null;

async function loadPagefind() {
  if (!pagefind) {
    pagefind = await import(new URL("_pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 28 });
  }
  return pagefind;
}

function words(query) {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\w.]+|[^\w.]+$/g, ""))
    .filter(Boolean);
}

// How exactly a word matched, squared: 1 for the term itself, about 0.2 for a
// longer token that contains it (requires_grad_(False) for requires_grad).
function exactness(loc) {
  const w = loc.weight || 1;
  return Math.min(1, loc.balanced_score / (MATCH * w * w)) ** 2;
}
const HEADING = 2; // Pagefind weighs headings 5-7, prose 1, code 0.5 (course_site.py)

function kindOf(sub, page) {
  if (!/\/notebooks\//.test(page.url)) return "page"; // start, setup, glossary, instructors
  const title = (sub.title || "").trim();
  if (!sub.anchor || sub.anchor.element === "h1" || title === page.meta.title) return "overview";
  if (/^summary\b/i.test(title)) return "summary";
  if (/^exercises?\b/i.test(title)) return "exercise";
  return "section";
}

// Every matching section of every matching page, best first.
export async function searchSections(query) {
  const pf = await loadPagefind();
  const found = await pf.search(query);
  if (!found || !found.results.length) return [];
  const pages = await Promise.all(found.results.map((r) => r.data()));
  const terms = words(query);
  const sections = [];
  for (const page of pages) {
    const headings = (page.anchors || [])
      .filter((a) => /^h[1-6]$/.test(a.element))
      .sort((a, b) => a.location - b.location);
    const promises = [page.meta.learn, page.meta.teaches].filter(
      (text) => text && terms.length && terms.every((t) => text.toLowerCase().includes(t)),
    ).length;
    for (const sub of page.sub_results) {
      const start = sub.anchor ? sub.anchor.location : 0;
      const next = headings.find((a) => a.location > start);
      const length = Math.max(1, (next ? next.location : page.word_count) - start);
      let tf = 0;
      let heading = 0;
      for (const loc of sub.weighted_locations || []) {
        if (loc.weight >= HEADING) heading = Math.max(heading, exactness(loc));
        else tf += loc.weight * exactness(loc);
      }
      tf += heading; // the heading also counts once as a mention
      if (tf <= 0) continue;
      const kind = kindOf(sub, page);
      sections.push({ page, sub, kind, length, tf, heading, promises });
    }
  }
  const meanLength = sections.reduce((s, x) => s + x.length, 0) / Math.max(1, sections.length);
  for (const s of sections) {
    const bm25 = (s.tf * (K1 + 1)) / (s.tf + K1 * (1 - B + (B * s.length) / meanLength));
    const aside = { section: 1, page: OTHER_PAGE }[s.kind] ?? ASIDE;
    s.score = bm25 * (1 + s.heading) * (1 + PROMISE * s.promises) * aside;
  }
  return sections.sort((a, b) => b.score - a.score);
}

// Pagefind's excerpt, as DOM nodes: text and <mark> only. The names course_site.py
// gives inline code for the index ("ModuleDict." before nn.ModuleDict) are dropped,
// and their mark moves to the code they name.
const ALIAS = /(<mark>)?([A-Za-z_]\w*)\.(<\/mark>)? (<mark>)?([^\s<]*\.\2\b[^\s<]*)(<\/mark>)?/g;

function dropAliases(excerpt) {
  return excerpt.replace(ALIAS, (all, open, alias, close, open2, code, close2) =>
    open || open2 ? `<mark>${code}</mark>` : code,
  );
}

function excerptNodes(excerpt) {
  excerpt = dropAliases(excerpt);
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
  const out = [];
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function resultLink(section, query) {
  const url = new URL(section.sub.url, location.origin);
  url.searchParams.set("highlight", query);
  return url.pathname + url.search + url.hash;
}

function render(list, status, query, sections) {
  list.replaceChildren();
  if (!query) {
    status.textContent = "";
    return;
  }
  if (!sections.length) {
    status.textContent = `No section matches “${query}”.`;
    return;
  }
  const n = sections.length;
  status.textContent = `${n} section${n === 1 ? "" : "s"} match “${query}”, best first.`;
  for (const section of sections.slice(0, 30)) {
    const item = document.createElement("li");
    item.className = "course-search-result";
    const link = document.createElement("a");
    link.href = resultLink(section, query);
    const heading = document.createElement("span");
    heading.className = "course-search-heading";
    heading.textContent = section.kind === "overview" ? "Overview" : section.sub.title;
    const chapter = document.createElement("span");
    chapter.className = "course-search-page";
    chapter.textContent = section.page.meta.title;
    link.append(heading, chapter);
    const excerpt = document.createElement("p");
    excerpt.className = "course-search-excerpt";
    excerpt.append(...excerptNodes(section.sub.excerpt || ""));
    item.append(link, excerpt);
    list.append(item);
  }
}

function start() {
  const input = document.getElementById("course-search-query");
  const list = document.getElementById("course-search-results");
  const status = document.getElementById("course-search-status");
  if (!input || !list || !status) return;
  let latest = 0;
  async function run(query) {
    const mine = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (query) status.textContent = "Searching…";
    const sections = query ? await searchSections(query) : [];
    if (mine === latest) {
      render(list, status, query, sections);
      list.dataset.query = query; // the browser test waits for this
    }
  }
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value.trim()), 200);
  });
  input.form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value.trim());
  });
  const query = new URL(location.href).searchParams.get("q") || "";
  input.value = query;
  input.focus();
  run(query.trim());
}

start();

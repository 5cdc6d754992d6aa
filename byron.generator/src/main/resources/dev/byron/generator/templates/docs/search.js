// The search box: what it finds is written at build time into search-index.js, so the site needs no server.
(function () {
  'use strict';
  const input = document.getElementById('search');
  const results = document.getElementById('results');
  const root = input.dataset.root;
  // Enter opens the first result; the arrow keys move through them
  input.addEventListener('keydown', (e) => {
    const first = results.querySelector('a');
    if (e.key === 'Enter' && first) {
      e.preventDefault();
      first.click();
    } else if (e.key === 'ArrowDown' && first) {
      e.preventDefault();
      first.focus();
    }
  });
  results.addEventListener('keydown', (e) => {
    const links = [...results.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && at < links.length - 1) {
      e.preventDefault();
      links[at + 1].focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      (at > 0 ? links[at - 1] : input).focus();
    }
  });
  input.addEventListener('input', () => {
    const query = input.value.trim().toLowerCase();
    results.replaceChildren();
    if (!query) {
      return;
    }
    const found = window.BYRON_SEARCH.filter((entry) => entry.name.toLowerCase().includes(query))
      .sort((a, b) => (a.name.toLowerCase().startsWith(query) ? 0 : 1) - (b.name.toLowerCase().startsWith(query) ? 0 : 1))
      .slice(0, 30);
    for (const entry of found) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = root + entry.page;
      link.textContent = entry.name;
      const kind = document.createElement('span');
      kind.textContent = entry.kind;
      link.append(kind);
      item.append(link);
      results.append(item);
    }
  });
})();

// A laid-out Byron diagram in a page, and what a pointer does to it: the web studio's and the VS Code webview's
// one drawing code. The server lays the view out (DiagramPage: svg, nodes, boxes); this script only shows it.
//   ByronDiagram.show(container, page, {
//     select(declaration, id)         a box clicked: its declaration {file, offset, length}, if it has one
//     open(declaration, id)           a box double-clicked (optional): to edit its declaration
//     subscribe(subscriber, publisher) a component dropped on another
//     move(id, x, y)                  a box dropped elsewhere, at the diagram's own coordinates
//     menu(name, event)               a component's box right-clicked (optional)
//   })                                the page's picture is page.svg, or (page.svg null) page.parts, the changes of the
//                                   picture page.base (see ByronDiagram.pictureOf); false when that one is not shown
//                                   here any more (the caller asks for the whole picture), else true
//   ByronDiagram.pictureOf(container)  the name the server gave the picture shown (page.picture), or null
//   ByronDiagram.markAt(container, page, file, offset, same, scroll)  marks the box of the innermost declaration that
//                                   holds a text cursor and (unless scroll is false) scrolls it into view; same(a, b)
//                                   compares two file names
//   ByronDiagram.componentAt(page, file, offset, same)  the name of the component whose declaration holds a text
//                                   cursor, or null (the Component level opens on it)
//   ByronDiagram.reveal(container)  brings the marked box, or else the first component's, into view
//   ByronDiagram.zoom(container, factor, at)  scales the picture by factor (1.25 in, 0.8 out) about a point of the
//                                   window ({clientX, clientY}; the container's middle without one); Ctrl+wheel does
//                                   the same at the pointer, and a drag on the picture's background moves it (the
//                                   container scrolls). The scale stays across pictures; returns it.
//   ByronDiagram.viewOf(container)  where the picture is looked at: {zoom (0 when fitted or at its own size), left, top}
//   ByronDiagram.lookAgain(container, view)  the same place again (a reloaded page), with what viewOf answered
// A pointer resting on a box lights its arrows and dims the others; one resting on an arrow lights it, and the
// arrow's title says where it runs and what flows on it.
// While part of the picture is out of view, an overview in the container's lower right corner shows all of it small,
// the part in view outlined; a press or drag on it brings that point of the picture to the middle.
(function () {
  'use strict';

  const MIN_ZOOM = 0.05;
  const MAX_ZOOM = 4;

  const shown = new WeakMap(); // container → the page and handlers its boxes answer to now

  function show(container, page, handlers) {
    const last = shown.get(container);
    const drawn = container.querySelector('svg');
    const had = pictures.get(container);
    if (page.svg == null && !(drawn && had && had.name === page.base)) {
      return false; // the changes of a picture no longer shown here: the caller asks for the whole picture
    }
    shown.set(container, { page, handlers });
    if (last && drawn && (page.picture ? last.page.picture === page.picture : last.page.svg === page.svg)) {
      return true; // the same picture (a comment typed, a field of an entity): only where its boxes are declared moved
    }
    let added = page.svg == null ? fromParts(drawn, page, had.elements)
      : drawn && last ? replaced(drawn, page.svg) : null;
    if (!added && page.svg == null) {
      return false;
    }
    if (!added) { // the first picture here: drawn whole
      container.innerHTML = page.svg;
      added = [...container.querySelector('svg').children];
      added.forEach((element) => sources.set(element, element.outerHTML));
    }
    pictures.set(container, { name: page.picture, elements: [...container.querySelector('svg').children] });
    styled();
    for (const element of added) {
      if (element.matches('g.edge')) {
        withHitLine(element);
      } else if (element.matches('g.node')) {
        pressable(element, container);
      }
    }
    scaled(container);
    overview(container).draw();
    if (!container.dataset.zooms) {
      container.dataset.zooms = 'yes';
      container.addEventListener('wheel', (e) => {
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          zoom(container, e.deltaY < 0 ? 1.25 : 0.8, e);
        }
      }, { passive: false });
      container.addEventListener('mousedown', (e) => {
        if (e.button === 0 && !e.target.closest('g.node')) {
          pan(e, container);
        }
      });
      // one listener for every picture shown here: what the pointer rests on lights (a box: its arrows)
      container.addEventListener('mouseover', (e) => {
        const node = e.target.closest('g.node');
        light(container, node ? container.querySelectorAll(`g.edge[data-from="${CSS.escape(node.id)}"], `
          + `g.edge[data-to="${CSS.escape(node.id)}"]`) : arrowsAt(container, e.clientX, e.clientY));
      });
      container.addEventListener('mouseleave', () => light(container, []));
      container.addEventListener('keydown', (e) => keyed(e, container));
      if (container.tabIndex < 0) {
        container.tabIndex = 0; // Tab reaches the picture: its boxes are the keyboard's too
      }
    }
    return true;
  }

  /**
   * The picture by keyboard: the arrows go from box to box (in reading order) and select each, as a click does; Enter
   * opens the selected box's declaration, as a double-click does; Shift+F10 or the menu key opens its menu; Escape
   * lets it go.
   */
  function keyed(e, container) {
    const { page, handlers } = shown.get(container);
    const boxes = Object.entries(page.boxes || {}).sort(([, a], [, b]) => a.y - b.y || a.x - b.x).map(([id]) => id);
    const selected = container.querySelector('g.node.selected');
    const at = selected ? boxes.indexOf(selected.id) : -1;
    const declaration = (id) => page.nodes.find((n) => n.id === id) || null;
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (step && !e.ctrlKey && !e.metaKey && !e.altKey && boxes.length) {
      e.preventDefault();
      const id = boxes[at < 0 ? 0 : (at + step + boxes.length) % boxes.length];
      const node = container.querySelector(`g.node[id="${CSS.escape(id)}"]`);
      container.querySelectorAll('g.node.selected').forEach((n) => n.classList.remove('selected'));
      if (node) {
        node.classList.add('selected');
        node.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      }
      handlers.select(declaration(id), id);
    } else if (e.key === 'Enter' && selected && handlers.open) {
      e.preventDefault();
      handlers.open(declaration(selected.id), selected.id);
    } else if ((e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) && selected && selected.id.startsWith('component:')
      && handlers.menu) {
      e.preventDefault();
      const box = selected.getBoundingClientRect();
      handlers.menu(selected.id.slice('component:'.length), { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2,
        preventDefault() {} });
    } else if (e.key === 'Escape' && selected) {
      selected.classList.remove('selected');
    }
  }

  const sources = new WeakMap(); // a picture's element → its text as the server sent it (before a hit line was added)
  const pictures = new WeakMap(); // container → the picture shown: its name and its elements, in the server's order

  /**
   * Draws a new picture over the one shown, keeping every element whose text did not change (at 100 components an
   * edit changes a few of several hundred): the browser then parses and lays out only what is new. Returns the
   * elements put in.
   */
  function replaced(svg, text) {
    const template = document.createElement('template');
    template.innerHTML = text;
    const fresh = template.content.querySelector('svg');
    if (!fresh) {
      return null;
    }
    const before = new Map();
    let unnamed = 0;
    for (const child of svg.children) {
      before.set(child.id || `#${unnamed++}:${child.tagName}`, child);
    }
    unnamed = 0;
    const wanted = [];
    const added = [];
    for (const child of [...fresh.children]) {
      const old = before.get(child.id || `#${unnamed++}:${child.tagName}`);
      const source = child.outerHTML;
      if (old && sources.get(old) === source) {
        wanted.push(old);
      } else {
        sources.set(child, source);
        wanted.push(child);
        added.push(child);
      }
    }
    put(svg, fresh, wanted);
    return added;
  }

  /**
   * The picture the server sent as changes of the one shown ({@code page.parts}: each the number of an element shown,
   * or the text of a new one): only the new ones are parsed. Returns them; null when the parts do not fit.
   */
  function fromParts(svg, page, elements) {
    const texts = page.parts.filter((part) => typeof part === 'string');
    const template = document.createElement('template');
    template.innerHTML = `${page.opening}${texts.join('')}</svg>`;
    const fresh = template.content.querySelector('svg');
    if (!fresh || fresh.children.length !== texts.length) {
      return null;
    }
    const made = [...fresh.children];
    made.forEach((element) => sources.set(element, element.outerHTML));
    let next = 0;
    const wanted = page.parts.map((part) => (typeof part === 'string' ? made[next++] : elements[part]));
    if (wanted.some((element) => !element)) {
      return null;
    }
    put(svg, fresh, wanted);
    return made;
  }

  /** The picture shown becomes {@code wanted}, in that order, with the attributes of {@code fresh}'s opening tag. */
  function put(svg, fresh, wanted) {
    for (const attribute of fresh.attributes) {
      if (svg.getAttribute(attribute.name) !== attribute.value) { // set again, the same value lays the whole picture out again
        svg.setAttribute(attribute.name, attribute.value);
      }
    }
    const kept = new Set(wanted);
    [...svg.children].filter((child) => !kept.has(child)).forEach((child) => child.remove());
    let at = svg.firstElementChild;
    for (const element of wanted) { // in the new picture's order (what is drawn later is drawn on top), moving little
      if (element === at) {
        at = at.nextElementSibling;
      } else {
        svg.insertBefore(element, at);
      }
    }
  }

  /** The name of the picture shown in the container, as the server named it; null when none. */
  function pictureOf(container) {
    return container.querySelector('svg') ? pictures.get(container)?.name ?? null : null;
  }

  /** An arrow 1.4 pixels wide is hard to rest on: a wide transparent copy of its line takes the pointer. */
  function withHitLine(edge) {
    const path = edge.querySelector('path');
    if (path) {
      const hit = path.cloneNode(false);
      hit.setAttribute('class', 'byron-hit');
      hit.removeAttribute('marker-end');
      edge.appendChild(hit);
    }
  }

  function pressable(node, container) {
    node.addEventListener('mousedown', (e) => {
      if (e.button === 0) {
        const now = shown.get(container);
        drag(e, node, container, now.page, now.handlers);
      }
    });
    if (node.id.startsWith('component:')) {
      node.addEventListener('contextmenu', (e) => {
        const menu = shown.get(container).handlers.menu;
        if (menu) {
          menu(node.id.slice('component:'.length), e);
        }
      });
    }
  }

  /**
   * The arrows under a point of the window: every one whose line runs there, not only the one drawn on top, since
   * arrows into one box share its last stretch.
   */
  function arrowsAt(container, clientX, clientY) {
    const arrows = new Set();
    for (const element of document.elementsFromPoint(clientX, clientY)) {
      const edge = element.closest('g.edge');
      if (edge && container.contains(edge)) {
        arrows.add(edge);
      }
    }
    return [...arrows];
  }

  /** Lights these arrows and dims every other; none: all as drawn. */
  function light(container, edges) {
    container.querySelectorAll('g.edge.byron-lit').forEach((e) => e.classList.remove('byron-lit'));
    edges.forEach((e) => e.classList.add('byron-lit'));
    container.classList.toggle('byron-lighting', edges.length > 0);
  }

  /** The look of lit and dimmed arrows, once per page (the web studio and the VS Code webview alike). */
  function styled() {
    if (document.getElementById('byron-diagram-style')) {
      return;
    }
    const style = document.createElement('style');
    style.id = 'byron-diagram-style';
    style.textContent = `
      g.edge path.byron-hit { stroke: transparent; stroke-width: 10px; stroke-dasharray: none; fill: none; pointer-events: stroke; }
      .byron-lighting g.edge { opacity: 0.18; }
      .byron-lighting g.edge.byron-lit { opacity: 1; }
      .byron-lighting g.edge.byron-lit path:not(.byron-hit) { stroke: #1168bd; stroke-width: 2.4px; }
      .byron-lighting g.edge.byron-lit path[marker-end] { marker-end: url(#arrow-lit); }`; // #1168bd: DiagramStyle.LIT
    document.head.appendChild(style);
  }

  // A press on a box: released where it was pressed, it selects the box; dragged onto another component, it
  // subscribes; dragged elsewhere, the box goes where it is dropped.
  function drag(event, node, container, page, handlers) {
    event.preventDefault();
    const scale = node.ownerSVGElement.getScreenCTM().a;
    const start = { x: event.clientX, y: event.clientY };
    let moved = { x: 0, y: 0 };
    node.style.pointerEvents = 'none'; // so that what lies under the pointer can be found
    const follow = (e) => {
      moved = { x: (e.clientX - start.x) / scale, y: (e.clientY - start.y) / scale };
      node.setAttribute('transform', `translate(${moved.x} ${moved.y})`);
    };
    const drop = (e) => {
      const under = document.elementFromPoint(e.clientX, e.clientY)?.closest('g.node'); // the dragged box lets it through
      node.style.pointerEvents = '';
      window.removeEventListener('mousemove', follow);
      window.removeEventListener('mouseup', drop);
      if (Math.hypot(moved.x * scale, moved.y * scale) < 4) {
        node.removeAttribute('transform');
        container.querySelectorAll('g.node.selected').forEach((n) => n.classList.remove('selected'));
        node.classList.add('selected');
        const declaration = page.nodes.find((n) => n.id === node.id) || null;
        // a second click: the press makes the box let the pointer through, so no dblclick reaches it
        if (e.detail >= 2 && handlers.open) {
          handlers.open(declaration, node.id);
        } else {
          handlers.select(declaration, node.id);
        }
        return;
      }
      if (under && under !== node && node.id.startsWith('component:') && under.id.startsWith('component:')) {
        node.removeAttribute('transform'); // dropped on another component: a subscription, not a move
        handlers.subscribe(node.id.slice('component:'.length), under.id.slice('component:'.length));
        return;
      }
      const box = page.boxes[node.id];
      handlers.move(node.id, box.x + moved.x, box.y + moved.y);
    };
    window.addEventListener('mousemove', follow);
    window.addEventListener('mouseup', drop);
  }

  function markAt(container, page, file, offset, same = (a, b) => a === b, scroll = true) {
    const inside = page.nodes
      .filter((n) => same(n.file, file) && offset >= n.offset && offset <= n.offset + n.length)
      .sort((a, b) => a.length - b.length)[0];
    mark(container, inside ? inside.id : null, scroll);
  }

  /** The name of the component whose declaration holds the offset of the file, or null. */
  function componentAt(page, file, offset, same = (a, b) => a === b) {
    const holding = (page.declared || []).find((d) => same(d.file, file) && offset >= d.offset && offset <= d.offset + d.length);
    return holding ? holding.id : null;
  }

  function mark(container, id, scroll) {
    const node = id ? container.querySelector(`g.node[id="${CSS.escape(id)}"]`) : null;
    container.querySelectorAll('g.node.selected').forEach((n) => n !== node && n.classList.remove('selected'));
    if (node) {
      node.classList.add('selected');
      if (scroll) {
        inView(container, node);
      }
    }
  }

  /** Scrolls a box to the middle of the container unless it is wholly in view already. */
  function inView(container, node) {
    const box = node.getBoundingClientRect();
    const area = container.getBoundingClientRect();
    if (box.left < area.left || box.right > area.right || box.top < area.top || box.bottom > area.bottom) {
      node.scrollIntoView({ block: 'center', inline: 'center' });
    }
    clearOfOverview(container, node);
  }

  /** Scrolls a box out from under the overview, the shorter way, where the picture can scroll that far. */
  function clearOfOverview(container, node) {
    const made = overviews.get(container);
    if (!made || made.map.style.display === 'none') {
      return;
    }
    const box = node.getBoundingClientRect();
    const map = made.map.getBoundingClientRect();
    if (box.right <= map.left || box.left >= map.right || box.bottom <= map.top || box.top >= map.bottom) {
      return;
    }
    const dx = box.right - map.left + 8;
    const dy = box.bottom - map.top + 8;
    container.scrollBy(dx < dy ? { left: dx } : { top: dy });
  }

  /**
   * Brings the marked box, or else the first component's, into view: a large picture does not open on empty space.
   * From the picture's top left corner, scrolled only as far as the box needs, so that as much of the picture's top
   * (its legend, the boxes above) stays in view as can.
   */
  function reveal(container) {
    const node = container.querySelector('g.node.selected') || container.querySelector('g.node[id^="component:"]');
    if (node) {
      container.scrollLeft = 0;
      container.scrollTop = 0;
      node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      clearOfOverview(container, node);
    }
  }

  /** The picture's size at the container's scale (no scale set: its own size, or the page's CSS, e.g. fitted). */
  function scaled(container) {
    const svg = container.querySelector('svg');
    const zoomed = Number(container.dataset.zoom);
    if (svg && zoomed) {
      svg.style.width = `${Number(svg.getAttribute('width')) * zoomed}px`;
      svg.style.height = `${Number(svg.getAttribute('height')) * zoomed}px`;
    }
  }

  function zoom(container, factor, at) {
    const svg = container.querySelector('svg');
    if (!svg) {
      return 1;
    }
    const drawn = drawing(svg);
    const before = drawn.scale; // as drawn now: scaled, fitted or its own size
    const after = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, before * factor));
    const box = container.getBoundingClientRect();
    const x = (at ? at.clientX : box.left + box.width / 2) - box.left;
    const y = (at ? at.clientY : box.top + box.height / 2) - box.top;
    const pictureX = (x + box.left - drawn.left) / before; // the picture's point under (x, y) stays under it
    const pictureY = (y + box.top - drawn.top) / before;
    container.dataset.zoom = String(after);
    container.classList.remove('fitted');
    scaled(container);
    container.scrollLeft = pictureX * after - x;
    container.scrollTop = pictureY * after - y;
    container.dispatchEvent(new CustomEvent('byronzoom', { detail: after }));
    return after;
  }

  // A press on the picture's background: the picture follows the pointer (the container scrolls).
  function pan(event, container) {
    event.preventDefault();
    const start = { x: event.clientX, y: event.clientY, left: container.scrollLeft, top: container.scrollTop };
    container.style.cursor = 'grabbing';
    const follow = (e) => {
      container.scrollLeft = start.left - (e.clientX - start.x);
      container.scrollTop = start.top - (e.clientY - start.y);
    };
    const drop = () => {
      container.style.cursor = '';
      window.removeEventListener('mousemove', follow);
      window.removeEventListener('mouseup', drop);
    };
    window.addEventListener('mousemove', follow);
    window.addEventListener('mouseup', drop);
  }

  /**
   * Where the picture is drawn on the screen and at what scale: inside its element's box, which a fitted picture
   * fills in one direction only (the picture keeps its proportions, centred).
   */
  function drawing(svg) {
    const box = svg.getBoundingClientRect();
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    const scale = Math.min(box.width / width, box.height / height);
    return { scale, left: box.left + (box.width - width * scale) / 2, top: box.top + (box.height - height * scale) / 2 };
  }

  const OVERVIEW = 170; // the overview's longer side, in pixels, in a pane large enough
  // in a small pane (a narrow window), at most a quarter of its shorter side: the picture stays what is looked at
  const overviewSide = (container) => Math.max(60, Math.min(OVERVIEW, Math.min(container.clientWidth, container.clientHeight) / 4));
  const overviews = new WeakMap();
  const measured = new WeakMap(); // a box's element → its bounds, measured once (measuring lays the picture out)

  /** The container's overview: made the first time, beside the container (so that it does not scroll with it). */
  function overview(container) {
    let made = overviews.get(container);
    if (made) {
      return made;
    }
    const map = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    map.setAttribute('class', 'byron-overview');
    map.setAttribute('aria-label', 'overview of the whole picture');
    Object.assign(map.style, { position: 'absolute', display: 'none', background: 'rgba(255,255,255,0.92)',
      border: '1px solid #b0b8c0', boxShadow: '0 1px 4px rgba(0,0,0,0.15)', cursor: 'pointer', zIndex: '5' });
    const host = container.parentElement;
    if (getComputedStyle(host).position === 'static') {
      host.style.position = 'relative';
    }
    host.appendChild(map);
    const seen = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    seen.setAttribute('class', 'byron-overview-view');
    Object.assign(seen.style, { fill: 'rgba(17,104,189,0.08)', stroke: '#d9534f', vectorEffect: 'non-scaling-stroke', strokeWidth: '1.5' });
    let picture = null; // the svg the overview was drawn from
    const natural = () => ({ width: Number(picture.getAttribute('width')), height: Number(picture.getAttribute('height')) });
    // where the picture is in the container's scrolled content, and at what scale it is drawn
    const placement = () => {
      const area = container.getBoundingClientRect();
      const drawn = drawing(picture);
      return { left: drawn.left - area.left + container.scrollLeft, top: drawn.top - area.top + container.scrollTop,
        scale: drawn.scale };
    };
    // the corner of the view where the overview hides the least of the boxes and the legend in view (the marked box
    // most of all); the lower right one unless another hides less, and the one it stands in while that hides no less
    let corner = { right: true, bottom: true };
    const clearestCorner = (w, h) => {
      const area = container.getBoundingClientRect();
      const boxes = [...container.querySelectorAll('g.node, g.legend')].map((node) => ({ r: node.getBoundingClientRect(),
        weight: node.classList.contains('selected') ? 4 : 1 }));
      const hidden = (c) => {
        const left = c.right ? area.left + container.clientWidth - w - 12 : area.left + 12;
        const top = c.bottom ? area.top + container.clientHeight - h - 12 : area.top + 12;
        return boxes.reduce((sum, { r, weight }) => sum + weight * Math.max(0, Math.min(r.right, left + w) - Math.max(r.left, left))
          * Math.max(0, Math.min(r.bottom, top + h) - Math.max(r.top, top)), 0);
      };
      const candidates = [corner, { right: true, bottom: true }, { right: false, bottom: true }, { right: true, bottom: false },
        { right: false, bottom: false }];
      let best = candidates[0];
      let least = hidden(best);
      for (const c of candidates.slice(1)) {
        const h2 = hidden(c);
        if (h2 < least) {
          best = c;
          least = h2;
        }
      }
      corner = best;
      return corner;
    };
    const place = () => {
      if (!picture || !picture.isConnected) {
        map.style.display = 'none';
        return;
      }
      const { width, height } = natural();
      const at = placement();
      if (!(width > 0 && height > 0 && at.scale > 0)) { // not drawn (a hidden pane, a picture being replaced)
        map.style.display = 'none';
        return;
      }
      const left = (container.scrollLeft - at.left) / at.scale;
      const top = (container.scrollTop - at.top) / at.scale;
      const right = left + container.clientWidth / at.scale;
      const bottom = top + container.clientHeight / at.scale;
      const slack = 4 / at.scale; // a few pixels cut off (an inline picture's baseline gap) is all in view
      const allInView = left <= slack && top <= slack && right >= width - slack && bottom >= height - slack;
      map.style.display = allInView ? 'none' : 'block';
      if (allInView) {
        return;
      }
      const side = overviewSide(container);
      const k = Math.min(side / width, side / height);
      map.style.width = `${width * k}px`;
      map.style.height = `${height * k}px`;
      const corner = clearestCorner(width * k, height * k);
      map.style.left = `${container.offsetLeft + (corner.right ? container.clientWidth - width * k - 12 : 12)}px`;
      map.style.top = `${container.offsetTop + (corner.bottom ? container.clientHeight - height * k - 12 : 12)}px`;
      const x = Math.max(0, left);
      const y = Math.max(0, top);
      seen.setAttribute('x', x);
      seen.setAttribute('y', y);
      seen.setAttribute('width', Math.max(4 / k, Math.min(width, right) - x));
      seen.setAttribute('height', Math.max(4 / k, Math.min(height, bottom) - y));
    };
    const draw = () => {
      picture = container.querySelector('svg');
      map.replaceChildren();
      if (!picture) {
        place();
        return;
      }
      const { width, height } = natural();
      if (!(width > 0 && height > 0)) {
        place();
        return;
      }
      map.setAttribute('viewBox', `0 0 ${width} ${height}`);
      const least = 2 / Math.min(overviewSide(container) / width, overviewSide(container) / height); // 2 pixels: every box shows
      for (const node of picture.querySelectorAll('g.node')) {
        const box = measured.get(node) || node.getBBox(); // an element kept is where it was (its text did not change)
        measured.set(node, box);
        const mark = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        mark.setAttribute('x', box.x);
        mark.setAttribute('y', box.y);
        mark.setAttribute('width', Math.max(least, box.width));
        mark.setAttribute('height', Math.max(least, box.height));
        mark.setAttribute('fill', node.querySelector('rect, path, ellipse, circle')?.getAttribute('fill') || '#8a8f94');
        map.appendChild(mark);
      }
      map.appendChild(seen);
      resized.disconnect();
      resized.observe(container);
      resized.observe(picture); // zoomed or fitted
      place();
    };
    // a press or drag on the overview: that point of the picture to the middle of the view
    const lookAt = (e) => {
      const { width, height } = natural();
      const bounds = map.getBoundingClientRect();
      const k = bounds.width / width;
      const x = Math.min(width, Math.max(0, (e.clientX - bounds.left) / k));
      const y = Math.min(height, Math.max(0, (e.clientY - bounds.top) / k));
      const at = placement();
      container.scrollLeft = at.left + x * at.scale - container.clientWidth / 2;
      container.scrollTop = at.top + y * at.scale - container.clientHeight / 2;
      place();
    };
    map.addEventListener('mousedown', (e) => {
      if (e.button !== 0 || !picture) {
        return;
      }
      e.preventDefault();
      lookAt(e);
      const up = () => {
        window.removeEventListener('mousemove', lookAt);
        window.removeEventListener('mouseup', up);
      };
      window.addEventListener('mousemove', lookAt);
      window.addEventListener('mouseup', up);
    });
    const resized = new ResizeObserver(() => place());
    container.addEventListener('scroll', place);
    made = { draw, place, map };
    overviews.set(container, made);
    return made;
  }

  function viewOf(container) {
    return { zoom: Number(container.dataset.zoom) || 0, left: container.scrollLeft, top: container.scrollTop };
  }

  function lookAgain(container, view) {
    if (view.zoom > 0) {
      container.dataset.zoom = String(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom)));
      container.classList.remove('fitted');
      scaled(container);
    }
    container.scrollLeft = view.left;
    container.scrollTop = view.top;
  }

  /** Back to the picture's own size, or to what the page's CSS makes of it (fitted). */
  function unzoom(container) {
    delete container.dataset.zoom;
    const svg = container.querySelector('svg');
    if (svg) {
      svg.style.width = '';
      svg.style.height = '';
    }
  }

  /** The scale the container's picture is drawn at (1 at full size), however it is fitted or zoomed. */
  function scaleOf(container) {
    const svg = container.querySelector('svg');
    return svg ? drawing(svg).scale : 1;
  }

  /** Where a point of the window ({clientX, clientY}) is in the picture's own coordinates, whatever its zoom. */
  function pointAt(container, clientX, clientY) {
    const svg = container.querySelector('svg');
    const p = new DOMPoint(clientX, clientY).matrixTransform(svg.getScreenCTM().inverse());
    return { x: p.x, y: p.y };
  }

  window.ByronDiagram = { show, pictureOf, markAt, componentAt, zoom, unzoom, reveal, scaleOf, viewOf, lookAgain, pointAt };
})();

// A laid-out Byron diagram in a page, and what a pointer does to it: the web studio's and the VS Code webview's
// one drawing code. The server lays the view out (DiagramPage: svg, nodes, boxes); this script only shows it.
//   ByronDiagram.show(container, page, {
//     select(declaration, id)         a box clicked: its declaration {file, offset, length}, if it has one
//     subscribe(subscriber, publisher) a component dropped on another
//     move(id, x, y)                  a box dropped elsewhere, at the diagram's own coordinates
//     menu(name, event)               a component's box right-clicked (optional)
//   })
//   ByronDiagram.markAt(container, page, file, offset, same)  marks the box of the innermost declaration that holds a
//                                   text cursor and scrolls it into view; same(a, b) compares two file names
(function () {
  'use strict';

  function show(container, page, handlers) {
    container.innerHTML = page.svg;
    for (const node of container.querySelectorAll('g.node')) {
      node.addEventListener('mousedown', (e) => {
        if (e.button === 0) {
          drag(e, node, container, page, handlers);
        }
      });
      if (handlers.menu && node.id.startsWith('component:')) {
        node.addEventListener('contextmenu', (e) => handlers.menu(node.id.slice('component:'.length), e));
      }
    }
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
        handlers.select(page.nodes.find((n) => n.id === node.id) || null, node.id);
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

  function markAt(container, page, file, offset, same = (a, b) => a === b) {
    const inside = page.nodes
      .filter((n) => same(n.file, file) && offset >= n.offset && offset <= n.offset + n.length)
      .sort((a, b) => a.length - b.length)[0];
    mark(container, inside ? inside.id : null);
  }

  function mark(container, id) {
    const node = id ? container.querySelector(`g.node[id="${CSS.escape(id)}"]`) : null;
    container.querySelectorAll('g.node.selected').forEach((n) => n !== node && n.classList.remove('selected'));
    if (node && !node.classList.contains('selected')) {
      node.classList.add('selected');
      node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  window.ByronDiagram = { show, markAt };
})();

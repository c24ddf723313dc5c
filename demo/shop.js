/*
 * The demo shop's own behaviour: cart in localStorage, "Buy now", "Not interested" and the order
 * confirmation. It is NOT the SDK and never calls it: the SDK listens to the same buttons through
 * their data-inkling-action attributes. This file is a classic script at the end of <body>, so it
 * runs before DOMContentLoaded, when the SDK reads the page; that is how the confirmation page's data-inkling-purchase is in
 * place by the time the SDK reads it.
 */
(function () {
  'use strict';

  var CART_KEY = 'inkling-demo:cart';
  var PENDING_KEY = 'inkling-demo:pending-order';
  var LAST_KEY = 'inkling-demo:last-order';

  // Storage may be blocked (private mode, disabled cookies); the demo then forgets, but never throws.
  function load(key, fallback) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) {
      return fallback;
    }
  }
  function save(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* see load() */
    }
  }

  function money(n) {
    return '$' + n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /**
   * id -> [title, price, glyph, colour, attributes?], embedded on the cart and checkout pages only;
   * `attributes` is the item's data-inkling-* markup, escaped by build.mjs.
   */
  var catalog = (function () {
    var el = document.getElementById('demo-catalog');
    try {
      return el ? JSON.parse(el.textContent) : {};
    } catch (e) {
      return {};
    }
  })();

  function cart() {
    return load(CART_KEY, []);
  }
  function cartQuantity(list) {
    return list.reduce(function (n, line) {
      return n + line.qty;
    }, 0);
  }
  function total(lines) {
    return (
      Math.round(
        lines.reduce(function (sum, line) {
          var entry = catalog[line.id];
          return sum + (entry ? entry[1] * line.qty : 0);
        }, 0) * 100,
      ) / 100
    );
  }

  function updateCount() {
    var n = cartQuantity(cart());
    document.querySelectorAll('[data-cart-count]').forEach(function (el) {
      el.textContent = String(n);
      el.classList.toggle('has-items', n > 0);
    });
  }

  function addToCart(id) {
    var list = cart();
    var line = list.find(function (l) {
      return l.id === id;
    });
    if (line) line.qty += 1;
    else list.push({ id: id, qty: 1 });
    save(CART_KEY, list);
    updateCount();
  }

  var toastTimer = 0;
  function toast(html) {
    var el = document.querySelector('.toast');
    if (!el) {
      el = document.createElement('div');
      el.className = 'toast';
      el.setAttribute('role', 'status');
      document.body.appendChild(el);
    }
    el.innerHTML = html;
    el.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () {
      el.classList.remove('show');
    }, 3200);
  }

  /** Starts checkout with `lines`; the confirmation page turns it into an order. */
  function placeOrder(lines) {
    save(PENDING_KEY, { items: lines, time: Date.now() });
    // A task later, so that every other click listener (the SDK's included) has seen the click.
    setTimeout(function () {
      window.location.assign('/checkout.html');
    }, 0);
  }

  function dismiss(button) {
    var tile = button.closest('[data-inkling-item]');
    if (!tile) return;
    // Hidden, not removed: the tile stays in its slot so that the SDK can still find and order it.
    tile.classList.add('is-dismissed');
    setTimeout(function () {
      tile.hidden = true;
    }, 220);
    toast('Got it. You will see fewer items like this.');
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var button = target && target.closest('button');
    if (!button || button.disabled) return;
    var action = button.getAttribute('data-inkling-action');
    var ref = button.getAttribute('data-inkling-item-ref');
    if (action === 'add_to_cart' && ref) {
      addToCart(ref);
      toast('Added to your cart. <a href="/cart.html">View cart</a>');
    } else if (action === 'purchase' && ref) {
      placeOrder([{ id: ref, qty: 1 }]);
    } else if (action === 'dismiss') {
      dismiss(button);
    } else if (button.hasAttribute('data-place-order')) {
      var lines = cart();
      if (lines.length === 0) return;
      save(CART_KEY, []);
      placeOrder(lines);
    } else if (button.hasAttribute('data-cart-change')) {
      changeLine(button.getAttribute('data-id'), Number(button.getAttribute('data-cart-change')));
    }
  });

  function changeLine(id, delta) {
    var list = cart()
      .map(function (l) {
        return l.id === id ? { id: l.id, qty: delta === 0 ? 0 : l.qty + delta } : l;
      })
      .filter(function (l) {
        return l.qty > 0;
      });
    save(CART_KEY, list);
    updateCount();
    renderCart();
  }

  function rowHtml(line, editable) {
    var e = catalog[line.id] || [line.id, 0, 'outlet', '#4a5568'];
    var controls = editable
      ? '<span class="qty"><button type="button" data-cart-change="-1" data-id="' +
        esc(line.id) +
        '" aria-label="One fewer">−</button>' +
        '<output aria-label="Quantity">' +
        line.qty +
        '</output>' +
        '<button type="button" data-cart-change="1" data-id="' +
        esc(line.id) +
        '" aria-label="One more">+</button></span>' +
        '<button type="button" class="link" data-cart-change="0" data-id="' +
        esc(line.id) +
        '">Remove</button>'
      : '<span class="muted">× ' + line.qty + '</span>';
    // Order rows (not cart rows) carry the item's attributes for the SDK's purchase snapshot.
    var itemAttributes = !editable && e[4] ? e[4] : '';
    return (
      '<li class="cart-row"' +
      itemAttributes +
      '>' +
      '<div class="art art-thumb c-' +
      esc(String(e[3]).slice(1)) +
      '"><svg class="glyph" viewBox="0 0 64 64" aria-hidden="true"><use href="#g-' +
      esc(e[2]) +
      '"/></svg></div>' +
      '<div class="cart-row-main"><a href="/p/' +
      esc(line.id) +
      '.html">' +
      esc(e[0]) +
      '</a>' +
      '<small class="muted">' +
      esc(line.id) +
      '</small></div>' +
      '<div class="cart-row-side">' +
      controls +
      '<b>' +
      money(e[1] * line.qty) +
      '</b></div></li>'
    );
  }

  function renderCart() {
    var rows = document.querySelector('[data-cart-rows]');
    if (!rows) return;
    var list = cart();
    rows.innerHTML = list
      .map(function (l) {
        return rowHtml(l, true);
      })
      .join('');
    document.querySelector('[data-cart-total]').textContent = money(total(list));
    document.querySelector('[data-place-order]').disabled = list.length === 0;
    document.querySelector('[data-cart-empty]').hidden = list.length > 0;
  }

  /**
   * On the confirmation page, a pending order becomes the last order and is announced to the SDK
   * once; a reload shows the last order again without the purchase attributes, so it is not
   * counted twice.
   */
  function renderConfirmation() {
    var root = document.querySelector('[data-order]');
    if (!root) return;
    var pending = load(PENDING_KEY, null);
    var order = load(LAST_KEY, null);
    var fresh = Boolean(pending && pending.items && pending.items.length);
    if (fresh) {
      order = {
        id: 'ord-' + Date.now().toString(36),
        items: pending.items,
        total: total(pending.items),
        time: pending.time,
      };
      save(LAST_KEY, order);
      save(PENDING_KEY, null);
    }
    if (!order) return;
    var ids = order.items.map(function (l) {
      return l.id;
    });
    if (fresh) {
      root.setAttribute('data-inkling-purchase', ids.join(','));
      root.setAttribute('data-inkling-order-id', order.id);
      root.setAttribute('data-inkling-value', String(order.total));
    }
    root.querySelector('[data-order-title]').textContent = fresh
      ? 'Thank you! Order confirmed.'
      : 'Your most recent order';
    root.querySelector('[data-order-note]').textContent = 'Order ' + order.id + ' · bought: ' + ids.join(', ');
    root.querySelector('[data-order-rows]').innerHTML = order.items
      .map(function (l) {
        return rowHtml(l, false);
      })
      .join('');
    root.querySelector('[data-order-total]').textContent = money(order.total);
    root.querySelector('[data-order-total-line]').hidden = false;
  }

  updateCount();
  renderCart();
  renderConfirmation();
})();

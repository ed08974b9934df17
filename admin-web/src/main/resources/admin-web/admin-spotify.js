// The Spotify card of the owner's page: app id, link (PKCE; the owner pastes the final 127.0.0.1 address back),
// unlink, and what Spotify is doing. Self-contained: it gets its own CSRF token from the session endpoint,
// which returns the token of the session this browser already has.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let csrf = null;

  async function call(method, path, body) {
    if (!csrf && method !== 'GET') {
      const s = await fetch('/admin/api/session', {cache: 'no-store'}).then((r) => r.json());
      csrf = s.csrfToken;
    }
    const headers = {'Accept': 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
    const response = await fetch(path, {method, headers, cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)});
    const data = await response.json().catch(() => ({}));
    if (response.status === 403) csrf = null; // a new session (sign-in): fetch its token next time
    return {ok: response.ok, status: response.status, data};
  }

  function show(view) {
    $('spotify-card').hidden = false;
    const link = view.link;
    $('spotify-state').textContent = link.message;
    $('spotify-notice').textContent = view.notice || '';
    $('spotify-notice').hidden = !view.notice;
    $('spotify-redirect-uri').textContent = view.redirectUri;
    if (link.clientId && document.activeElement !== $('spotify-client-id')) $('spotify-client-id').value = link.clientId;
    $('spotify-link').hidden = link.state === 'NOT_CONFIGURED' || link.state === 'LINKED';
    $('spotify-link').textContent = link.state === 'REVOKED' ? 'Link Spotify again' : 'Link Spotify';
    $('spotify-unlink').hidden = link.state !== 'LINKED';
    $('spotify-finish-form').hidden = !link.linkPending;
    $('spotify-details').textContent = [view.candidates, view.playback,
      link.appOrigin ? 'App from: ' + link.appOrigin + '.' : ''].filter(Boolean).join(' ');
  }

  function error(message) {
    $('spotify-app-error').textContent = message;
    $('spotify-app-error').hidden = !message;
  }

  async function refresh() {
    const r = await call('GET', '/admin/api/spotify');
    if (r.ok) show(r.data); else $('spotify-card').hidden = true; // signed out: nothing to show
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('spotify-app-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await call('PUT', '/admin/api/spotify/app',
        {clientId: $('spotify-client-id').value, clientSecret: $('spotify-client-secret').value || null});
      $('spotify-client-secret').value = '';
      error(r.ok ? '' : r.data.error);
      if (r.ok) show(r.data);
    });
    $('spotify-link').addEventListener('click', async () => {
      // Open the window first, in the tap itself, so the phone's pop-up blocker lets it through.
      const consent = window.open('about:blank', '_blank');
      const r = await call('POST', '/admin/api/spotify/link', {});
      if (!r.ok) {
        if (consent) consent.close();
        error(r.data.error);
        return;
      }
      error('');
      if (consent) consent.location = r.data.authorizeUrl; else window.location = r.data.authorizeUrl;
      $('spotify-finish-form').hidden = false;
    });
    $('spotify-finish-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await call('POST', '/admin/api/spotify/finish', {redirectedTo: $('spotify-redirected').value});
      error(r.ok ? '' : r.data.error);
      if (r.ok) { $('spotify-redirected').value = ''; show(r.data); }
    });
    $('spotify-unlink').addEventListener('click', async () => {
      const r = await call('POST', '/admin/api/spotify/unlink', {});
      if (r.ok) show(r.data);
    });
    // admin.js shows the owner's sections (#owner) once the owner is signed in (setup, sign-in, reload) and hides
    // them on sign-out: the card follows them at once instead of at the next 10 s refresh. A sign-in brings a new
    // session and so a new CSRF token: forget the old one.
    new MutationObserver(() => {
      csrf = null;
      if ($('owner').hidden) $('spotify-card').hidden = true; else refresh();
    }).observe($('owner'), {attributes: true, attributeFilter: ['hidden']});
    refresh();
    setInterval(refresh, 10000);
  });
})();

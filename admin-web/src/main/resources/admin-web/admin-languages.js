// The owner's language per artist: search an artist, see which languages its tracks were detected in, and
// set the one that is right. Reads and writes /admin/api/artist-languages (signed-in only; writes carry the CSRF
// token). Shown only while signed in; everything else on the page is admin.js's business.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const CHOICES = [
    ['en', 'English'], ['de', 'German'], ['fr', 'French'], ['es', 'Spanish'], ['it', 'Italian'],
    ['pt', 'Portuguese'], ['nl', 'Dutch'], ['sv', 'Swedish'], ['no', 'Norwegian'], ['da', 'Danish'],
    ['fi', 'Finnish'], ['pl', 'Polish'], ['cs', 'Czech'], ['hu', 'Hungarian'], ['tr', 'Turkish'],
    ['el', 'Greek'], ['ru', 'Russian'], ['uk', 'Ukrainian'], ['ar', 'Arabic'], ['he', 'Hebrew'],
    ['fa', 'Persian'], ['hi', 'Hindi'], ['ja', 'Japanese'], ['ko', 'Korean'], ['zh', 'Chinese'],
    ['th', 'Thai'], ['vi', 'Vietnamese'], ['instrumental', 'Instrumental (no lyrics)']];
  let csrf = null;
  let searchTimer = null;

  async function call(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    const response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    let data = {};
    try { data = await response.json(); } catch (e) { /* empty answer */ }
    return { status: response.status, data };
  }

  function detectedText(artist) {
    const parts = Object.entries(artist.detected || {}).map(([code, n]) => code + ' ' + n);
    const tracks = artist.tracks + (artist.tracks === 1 ? ' track' : ' tracks');
    return parts.length ? tracks + ' · detected: ' + parts.join(', ') : tracks + ' · language not detected';
  }

  function row(artist) {
    const li = document.createElement('li');
    li.className = 'artist-language';
    const name = document.createElement('span');
    name.className = 'artist-name';
    name.textContent = artist.artist;
    const detail = document.createElement('small');
    detail.textContent = detectedText(artist);
    const select = document.createElement('select');
    select.setAttribute('aria-label', 'Language of ' + artist.artist);
    const auto = new Option('As the tracks say', '');
    select.add(auto);
    const codes = new Set(CHOICES.map((c) => c[0]));
    CHOICES.forEach(([code, label]) => select.add(new Option(label, code)));
    if (artist.owner && !codes.has(artist.owner)) select.add(new Option(artist.owner, artist.owner));
    select.value = artist.owner || '';
    const status = document.createElement('small');
    status.className = 'row-status';
    status.setAttribute('role', 'status');
    select.addEventListener('change', async () => {
      status.textContent = 'Saving…';
      // The token of the session admin.js signed in with. Asked for only now, never at page load: two
      // first requests at once would start two sessions and one page would hold the wrong token.
      const session = await call('GET', '/admin/api/session');
      if (session.data.csrfToken) csrf = session.data.csrfToken;
      const { status: code, data } = await call('PUT', '/admin/api/artist-languages',
        { artist: artist.artist, language: select.value || null });
      if (code === 200) {
        status.textContent = 'Saved';
        if (data.artist && data.artist.tracks) detail.textContent = detectedText(data.artist);
      } else {
        status.textContent = (data.fields && (data.fields.language || data.fields.artist)) || data.error
          || ('Not saved (' + code + ')');
        select.value = artist.owner || '';
      }
    });
    li.append(name, detail, select, status);
    return li;
  }

  async function load() {
    const section = $('artist-languages');
    if (!section) return;
    const query = $('artist-languages-search').value.trim();
    const { status, data } = await call('GET', '/admin/api/artist-languages?q=' + encodeURIComponent(query));
    section.hidden = status !== 200;
    if (status !== 200) return;
    const list = $('artist-languages-list');
    list.replaceChildren(...data.artists.map(row));
    $('artist-languages-empty').hidden = data.artists.length > 0;
  }

  function start() {
    const search = $('artist-languages-search');
    if (!search) return;
    search.addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(load, 250);
    });
    // Sign-in and sign-out happen in admin.js; follow them by watching the owner's sections appear and go.
    // Reading the list needs no session of its own (signed out it answers 401 and the section stays hidden).
    const owner = $('owner');
    if (owner) new MutationObserver(() => load()).observe(owner, { attributes: true, attributeFilter: ['hidden'] });
    load();
  }

  document.addEventListener('DOMContentLoaded', start);
})();

// Moodbox kiosk page: shows the mood, the songs that fit it and what plays; a tap plays a song.
// State comes from GET /api/state once, then from the event stream /api/events (mood, recommendations,
// playback, settings). Plain JavaScript, no libraries: the box works with no network.
'use strict';

(() => {
  const EMOTION_NAMES = {
    angry: 'Angry', disgust: 'Disgusted', fear: 'Afraid', happy: 'Happy',
    sad: 'Sad', surprise: 'Surprised', neutral: 'Neutral',
  };
  // Nobody in view for this long shows the idle screen; the kiosk's launcher may say otherwise with ?idle=SECONDS
  // (0 turns the idle screen off).
  const IDLE_AFTER_MS = idleAfterMs();
  // A touch wakes the idle screen for this long even while the camera still sees nobody.
  const WOKEN_FOR_MS = 60000;
  // A card list that arrives while a finger is on the screen waits until the finger is gone:
  // cards must not move under a tap.
  const TOUCH_HOLD_MS = 1200;

  const $ = (id) => document.getElementById(id);
  const view = { mood: null, recommendations: [], playback: null, cameraOn: true, screenSchedule: null };
  // The schedule is checked this often; a minute boundary is missed by at most this much.
  const DIM_CHECK_MS = 15000;
  let holdCardsUntil = 0;
  let pendingCards = null;
  let toastTimer = 0;
  let lastPlaybackError = null;
  let likedTrackId = null;
  let nobodySince = 0;
  let wokenUntil = 0;
  let draggingVolume = false;

  // ---------- talking to the box ----------

  async function post(path, body) {
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? '' : JSON.stringify(body),
      });
      const json = await response.json().catch(() => ({}));
      if (!response.ok) {
        toast(json.error || `The box said ${response.status}.`);
        return null;
      }
      return json;
    } catch (e) {
      toast('The box is not answering. Is it still on?');
      return null;
    }
  }

  async function loadState() {
    try {
      const response = await fetch('/api/state');
      const state = await response.json();
      view.cameraOn = state.cameraOn;
      renderCamera();
      renderMood(state.mood);
      showCards(state.recommendations, true);
      renderPlayback(state.playback);
      applySettings(state.settings);
    } catch (e) {
      toast('Could not read the box\'s state; retrying.');
      setTimeout(loadState, 2000);
    }
  }

  function listen() {
    const events = new EventSource('/api/events');
    let lostTimer = 0;
    events.addEventListener('mood', (e) => renderMood(JSON.parse(e.data)));
    events.addEventListener('recommendations', (e) => showCards(JSON.parse(e.data), false));
    events.addEventListener('playback', (e) => renderPlayback(JSON.parse(e.data)));
    events.addEventListener('settings', (e) => applySettings(JSON.parse(e.data)));
    events.addEventListener('open', () => {
      clearTimeout(lostTimer);
      document.body.classList.remove('offline');
    });
    // EventSource reconnects by itself; only say so when it takes a while.
    events.addEventListener('error', () => {
      clearTimeout(lostTimer);
      lostTimer = setTimeout(() => {
        document.body.classList.add('offline');
        toast('Lost the connection to the box; reconnecting…');
      }, 2500);
    });
  }

  // ---------- mood ----------

  // ---------- night dim ----------

  function applySettings(settings) {
    view.screenSchedule = settings ? settings.screenSchedule : null;
    renderDim();
  }

  // "HH:mm" as minutes after midnight.
  function minutesOf(hhmm) {
    const [h, m] = hhmm.split(':').map(Number);
    return h * 60 + m;
  }

  // The same rule as the box's ScreenSchedule.dimsAt: start inclusive, end exclusive, may cross midnight,
  // equal times never dim. The page's clock is the box's clock: the kiosk browser runs on the box.
  function dimsAt(schedule, date) {
    if (!schedule) {
      return false;
    }
    const start = minutesOf(schedule.nightDimStart);
    const end = minutesOf(schedule.nightDimEnd);
    const now = date.getHours() * 60 + date.getMinutes();
    if (start === end) {
      return false;
    }
    return start < end ? now >= start && now < end : now >= start || now < end;
  }

  function renderDim() {
    const dim = dimsAt(view.screenSchedule, new Date());
    document.documentElement.classList.toggle('night-dim', dim);
  }

  function renderMood(mood) {
    if (!mood) return;
    view.mood = mood;
    const name = EMOTION_NAMES[mood.emotion] || mood.emotion;
    let kicker;
    let label = name;
    let confidence = '';
    if (mood.source === 'override') {
      kicker = 'You chose';
    } else if (!mood.present) {
      kicker = 'Nobody in view';
      label = 'Waiting for you';
    } else if (mood.sure) {
      kicker = 'You seem';
      confidence = `${Math.round(mood.confidence * 100)}% sure`;
    } else {
      kicker = 'Not sure yet, maybe';
      confidence = `${Math.round(mood.confidence * 100)}%`;
    }
    const nobody = !mood.present && mood.source !== 'override';
    if (!nobody) nobodySince = 0;
    else if (!nobodySince) nobodySince = Date.now();
    renderIdle();
    document.body.dataset.emotion = mood.emotion;
    $('mood-kicker').textContent = kicker;
    $('mood-label').textContent = label;
    $('mood-confidence').textContent = confidence;

    const dot = $('va-dot');
    dot.style.left = `${clamp01(mood.valence) * 100}%`;
    dot.style.top = `${(1 - clamp01(mood.arousal)) * 100}%`;
    $('va-plot').setAttribute('aria-label',
      `valence ${Math.round(mood.valence * 100)} of 100, arousal ${Math.round(mood.arousal * 100)} of 100`);

    for (const chip of document.querySelectorAll('.chip')) {
      const chosen = mood.source === 'override' && chip.dataset.emotion === mood.emotion;
      chip.setAttribute('aria-pressed', String(chosen));
    }
  }

  function renderCamera() {
    $('camera').classList.toggle('off', !view.cameraOn);
    $('camera-state').textContent = view.cameraOn ? 'Camera on' : 'Camera off';
  }

  // ---------- cards ----------

  function showCards(list, force) {
    if (!force && Date.now() < holdCardsUntil) {
      pendingCards = list;
      return;
    }
    pendingCards = null;
    view.recommendations = list || [];
    renderCards();
  }

  function renderCards() {
    const container = $('cards');
    const list = view.recommendations;
    $('cards-empty').hidden = list.length > 0;
    $('btn-more').hidden = list.length === 0;
    $('btn-next').disabled = list.length === 0;
    const sameIds = container.children.length === list.length
      && list.every((r, i) => container.children[i].dataset.trackId === String(r.track.id));
    if (!sameIds) {
      container.replaceChildren(...list.map(cardElement));
      $('cards-scroller').scrollLeft = 0;
    } else {
      list.forEach((r, i) => {
        container.children[i].querySelector('.card-reason').textContent = r.reason || '';
      });
    }
    markPlayingCard();
    renderAttribution();
  }

  function cardElement(recommendation) {
    const track = recommendation.track;
    const card = document.createElement('button');
    card.type = 'button';
    card.className = 'card';
    card.dataset.trackId = String(track.id);
    card.setAttribute('role', 'listitem');
    card.setAttribute('aria-label', `Play ${track.title} by ${track.artist || 'unknown artist'}`);

    const art = document.createElement('img');
    art.className = 'card-art';
    art.alt = '';
    art.draggable = false;
    art.src = track.artwork;

    const body = document.createElement('span');
    body.className = 'card-body';
    body.append(
      textSpan('card-title', track.title),
      textSpan('card-artist', track.artist || 'Unknown artist'),
      textSpan('card-reason', recommendation.reason || ''),
    );
    card.append(art, body);
    card.addEventListener('click', () => play(track.id));
    // The phone button, the QR back and link-only cards (kiosk-handoff.js).
    if (window.MoodboxHandoff) window.MoodboxHandoff.decorate(card, track);
    return card;
  }

  function textSpan(className, text) {
    const span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    return span;
  }

  function markPlayingCard() {
    const playing = view.playback && view.playback.track && view.playback.status !== 'stopped'
      ? String(view.playback.track.id) : null;
    for (const card of $('cards').children) {
      const isPlaying = card.dataset.trackId === playing;
      card.classList.toggle('playing', isPlaying);
      let badge = card.querySelector('.card-badge');
      if (isPlaying && !badge) {
        badge = textSpan('card-badge', '');
        card.append(badge);
      }
      if (badge) {
        if (isPlaying) badge.textContent = view.playback.status === 'paused' ? 'Paused' : '▶ Playing';
        else badge.remove();
      }
    }
  }

  function renderAttribution() {
    const seen = new Set();
    const playing = view.playback && view.playback.track;
    if (playing && playing.attribution) seen.add(playing.attribution);
    for (const r of view.recommendations) {
      if (r.track.attribution) seen.add(r.track.attribution);
    }
    $('attribution').textContent = seen.size ? `Music: ${[...seen].join(' · ')}` : '';
    $('attribution').title = $('attribution').textContent;
  }

  async function play(trackId) {
    const answer = await post('/api/play', { trackId });
    if (answer) renderPlayback(answer.playback);
  }

  // ---------- now playing ----------

  function renderPlayback(playback) {
    if (!playback) return;
    // Answers to taps and live events can cross on the wire: the newest version wins, equal ones refresh.
    if (view.playback && playback.version < view.playback.version) return;
    view.playback = playback;
    const track = playback.track;
    const active = track && playback.status !== 'stopped';
    const box = $('now-playing');
    box.classList.toggle('idle', !active);
    if (active) {
      $('np-kicker').textContent = playback.status === 'paused' ? 'Paused' : 'Now playing';
      $('np-title').textContent = track.title;
      $('np-meta').textContent = [track.artist, track.album].filter(Boolean).join(' · ');
      $('np-art').src = track.artwork;
      $('np-art').hidden = false;
    } else {
      $('np-kicker').textContent = 'Nothing playing';
      $('np-title').textContent = 'Tap a song to play it';
      $('np-meta').textContent = '';
      $('np-art').hidden = true;
    }
    const paused = playback.status === 'paused';
    const pauseButton = $('btn-pause');
    pauseButton.disabled = !active;
    pauseButton.setAttribute('aria-label', paused ? 'Resume' : 'Pause');
    $('icon-pause').hidden = paused;
    $('icon-play').hidden = !paused;
    $('btn-next').disabled = view.recommendations.length === 0;
    $('btn-skip').disabled = !active;
    $('btn-like').disabled = !active;
    if (!active || likedTrackId !== track.id) likedTrackId = null;
    renderLike();
    renderVolume();
    $('idle-playing').textContent = active ? `${playback.status === 'paused' ? 'Paused' : '♪'} ${track.title}` : '';
    $('output').textContent = `Sound: ${playback.output || 'unknown'}`;
    if (playback.error && playback.error !== lastPlaybackError) toast(playback.error);
    lastPlaybackError = playback.error;
    markPlayingCard();
    renderAttribution();
  }

  function renderLike() {
    const playing = view.playback && view.playback.track && view.playback.status !== 'stopped';
    const liked = Boolean(playing) && likedTrackId === view.playback.track.id;
    $('btn-like').setAttribute('aria-pressed', String(liked));
    $('btn-like').setAttribute('aria-label', liked ? 'Liked' : 'I like this song');
  }

  function renderVolume() {
    const playback = view.playback;
    if (!playback || draggingVolume) return; // never move the thumb under a finger
    const cap = Math.round(playback.volumeCap * 100);
    const slider = $('volume-slider');
    slider.max = String(cap);
    slider.value = String(Math.round(playback.volume * 100));
    slider.disabled = cap === 0;
    $('volume').textContent = `${Math.round(playback.volume * 100)}%`;
    $('volume-cap').textContent = `max ${cap}%`;
  }

  // ---------- idle screen ----------

  function idleAfterMs() {
    const asked = new URLSearchParams(window.location.search).get('idle');
    const seconds = asked === null || asked.trim() === '' ? 30 : Number(asked);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30000;
  }

  function renderIdle() {
    const now = Date.now();
    const idle = IDLE_AFTER_MS > 0 && nobodySince > 0 && now - nobodySince >= IDLE_AFTER_MS && now >= wokenUntil;
    $('idle').hidden = !idle;
    document.body.classList.toggle('idle-now', idle);
    if (idle) {
      $('idle-clock').textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    }
  }

  // ---------- small things ----------

  function toast(message) {
    const box = $('toast');
    box.textContent = message;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, 4000);
  }

  function clamp01(v) {
    return Math.max(0, Math.min(1, Number(v) || 0));
  }

  function wire() {
    $('btn-pause').addEventListener('click', async () => {
      const paused = view.playback && view.playback.status === 'paused';
      const answer = await post(paused ? '/api/resume' : '/api/pause');
      if (answer) renderPlayback(answer.playback);
    });
    $('btn-next').addEventListener('click', async () => {
      const answer = await post('/api/next');
      if (answer) renderPlayback(answer.playback);
    });
    $('btn-skip').addEventListener('click', async () => {
      const playing = view.playback && view.playback.track;
      if (!playing) return;
      const answer = await post('/api/skip', { trackId: playing.id });
      if (answer) renderPlayback(answer.playback);
    });
    $('btn-like').addEventListener('click', async () => {
      const playing = view.playback && view.playback.track;
      if (!playing || likedTrackId === playing.id) return;
      const answer = await post('/api/like', { trackId: playing.id });
      if (answer) {
        likedTrackId = answer.liked;
        renderPlayback(answer.playback);
        renderLike();
      }
    });
    const slider = $('volume-slider');
    slider.addEventListener('input', () => {
      draggingVolume = true;
      $('volume').textContent = `${slider.value}%`;
    });
    slider.addEventListener('change', async () => {
      draggingVolume = false;
      const answer = await post('/api/volume', { volume: Number(slider.value) / 100 });
      if (answer) renderPlayback(answer.playback);
      else renderVolume();
    });
    // A touch on the idle screen wakes the page and goes no further (not a tap on a card beneath).
    $('idle').addEventListener('pointerdown', (event) => {
      event.preventDefault();
      wokenUntil = Date.now() + WOKEN_FOR_MS;
      renderIdle();
    });
    $('idle').addEventListener('click', (event) => event.preventDefault());
    $('btn-more').addEventListener('click', async () => {
      const answer = await post('/api/recommendations/refresh');
      if (answer) showCards(answer.recommendations, true);
    });
    for (const chip of document.querySelectorAll('.chip')) {
      chip.addEventListener('click', async () => {
        const answer = await post('/api/mood/override', { emotion: chip.dataset.emotion });
        if (answer) renderMood(answer.mood);
      });
    }
    const cards = $('cards-scroller');
    cards.addEventListener('pointerdown', () => { holdCardsUntil = Date.now() + 60000; });
    const release = () => {
      holdCardsUntil = Date.now() + TOUCH_HOLD_MS;
      setTimeout(() => {
        if (pendingCards && Date.now() >= holdCardsUntil) showCards(pendingCards, false);
      }, TOUCH_HOLD_MS + 50);
    };
    cards.addEventListener('pointerup', release);
    cards.addEventListener('pointercancel', release);
    // Touch screens have no right click; a long press must not open a menu on the kiosk.
    document.addEventListener('contextmenu', (e) => e.preventDefault());
  }

  wire();
  setInterval(renderDim, DIM_CHECK_MS);
  setInterval(renderIdle, 1000);
  loadState().then(listen);
})();

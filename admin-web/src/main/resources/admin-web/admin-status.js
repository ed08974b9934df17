// Admin status panel: reads the kiosk's GET /api/state every few seconds (read-only, no sign-in needed).
'use strict';

(() => {
  const NAMES = { angry: 'Angry', disgust: 'Disgusted', fear: 'Afraid', happy: 'Happy', sad: 'Sad',
                  surprise: 'Surprised', neutral: 'Neutral' };
  const REFRESH_MS = 3000;
  const $ = (id) => document.getElementById(id);

  function show(state) {
    const mood = state.mood;
    const name = NAMES[mood.emotion] || mood.emotion;
    if (mood.source === 'override') {
      $('admin-mood').textContent = name;
      $('admin-mood-detail').textContent = 'chosen on the screen';
    } else if (!mood.present) {
      $('admin-mood').textContent = 'Nobody in view';
      $('admin-mood-detail').textContent = 'playing it calm';
    } else {
      $('admin-mood').textContent = name;
      $('admin-mood-detail').textContent = `${Math.round(mood.confidence * 100)}% sure`
        + (mood.sure ? '' : ' (not sure yet)');
    }

    const playback = state.playback;
    if (playback.track && playback.status !== 'stopped') {
      $('admin-playing').textContent = playback.track.title;
      $('admin-playing-detail').textContent = [playback.track.artist, playback.status === 'paused' ? 'paused' : null,
        `volume ${Math.round(playback.volume * 100)}%`].filter(Boolean).join(' · ');
    } else {
      $('admin-playing').textContent = 'Nothing';
      $('admin-playing-detail').textContent = `volume ${Math.round(playback.volume * 100)}%`;
    }
    if (playback.error) $('admin-playing-detail').textContent += ` · problem: ${playback.error}`;

    $('admin-catalog').textContent = `${state.catalogSize} ${state.catalogSize === 1 ? 'song' : 'songs'}`;
    $('admin-output').textContent = playback.output || 'unknown';
    $('admin-camera').textContent = state.cameraOn ? 'On' : 'Off';
    $('admin-updated').classList.remove('stale');
    $('admin-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
  }

  async function refresh() {
    try {
      const response = await fetch('/api/state', { cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      show(await response.json());
    } catch (e) {
      $('admin-updated').classList.add('stale');
      $('admin-updated').textContent = 'Cannot reach the box right now; retrying…';
    } finally {
      setTimeout(refresh, REFRESH_MS);
    }
  }

  refresh();
})();

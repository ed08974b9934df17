// Section "Music taste": languages, favourite and excluded artists. Artists are chips; typing offers the
// catalog's artists as you type (GET /admin/api/artists?q=), and any name can be added as typed.
'use strict';

(() => {
  const admin = window.MoodboxAdmin;
  const $ = (id) => document.getElementById(id);
  const SEARCH_DELAY_MS = 150;

  /** One chip list with its search box; returns its current names through names(). */
  function artistPicker(field) {
    const root = document.querySelector(`.artist-picker[data-field="${field}"]`);
    const input = root.querySelector('input');
    const chips = root.querySelector('.chip-list');
    const suggestions = root.querySelector('.suggestions');
    let names = [];
    let timer = 0;
    let asked = 0;

    function render() {
      chips.replaceChildren(...names.map((name) => {
        const item = document.createElement('li');
        item.className = 'chip';
        const text = document.createElement('span');
        text.textContent = name;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'chip-remove';
        remove.textContent = '×';
        remove.setAttribute('aria-label', `Remove ${name}`);
        remove.addEventListener('click', () => {
          names = names.filter((n) => n !== name);
          render();
          input.focus();
        });
        item.append(text, remove);
        return item;
      }));
      root.querySelector('.chip-empty').hidden = names.length > 0;
    }

    function add(name) {
      const clean = name.trim();
      if (clean && !names.some((n) => n.toLowerCase() === clean.toLowerCase())) names.push(clean);
      input.value = '';
      suggestions.replaceChildren();
      render();
      input.focus();
    }

    async function search() {
      const text = input.value.trim();
      const ticket = ++asked;
      if (!text) { suggestions.replaceChildren(); return; }
      try {
        const answer = await admin.call('GET', `/admin/api/artists?q=${encodeURIComponent(text)}`);
        if (ticket !== asked) return; // a newer keystroke's answer is on its way
        const offered = answer.artists.filter((a) => !names.some((n) => n.toLowerCase() === a.toLowerCase()));
        suggestions.replaceChildren(...offered.map((artist) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'suggestion';
          button.textContent = artist;
          button.setAttribute('aria-label', `Add ${artist}`);
          button.addEventListener('click', () => add(artist));
          return button;
        }));
      } catch (e) { /* the search is a convenience; typing the name still works */ }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(search, SEARCH_DELAY_MS);
    });
    // Enter adds the typed name instead of saving the whole form half-edited.
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        add(input.value);
      }
    });
    root.querySelector('.add-typed').addEventListener('click', () => add(input.value));

    return {
      names: () => (input.value.trim() ? [...names, input.value.trim()] : [...names]),
      set: (list) => { names = [...list]; input.value = ''; suggestions.replaceChildren(); render(); },
    };
  }

  const favourites = artistPicker('favouriteArtists');
  const excluded = artistPicker('excludedArtists');

  admin.section({
    name: 'taste',
    fill(settings) {
      $('settings-languages').value = settings.languages.join(', ');
      favourites.set(settings.favouriteArtists);
      excluded.set(settings.excludedArtists);
    },
    collect() {
      return {
        languages: admin.list($('settings-languages').value),
        favouriteArtists: favourites.names(),
        excludedArtists: excluded.names(),
      };
    },
  });
})();

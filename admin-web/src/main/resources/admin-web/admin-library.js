// Section "Music library": the owner's music folders (saved with the settings), the installer's folders
// (read-only), and a rescan that runs on the box in the background while this page polls its progress.
'use strict';

(() => {
  const admin = window.MoodboxAdmin;
  const $ = (id) => document.getElementById(id);
  const POLL_MS = 1000;
  let folders = [];
  let polling = 0;

  function renderFolders() {
    $('library-folders').replaceChildren(...folders.map((folder) => {
      const item = document.createElement('li');
      item.className = 'chip';
      const text = document.createElement('span');
      text.textContent = folder;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'chip-remove';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `Remove ${folder}`);
      remove.addEventListener('click', () => {
        folders = folders.filter((f) => f !== folder);
        renderFolders();
      });
      item.append(text, remove);
      return item;
    }));
    $('library-folders-empty').hidden = folders.length > 0;
  }

  function addTyped() {
    const folder = $('library-folder-new').value.trim();
    if (folder && !folders.includes(folder)) folders.push(folder);
    $('library-folder-new').value = '';
    renderFolders();
  }

  function showScan(library) {
    $('library-installer').textContent = library.installerFolders.length
      ? `Also scanned (set when the box was installed): ${library.installerFolders.join(', ')}.` : '';
    $('library-tracks').textContent = `${library.tracks} ${library.tracks === 1 ? 'song' : 'songs'} in the library.`;
    $('library-rescan').disabled = !library.canScan;
    const scan = library.scan;
    const bar = $('library-progress');
    const text = $('library-scan-state');
    if (!scan || scan.state === 'idle') {
      bar.hidden = true;
      text.textContent = 'No scan since the box started.';
      return false;
    }
    if (scan.state === 'running') {
      bar.hidden = false;
      bar.max = Math.max(1, scan.total);
      bar.value = scan.done;
      text.textContent = scan.total
        ? `Scanning: ${scan.done} of ${scan.total} files${scan.currentFile ? ` (${scan.currentFile})` : ''}…`
        : 'Looking for music files…';
      return true;
    }
    bar.hidden = true;
    if (scan.state === 'failed') {
      text.textContent = `The scan stopped: ${scan.error}`;
    } else {
      const problems = scan.failures.length ? `, ${scan.failures.length} could not be read` : '';
      text.textContent = `Scan finished: ${scan.done} files, ${scan.added} new, ${scan.updated} changed, `
        + `${scan.unchanged} unchanged${problems}.`;
    }
    $('library-failures').replaceChildren(...scan.failures.slice(0, 20).map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }));
    return false;
  }

  async function poll() {
    clearTimeout(polling);
    try {
      const running = showScan(await admin.call('GET', '/admin/api/library'));
      if (running) polling = setTimeout(poll, POLL_MS);
    } catch (e) { /* the next tap or sign-in tries again */ }
  }

  $('library-add').addEventListener('click', addTyped);
  $('library-folder-new').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); addTyped(); }
  });
  $('library-rescan').addEventListener('click', () => {
    admin.submit($('library-form'), $('library-rescan'), async () => {
      showScan(await admin.call('POST', '/admin/api/library/rescan', {}));
      poll();
    });
  });
  admin.onSignedIn(poll);

  admin.section({
    name: 'library',
    fill(settings) {
      folders = [...settings.libraryFolders];
      renderFolders();
    },
    collect() {
      const typed = $('library-folder-new').value.trim();
      return { libraryFolders: typed && !folders.includes(typed) ? [...folders, typed] : [...folders] };
    },
  });
})();

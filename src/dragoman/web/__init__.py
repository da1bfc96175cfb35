"""The dashboard: static files (``static/``: index.html, app.js, style.css, the world map) served at ``/``
by ``dragoman.api``.  Plain HTML, CSS and JavaScript: no build step, no CDN, works offline."""

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"

"""News pages as sites ship them: an article's paragraphs wrapped in a real site's chrome.

The HTML and WARC tests feed kg the pages users save: a ``<head>`` full of metadata
(``<title>Headline | Outlet</title>``, Open Graph, ``article:published_time``, a
canonical link, JSON-LD ``NewsArticle``), scripts for analytics and ads, a cookie
banner, a navigation menu of sections and countries, a byline, share buttons, a
"Related articles" box whose headlines name other countries, a newsletter box and a
footer.  Only the headline and the paragraphs are the article; every word of
:data:`CHROME_WORDS` is chrome and must not reach the text kg reads.
"""
from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

#: Words that only the chrome holds: none may reach an article's text.
CHROME_WORDS = (
    "World News", "China", "Europe", "Sport", "Subscribe", "cookies", "Accept all", "Share on",
    "Related articles", "Newsletter", "All rights reserved", "Brazil", "Japan", "Most read",
    "googletag", "dataLayer", "Advertisement", "Jane Roe",
)

#: The related-links box: other stories naming other countries.
RELATED_HEADLINES = (
    "Brazil and Japan sign a trade pact in Brasilia",
    "China says talks with Europe will resume in spring",
    "Most read: Sport ministers meet in Geneva",
)


def news_page(title: str, paragraphs: Sequence[str], *, outlet: str = "Velorian Courier",
              url: str | None = "https://courier.example/world/2024/03/05/story",
              date: str | None = "2024-03-05", authors: Sequence[str] = ("Jane Roe",),
              lang: str | None = "en", charset: str = "utf-8") -> str:
    """A saved news page: ``paragraphs`` under the headline ``title``, in ``outlet``'s chrome.

    ``date`` (``2024-03-05``, or None for a page that gives none) becomes ``article:published_time``,
    the JSON-LD ``datePublished`` and the visible time; ``url`` the canonical link and
    ``og:url``; ``authors`` the byline block and JSON-LD authors.
    """
    e = escape
    head_meta = [f'<meta charset="{e(charset)}">',
                 '<meta name="viewport" content="width=device-width, initial-scale=1">',
                 f"<title>{e(title)} | {e(outlet)}</title>",
                 f'<meta name="description" content="{e(_summary(paragraphs))}">',
                 f'<meta property="og:title" content="{e(title)}">',
                 f'<meta property="og:site_name" content="{e(outlet)}">',
                 '<meta property="og:type" content="article">',
                 '<meta name="twitter:card" content="summary_large_image">']
    if url:
        head_meta += [f'<meta property="og:url" content="{e(url)}">', f'<link rel="canonical" href="{e(url)}">']
    if date:
        head_meta.append(f'<meta property="article:published_time" content="{e(_timestamp(date))}">')
    ld: dict[str, object] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
        "publisher": {"@type": "Organization", "name": outlet},
        "author": [{"@type": "Person", "name": name} for name in authors],
    }
    if date:
        ld["datePublished"] = _timestamp(date)
    if url:
        ld["mainEntityOfPage"] = url
    byline = " and ".join(f'<a href="/authors/{_slug(n)}" rel="author">{e(n)}</a>' for n in authors)
    time_tag = f'<time datetime="{e(_timestamp(date))}">{e(date)}</time>' if date else ""
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    related = "\n".join(f'<li><a href="/world/{_slug(h)}">{e(h)}</a></li>' for h in RELATED_HEADLINES)
    html_lang = f' lang="{e(lang)}"' if lang else ""
    return f"""<!DOCTYPE html>
<html{html_lang}>
<head>
{chr(10).join(head_meta)}
<link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">{json.dumps(ld)}</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XYZ"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}
gtag('js', new Date()); gtag('config', 'G-XYZ');</script>
<script>var googletag = googletag || {{cmd: []}}; googletag.cmd.push(function() {{
googletag.defineSlot('/1234/world', [728, 90], 'ad-top').addService(googletag.pubads()); }});</script>
</head>
<body class="article-page">
<div id="cookie-banner" class="cookie-consent" role="dialog">
  <p>We use cookies to improve your experience and to show you personalised ads.
  By clicking Accept all you agree to the storing of cookies on your device.</p>
  <button class="accept">Accept all</button> <button class="reject">Manage settings</button>
</div>
<header class="site-header">
  <a class="logo" href="/">{e(outlet)}</a>
  <nav class="main-menu" aria-label="Sections">
    <ul>
      <li><a href="/">Home</a></li><li><a href="/world">World News</a></li>
      <li><a href="/world/china">China</a></li><li><a href="/world/europe">Europe</a></li>
      <li><a href="/world/brazil">Brazil</a></li><li><a href="/business">Business</a></li>
      <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe</a></li>
    </ul>
  </nav>
</header>
<div class="ad ad-leaderboard" id="ad-top"><span>Advertisement</span></div>
<main>
<article class="story">
  <header>
    <nav class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/world">World News</a></nav>
    <h1 class="headline">{e(title)}</h1>
    <div class="byline">By {byline}</div>
    {time_tag}
    <div class="share-buttons">
      <a href="https://www.facebook.com/sharer.php">Share on Facebook</a>
      <a href="https://twitter.com/intent/tweet">Share on X</a>
      <a href="mailto:?subject=story">Email</a>
    </div>
  </header>
  <div class="article-body">
{body}
  </div>
  <div class="ad ad-inline"><span>Advertisement</span></div>
  <div class="tags">Topics: <a href="/tag/china">China</a>, <a href="/tag/europe">Europe</a></div>
</article>
<aside class="related">
  <h2>Related articles</h2>
  <ul>
{related}
  </ul>
</aside>
<aside class="newsletter">
  <h3>Newsletter</h3>
  <p>Get the World News briefing in your inbox every morning. Subscribe now, it is free.</p>
  <form action="/newsletter"><input type="email" name="email"><button>Subscribe</button></form>
</aside>
</main>
<footer class="site-footer">
  <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
  <li><a href="/privacy">Privacy policy</a></li></ul>
  <p>&copy; 2026 {e(outlet)}. All rights reserved.</p>
</footer>
<script src="/static/ads.js"></script>
</body>
</html>
"""


def _timestamp(date: str) -> str:
    """A page's timestamp for an ISO date, as sites print it."""
    return f"{date}T09:30:00+00:00"


def _summary(paragraphs: Sequence[str]) -> str:
    words = " ".join(paragraphs).split()
    return " ".join(words[:25])


def _slug(text: str) -> str:
    return "-".join("".join(ch for ch in word.lower() if ch.isalnum()) for word in text.split())


@dataclass(frozen=True)
class Fetch:
    """One page a crawler fetched: what a WARC ``response`` record holds."""

    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    fetched: str = "2024-03-06T10:00:00Z"  # the record's WARC-Date
    headers: tuple[tuple[str, str], ...] = ()  # more HTTP headers ("Content-Encoding", "gzip")


def write_crawl(path: Path, fetches: Sequence[Fetch]) -> Path:
    """A WARC file as a crawler writes it (gzipped if ``path`` ends in ``.gz``): a
    ``warcinfo`` record, then for each fetch a ``request`` record and its ``response``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "kg-tests crawler/1.0",
                                                                     "format": "WARC File Format 1.1"}))
        for fetch in fetches:
            host = fetch.url.split("/")[2]
            request = StatusAndHeaders(f"GET /{fetch.url.split('/', 3)[-1]} HTTP/1.1",
                                       [("Host", host), ("User-Agent", "kg-tests")], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                fetch.url, "request", payload=io.BytesIO(b""), http_headers=request,
                warc_headers_dict={"WARC-Date": fetch.fetched}))
            response = StatusAndHeaders(fetch.status, [("Content-Type", fetch.content_type),
                                                       ("Content-Length", str(len(fetch.body))),
                                                       *fetch.headers],
                                        protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                fetch.url, "response", payload=io.BytesIO(fetch.body), http_headers=response,
                warc_headers_dict={"WARC-Date": fetch.fetched}))
    return path

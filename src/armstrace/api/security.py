"""What keeps untrusted article text inert and the database read-only to strangers.

- Every response carries a strict Content-Security-Policy: scripts, styles, images and
  fetches only from this server, no inline script or style element, no plugins, no framing.
  Article text reaches pages only as escaped text (Jinja autoescape; `textContent` in our
  scripts), and the policy is the second wall should an escape ever be missed.
- The one write route, `POST /api/documents`, exists only when the server was started with an
  ingest token, and then wants `Authorization: Bearer <token>`.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, status
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)

INGEST_DISABLED = (
    "ingestion is disabled on this server: start it with an ingest token "
    "(ARMSTRACE_INGEST_TOKEN or --ingest-token) to enable POST /api/documents"
)


class SecurityHeaders:
    """ASGI middleware adding `SECURITY_HEADERS` to every HTTP response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def require_ingest_token(request: Request) -> None:
    """Dependency of the write route: 403 when ingestion is off, 401 without the token."""
    expected: str | None = request.app.state.ingest_token
    if not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=INGEST_DISABLED)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), expected.encode("utf-8")
    ):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="missing or wrong token: send Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )


def safe_link(url: str | None) -> str | None:
    """`url` when it is an http(s) link, else None: an article's URL never becomes a
    `javascript:` or `data:` link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None

"""The staff sign-in gate: password check, roles, idle expiry, and a brake on guessing."""

from __future__ import annotations

import time

import streamlit as st

from assistant.auth import StaffSession
from assistant.i18n import ngettext
from ui.language import _, current
from ui.services import Services

SESSION = "staff_session"
FAILURES = "staff_failures"
MAX_FAILURES = 5  # wrong passwords in a row, per browser session, before a pause
PAUSE_SECONDS = 30


def _sign_in_form(svc: Services, notice: str | None) -> None:
    st.title(_("Staff sign-in"))
    if notice:
        st.info(notice)
    failures, last = st.session_state.get(FAILURES, (0, 0.0))
    wait = PAUSE_SECONDS - (time.time() - last)
    if failures >= MAX_FAILURES and wait > 0:
        seconds = int(wait) + 1
        st.error(
            ngettext(
                current(),
                "Too many wrong passwords. Try again in {seconds} second.",
                "Too many wrong passwords. Try again in {seconds} seconds.",
                seconds,
            ).format(seconds=seconds)
        )
        return
    with st.form("sign_in"):
        name = st.text_input(_("User name"), key="sign_in_name", autocomplete="username")
        password = st.text_input(
            _("Password"),
            type="password",
            key="sign_in_password",
            autocomplete="current-password",
        )
        submitted = st.form_submit_button(_("Sign in"), type="primary")
    if not submitted:
        st.caption(
            _("Accounts are made with: {command}").format(
                command="museum-qa users add NAME --role curator"
            )
        )
        return
    user = svc.users.authenticate(name, password)
    if user is None:
        st.session_state[FAILURES] = (0 if failures >= MAX_FAILURES else failures) + 1, time.time()
        paused = svc.users.retry_after(name)
        if paused > 0:
            # Every name is paused the same way, known or not: this says nothing about which.
            seconds = int(paused) + 1
            st.error(
                ngettext(
                    current(),
                    "Too many wrong passwords for this user name. Try again in {seconds} second.",
                    "Too many wrong passwords for this user name. Try again in {seconds} seconds.",
                    seconds,
                ).format(seconds=seconds)
            )
            return
        # One message for an unknown name and a wrong password: no hint which it was.
        st.error(_("That user name and password don't match an active account."))
        return
    st.session_state.pop(FAILURES, None)
    st.session_state[SESSION] = StaffSession(user.name, user.role)
    st.rerun()


def sign_out() -> None:
    """End the staff session in this browser."""
    st.session_state.pop(SESSION, None)


def _still_allowed(
    svc: Services, session: StaffSession, notice: str | None
) -> tuple[StaffSession | None, str | None]:
    """The session as the account is now: an admin's change applies at the next click.

    A disabled (or removed) account is signed out; a changed role replaces the one the
    session began with, so a curator made admin, or an admin made curator, sees it at once.
    """
    account = svc.users.get(session.name)
    if account is None or account.disabled:
        sign_out()
        return None, _("Your account was disabled. Ask an admin if you need access again.")
    session.role = account.role
    return session, notice


def require(svc: Services, role: str = "curator") -> StaffSession:
    """The signed-in staff session allowed to see ``role`` pages; else a form, and stop."""
    session: StaffSession | None = st.session_state.get(SESSION)
    notice = None
    if session is not None and session.expired(svc.settings.staff_idle_minutes):
        sign_out()
        session = None
        notice = _("Your session ended after a period of inactivity. Please sign in again.")
    if session is not None:
        session, notice = _still_allowed(svc, session, notice)
    if session is None:
        _sign_in_form(svc, notice)
        st.stop()
    assert session is not None
    if not session.allows(role):
        st.error(
            _("This page is for the {role} role; you are signed in as a {signed_in_role}.").format(
                role=role, signed_in_role=session.role
            )
        )
        st.stop()
    session.touch()
    who, out = st.columns([4, 1], vertical_alignment="center")
    who.caption(_("Signed in as {name} ({role})").format(name=session.name, role=session.role))
    out.button(_("Sign out"), key="sign_out", on_click=sign_out)
    return session

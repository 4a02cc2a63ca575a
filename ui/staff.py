"""The staff sign-in gate: password check, roles, idle expiry, and a brake on guessing."""

from __future__ import annotations

import time

import streamlit as st

from assistant.auth import StaffSession
from ui.services import Services

SESSION = "staff_session"
FAILURES = "staff_failures"
MAX_FAILURES = 5  # wrong passwords in a row, per browser session, before a pause
PAUSE_SECONDS = 30


def _sign_in_form(svc: Services, notice: str | None) -> None:
    st.title("Staff sign-in")
    if notice:
        st.info(notice)
    failures, last = st.session_state.get(FAILURES, (0, 0.0))
    wait = PAUSE_SECONDS - (time.time() - last)
    if failures >= MAX_FAILURES and wait > 0:
        st.error(f"Too many wrong passwords. Try again in {int(wait) + 1} seconds.")
        return
    with st.form("sign_in"):
        name = st.text_input("User name", key="sign_in_name", autocomplete="username")
        password = st.text_input(
            "Password", type="password", key="sign_in_password", autocomplete="current-password"
        )
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        st.caption("Accounts are made with: museum-qa users add NAME --role curator")
        return
    user = svc.users.authenticate(name, password)
    if user is None:
        st.session_state[FAILURES] = (0 if failures >= MAX_FAILURES else failures) + 1, time.time()
        paused = svc.users.retry_after(name)
        if paused > 0:
            # Every name is paused the same way, known or not: this says nothing about which.
            st.error(
                "Too many wrong passwords for this user name. "
                f"Try again in {int(paused) + 1} seconds."
            )
            return
        # One message for an unknown name and a wrong password: no hint which it was.
        st.error("That user name and password don't match an active account.")
        return
    st.session_state.pop(FAILURES, None)
    st.session_state[SESSION] = StaffSession(user.name, user.role)
    st.rerun()


def sign_out() -> None:
    """End the staff session in this browser."""
    st.session_state.pop(SESSION, None)


def require(svc: Services, role: str = "curator") -> StaffSession:
    """The signed-in staff session allowed to see ``role`` pages; else a form, and stop."""
    session: StaffSession | None = st.session_state.get(SESSION)
    notice = None
    if session is not None and session.expired(svc.settings.staff_idle_minutes):
        sign_out()
        session = None
        notice = "Your session ended after a period of inactivity. Please sign in again."
    if session is None:
        _sign_in_form(svc, notice)
        st.stop()
    assert session is not None
    if not session.allows(role):
        st.error(f"This page is for the {role} role; you are signed in as a {session.role}.")
        st.stop()
    session.touch()
    who, out = st.columns([4, 1], vertical_alignment="center")
    who.caption(f"Signed in as {session.name} ({session.role})")
    out.button("Sign out", key="sign_out", on_click=sign_out)
    return session

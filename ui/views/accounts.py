"""Admin: staff accounts (add, reset a password, disable, change a role), as 'museum-qa users'.

Every change is audited in the admin's name. Two admins changing one account at once: the
second is told, and nothing the first saved is overwritten (each change names the account
version this page showed).
"""

from __future__ import annotations

import streamlit as st

from assistant.auth import ROLES, AccountError, StaleAccountError, User
from ui.language import N_, _
from ui.services import services
from ui.staff import require

# The access choices are the radio's values (English msgids), shown translated.
KEEP, DISABLE, ENABLE = N_("Keep as is"), N_("Disable"), N_("Enable")
# Session keys: the account versions this page last showed, a message for the next run, and
# the change form's generation (a new one is an empty form; a refused change keeps its form).
SEEN, FLASH, FORM = "accounts_seen", "accounts_flash", "accounts_form"

svc = services()
me = require(svc, "admin")
st.title(_("Staff accounts"))

# What the admin saw when they filled a form is what the previous run showed.
seen: dict[str, int] = st.session_state.get(SEEN, {})
users = svc.users.users()
st.session_state[SEEN] = {u.name: u.version for u in users}
if flash := st.session_state.pop(FLASH, None):
    kind, message = flash
    (st.success if kind == "ok" else st.error)(message)

st.dataframe(
    # The keys are the column headings; roles are shown as the CLI spells them (--role).
    [{_("name"): u.name, _("role"): u.role, _("active"): not u.disabled} for u in users],
    hide_index=True,
)

st.subheader(_("Add an account"))
with st.form("add_user", clear_on_submit=True):
    name = st.text_input(_("User name"), key="new_name", autocomplete="off")
    role = st.selectbox(_("Role"), ROLES, key="new_role")
    password = st.text_input(
        _("Password"), type="password", key="new_password", autocomplete="new-password"
    )
    again = st.text_input(
        _("Password again"),
        type="password",
        key="new_password_again",
        autocomplete="new-password",
    )
    add = st.form_submit_button(_("Add account"), type="primary")
if add:
    try:
        if password != again:
            raise AccountError(_("the two passwords differ"))
        svc.users.add(name, password, role, actor=me.name)
    except AccountError as exc:
        # The account store's reasons are its own (English) words, as the CLI prints them.
        st.error(_("Not added: {reason}.").format(reason=exc))
    else:
        st.session_state[FLASH] = ("ok", _("Added {role} {name}.").format(role=role, name=name))
        st.rerun()  # the table above was read before the account existed


def _state(user: User | None) -> str:
    if user is None:
        return _("removed")
    return _("{role}, disabled").format(role=user.role) if user.disabled else user.role


others = [u.name for u in users if u.name != me.name]
if others:
    st.subheader(_("Change an account"))
    # Not cleared on submit: a change refused because another admin changed the account
    # first stays in the form. A change made starts the next generation, an empty form.
    gen = st.session_state.setdefault(FORM, 0)
    with st.form(f"change_user_{gen}"):
        who = st.selectbox(_("Account"), others, key=f"change_name_{gen}")
        new_password = st.text_input(
            _("New password (leave empty to keep)"),
            type="password",
            key=f"change_password_{gen}",
            autocomplete="new-password",
        )
        action = st.radio(
            _("Access"),
            [KEEP, DISABLE, ENABLE],
            format_func=_,
            horizontal=True,
            key=f"change_access_{gen}",
        )
        new_role = st.selectbox(
            _("Role"),
            ["", *ROLES],
            format_func=lambda r: r or _(KEEP),
            key=f"change_role_{gen}",
        )
        change = st.form_submit_button(_("Apply"))
    if change and who:
        try:
            svc.users.change(
                who,
                actor=me.name,
                password=new_password or None,
                disabled=None if action == KEEP else action == DISABLE,
                role=new_role or None,
                seen_version=seen.get(who),
            )
        except StaleAccountError:
            # Nothing is lost: their change stands, and this admin's is still in the form.
            st.session_state[FLASH] = (
                "error",
                _(
                    "Not changed: another admin changed {name} after this page showed it. "
                    "It is now: {state}. Your change is still in the form: check the table, "
                    "then apply it again to make it on top of theirs."
                ).format(name=who, state=_state(svc.users.get(who))),
            )
            st.rerun()
        except AccountError as exc:
            st.error(_("Not changed: {reason}.").format(reason=exc))
        else:
            st.session_state[FLASH] = ("ok", _("Updated {name}.").format(name=who))
            st.session_state[FORM] = gen + 1
            st.rerun()

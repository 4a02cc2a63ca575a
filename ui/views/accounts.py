"""Admin: staff accounts (add, reset a password, disable), the same as 'museum-qa users'."""

from __future__ import annotations

import streamlit as st

from assistant.auth import ROLES, AccountError
from ui.language import N_, _
from ui.services import services
from ui.staff import require

# The access choices are the radio's values (English msgids), shown translated.
KEEP, DISABLE, ENABLE = N_("Keep as is"), N_("Disable"), N_("Enable")

svc = services()
me = require(svc, "admin")
st.title(_("Staff accounts"))

users = svc.users.users()
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
        svc.users.add(name, password, role)
    except AccountError as exc:
        # The account store's reasons are its own (English) words, as the CLI prints them.
        st.error(_("Not added: {reason}.").format(reason=exc))
    else:
        st.success(_("Added {role} {name}.").format(role=role, name=name))

others = [u.name for u in users if u.name != me.name]
if others:
    st.subheader(_("Change an account"))
    with st.form("change_user", clear_on_submit=True):
        who = st.selectbox(_("Account"), others, key="change_name")
        new_password = st.text_input(
            _("New password (leave empty to keep)"),
            type="password",
            key="change_password",
            autocomplete="new-password",
        )
        action = st.radio(
            _("Access"),
            [KEEP, DISABLE, ENABLE],
            format_func=_,
            horizontal=True,
            key="change_access",
        )
        change = st.form_submit_button(_("Apply"))
    if change and who:
        try:
            if new_password:
                svc.users.set_password(who, new_password)
            if action != KEEP:
                svc.users.set_disabled(who, action == DISABLE)
        except AccountError as exc:
            st.error(_("Not changed: {reason}.").format(reason=exc))
        else:
            st.success(_("Updated {name}.").format(name=who))

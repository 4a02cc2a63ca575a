"""Admin: staff accounts (add, reset a password, disable), the same as 'museum-qa users'."""

from __future__ import annotations

import streamlit as st

from assistant.auth import ROLES, AccountError
from ui.services import services
from ui.staff import require

svc = services()
me = require(svc, "admin")
st.title("Staff accounts")

users = svc.users.users()
st.dataframe(
    [{"name": u.name, "role": u.role, "active": not u.disabled} for u in users], hide_index=True
)

st.subheader("Add an account")
with st.form("add_user", clear_on_submit=True):
    name = st.text_input("User name", key="new_name", autocomplete="off")
    role = st.selectbox("Role", ROLES, key="new_role")
    password = st.text_input(
        "Password", type="password", key="new_password", autocomplete="new-password"
    )
    again = st.text_input(
        "Password again", type="password", key="new_password_again", autocomplete="new-password"
    )
    add = st.form_submit_button("Add account", type="primary")
if add:
    try:
        if password != again:
            raise AccountError("the two passwords differ")
        svc.users.add(name, password, role)
    except AccountError as exc:
        st.error(f"Not added: {exc}.")
    else:
        st.success(f"Added {role} {name}.")

others = [u.name for u in users if u.name != me.name]
if others:
    st.subheader("Change an account")
    with st.form("change_user", clear_on_submit=True):
        who = st.selectbox("Account", others, key="change_name")
        new_password = st.text_input(
            "New password (leave empty to keep)",
            type="password",
            key="change_password",
            autocomplete="new-password",
        )
        action = st.radio(
            "Access", ["Keep as is", "Disable", "Enable"], horizontal=True, key="change_access"
        )
        change = st.form_submit_button("Apply")
    if change and who:
        try:
            if new_password:
                svc.users.set_password(who, new_password)
            if action != "Keep as is":
                svc.users.set_disabled(who, action == "Disable")
        except AccountError as exc:
            st.error(f"Not changed: {exc}.")
        else:
            st.success(f"Updated {who}.")
